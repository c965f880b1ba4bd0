// The tenant's obligation rules (ListObligations) and its stricter local versions of them
// (SetObligationOverrides: the complete list is sent each time, so adding or removing one override
// replaces the list). Part of 组织与名册 (directory.js).
import { api, requestId } from './api.js';
import { el } from './format.js';
import {
  FREQUENCIES, SCOPES, QUORUM_BASES, dateText, toDate, today, field, checkbox, showRefusal, showOk, clearErrors, confirmButton, explain,
} from './admin.js';

function quorumText(quorum) {
  if (!quorum?.basis || quorum.basis === 'QUORUM_BASIS_UNSPECIFIED') return '—';
  return `${QUORUM_BASES[quorum.basis] ?? '—'}${quorum.strict ? '超过' : '不少于'} ${quorum.numerator ?? 0}/${quorum.denominator ?? 0}`;
}

const span = (from, to) => `${dateText(from) || '—'} 至 ${dateText(to) || '今后'}`;

const inForce = (rule, day) => dateText(rule.effectiveFrom) <= day && (!rule.effectiveTo?.year || dateText(rule.effectiveTo) >= day);

// A list, not a table: seven columns of rules do not fit a phone, and each rule reads as one sentence.
function rulesList(rules) {
  const day = today();
  return el('ul', { class: 'items rules', id: 'obligation-rules' }, rules.map((r) => el('li', { 'data-rule': r.ruleId, class: inForce(r, day) ? undefined : 'past' },
    el('b', {}, r.name), inForce(r, day) ? [' ', el('span', { class: 'badge status-met' }, '现行')] : [' ', el('span', { class: 'badge' }, '非现行')],
    r.overridden ? [' ', el('span', { class: 'badge status-due' }, '本单位加严')] : null,
    el('p', {}, `${SCOPES[r.scope] ?? '—'} · ${FREQUENCIES[r.frequency] ?? '—'}至少 ${r.minCount ?? 0} 次`,
      r.quorum?.basis ? ` · 到会：${quorumText(r.quorum)}` : ''),
    el('p', { class: 'muted' }, `${span(r.effectiveFrom, r.effectiveTo)} · 依据：${r.source ?? ''}`))));
}

function describeOverride(o, ruleNames) {
  const changes = [];
  if (o.frequency && o.frequency !== 'OBLIGATION_FREQUENCY_UNSPECIFIED') changes.push(`频次改为${FREQUENCIES[o.frequency]}`);
  if (o.minCount) changes.push(`每期至少 ${o.minCount} 次`);
  if (o.quorum?.basis && o.quorum.basis !== 'QUORUM_BASIS_UNSPECIFIED') changes.push(`到会要求：${quorumText(o.quorum)}`);
  return `${ruleNames.get(o.ruleId) ?? '（已停用的事项）'}：${changes.join('，')}（${span(o.effectiveFrom, o.effectiveTo)}；依据：${o.source}）`;
}

// The list as SetObligationOverrides takes it back: unset parts left out.
function plain(o) {
  const copy = { ruleId: o.ruleId, effectiveFrom: o.effectiveFrom, source: o.source };
  if (o.effectiveTo?.year) copy.effectiveTo = o.effectiveTo;
  if (o.minCount) copy.minCount = o.minCount;
  if (o.frequency && o.frequency !== 'OBLIGATION_FREQUENCY_UNSPECIFIED') copy.frequency = o.frequency;
  if (o.quorum?.basis && o.quorum.basis !== 'QUORUM_BASIS_UNSPECIFIED') copy.quorum = o.quorum;
  return copy;
}

