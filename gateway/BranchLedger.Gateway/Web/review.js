// 审阅: what the branches recorded, waiting for the party office's review, returned and not yet answered,
// or answered. Marking read or returning adds an audited review entry to the record's ledger; the record
// itself never changes (ListReviewQueue and ReviewRecord of LedgerService).
import { api, requestId } from './api.js';
import { el } from './format.js';
import { tenantNodes, pool, recordSummary, recordHref } from './office.js';
import { catalogue } from './catalogue.js';

const TABS = [
  ['waiting', '待审阅', 'REVIEW_QUEUE_FILTER_WAITING'],
  ['returned', '已退回未答复', 'REVIEW_QUEUE_FILTER_RETURNED_UNANSWERED'],
  ['answered', '已答复', 'REVIEW_QUEUE_FILTER_ANSWERED'],
];

const FAN_OUT = 4;
const MAX_PAGES = 10;

async function queueOf(node, filter) {
  const items = [];
  let pageToken = '';
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await api(`/v1/nodes/${encodeURIComponent(node.nodeId)}/review-queue`, { query: { state: filter, pageSize: 200, pageToken } });
    items.push(...(answer.items ?? []));
    pageToken = answer.nextPageToken ?? '';
    if (!pageToken) break;
  }
  return items;
}

// The two verdicts, each with its own request id made when the item is shown (a retry records once).
function actions(node, item, done) {
  const record = item.record;
  const path = `/v1/nodes/${encodeURIComponent(node.nodeId)}/records/${encodeURIComponent(record.recordId)}:review`;
  const status = el('p', { role: 'status', class: 'muted' });
  const readId = requestId();
  const read = el('button', { type: 'button', class: 'primary', 'data-action': 'read' }, '标记已阅');
  const open = el('button', { type: 'button', 'data-action': 'return', 'aria-expanded': 'false' }, '退回');
  const box = el('div', { class: 'actions' }, read, open);
  const send = async (body, buttons) => {
    buttons.forEach((b) => { b.disabled = true; });
    status.className = 'muted';
    status.textContent = '正在提交…';
    try {
      await api(path, { method: 'POST', body });
      done(body.verdict === 'REVIEW_VERDICT_READ' ? '已标记为已阅。' : '已退回，等待支部答复。');
    } catch (error) {
      status.className = 'error';
      status.textContent = `提交失败：${error.violations?.[0]?.field === 'reason' ? '请填写退回原因（不超过 500 字）。' : error.message}`;
      buttons.forEach((b) => { b.disabled = false; });
    }
  };
  read.addEventListener('click', () => send({ requestId: readId, verdict: 'REVIEW_VERDICT_READ' }, [read, open]));
  open.addEventListener('click', () => {
    if (box.nextElementSibling?.tagName === 'FORM') return;
    open.setAttribute('aria-expanded', 'true');
    const returnId = requestId(); // made when the return form opens
    const fieldId = `reason-${node.nodeId}-${record.recordId}`;
    const reason = el('textarea', { id: fieldId, rows: 3, maxlength: 500, required: true, 'aria-describedby': `${fieldId}-hint` });
    const error = el('p', { class: 'field-error', id: `${fieldId}-error`, role: 'alert' });
    const submit = el('button', { type: 'submit', class: 'primary' }, '确认退回');
    const cancel = el('button', { type: 'button' }, '取消');
    const form = el('form', { class: 'return-form', novalidate: true },
      el('div', { class: 'field' }, el('label', { for: fieldId, class: 'required' }, '退回原因'),
        el('p', { class: 'hint', id: `${fieldId}-hint` }, '支部将看到这条原因，并以更正或作废作答。'), reason, error),
      el('div', { class: 'actions' }, submit, cancel));
    cancel.addEventListener('click', () => {
      form.remove();
      open.setAttribute('aria-expanded', 'false');
      open.focus();
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = reason.value.trim();
      if (!text) {
        error.textContent = '请填写退回原因。';
        reason.setAttribute('aria-invalid', 'true');
        reason.focus();
        return;
      }
      error.textContent = '';
      reason.removeAttribute('aria-invalid');
      send({ requestId: returnId, verdict: 'REVIEW_VERDICT_RETURNED', reason: text }, [read, open, submit, cancel]);
    });
    box.after(form);
    reason.focus();
  });
  return [box, status];
}

function itemOf(cat, node, item, tab, done) {
  const record = item.record;
  const s = recordSummary(cat, record);
  const review = item.review ?? {};
  const li = el('li', { 'data-node': node.nodeId, 'data-record': record.recordId },
    el('p', {}, el('strong', {}, node.name), ' · ', el('span', { class: 'badge' }, s.kindLabel), ' ', s.date),
    el('p', {}, s.what || '（无主题）'),
    review.reason ? el('p', { class: 'muted' }, `退回原因：${review.reason}`) : null,
    el('p', {}, el('a', { href: recordHref(node.nodeId, record.recordId) }, '查看记录详情')));
  // Returned and unanswered: the branch is to answer; the office waits.
  if (tab !== 'returned') {
    li.append(...actions(node, item, (message) => done(li, message)));
  }
  return li;
}

export function reviewPage(view, params) {
  const tab = TABS.find(([key]) => key === params.get('state')) ?? TABS[0];
  const tabs = el('nav', { class: 'tabs', 'aria-label': '审阅状态' }, TABS.map(([key, label]) =>
    el('a', { href: `#/review?state=${key}`, 'aria-current': key === tab[0] ? 'page' : undefined }, label)));
  const progress = el('p', { role: 'status', class: 'muted', id: 'review-progress' }, '正在读取…');
  const notice = el('p', { role: 'status', class: 'ok', id: 'review-notice' });
  const list = el('ul', { class: 'items', id: 'review-list' });
  view.append(el('h2', {}, '审阅'), tabs, el('h3', {}, tab[1]), progress, notice, list);

  let left = false;
  (async () => {
    let nodes;
    try {
      nodes = await tenantNodes();
    } catch (error) {
      progress.className = 'error';
      progress.textContent = `读取组织失败：${error.message}`;
      return;
    }
    // One queue per node, FAN_OUT at a time (a tenant-wide queue RPC would replace this for very large tenants).
    const queues = await pool(nodes, FAN_OUT, (node) => queueOf(node, tab[2]),
      (done, total) => { if (!left) progress.textContent = `正在读取各支部：${done} / ${total}`; });
    if (left) return;
    const failed = nodes.filter((_, i) => queues[i]?.error);
    const entries = nodes.flatMap((node, i) => (queues[i]?.error ? [] : queues[i].map((item) => ({ node, item }))));
    const done = (li, message) => {
      li.remove();
      notice.textContent = message;
      progress.textContent = `共 ${list.childElementCount} 条。`;
    };
    const cat = await catalogue();
    list.replaceChildren(...entries.map(({ node, item }) => itemOf(cat, node, item, tab[0], done)));
    progress.textContent = entries.length ? `共 ${entries.length} 条。` : '暂无记录。';
    if (failed.length) {
      progress.append(el('span', { class: 'error' }, ` ${failed.map((n) => n.name).join('、')} 读取失败。`));
    }
  })();
  return () => { left = true; };
}
