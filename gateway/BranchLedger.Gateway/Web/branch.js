// One branch: its standing, its score indicator by indicator (with the records behind the points),
// its trend over twelve months and its open warnings; its annual report (述职报告) as a Word file.
import { api } from './api.js';
import { lineChart } from './chart.js';
import { el, fixed, gradeBadge, isPeriod, trendMonths } from './format.js';
import { servingRubric } from './rubric.js';
import { exportButton } from './exports.js';

// A record's body is the one field holding an object with a date (every kind has one), so no list of
// kinds is kept here: a kind added to the catalogue is described like the others.
function describeRecord(record) {
  const body = Object.values(record).find((v) => v && typeof v === 'object' && !Array.isArray(v) && v.date) ?? {};
  const date = body.date ? `${body.date.year}-${String(body.date.month).padStart(2, '0')}-${String(body.date.day).padStart(2, '0')}` : '';
  const what = body.topic ?? body.title ?? body.name ?? body.description ?? body.summary ?? '';
  return [record.recordId, date, what].filter(Boolean).join(' · ');
}

function recordsBehind(indicator, nodeId, tenant) {
  const ids = indicator.recordIds ?? [];
  if (ids.length === 0) return el('span', { class: 'muted' }, '无');
  const list = el('ul');
  const details = el('details', {}, el('summary', {}, `${ids.length} 条记录`), list);
  // Read when opened: a score can rest on hundreds of records.
  details.addEventListener('toggle', async () => {
    if (!details.open || list.childElementCount) return;
    for (const id of ids) {
      try {
        const { record } = await api(`/v1/nodes/${encodeURIComponent(nodeId)}/records/${encodeURIComponent(id)}`, { tenant });
        list.append(el('li', {}, describeRecord(record)));
      } catch (error) {
        list.append(el('li', { class: 'error' }, `${id}：${error.message}`));
      }
    }
  });
  return details;
}

const STATUS = { SCORED: '已评分', OUT_OF_SCOPE: '不适用', NOTHING_TO_JUDGE: '暂无可评', YEAR_ONLY: '仅按年度评' };

// What was judged and not met: a few inline, many folded (a year of monthly meetings is dozens).
function missesOf(indicator) {
  const misses = indicator.misses ?? [];
  if (misses.length <= 3) return misses.length ? misses.join('、') : el('span', { class: 'muted' }, '—');
  return el('details', {}, el('summary', {}, `${misses.length} 项未达`), el('ul', {}, misses.map((m) => el('li', {}, m))));
}

function breakdown(score, nodeId, tenant) {
  const head = el('tr', {}, el('th', {}, '指标'), el('th', {}, '状态'), el('th', { class: 'num' }, '得分'),
    el('th', { class: 'num' }, '满分'), el('th', {}, '依据记录'), el('th', {}, '未达项'));
  const rows = (score.indicators ?? []).map((i) => el('tr', { 'data-indicator': i.indicatorId },
    el('td', {}, i.name), el('td', {}, STATUS[i.status] ?? i.status), el('td', { class: 'num' }, fixed(i.points ?? 0)),
    el('td', { class: 'num' }, fixed(i.maxPoints ?? 0)), el('td', {}, recordsBehind(i, nodeId, tenant)),
    el('td', {}, missesOf(i))));
  return el('table', { id: 'breakdown' }, el('thead', {}, head), el('tbody', {}, rows));
}

function standing(label, s) {
  return el('div', { class: 'card' }, label, el('b', {}, s ? `${s.rank} / ${s.rankedCount}` : '—'),
    s ? `高于 ${fixed(s.percentile)}% 的支部` : '');
}

export function branchPage(view, tenant, nodeId, params) {
  const period = params.get('period') ?? String(new Date().getFullYear());
  const node = encodeURIComponent(nodeId);
  const title = el('h2', {}, nodeId);
  const section = (heading, id) => el('section', { id }, el('h3', {}, heading));
  const summary = section('综合情况', 'summary');
  const scores = section(`${period} 各项指标得分`, 'scores');
  const trend = section('近十二个月走势', 'trend');
  const warnings = section('预警', 'warnings');
  const year = period.slice(0, 4); // the report covers the period's calendar year
  const report = exportButton('export-report', `下载 ${year} 年度述职报告（Word）`, () => ({
    path: `/v1/downloads/nodes/${node}/annual-report/${year}`, options: { tenant, query: { format: 'docx' } },
  }));
  view.append(el('p', {}, el('a', { href: `#/ranking?period=${encodeURIComponent(period)}` }, '← 返回排名')), title,
    el('p', {}, isPeriod(period) ? report : null), summary, scores, trend, warnings);
  if (!isPeriod(period)) return () => {};

  const failed = (target) => (error) => target.append(el('p', { class: 'error', role: 'alert' }, `读取失败：${error.message}`));
  Promise.all([api(`/v1/nodes/${node}/ranks/${encodeURIComponent(period)}`, { tenant }), servingRubric()]).then(([rank, { bands }]) => {
    title.textContent = `${rank.displayName || nodeId}（${tenant}）`;
    summary.append(el('div', { class: 'cards' },
      el('div', { class: 'card' }, '总分', el('b', {}, fixed(rank.total)), gradeBadge(rank.grade, bands)),
      standing('全市排名', rank.city), standing('本单位排名', rank.tenant)));
  }).catch(failed(summary));
  api(`/v1/nodes/${node}/scores/${encodeURIComponent(period)}`, { tenant })
    .then((score) => scores.append(el('p', { class: 'muted' }, `考核细则 ${score.rubricVersion}`), breakdown(score, nodeId, tenant)))
    .catch(failed(scores));
  const months = trendMonths(period);
  api(`/v1/nodes/${node}/trend`, { tenant, query: { periodKind: 'RANKING_PERIOD_KIND_MONTH', fromPeriod: months.from, toPeriod: months.to } })
    .then((response) => trend.append(lineChart('近十二个月总分走势', (response.points ?? []).map((p) => ({
      label: p.period.slice(2), value: p.scored ? p.total : null,
    })))))
    .catch(failed(trend));
  api('/v1/warnings', { tenant, query: { nodeId, pageSize: 50 } }).then((response) => {
    const items = (response.warnings ?? []).map((w) => el('li', {}, (w.warning ?? w).message));
    warnings.append(items.length ? el('ul', {}, items) : el('p', { class: 'muted' }, '暂无预警'));
  }).catch(failed(warnings));
  return () => {};
}
