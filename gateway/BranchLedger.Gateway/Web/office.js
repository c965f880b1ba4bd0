// What the party office's pages share: the tenant's nodes, a small fan-out pool, and records told in Chinese.
import { api } from './api.js';

/** Record kinds in Chinese (the ledger export's sheet names). */
export const KIND_LABELS = {
  meeting: '会议学习', talk: '谈话', quarterlyReview: '党建工作汇报', communityService: '社区服务', riskPoint: '廉政风险防控',
  brandProject: '党建品牌', honour: '荣誉典型', campaign: '创建活动', selfAssessment: '述职自评', dutyItem: '责任清单',
  dutyProgress: '责任清单进展', finding: '巡察问题', findingProgress: '整改进展', findingClosure: '整改销号',
  findingReopening: '问题重开', correction: '更正记录', review: '审阅记录',
};

const NODE_KINDS = { NODE_KIND_ORGANISATION: '单位', NODE_KIND_GENERAL_BRANCH: '党总支', NODE_KIND_BRANCH: '支部' };

/** Every open node of the caller's tenant ({ nodeId, name, kind, kindLabel }), in the directory's order. */
export async function tenantNodes() {
  const nodes = [];
  let pageToken = '';
  do {
    const page = await api('/v1/nodes', { query: { pageSize: 500, pageToken } });
    nodes.push(...(page.nodes ?? []));
    pageToken = page.nextPageToken ?? '';
  } while (pageToken);
  return nodes.map((n) => ({ nodeId: n.nodeId, name: n.name || n.nodeId, kind: n.kind, kindLabel: NODE_KINDS[n.kind] ?? '组织' }));
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

export const dateText = (d) => (d?.year ? `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}` : '');

/** { kind, kindLabel, date, what } of a record as it now reads (its latest amendment when amended). */
export function recordSummary(record) {
  const kind = Object.keys(KIND_LABELS).find((k) => record[k]);
  const body = (kind && record.current?.[kind]) || (kind ? record[kind] : {}) || {};
  const what = body.topic ?? body.title ?? body.name ?? body.riskPoint ?? body.duty ?? body.finding ?? body.progress ?? body.summary ?? '';
  return { kind, kindLabel: KIND_LABELS[kind] ?? '记录', date: dateText(body.date), what };
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
