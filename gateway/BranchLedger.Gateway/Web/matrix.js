// 落实情况: every branch × every obligation for a year or quarter (met / missed / due), each cell opening
// the records behind it. Branches come from ListNodes, obligations from GetCompliance per branch.
import { api } from './api.js';
import { el } from './format.js';
import { tenantNodes, isBranch, pool, recordSummary, recordHref, periodFields, periodText } from './office.js';
import { catalogue } from './catalogue.js';

const STATUS = {
  OBLIGATION_STATUS_MET: ['已落实', 'status-met', 'met'],
  OBLIGATION_STATUS_MISSED: ['未落实', 'status-missed', 'missed'],
  OBLIGATION_STATUS_DUE: ['进行中', 'status-due', 'due'],
  OBLIGATION_STATUS_NOT_IN_FORCE: ['不适用', 'muted', 'not-in-force'],
};

// How many branches are read at once: enough to be quick, few enough not to crowd the tenant's budget.
const FAN_OUT = 4;

const PERIOD = /^\d{4}(-Q[1-4])?$/;

/** The records behind a cell's rows, read when it is opened (GetRecord each: date and topic, with a link). */
function recordsList(node, rows) {
  const list = el('ul', { class: 'cell-records' });
  let loaded = false;
  const load = async () => {
    if (loaded) return;
    loaded = true;
    const entries = rows.flatMap((row) => [...(row.recordIds ?? []).map((id) => [id, false]), ...(row.quorumFailures ?? []).map((id) => [id, true])]);
    if (rows.length > 1) {
      // A quarter or year of a monthly rule: each month's verdict first.
      list.append(...rows.map((row) => el('li', { class: 'muted' }, `${row.period}：${(STATUS[row.status] ?? ['未判定'])[0]} ${row.counted ?? 0}/${row.required ?? 0}`)));
    }
    if (entries.length === 0) {
      list.append(el('li', { class: 'muted' }, '暂无计入的记录'));
      return;
    }
    const read = await pool(entries, FAN_OUT, ([id]) =>
      api(`/v1/nodes/${encodeURIComponent(node.nodeId)}/records/${encodeURIComponent(id)}`));
    const cat = await catalogue();
    entries.forEach(([id, failed], i) => {
      if (read[i]?.error) {
        list.append(el('li', { class: 'error' }, `记录读取失败：${read[i].error.message}`));
        return;
      }
      const s = recordSummary(cat, read[i].record);
      list.append(el('li', { 'data-record': id }, el('a', { href: recordHref(node.nodeId, id) }, [s.date, s.what || s.kindLabel].filter(Boolean).join(' ')),
        failed ? el('span', { class: 'badge status-missed' }, '未达法定人数，不计入') : null));
    });
  };
  return { list, load };
}

// A rule's rows for the period (one per month of a monthly rule in a quarter): missed if any month was
// missed, due while any is open, met when all are; the counts summed.
function verdictOf(rows) {
  const judged = rows.filter((r) => r.status !== 'OBLIGATION_STATUS_NOT_IN_FORCE');
  if (judged.length === 0) return 'OBLIGATION_STATUS_NOT_IN_FORCE';
  if (judged.some((r) => r.status === 'OBLIGATION_STATUS_MISSED')) return 'OBLIGATION_STATUS_MISSED';
  if (judged.some((r) => r.status === 'OBLIGATION_STATUS_DUE')) return 'OBLIGATION_STATUS_DUE';
  return 'OBLIGATION_STATUS_MET';
}

function cell(node, rows, ruleName) {
  if (!rows?.length) return el('span', { class: 'muted' }, '—');
  const [label, css, key] = STATUS[verdictOf(rows)] ?? ['未判定', 'muted', 'unknown'];
  const sum = (field) => rows.reduce((n, r) => n + (r[field] ?? 0), 0);
  const counts = `${sum('counted')}/${sum('required')}`;
  const { list, load } = recordsList(node, rows);
  const details = el('details', { class: 'cell', 'data-node': node.nodeId, 'data-rule': rows[0].ruleId, 'data-status': key },
    el('summary', {}, el('span', { class: `badge ${css}` }, label), ' ', el('span', { class: 'counts' }, counts),
      el('span', { class: 'visually-hidden' }, `，${node.name}，${ruleName}，查看记录`)),
    list);
  details.addEventListener('toggle', () => { if (details.open) load(); });
  return details;
}

function wideTable(results, rules) {
  const head = el('tr', {}, el('th', { scope: 'col' }, '支部'), rules.map((r) => el('th', { scope: 'col' }, r.name)));
  const body = results.map(({ node, rows, error }) => el('tr', { 'data-node': node.nodeId },
    el('th', { scope: 'row' }, node.name),
    error ? el('td', { colspan: rules.length, class: 'error' }, `读取失败：${error.message}`)
      : rules.map((r) => el('td', {}, cell(node, rows.get(r.ruleId), r.name)))));
  return el('div', { class: 'table-wrap' }, el('table', { id: 'matrix-table' }, el('caption', { class: 'visually-hidden' }, '各支部落实情况'),
    el('thead', {}, head), el('tbody', {}, body)));
}