function overrideForm(rules, current, save) {
  const id = requestId();
  const message = el('p', { role: 'status' });
  const seen = new Map();
  for (const r of rules) if (!seen.has(r.ruleId)) seen.set(r.ruleId, r);
  const rule = field('override-rule', '事项', el('select', {}, [...seen.values()].map((r) => el('option', { value: r.ruleId }, `${r.name}（${SCOPES[r.scope] ?? ''}）`))), { name: 'rule_id', required: true });
  const from = field('override-from', '起始日期', el('input', { type: 'date', value: `${new Date().getFullYear() + 1}-01-01` }), { name: 'effective_from', required: true, hint: '改变频次时，起止日期须落在原频次的周期边界上（如季度首日、年末）。' });
  const to = field('override-to', '截止日期（可选）', el('input', { type: 'date' }), { name: 'effective_to', hint: '留空表示长期有效。' });
  const source = field('override-source', '依据', el('input', { autocomplete: 'off', maxlength: 500 }), { name: 'source', required: true, hint: '本单位的决定或规定，例如“市直机关工委〔2026〕1号”。' });
  const count = field('override-count', '每期至少次数', el('input', { type: 'number', min: 0, max: 1000, value: 0, inputmode: 'numeric' }), { name: 'min_count', hint: '0 表示沿用默认。' });
  const frequency = field('override-frequency', '频次', el('select', {}, el('option', { value: '' }, '沿用默认'),
    Object.entries(FREQUENCIES).map(([k, v]) => el('option', { value: k }, v))), { name: 'frequency', hint: '只能改得更密，例如每季度改为每月。' });
  const basis = field('override-basis', '到会要求的基数', el('select', {}, el('option', { value: '' }, '沿用默认'),
    Object.entries(QUORUM_BASES).map(([k, v]) => el('option', { value: k }, v))), { name: 'basis', hint: '须与默认相同的基数，比例不得更低。' });
  const numerator = field('override-numerator', '比例分子', el('input', { type: 'number', min: 1, value: 2, inputmode: 'numeric' }), { name: 'numerator' });
  const denominator = field('override-denominator', '比例分母', el('input', { type: 'number', min: 1, value: 3, inputmode: 'numeric' }), { name: 'denominator' });
  const strict = checkbox('override-strict', '须“超过”该比例（不勾选为“不少于”）');
  const form = el('form', { class: 'panel', id: 'add-override', novalidate: true }, el('h4', {}, '新增加严规定'),
    el('p', { class: 'hint' }, '加严规定只能比默认更严格：次数更多、频次更密或到会比例更高；同一事项的加严规定时间不能重叠。频次、次数、到会要求至少填一项。'),
    rule.element, from.element, to.element, source.element, count.element, frequency.element, basis.element, numerator.element, denominator.element, strict.element,
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, '保存加严规定')), message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const added = {
      ruleId: rule.input.value, effectiveFrom: toDate(from.input.value), effectiveTo: toDate(to.input.value), source: source.input.value.trim(),
      minCount: Number(count.input.value) || 0, frequency: frequency.input.value || undefined,
      quorum: basis.input.value ? { basis: basis.input.value, numerator: Number(numerator.input.value), denominator: Number(denominator.input.value), strict: strict.input.checked } : undefined,
    };
    if (!added.effectiveFrom) {
      return showRefusal(form, message, { code: 3, message: '请选择起始日期', violations: [{ field: 'effective_from', message: '请选择日期' }] });
    }
    try {
      await save([...current.map(plain), plain(added)], id);
    } catch (error) {
      // Only violations of the new (last) entry belong to this form's fields.
      const index = `overrides[${current.length}].`;
      const mine = { ...error, code: error.code, message: error.message, violations: (error.violations ?? []).map((v) => (v.field?.startsWith(index) ? { ...v, field: v.field.slice(index.length).replace(/^quorum\./, '') } : v)) };
      showRefusal(form, message, mine, { rule_id: '事项', effective_from: '起始日期', effective_to: '截止日期', source: '依据', min_count: '次数', frequency: '频次' });
    }
  });
  return form;
}

export function obligationsSection(holder) {
  const status = el('p', { role: 'status', id: 'obligations-status' });
  const body = el('div', {}, el('p', { class: 'muted' }, '正在读取规定…'));
  holder.replaceChildren(el('section', { 'aria-labelledby': 'obligations-title' }, el('h3', { id: 'obligations-title' }, '党建工作规定'),
    el('p', { class: 'hint' }, '各支部、党组按这些规定核对落实情况。默认规定来自上级文件；本单位可以加严，不能放宽。'), status, body));

  const load = async (text = '') => {
    const { rules = [], overrides } = await api('/v1/tenant/obligations');
    const current = overrides?.overrides ?? [];
    const ruleNames = new Map(rules.map((r) => [r.ruleId, r.name]));
    // The request id is made with the form or button that sends the list, so a double press records once.
    const save = async (list, id) => {
      await api('/v1/tenant/obligation-overrides', { method: 'PUT', body: { requestId: id, overrides: list } });
      await load('已保存，各支部即按新规定核对。');
    };
    const items = current.map((o, i) => {
      const id = requestId();
      return el('li', { 'data-override': i }, describeOverride(o, ruleNames), ' ',
      confirmButton('删除', '删除后恢复默认规定。', async () => {
        try {
          await save(current.filter((_, j) => j !== i).map(plain), id);
        } catch (error) {
          status.className = 'error';
          status.textContent = explain(error);
        }
      }));
    });
    body.replaceChildren(
      rulesList(rules),
      el('h4', {}, '本单位加严规定'),
      items.length ? el('ul', { class: 'items', id: 'overrides' }, items) : el('p', { class: 'muted', id: 'overrides' }, '暂无，全部按默认规定。'),
      el('details', {}, el('summary', {}, '新增加严规定'), overrideForm(rules, current, save)));
    if (text) showOk(status, text);
  };
  load().catch((error) => {
    body.replaceChildren(el('p', { class: 'error' }, explain(error)));
  });
}
