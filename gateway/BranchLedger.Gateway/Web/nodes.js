// Reads about nodes the pages share (each read once per page load): names, rosters, today's date.
import { api } from './api.js';
import { dateText as fromDate, today } from './format.js';

const nodes = new Map();

/** The node as the directory answers it (null if it cannot be read). */
function nodeOf(nodeId) {
  if (!nodes.has(nodeId)) {
    nodes.set(nodeId, api(`/v1/nodes/${encodeURIComponent(nodeId)}`).then((answer) => answer.node ?? null).catch(() => null));
  }
  return nodes.get(nodeId);
}

/** The node's display name (its id only if the name cannot be read). */
export function nodeName(nodeId) {
  return nodeOf(nodeId).then((node) => node?.name || nodeId);
}

/** The node's level (NODE_KIND_BRANCH, …), or '' when it cannot be read: what the record menus offer depends on it. */
export function nodeLevel(nodeId) {
  return nodeOf(nodeId).then((node) => node?.kind ?? '');
}

/** Every node of the acting tenant (every page), for pickers and names. */
export async function allNodes() {
  const found = [];
  let pageToken = '';
  do {
    const page = await api('/v1/nodes', { query: { pageSize: 500, pageToken } });
    found.push(...(page.nodes ?? []));
    pageToken = page.nextPageToken ?? '';
  } while (pageToken);
  for (const node of found) nodes.set(node.nodeId, Promise.resolve(node));
  return found;
}

export { today, toDate, dateText as fromDate } from './format.js';

/** The roster in force today: the latest entry effective on or before today, or null. */
export async function rosterInForce(nodeId) {
  const answer = await api('/v1/rosters', { query: { nodeId, pageSize: 500 } });
  const day = today();
  return (answer.rosters ?? [])
    .filter((r) => fromDate(r.effectiveFrom) <= day)
    .sort((a, b) => (fromDate(a.effectiveFrom) < fromDate(b.effectiveFrom) ? -1 : 1))
    .pop() ?? null;
}

/** This month ("2026-12") and this quarter ("2026-Q4"). */
export function currentPeriods() {
  const now = new Date();
  const month = now.getMonth() + 1;
  return { year: String(now.getFullYear()), month: `${now.getFullYear()}-${String(month).padStart(2, '0')}`, quarter: `${now.getFullYear()}-Q${Math.ceil(month / 3)}` };
}

/** Days from today to the end of a period ("2026-12", "2026-Q4", "2026"), today included. */
export function daysLeft(period) {
  const [yearText, part] = period.split('-');
  const year = Number(yearText);
  let endMonth = 12;
  if (part?.startsWith('Q')) endMonth = Number(part[1]) * 3;
  else if (part) endMonth = Number(part);
  const end = new Date(year, endMonth, 0);
  const now = new Date();
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((end - start) / 86_400_000) + 1;
}
