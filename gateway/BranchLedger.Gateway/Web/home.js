// A branch's home: what is due this month and quarter, what the party office returned, open duty items
// and findings, the score and rank with what would raise them, the latest records, and one tap to
// record the recurring meetings.
import { api } from './api.js';
import { catalogue, kindsAt, summaryOf } from './catalogue.js';
import { el, fixed } from './format.js';
import { allNodes, currentPeriods, daysLeft, fromDate, nodeLevel, nodeName } from './nodes.js';

export const OBLIGATION = {
  OBLIGATION_STATUS_MET: ['已落实', 'status-met'],
  OBLIGATION_STATUS_MISSED: ['未落实', 'status-missed'],
  OBLIGATION_STATUS_DUE: ['待完成', 'status-due'],
  OBLIGATION_STATUS_NOT_IN_FORCE: ['不适用', 'muted'],
};

const DUTY = { DUTY_STATUS_PLANNED: '未开始', DUTY_STATUS_IN_PROGRESS: '推进中', DUTY_STATUS_DONE: '已完成', DUTY_STATUS_VERIFIED: '已核验' };

const section = (heading, id) => el('section', { id, 'aria-labelledby': `${id}-h` }, el('h3', { id: `${id}-h` }, heading));
const failed = (target) => (error) => target.append(el('p', { class: 'error', role: 'alert' }, `读取失败：${error.message}`));
const link = (node, record) => `#/records/${encodeURIComponent(node)}/${encodeURIComponent(record)}`;

// Only what a node of its level may hold: a 党小组 is offered no 发文, a 党支部 no 党组会.
function quickRecord(node, cat, level) {
  const kinds = kindsAt(cat, level).filter((k) => !k.step);
  const quick = el('div', { class: 'quick', id: 'quick-record' });
  for (const kind of kinds) {
    for (const preset of kind.presets) {
      quick.append(el('a', { href: `#/new/${encodeURIComponent(node)}/${encodeURIComponent(kind.id)}?preset=${encodeURIComponent(preset.id)}` }, `记录${preset.label}`));
    }
  }
  const others = el('ul', { id: 'other-kinds' }, kinds.map((k) =>
    el('li', {}, el('a', { href: `#/new/${encodeURIComponent(node)}/${encodeURIComponent(k.id)}` }, k.label), el('span', { class: 'muted' }, ` ${k.help}`))));
  return [quick, el('details', {}, el('summary', {}, '其他记录类型'), others)];
}

/** "2026-10" → 10月, "2026-Q4" → 第四季度, "2026" → 2026年. */
function periodLabel(period) {
  const [year, part] = period.split('-');
  if (!part) return `${year}年`;
  if (part.startsWith('Q')) return `第${'一二三四'[Number(part[1]) - 1]}季度`;
  return `${Number(part)}月`;
}

function obligationRows(compliance, period) {
  const rows = (compliance.rows ?? []).filter((r) => r.status !== 'OBLIGATION_STATUS_NOT_IN_FORCE');
  if (!rows.length) return el('p', { class: 'muted' }, '本期没有应办事项。');
  return el('ul', { class: 'items' }, rows.map((r) => {
    const [label, css] = OBLIGATION[r.status] ?? ['—', ''];
    const left = r.status === 'OBLIGATION_STATUS_DUE' ? el('span', { class: 'muted' }, ` 还剩 ${daysLeft(period)} 天`) : null;
    const quorum = (r.quorumFailures ?? []).length
      ? el('p', { class: 'status-missed' }, `${r.quorumFailures.length} 次会议未达到法定人数，不计入`) : null;
    // A quarter holds its months' rows of a monthly rule (and a month its quarter's or year's): say which.
    const when = r.period && r.period !== period ? el('span', { class: 'muted' }, `（${periodLabel(r.period)}）`) : null;
    return el('li', { 'data-obligation': r.name, 'data-period': r.period, 'data-status': label },
      el('b', {}, r.name), when, ' ', el('span', { class: `badge ${css}` }, label), ` ${r.counted ?? 0} / ${r.required ?? 0}`, left, quorum);
  }));
}

