// A branch's records: the year's list, and one record with its history, its review by the party
// office, and its correction (amend or void, always with a reason; the original stays in the history).
import { api, requestId } from './api.js';
import { bodyOf, catalogue, displayValue, getPath, summaryOf } from './catalogue.js';
import { el } from './format.js';
import { currentPeriods, nodeName } from './nodes.js';
import { recordForm } from './recordform.js';

const STATUS = { RECORD_STATUS_AMENDED: '已更正', RECORD_STATUS_VOIDED: '已作废' };
const REVIEW = {
  REVIEW_STATE_WAITING: ['待审阅', 'status-due'],
  REVIEW_STATE_READ: ['已阅', 'status-met'],
  REVIEW_STATE_RETURNED: ['已退回', 'status-missed'],
  REVIEW_STATE_ANSWERED: ['已答复', 'status-met'],
};

const when = (timestamp) => (timestamp ? new Date(timestamp).toLocaleString('zh-CN', { hour12: false }) : '');
const failed = (target) => (error) => target.append(el('p', { class: 'error', role: 'alert' }, `读取失败：${error.message}`));

/** #/records/{node}?year=…: the year's records, newest first. */
export function recordsPage(view, nodeId, params) {
  const year = params.get('year') ?? currentPeriods().year;
  const node = encodeURIComponent(nodeId);
  const heading = el('h2', {}, '记录');
  nodeName(nodeId).then((name) => {
    heading.textContent = `${name} · ${year} 年记录`;
  });
  const picker = el('form', { class: 'filters', id: 'year-form' },
    el('label', { for: 'year' }, '年度'), el('input', { id: 'year', name: 'year', type: 'number', value: year, min: 2000, max: 2100 }),
    el('button', { type: 'submit' }, '查看'));
  picker.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `#/records/${node}?year=${encodeURIComponent(picker.year.value)}`;
  });
  const list = el('ul', { class: 'items', id: 'records' });
  view.append(el('p', {}, el('a', { href: `#/home/${node}` }, '← 返回支部')), heading, picker, list);
  Promise.all([catalogue(), readAll(node, year)]).then(([cat, records]) => {
    if (!records.length) list.append(el('li', { class: 'muted' }, '这一年没有记录。'));
    for (const r of records.reverse()) {
      const s = summaryOf(cat, r);
      list.append(el('li', { 'data-record': r.recordId },
        el('a', { href: `#/records/${node}/${encodeURIComponent(r.recordId)}` }, `${s.date} ${s.kindLabel}`), ` ${s.text} `,
        STATUS[r.status] ? el('span', { class: 'badge' }, STATUS[r.status]) : null));
    }
  }).catch(failed(view));
  return () => {};
}

async function readAll(node, year) {
  const records = [];
  let pageToken = '';
  do {
    const page = await api(`/v1/nodes/${node}/records`, { query: { year, pageSize: 500, pageToken } });
    records.push(...(page.records ?? []));
    pageToken = page.nextPageToken ?? '';
  } while (pageToken);
  return records;
}

function fieldsTable(kind, body, content) {
  const rows = kind.fields
    .filter((f) => !f.shownWhen || f.shownWhen.values.includes(getPath({ [body]: content }, f.shownWhen.field)))
    .map((f) => el('tr', {}, el('th', { scope: 'row' }, f.label), el('td', {}, displayValue(f, getPath({ [body]: content }, f.path)))));
  return el('div', { class: 'table-wrap' }, el('table', { id: 'record-fields' }, el('tbody', {}, rows)));
}

function historyList(entries) {
  if (!entries.length) return el('p', { class: 'muted' }, '没有更正或审阅。');
  return el('ul', { class: 'items', id: 'history' }, entries.map((entry) => {
    let what = '更正';
    let reason = '';
    if (entry.review) {
      what = entry.review.verdict === 'REVIEW_VERDICT_RETURNED' ? '党办退回' : '党办已阅';
      reason = entry.review.reason ?? '';
    } else if (entry.correction) {
      what = entry.correction.replacement ? '更正' : '作废';
      reason = entry.correction.reason ?? '';
    }
    return el('li', {}, el('b', {}, what), ` ${entry.recordedBy ?? ''} ${when(entry.recordedAt)}`, reason ? el('p', {}, `理由：${reason}`) : null);
  }));
}

