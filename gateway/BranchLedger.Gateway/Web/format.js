// Small shared helpers: escaping, numbers, grade bands and periods.

/** Builds an element: el('td', { class: 'num' }, '12.5', child…). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export const fixed = (value, digits = 2) => (typeof value === 'number' ? value.toFixed(digits) : '—');

// Grade names are the rubric's; colours follow the band's place: best, then fair, average, and the lowest.
function bandClass(grade, bands) {
  const index = bands.indexOf(grade);
  if (index < 0) return '';
  if (index > 0 && index === bands.length - 1) return 'grade-poor';
  return ['grade-good', 'grade-fair', 'grade-average'][Math.min(index, 2)];
}

export const gradeBadge = (grade, bands = []) =>
  el('span', { class: `grade ${bandClass(grade, bands)}`, 'data-grade': grade || undefined }, grade || '—');

const PERIOD = /^(\d{4})(?:-(Q[1-4]|\d{2}))?$/;

export const isPeriod = (text) => PERIOD.test(text ?? '');

/** The twelve months up to the end of a period (a year: its own months). */
export function trendMonths(period) {
  const [, year, part] = PERIOD.exec(period);
  let endMonth = 12;
  if (part?.startsWith('Q')) endMonth = Number(part[1]) * 3;
  else if (part) endMonth = Number(part);
  const end = new Date(Date.UTC(Number(year), endMonth - 1, 1));
  const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 11, 1));
  const month = (d) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  return { from: month(start), to: month(end) };
}

const pad2 = (n) => String(n).padStart(2, '0');

/** A google.type.Date as 2026-03-05 (or an empty string). */
export const dateText = (d) => (d?.year ? `${d.year}-${pad2(d.month)}-${pad2(d.day)}` : '');

/** A 2026-03-05 text (an <input type=date> value) as a google.type.Date, or undefined when it is not one. */
export function toDate(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? '');
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : undefined;
}

/** Today in this browser's calendar, as 2026-03-05 (the gateway allows a day of slack across time zones). */
export function today() {
  const now = new Date();
  return `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
}
