// The city-wide (or one tenant's) ranking: filters in the URL, pages by page token, read again whenever
// the gateway pushes a change of the view (server-sent events, no polling); exported as shown (every
// page) to Excel.
import { api, subscribe } from './api.js';
import { el, fixed, gradeBadge, isPeriod } from './format.js';
import { servingRubric } from './rubric.js';
import { MAX_COMPARED, compareLink } from './compare.js';
import { exportButton } from './exports.js';

const PAGE_SIZE = 20;
// The pushed view: its top 100 and its count. A change there reads the shown page again.
const WATCHED = 100;

function filtersForm(filters) {
  const field = (label, input) => el('label', {}, label, input);
  const scope = el('select', { name: 'scope' },
    el('option', { value: 'city', selected: filters.scope !== 'tenant' }, '全市'),
    el('option', { value: 'tenant', selected: filters.scope === 'tenant' }, '本单位'));
  const indicator = el('select', { name: 'indicator' }, el('option', { value: '' }, '总分'));
  servingRubric().then(({ indicators }) => {
    for (const i of indicators) indicator.append(el('option', { value: i.id, selected: i.id === filters.indicator }, i.name));
  });
  const form = el('form', { class: 'filters', id: 'ranking-filters' },
    field('考核期', el('input', { name: 'period', value: filters.period, required: true, pattern: '\\d{4}(-Q[1-4]|-\\d{2})?', placeholder: '2026 / 2026-Q1 / 2026-03', size: 10 })),
    field('范围', scope),
    field('单位（范围为本单位时）', el('input', { name: 'tenant', value: filters.tenant, size: 16 })),
    field('指标', indicator),
    field('按名称搜索', el('input', { name: 'q', value: filters.q, type: 'search', size: 14 })),
    el('button', { type: 'submit' }, '查询'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams([...new FormData(form)].filter(([, v]) => v !== ''));
    location.hash = `#/ranking?${params}`;
  });
  return form;
}

// The view the filters describe, as ListTopBranches and its export read it.
const rankingPath = (filters, prefix) => `${prefix}/${encodeURIComponent(filters.period)}`;
const rankingOptions = (filters, query = {}) => ({
  tenant: filters.scope === 'tenant' ? filters.tenant : undefined,
  query: {
    scope: filters.scope === 'tenant' ? 'RANKING_SCOPE_TENANT' : 'RANKING_SCOPE_CITY',
    indicatorId: filters.indicator,
    nameContains: filters.q,
    ...query,
  },
});

function rowsTable(response, filters, bands, selected, onSelect) {
  const byIndicator = Boolean(filters.indicator);
  const head = el('tr', {}, el('th', {}, '对比'), el('th', { class: 'num' }, '名次'), el('th', {}, '支部'), el('th', {}, '单位'),
    el('th', { class: 'num' }, byIndicator ? '指标得分' : '总分'), el('th', {}, '等次'));
  const rows = (response.branches ?? []).map((b) => {
    const link = `#/branch/${encodeURIComponent(b.tenantId)}/${encodeURIComponent(b.nodeId)}?period=${encodeURIComponent(filters.period)}`;
    const score = byIndicator ? `${fixed(b.indicator?.points)} / ${fixed(b.indicator?.maxPoints)}` : fixed(b.total);
    const key = `${b.tenantId}/${b.nodeId}`;
    const pick = el('input', { type: 'checkbox', checked: selected.has(key), 'aria-label': `对比 ${b.displayName || b.nodeId}` });
    pick.addEventListener('change', () => onSelect(key, b, pick));
    return el('tr', { 'data-node': b.nodeId, 'data-tenant': b.tenantId },
      el('td', {}, pick), el('td', { class: 'num' }, b.rank), el('td', {}, el('a', { href: link }, b.displayName || b.nodeId)),
      el('td', { title: b.tenantId }, b.tenantName || b.tenantId), el('td', { class: 'num' }, score), el('td', {}, gradeBadge(b.grade, bands)));
  });
  if (rows.length === 0) rows.push(el('tr', {}, el('td', { colspan: 6, class: 'muted' }, '暂无排名数据')));
  return el('table', { id: 'ranking' }, el('thead', {}, head), el('tbody', {}, rows));
}

export function rankingPage(view, params) {
  const filters = {
    period: params.get('period') ?? String(new Date().getFullYear()),
    scope: params.get('scope') ?? 'city',
    tenant: params.get('tenant') ?? '',
    indicator: params.get('indicator') ?? '',
    q: params.get('q') ?? '',
  };
  const tokens = ['']; // page tokens of the pages visited, the current one last
  const status = el('p', { class: 'muted', id: 'ranking-status' });
  const table = el('div');
  const previous = el('button', { type: 'button', disabled: true }, '上一页');
  const next = el('button', { type: 'button', disabled: true }, '下一页');
  // Picked branches survive paging and refreshes; the comparison takes them in the order picked.
  const selected = new Map();
  const compare = el('button', { type: 'button', id: 'compare', disabled: true }, '对比所选');
  const onSelect = (key, branch, box) => {
    if (!box.checked) selected.delete(key);
    else if (selected.size < MAX_COMPARED) selected.set(key, { tenantId: branch.tenantId, nodeId: branch.nodeId });
    else box.checked = false;
    compare.disabled = selected.size === 0;
    compare.textContent = `对比所选（${selected.size}/${MAX_COMPARED}）`;
  };
  compare.addEventListener('click', () => { location.hash = compareLink(filters.period, [...selected.values()]); });
  const overview = el('a', { href: `#/overview?period=${encodeURIComponent(filters.period)}`, id: 'overview-link' }, '全市概况（分布、单位排行）');
  const exportRanking = exportButton('export-ranking', '导出 Excel', () => ({
    path: rankingPath(filters, '/v1/downloads/rankings'), options: rankingOptions(filters, { format: 'xlsx' }),
  }));
  view.append(el('h2', {}, '支部排名'), el('p', {}, overview), filtersForm(filters), status, table,
    el('div', { class: 'pager' }, previous, next, compare, exportRanking));

  let nextToken = '';
  async function load() {
    if (!isPeriod(filters.period)) {
      status.textContent = '请输入考核期，如 2026、2026-Q1 或 2026-03。';
      return;
    }
    try {
      const response = await api(`${rankingPath(filters, '/v1/rankings')}/branches`,
        rankingOptions(filters, { pageSize: PAGE_SIZE, pageToken: tokens.at(-1) }));
      const { bands } = await servingRubric();
      nextToken = response.nextPageToken ?? '';
      table.replaceChildren(rowsTable(response, filters, bands, selected, onSelect));
      status.textContent = `共 ${response.rankedCount ?? 0} 个支部参与排名 · 第 ${tokens.length} 页 · 考核细则 ${response.rubricVersion || '—'} · 有变化时自动更新`;
      previous.disabled = tokens.length === 1;
      next.disabled = !nextToken;
    } catch (error) {
      status.textContent = '';
      table.replaceChildren(el('p', { class: 'error', role: 'alert' }, `读取排名失败：${error.message}`));
    }
  }

  next.addEventListener('click', () => { tokens.push(nextToken); load(); });
  previous.addEventListener('click', () => { tokens.pop(); load(); });
  load();
  if (!isPeriod(filters.period)) return () => {};
  // The first event is the view as it stands (just read): only later ones are changes.
  let first = true;
  const watched = rankingOptions(filters, { topN: WATCHED });
  delete watched.query.nameContains;
  return subscribe(`${rankingPath(filters, '/v1/rankings')}/events`, watched, () => {
    if (first) first = false;
    else load();
  });
}