function overdue(item) {
  return item.overdue ? el('span', { class: 'badge status-missed' }, `逾期 ${item.daysOverdue} 天`) : null;
}

export function branchHomePage(view, nodeId, params) {
  const node = encodeURIComponent(nodeId);
  const periods = currentPeriods();
  const heading = el('h2', { id: 'branch-name' }, '');
  nodeName(nodeId).then((name) => {
    heading.textContent = name;
  });
  const record = section('快速记录', 'record');
  const month = section(`本月应办（${periods.month}）`, 'month');
  const quarter = section(`本季度应办（${periods.quarter}）`, 'quarter');
  const returned = section('党办退回待答复', 'returned');
  const work = section('责任清单与问题整改', 'work');
  const standing = section(`${periods.year} 年得分与排名`, 'standing');
  const latest = section('最近记录', 'latest');
  view.append(heading, record, returned, month, quarter, work, standing, latest);

  Promise.all([catalogue(), nodeLevel(nodeId)]).then(([cat, level]) => {
    record.append(...quickRecord(nodeId, cat, level));
    api(`/v1/nodes/${node}/review-queue`, { query: { state: 'REVIEW_QUEUE_FILTER_RETURNED_UNANSWERED', pageSize: 50 } }).then((answer) => {
      const items = answer.items ?? [];
      returned.append(items.length
        ? el('ul', { class: 'items' }, items.map((item) => {
          const s = summaryOf(cat, item.record);
          return el('li', {}, el('a', { href: link(nodeId, item.record.recordId) }, `${s.date} ${s.kindLabel}：${s.text}`),
            el('p', { class: 'status-missed' }, `退回理由：${item.review?.reason ?? ''}`));
        }))
        : el('p', { class: 'muted' }, '没有退回的记录。'));
    }).catch(failed(returned));
    api(`/v1/nodes/${node}/records`, { query: { year: periods.year, pageSize: 500 } }).then((answer) => {
      const records = (answer.records ?? []).slice(-5).reverse();
      latest.append(records.length
        ? el('ul', { class: 'items' }, records.map((r) => {
          const s = summaryOf(cat, r);
          return el('li', {}, el('a', { href: link(nodeId, r.recordId) }, `${s.date} ${s.kindLabel}`), ` ${s.text}`);
        }))
        : el('p', { class: 'muted' }, '今年还没有记录。'),
      el('p', {}, el('a', { href: `#/records/${node}` }, '全部记录')));
    }).catch(failed(latest));
  }).catch(failed(record));

  // Keyed by rule and period: a month's and its quarter's listing name the same open obligation once.
  const open = { obligations: new Map(), findings: [] };
  Promise.all([
    api(`/v1/nodes/${node}/compliance`, { query: { period: periods.month } }).then((c) => {
      month.append(obligationRows(c, periods.month));
      for (const r of (c.rows ?? []).filter((row) => row.status === 'OBLIGATION_STATUS_DUE')) open.obligations.set(`${r.name}@${r.period}`, `${r.name}（${periodLabel(r.period)}）`);
    }).catch(failed(month)),
    api(`/v1/nodes/${node}/compliance`, { query: { period: periods.quarter } }).then((c) => {
      quarter.append(obligationRows(c, periods.quarter));
      for (const r of (c.rows ?? []).filter((row) => row.status === 'OBLIGATION_STATUS_DUE')) open.obligations.set(`${r.name}@${r.period}`, `${r.name}（${periodLabel(r.period)}）`);
    }).catch(failed(quarter)),
    Promise.all([api(`/v1/nodes/${node}/duty-items`, { query: { pageSize: 200 } }), api(`/v1/nodes/${node}/findings`, { query: { pageSize: 200 } })])
      .then(([duties, findings]) => {
        const openDuties = (duties.items ?? []).filter((d) => !['DUTY_STATUS_DONE', 'DUTY_STATUS_VERIFIED'].includes(d.status));
        const openFindings = (findings.findings ?? []).filter((f) => !f.closed);
        open.findings.push(...openFindings.map((f) => f.finding.finding));
        work.append(
          openDuties.length || openFindings.length
            ? el('ul', { class: 'items' },
              openDuties.map((d) => el('li', {}, el('span', { class: 'badge' }, '责任清单'), ` ${d.item.duty}（${DUTY[d.status] ?? ''}，${fromDate(d.item.due)} 前）`, overdue(d))),
              openFindings.map((f) => el('li', {}, el('span', { class: 'badge' }, '问题整改'), ` ${f.finding.finding}`,
                f.finding.deadline ? `（${fromDate(f.finding.deadline)} 前）` : '', overdue(f))))
            : el('p', { class: 'muted' }, '没有未完成的事项。'),
          el('p', {}, el('a', { href: `#/tasks/${node}`, id: 'work-link' }, '办理责任清单和问题整改')));
      }).catch(failed(work)),
  ]).then(() => showStanding(standing, nodeId, periods.year, open));
  return () => {};
}

