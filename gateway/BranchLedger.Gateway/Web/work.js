// A branch's duty list (责任清单) and inspection findings (问题整改): where each stands, what is overdue,
// and the next step on each — a step is a catalogue form like any record (推进, 整改进展, 销号, 回头看).
import { api } from './api.js';
import { catalogue, kindAt } from './catalogue.js';
import { el } from './format.js';
import { fromDate, nodeLevel, nodeName } from './nodes.js';

const DUTY = { DUTY_STATUS_PLANNED: '未开始', DUTY_STATUS_IN_PROGRESS: '推进中', DUTY_STATUS_DONE: '已完成', DUTY_STATUS_VERIFIED: '已核验' };
const failed = (target) => (error) => target.append(el('p', { class: 'error', role: 'alert' }, `读取失败：${error.message}`));

// The steps on a target of this body ("dutyItem" → steps whose target is a dutyProgress.dutyId, …).
const stepsFor = (cat, prefix) => cat.kinds.filter((k) => k.step && k.targetField.startsWith(prefix));

function stepLinks(node, steps, target, applies) {
  return el('div', { class: 'actions' }, steps.filter(applies).map((k) =>
    el('a', { class: 'button', href: `#/new/${node}/${encodeURIComponent(k.id)}?target=${encodeURIComponent(target)}` }, k.label)));
}

export function workPage(view, nodeId) {
  const node = encodeURIComponent(nodeId);
  const heading = el('h2', {}, '责任清单与问题整改');
  nodeName(nodeId).then((name) => {
    heading.textContent = `${name} · 责任清单与问题整改`;
  });
  const duties = el('section', { id: 'duties' }, el('h3', {}, '责任清单'));
  const findings = el('section', { id: 'findings' }, el('h3', {}, '问题整改'));
  view.append(el('p', {}, el('a', { href: `#/home/${node}` }, '← 返回支部')), heading, duties, findings);

  Promise.all([catalogue(), api(`/v1/nodes/${node}/duty-items`, { query: { pageSize: 500 } }), api(`/v1/nodes/${node}/findings`, { query: { pageSize: 500 } }), nodeLevel(nodeId)])
    .then(([cat, dutyList, findingList, level]) => {
      // Offered only where the node's level keeps a duty list and findings (a 党小组 does not).
      const dutyKind = kindAt(cat.byBody('dutyItem'), level);
      const findingKind = kindAt(cat.byBody('finding'), level);
      const dutySteps = stepsFor(cat, 'dutyProgress');
      const findingSteps = cat.kinds.filter((k) => k.step && !k.targetField.startsWith('dutyProgress'));
      if (dutyKind) duties.append(el('p', {}, el('a', { class: 'button', href: `#/new/${node}/${dutyKind.id}` }, `新增${dutyKind.label}`)));
      if (findingKind) findings.append(el('p', {}, el('a', { class: 'button', href: `#/new/${node}/${findingKind.id}`, id: 'raise-finding' }, `登记${findingKind.label}`)));

      const items = dutyList.items ?? [];
      duties.append(items.length ? el('ul', { class: 'items' }, items.map((d) => el('li', { 'data-duty': d.item.dutyId },
        el('b', {}, d.item.duty), ` ${DUTY[d.status] ?? ''}`, d.item.owner ? `，责任人 ${d.item.owner}` : '', `，${fromDate(d.item.due)} 前`,
        d.overdue ? el('span', { class: 'badge status-missed' }, ` 逾期 ${d.daysOverdue} 天`) : null,
        d.status === 'DUTY_STATUS_VERIFIED' ? null : stepLinks(node, dutySteps, d.item.dutyId, () => true))))
        : el('p', { class: 'muted' }, '还没有责任清单事项。'));

      const list = findingList.findings ?? [];
      findings.append(list.length ? el('ul', { class: 'items' }, list.map((f) => el('li', { 'data-finding': f.finding.findingId },
        el('b', {}, f.finding.finding), f.closed ? el('span', { class: 'badge status-met' }, ` 已销号（${f.verifier ?? ''}，${fromDate(f.closedOn)}）`) : ' 整改中',
        f.finding.deadline ? `，${fromDate(f.finding.deadline)} 前` : '',
        f.overdue ? el('span', { class: 'badge status-missed' }, ` 逾期 ${f.daysOverdue} 天`) : null,
        (f.progress ?? []).length ? el('ul', {}, f.progress.map((p) => el('li', {}, p))) : null,
        // Closing and re-checking follow the finding's state: progress and closing while open, a re-check once closed.
        stepLinks(node, findingSteps, f.finding.findingId, (k) => (f.closed ? /reopen/.test(k.id) : !/reopen/.test(k.id))))))
        : el('p', { class: 'muted' }, '没有登记的问题。'));
    }).catch(failed(view));
  return () => {};
}
