// Up to ten branches side by side: totals, grades, city ranks and every indicator, as a table and a chart.
import { api } from './api.js';
import { barChart } from './chart.js';
import { el, fixed, gradeBadge, isPeriod } from './format.js';
import { servingRubric } from './rubric.js';

export const MAX_COMPARED = 10;

/** The link to compare branches given as [{ tenantId, nodeId }]. */
export const compareLink = (period, branches) =>
  `#/compare?${new URLSearchParams([['period', period], ...branches.map((b) => ['b', `${b.tenantId}/${b.nodeId}`])])}`;

function table(response, { bands, indicators }) {
  const nameOf = new Map(indicators.map((i) => [i.id, i.name]));
  const columns = response.branches ?? [];
  const head = el('tr', {}, el('th', {}, ''), columns.map((b) => el('th', { class: 'num' }, b.displayName || b.nodeId, el('br'), el('span', { class: 'muted', title: b.tenantId }, b.tenantName || b.tenantId))));
  const row = (label, cells) => el('tr', {}, el('th', {}, label), cells.map((cell) => el('td', { class: 'num' }, cell)));
  const rows = [
    row('总分', columns.map((b) => (b.ranked ? fixed(b.total) : '未排名'))),
    row('等次', columns.map((b) => gradeBadge(b.grade, bands))),
    row('全市排名', columns.map((b) => (b.city ? `${b.city.rank} / ${b.city.rankedCount}` : '—'))),
    ...(response.indicators ?? []).map((i) => row(nameOf.get(i.indicatorId) ?? i.indicatorId, (i.cells ?? []).map((c) =>
      (c.present && c.assessable ? `${fixed(c.points ?? 0)} / ${fixed(c.maxPoints ?? 0)}` : '—')))),
  ];
  return el('table', { id: 'comparison' }, el('thead', {}, head), el('tbody', {}, rows));
}

export function comparePage(view, params) {
  const period = params.get('period') ?? '';
  const branches = params.getAll('b').slice(0, MAX_COMPARED).map((ref) => {
    const [tenantId, ...node] = ref.split('/');
    return { tenantId, nodeId: node.join('/') };
  });
  const body = el('div');
  view.append(el('p', {}, el('a', { href: `#/ranking?period=${encodeURIComponent(period)}` }, '← 返回排名')),
    el('h2', {}, `支部对比（${period}）`), body);
  if (!isPeriod(period) || branches.length === 0) {
    body.append(el('p', { class: 'muted' }, '请在排名表中勾选要对比的支部（最多 10 个）。'));
    return () => {};
  }

  Promise.all([api('/v1/rankings:compare', { method: 'POST', body: { period, branches } }), servingRubric()])
    .then(([response, rubric]) => body.append(table(response, rubric),
      barChart('总分对比', (response.branches ?? []).map((b) => ({ label: b.displayName || b.nodeId, value: b.ranked ? b.total : 0 })), 100)))
    .catch((error) => body.append(el('p', { class: 'error', role: 'alert' }, `对比失败：${error.message}`)));
  return () => {};
}
