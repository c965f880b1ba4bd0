// Charts as inline SVG: no library, no build step. Values are on a 0–max scale.
const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 40, right: 12, top: 12, bottom: 36 };

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function frame(title, max) {
  const root = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart', role: 'img', 'aria-label': title });
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  for (const share of [0, 0.25, 0.5, 0.75, 1]) {
    const y = PAD.top + plotHeight * (1 - share);
    root.append(svg('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: y, y2: y, class: 'grid' }));
    root.append(svg('text', { x: PAD.left - 6, y: y + 4, class: 'axis', 'text-anchor': 'end' }, String(Math.round(max * share))));
  }
  const y = (value) => PAD.top + plotHeight * (1 - Math.min(value, max) / max);
  return { root, y };
}

function label(root, x, text) {
  root.append(svg('text', { x, y: HEIGHT - PAD.bottom + 16, class: 'axis', 'text-anchor': 'middle' }, text));
}

/** A line over points [{ label, value }]; a null value breaks the line (a period without a score). */
export function lineChart(title, points, max = 100) {
  const { root, y } = frame(title, max);
  const step = (WIDTH - PAD.left - PAD.right) / Math.max(points.length, 1);
  let path = '';
  let penDown = false;
  points.forEach((point, i) => {
    const x = PAD.left + step * (i + 0.5);
    label(root, x, point.label);
    if (point.value === null || point.value === undefined) {
      penDown = false;
      return;
    }
    path += `${penDown ? 'L' : 'M'}${x.toFixed(1)},${y(point.value).toFixed(1)} `;
    penDown = true;
    const dot = svg('circle', { cx: x, cy: y(point.value), r: 3.5, class: 'dot' });
    dot.append(svg('title', {}, `${point.label}: ${point.value.toFixed(2)}`));
    root.append(dot);
  });
  root.insertBefore(svg('path', { d: path.trim(), class: 'line' }), root.querySelector('circle'));
  return root;
}

/** Bars [{ label, value, cls? }], e.g. a histogram or totals side by side. */
export function barChart(title, bars, max) {
  const top = max ?? Math.max(1, ...bars.map((bar) => bar.value));
  const { root, y } = frame(title, top);
  const step = (WIDTH - PAD.left - PAD.right) / Math.max(bars.length, 1);
  bars.forEach((bar, i) => {
    const x = PAD.left + step * i + step * 0.15;
    const rect = svg('rect', { x, y: y(bar.value), width: step * 0.7, height: y(0) - y(bar.value), class: `bar ${bar.cls ?? ''}` });
    rect.append(svg('title', {}, `${bar.label}: ${bar.value}`));
    root.append(rect, svg('text', { x: x + step * 0.35, y: y(bar.value) - 3, class: 'axis', 'text-anchor': 'middle' }, String(bar.value)));
    label(root, x + step * 0.35, bar.label);
  });
  return root;
}