// The score and rank, and what would raise them: obligations still open, findings to close, indicators short of full marks.
function showStanding(target, nodeId, year, open) {
  const node = encodeURIComponent(nodeId);
  Promise.all([
    api(`/v1/nodes/${node}/scores/${year}`).catch(() => null),
    api(`/v1/nodes/${node}/ranks/${year}`).catch(() => null),
  ]).then(([score, rank]) => {
    target.append(el('div', { class: 'cards' },
      el('div', { class: 'card', id: 'score-total' }, '总分', el('b', {}, score?.total === undefined ? '—' : fixed(score.total)), score?.grade ?? ''),
      el('div', { class: 'card', id: 'rank-tenant' }, '本单位排名', el('b', {}, rank?.tenant ? `${rank.tenant.rank} / ${rank.tenant.rankedCount}` : '—')),
      el('div', { class: 'card', id: 'rank-city' }, '全市排名', el('b', {}, rank?.city ? `${rank.city.rank} / ${rank.city.rankedCount}` : '—'))));
    const short = (score?.indicators ?? []).filter((i) => i.status === 'SCORED' && (i.points ?? 0) < (i.maxPoints ?? 0));
    const raise = [
      ...[...open.obligations.values()].map((o) => `完成${o}`),
      ...open.findings.map((f) => `整改并销号：${f}`),
      ...short.slice(0, 5).map((i) => `${i.name}：${fixed(i.points ?? 0)} / ${fixed(i.maxPoints ?? 0)} 分`),
    ];
    target.append(el('h4', {}, '如何提高'), raise.length
      ? el('ul', { id: 'raise' }, raise.map((r) => el('li', {}, r)))
      : el('p', { class: 'muted', id: 'raise' }, '各项均已落实。'));
  });
}

/** A choice of branches: a secretary of several, or the office looking at any branch. */
export function chooseBranchPage(view, nodes) {
  view.append(el('h2', {}, '选择支部'));
  const list = el('ul', { class: 'items', id: 'branches' });
  view.append(list);
  const show = (items) => list.replaceChildren(...items.map(({ id, name }) => el('li', {}, el('a', { href: `#/home/${encodeURIComponent(id)}` }, name))));
  if (nodes) {
    Promise.all(nodes.map(async (id) => ({ id, name: await nodeName(id) }))).then(show);
  } else {
    allNodes().then((all) => show(all.filter((n) => n.kind === 'NODE_KIND_BRANCH' && n.state !== 'NODE_STATE_CLOSED').map((n) => ({ id: n.nodeId, name: n.name }))))
      .catch(failed(view));
  }
  return () => {};
}