/** #/records/{node}/{record}: one record, its history, its review and its correction. */
export function recordPage(view, nodeId, recordId) {
  const node = encodeURIComponent(nodeId);
  const path = `/v1/nodes/${node}/records/${encodeURIComponent(recordId)}`;
  view.append(el('p', {}, el('a', { href: `#/records/${node}` }, '← 返回记录列表')));
  Promise.all([catalogue(), api(path)]).then(([cat, answer]) => {
    const record = answer.record;
    const [body, content] = bodyOf(record);
    const kind = cat.byBody(body);
    const s = summaryOf(cat, record);
    const review = REVIEW[answer.review?.state];
    view.append(el('h2', {}, `${s.kindLabel} · ${s.date}`),
      el('p', { class: 'muted' }, `${record.recordedBy ?? ''} 记录于 ${when(record.recordedAt)}`),
      STATUS[record.status] ? el('p', {}, el('span', { class: 'badge', id: 'record-status' }, STATUS[record.status])) : null,
      review ? el('p', { id: 'review-state' }, '审阅：', el('span', { class: `badge ${review[1]}` }, review[0]),
        answer.review?.reason ? ` 理由：${answer.review.reason}` : '') : null);
    if (answer.review?.state === 'REVIEW_STATE_RETURNED') {
      view.append(el('p', { class: 'status-missed', role: 'note' }, '党办退回了这条记录：请按理由更正或作废，提交后即视为答复。'));
    }
    if (kind) view.append(fieldsTable(kind, body, content));
    view.append(el('h3', {}, '更正与审阅记录'), historyList(answer.corrections ?? []));
    if (kind && record.status !== 'RECORD_STATUS_VOIDED') view.append(corrections(kind, nodeId, recordId, body, content));
  }).catch(failed(view));
  return () => {};
}

// Amend (the same kind's form, filled with what the record says now) or void; each with a reason and
// a request id made when the form opens.
function corrections(kind, nodeId, recordId, body, content) {
  const node = encodeURIComponent(nodeId);
  const base = `/v1/nodes/${node}/records/${encodeURIComponent(recordId)}`;
  const done = (message) => {
    location.hash = `#/records/${node}/${encodeURIComponent(recordId)}?done=${Date.now()}`;
    return message;
  };
  const reasonField = (id) => el('div', { class: 'field' }, el('label', { for: id, class: 'required' }, '更正理由'),
    el('textarea', { id, rows: 2, maxlength: 500, 'aria-describedby': `${id}-error` }), el('p', { class: 'field-error', id: `${id}-error` }));

  const amendId = requestId();
  const amendReason = reasonField('amend-reason');
  const amend = recordForm({
    kind,
    initial: { [body]: content },
    extra: [{ element: amendReason }],
    submitLabel: '提交更正',
    onSubmit: async (values) => {
      await api(`${base}:amend`, { method: 'POST', body: { requestId: amendId, reason: amendReason.querySelector('textarea').value, replacement: { [kind.bodyField]: values[kind.bodyField] ?? {} } } });
      done();
    },
  });
  amend.form.id = 'amend-form';

  const voidId = requestId();
  const voidReason = reasonField('void-reason');
  const voidError = el('p', { class: 'error', role: 'alert' });
  const voidForm = el('form', { class: 'record', id: 'void-form' }, voidReason, voidError,
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, '作废这条记录')));
  voidForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    voidError.textContent = '';
    try {
      await api(`${base}:void`, { method: 'POST', body: { requestId: voidId, reason: voidReason.querySelector('textarea').value } });
      done();
    } catch (error) {
      voidError.textContent = error.violations?.[0]?.message ? `作废理由：${error.violations[0].message}` : `作废失败：${error.message}`;
    }
  });
  return el('section', { id: 'correct' }, el('h3', {}, '更正这条记录'),
    el('details', {}, el('summary', { id: 'amend-open' }, '修改内容'), amend.form),
    el('details', {}, el('summary', { id: 'void-open' }, '作废'), voidForm));
}