// On a phone: one card per branch, its obligations listed down (no sideways scrolling).
function branchList(results, rules) {
  return el('ul', { class: 'items', id: 'matrix-list' }, results.map(({ node, rows, error }) => el('li', { 'data-node': node.nodeId },
    el('h3', {}, node.name),
    error ? el('p', { class: 'error' }, `读取失败：${error.message}`)
      : el('dl', { class: 'obligations' }, rules.filter((r) => rows.has(r.ruleId)).flatMap((r) => [
        el('dt', {}, r.name), el('dd', {}, cell(node, rows.get(r.ruleId), r.name))])))));
}

export function matrixPage(view, params) {
  const asked = params.get('period') ?? '';
  const period = PERIOD.test(asked) ? asked : String(new Date().getFullYear());
  const { yearSelect, quarterSelect, value } = periodFields(period, 'matrix-period');
  const form = el('form', { class: 'filters', id: 'matrix-filters' },
    el('div', { class: 'filter' }, el('label', { for: yearSelect.id }, '年度'), yearSelect),
    el('div', { class: 'filter' }, el('label', { for: quarterSelect.id }, '季度'), quarterSelect),
    el('button', { type: 'submit', class: 'primary' }, '查看'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `#/matrix?period=${encodeURIComponent(value())}`;
  });
  const progress = el('p', { id: 'matrix-progress', role: 'status', class: 'muted' }, '正在读取支部…');
  const summary = el('div', { class: 'cards', id: 'matrix-summary' });
  const result = el('section', { id: 'matrix', 'aria-labelledby': 'matrix-title' });
  view.append(el('h2', { id: 'matrix-title' }, `${periodText(period)}各支部落实情况`), form, progress, summary, result,
    asked && !PERIOD.test(asked) ? el('p', { class: 'error' }, '期间格式不正确，已显示本年度。') : null);

  let left = false;
  const wide = matchMedia('(min-width: 760px)');
  let shown = null;
  const render = () => {
    if (!shown || left) return;
    result.replaceChildren(wide.matches ? wideTable(shown.results, shown.rules) : branchList(shown.results, shown.rules));
  };
  wide.addEventListener('change', render);

  (async () => {
    let branches;
    try {
      branches = (await tenantNodes()).filter(isBranch);
    } catch (error) {
      progress.className = 'error';
      progress.textContent = `读取支部失败：${error.message}`;
      return;
    }
    if (left) return;
    if (branches.length === 0) {
      progress.textContent = '本单位还没有支部。';
      return;
    }
    // One GetCompliance per branch, FAN_OUT at a time. A tenant-wide compliance RPC would replace this
    // fan-out for very large tenants (hundreds of branches); for a body's few dozen it is quick enough.
    const answers = await pool(branches, FAN_OUT,
      (node) => api(`/v1/nodes/${encodeURIComponent(node.nodeId)}/compliance`, { query: { period } }),
      (done, total) => { progress.textContent = `正在读取各支部落实情况：${done} / ${total}`; });
    if (left) return;
    const rules = [];
    const results = branches.map((node, i) => {
      if (answers[i]?.error) return { node, rows: new Map(), error: answers[i].error };
      const rows = new Map();
      for (const row of answers[i].rows ?? []) {
        rows.set(row.ruleId, [...(rows.get(row.ruleId) ?? []), row]);
        if (!rules.some((r) => r.ruleId === row.ruleId)) rules.push({ ruleId: row.ruleId, name: row.name || '未命名事项' });
      }
      return { node, rows };
    });
    // Cells, as the grid shows them (a monthly rule over a quarter is one cell).
    const count = (status) => results.reduce((n, r) => n + [...r.rows.values()].filter((rows) => verdictOf(rows) === status).length, 0);
    summary.replaceChildren(
      el('div', { class: 'card' }, '支部', el('b', {}, String(branches.length))),
      el('div', { class: 'card' }, el('span', { class: 'status-met' }, '已落实'), el('b', {}, String(count('OBLIGATION_STATUS_MET')))),
      el('div', { class: 'card' }, el('span', { class: 'status-missed' }, '未落实'), el('b', {}, String(count('OBLIGATION_STATUS_MISSED')))),
      el('div', { class: 'card' }, el('span', { class: 'status-due' }, '进行中'), el('b', {}, String(count('OBLIGATION_STATUS_DUE')))));
    const failed = results.filter((r) => r.error).length;
    progress.textContent = failed ? `已读取 ${branches.length - failed} 个支部，${failed} 个读取失败。` : `已读取 ${branches.length} 个支部。`;
    shown = { results, rules };
    render();
  })();
  return () => {
    left = true;
    wide.removeEventListener('change', render);
  };
}
