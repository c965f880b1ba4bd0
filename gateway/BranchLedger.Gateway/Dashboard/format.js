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

// The rubric's grade bands; the class picks the band's colour in styles.css.
const GRADES = { 好: 'grade-good', 较好: 'grade-fair', 一般: 'grade-average', 差: 'grade-poor' };

export const gradeBadge = (grade) =>
  grade ? el('span', { class: `grade ${GRADES[grade] ?? ''}` }, grade) : el('span', { class: 'grade' }, '—');

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
