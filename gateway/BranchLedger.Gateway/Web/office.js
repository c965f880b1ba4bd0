// What the party office's pages share: the tenant's nodes, a small fan-out pool, and records told in Chinese.
import { allNodes } from './nodes.js';
import { bodyOf } from './catalogue.js';
import { dateText } from './format.js';

const NODE_KINDS = { NODE_KIND_ORGANISATION: '单位', NODE_KIND_GENERAL_BRANCH: '党总支', NODE_KIND_BRANCH: '支部' };

/** Every node of the caller's tenant ({ nodeId, name, kind, kindLabel }), in the directory's order. */
export async function tenantNodes() {
  return (await allNodes()).map((n) => ({ nodeId: n.nodeId, name: n.name || n.nodeId, kind: n.kind, kindLabel: NODE_KINDS[n.kind] ?? '组织' }));
}

/** The branches (支部, 党总支): the nodes obligations are judged on. */
export const isBranch = (node) => node.kind === 'NODE_KIND_BRANCH' || node.kind === 'NODE_KIND_GENERAL_BRANCH';

/**
 * Runs work(item) for every item, at most `limit` at a time, calling progress(done, total) as each ends.
 * Results (or { error }) come back in the items' order.
 */
export async function pool(items, limit, work, progress = () => {}) {
  const results = new Array(items.length);
  let next = 0;
  let done = 0;
  async function worker() {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index]);
      } catch (error) {
        results[index] = { error };
      }
      progress(++done, items.length);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}


/** { kind, kindLabel, date, what } of a record as it now reads (its latest amendment when amended); kinds named by the catalogue. */
export function recordSummary(cat, record) {
  const [kind, body] = bodyOf(record);
  const what = body.topic ?? body.title ?? body.name ?? body.riskPoint ?? body.duty ?? body.finding ?? body.progress ?? body.summary ?? '';
  return { kind, kindLabel: cat.byBody(kind)?.label ?? '记录', date: dateText(body.date), what };
}

export const recordHref = (nodeId, recordId) => `#/records/${encodeURIComponent(nodeId)}/${encodeURIComponent(recordId)}`;

/** A year select and a quarter select ("全年" or 第一…四季度) for a period like "2026" or "2026-Q4". */
export function periodFields(period, idPrefix) {
  const [year, part] = period.split('-');
  const now = new Date().getFullYear();
  const years = [];
  for (let y = now + 1; y >= now - 5; y--) years.push(y);
  if (!years.includes(Number(year))) years.push(Number(year));
  const yearSelect = document.createElement('select');
  yearSelect.id = `${idPrefix}-year`;
  for (const y of years) yearSelect.append(new Option(`${y} 年`, String(y), false, String(y) === year));
  const quarterSelect = document.createElement('select');
  quarterSelect.id = `${idPrefix}-quarter`;
  const quarters = [['', '全年'], ['Q1', '第一季度'], ['Q2', '第二季度'], ['Q3', '第三季度'], ['Q4', '第四季度']];
  for (const [value, label] of quarters) quarterSelect.append(new Option(label, value, false, value === (part ?? '')));
  const value = () => (quarterSelect.value ? `${yearSelect.value}-${quarterSelect.value}` : yearSelect.value);
  return { yearSelect, quarterSelect, value };
}

/** A period in words: "2026 年" or "2026 年第四季度". */
export function periodText(period) {
  const [year, part] = period.split('-');
  const names = { Q1: '第一季度', Q2: '第二季度', Q3: '第三季度', Q4: '第四季度' };
  return `${year} 年${names[part] ?? ''}`;
}
