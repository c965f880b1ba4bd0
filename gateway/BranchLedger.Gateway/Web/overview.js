// City overview of a period: the distribution of totals (histogram, quantiles) and the tenant leaderboard,
// read again whenever the gateway pushes a change of the city ranking (server-sent events, no polling).
import { api, subscribe } from './api.js';
import { barChart } from './chart.js';
import { el, fixed, isPeriod } from './format.js';

// The pushed view: the city's top 100 and its count.
const WATCHED = 100;

function distribution(response) {
  const bars = (response.histogram ?? []).map((bin) => ({ label: `${bin.lower}–${bin.upper}`, value: Number(bin.count ?? 0) }));
  const quantiles = (response.quantiles ?? []).map((q) => `P${Math.round(q.p * 100)}：${fixed(q.value)}`).join('　');
  return [el('p', { class: 'muted' }, `共 ${response.count ?? 0} 个支部　${quantiles}`), barChart('总分分布', bars)];
}

function leaderboard(response) {
  const head = el('tr', {}, el('th', { class: 'num' }, '名次'), el('th', {}, '单位'), el('th', { class: 'num' }, '支部数'),
    el('th', { class: 'num' }, '平均分'), el('th', { class: 'num' }, '最低'), el('th', { class: 'num' }, '最高'), el('th', { class: 'num' }, '标准差'));
  const rows = (response.tenants ?? []).map((t) => el('tr', { 'data-tenant': t.tenantId },
    el('td', { class: 'num' }, t.rank), el('td', { title: t.tenantId }, t.tenantName || t.tenantId), el('td', { class: 'num' }, t.branchCount),
    el('td', { class: 'num' }, fixed(t.meanTotal)), el('td', { class: 'num' }, fixed(t.minTotal)),
    el('td', { class: 'num' }, fixed(t.maxTotal)), el('td', { class: 'num' }, fixed(t.stddevTotal ?? 0))));
  // Seven columns do not fit a phone: the table scrolls in its own region (reachable by keyboard), not the page.
  return el('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': '单位排行' },
    el('table', { id: 'leaderboard' }, el('thead', {}, head), el('tbody', {}, rows)));
}

export function overviewPage(view, params) {
  const period = params.get('period') ?? String(new Date().getFullYear());
  const histogram = el('section', { id: 'distribution' });
  const tenants = el('section', { id: 'tenants' });
  view.append(el('h2', {}, `全市概况（${period}）`), el('h3', {}, '总分分布'), histogram, el('h3', {}, '单位排行'), tenants);
  if (!isPeriod(period)) return () => {};

  const show = (target, render) => (response) => target.replaceChildren(...[render(response)].flat());
  const failed = (target) => (error) => target.replaceChildren(el('p', { class: 'error', role: 'alert' }, `读取失败：${error.message}`));
  const load = () => {
    const path = `/v1/rankings/${encodeURIComponent(period)}`;
    api(`${path}/distribution`).then(show(histogram, distribution)).catch(failed(histogram));
    api(`${path}/tenants`, { query: { pageSize: 100 } }).then(show(tenants, leaderboard)).catch(failed(tenants));
  };
  load();
  let first = true; // the view as it stands (just read); later events are changes
  return subscribe(`/v1/rankings/${encodeURIComponent(period)}/events`, { query: { topN: WATCHED } }, () => {
    if (first) first = false;
    else load();
  });
}
