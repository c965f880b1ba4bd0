// Charts drawn by Apache ECharts (served by the gateway, loaded only on pages that chart), each with
// its figures as a table beside it: the text alternative for screen readers and the keyboard.
import { el } from './format.js';

let library;
const echarts = () => (library ??= import('./echarts.esm.min.js'));

const RED = '#a31515';

function figure(title, kind, rows, option) {
  const canvas = el('div', { class: 'chart', role: 'img', 'aria-label': title, 'data-chart': kind, 'data-points': rows.length });
  const table = el('table', { class: 'chart-data' }, el('caption', {}, title),
    el('tbody', {}, rows.map(([label, value]) => el('tr', {}, el('th', { scope: 'row' }, label), el('td', { class: 'num' }, value)))));
  const wrap = el('figure', { class: 'chart-figure' }, canvas, el('details', {}, el('summary', {}, '查看数据'), el('div', { class: 'table-wrap' }, table)));
  // Drawn once the element is in the page (it needs its width); redrawn at the new width on resize.
  echarts().then((lib) => requestAnimationFrame(() => {
    if (!canvas.isConnected) return;
    const chart = lib.init(canvas, null, { renderer: 'svg' });
    chart.setOption({ animation: false, textStyle: { fontFamily: 'inherit' }, grid: { left: 40, right: 12, top: 24, bottom: 40 }, ...option });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(canvas);
  }));
  return wrap;
}

/** A line over points [{ label, value }]; a null value breaks the line (a period without a score). */
export function lineChart(title, points, max = 100) {
  return figure(title, 'line', points.map((p) => [p.label, p.value === null || p.value === undefined ? '—' : p.value.toFixed(2)]), {
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: points.map((p) => p.label) },
    yAxis: { type: 'value', min: 0, max },
    series: [{ type: 'line', data: points.map((p) => p.value ?? null), connectNulls: false, itemStyle: { color: RED }, lineStyle: { color: RED } }],
  });
}

/** Bars [{ label, value }], e.g. a histogram or totals side by side. */
export function barChart(title, bars, max) {
  return figure(title, 'bar', bars.map((b) => [b.label, String(b.value)]), {
    tooltip: { trigger: 'item' },
    xAxis: { type: 'category', data: bars.map((b) => b.label), axisLabel: { interval: 0, overflow: 'truncate', width: 80 } },
    yAxis: { type: 'value', min: 0, max: max ?? undefined },
    series: [{ type: 'bar', data: bars.map((b) => b.value), itemStyle: { color: RED }, label: { show: true, position: 'top' } }],
  });
}
