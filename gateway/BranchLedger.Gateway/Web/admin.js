// What the tenant admin's pages (directory.js, access.js, obligations.js) share: Chinese labels for the
// directory and access enums, grants read and written for people, labelled form fields that show a
// refusal's field violations where they belong, and a two-step confirmation for what cannot be undone.
import { el } from './format.js';
import { ROLE_LABELS } from './caller.js';

export const NODE_KINDS = {
  NODE_KIND_ORGANISATION: '党组 / 机关党委',
  NODE_KIND_GENERAL_BRANCH: '党总支',
  NODE_KIND_BRANCH: '党支部',
  NODE_KIND_SMALL_GROUP: '党小组',
};

export const BODY_KINDS = {
  BODY_KIND_GOVERNMENT_DEPARTMENT: '党政机关',
  BODY_KIND_PEOPLES_ORGANISATION: '人民团体',
  BODY_KIND_MASS_ORGANISATION: '群众团体',
  BODY_KIND_PUBLIC_INSTITUTION: '事业单位',
  BODY_KIND_STATE_ENTERPRISE: '国有企业',
  BODY_KIND_OTHER: '其他',
};

export const FREQUENCIES = {
  OBLIGATION_FREQUENCY_MONTHLY: '每月',
  OBLIGATION_FREQUENCY_QUARTERLY: '每季度',
  OBLIGATION_FREQUENCY_YEARLY: '每年',
};

export const SCOPES = { OBLIGATION_SCOPE_BRANCH: '党支部', OBLIGATION_SCOPE_ORGANISATION: '党组 / 机关党委' };

export const QUORUM_BASES = {
  QUORUM_BASIS_VOTING_MEMBERS: '有表决权的正式党员',
  QUORUM_BASIS_COMMITTEE_MEMBERS: '委员',
  QUORUM_BASIS_MEMBERS: '全体党员',
  QUORUM_BASIS_EXPECTED_ATTENDEES: '应到人数',
};

/** The permissions a system client (API key) of one tenant may carry, as GrantRules allows them. */
export const PERMISSIONS = {
  'tenant.read': '读取本单位数据',
  'records.write': '记录写入',
  'records.review': '记录审阅',
  'directory.write': '组织与名册维护',
  'audit.read': '查看审计日志',
  'city.read': '全市数据读取',
};

/** Which kinds a node of each kind may hold (NodeRules): an organisation at the root or under another. */
export const CHILD_KINDS = {
  '': ['NODE_KIND_ORGANISATION'],
  NODE_KIND_ORGANISATION: ['NODE_KIND_ORGANISATION', 'NODE_KIND_GENERAL_BRANCH', 'NODE_KIND_BRANCH'],
  NODE_KIND_GENERAL_BRANCH: ['NODE_KIND_BRANCH'],
  NODE_KIND_BRANCH: ['NODE_KIND_SMALL_GROUP'],
  NODE_KIND_SMALL_GROUP: [],
};

// gRPC status codes a person may meet here, in words.
const CODES = {
  3: '填写有误',
  5: '未找到',
  6: '已存在',
  7: '没有权限',
  9: '当前状态不允许此操作',
  8: '操作过于频繁，请稍后重试',
  14: '服务暂时不可用，请稍后重试',
};

/** A refusal in words: what kind of refusal, then the gateway's message. */
export function explain(error) {
  const what = CODES[error.code];
  return what ? `${what}：${error.message}` : `操作失败：${error.message}`;
}

/** A grant spelled role@tenants[#nodes][!permissions], read. */
export function parseGrant(text) {
  const [withoutPermissions, permissions] = (text ?? '').split('!');
  const [withoutNodes, nodes] = withoutPermissions.split('#');
  const [role, tenants] = withoutNodes.split('@');
  return {
    role,
    tenants: !tenants || tenants === '*' ? null : tenants.split(','),
    nodes: nodes ? nodes.split(',') : [],
    permissions: permissions ? permissions.split(',') : [],
  };
}

/** A grant written from its parts; the admin never types this syntax. */
export function grantOf(role, tenant, nodes = [], permissions = []) {
  let text = `${role}@${tenant}`;
  if (nodes.length) text += `#${[...nodes].sort().join(',')}`;
  if (permissions.length) text += `!${permissions.join(',')}`;
  return text;
}

/** A grant for people, e.g. "支部书记 · 机关党支部": role, then branches (by name) or permissions. */
export function describeGrant(text, nodeName = (id) => id, ownTenant = '') {
  const grant = parseGrant(text);
  const parts = [ROLE_LABELS[grant.role] ?? '其他角色'];
  if (grant.tenants === null) parts.push('全市');
  else if (ownTenant && !grant.tenants.every((t) => t === ownTenant)) parts.push(`单位 ${grant.tenants.join('、')}`);
  if (grant.nodes.length) parts.push(grant.nodes.map(nodeName).join('、'));
  if (grant.permissions.length) parts.push(grant.permissions.map((p) => PERMISSIONS[p] ?? p).join('、'));
  return parts.join(' · ');
}

export { dateText, toDate, today } from './format.js';

/** A timestamp as local date and minute. */
export function timeText(timestamp) {
  if (!timestamp) return '';
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * A labelled field: { element, input, error }. `name` is the request field its violations name
 * (snake_case, as the gateway spells them).
 */
export function field(id, label, input, { hint, name, required } = {}) {
  input.id = id;
  if (required) input.required = true;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  input.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  const error = el('p', { class: 'field-error', id: errorId });
  const element = el('div', { class: 'field', 'data-field': name ?? id },
    el('label', { for: id, class: required ? 'required' : undefined }, label), input,
    hint ? el('p', { class: 'hint', id: hintId }, hint) : null, error);
  return { element, input, error };
}

/** A checkbox with its label after it. */
export function checkbox(id, label, attributes = {}) {
  const input = el('input', { type: 'checkbox', id, ...attributes });
  return { element: el('div', { class: 'field check' }, input, el('label', { for: id }, label)), input };
}

/** Clears the field errors of a form. */
export function clearErrors(form) {
  for (const f of form.querySelectorAll('.field.invalid')) f.classList.remove('invalid');
  for (const p of form.querySelectorAll('.field-error')) p.textContent = '';
  for (const i of form.querySelectorAll('[aria-invalid]')) i.removeAttribute('aria-invalid');
}

/**
 * Shows a refusal: each field violation at its field (matched on data-field, an indexed field
 * `overrides[2].min_count` also at `min_count`), the rest in the form's message line.
 */
export function showRefusal(form, message, error, labels = {}) {
  clearErrors(form);
  const unplaced = [];
  let first = null;
  for (const v of error.violations ?? []) {
    const plain = v.field?.replace(/^.*\]\./, '');
    const target = form.querySelector(`[data-field="${CSS.escape(v.field ?? '')}"]`)
      ?? form.querySelector(`[data-field="${CSS.escape(plain ?? '')}"]`);
    if (target) {
      target.classList.add('invalid');
      target.querySelector('.field-error').textContent = `请修改：${v.message}`;
      const input = target.querySelector('input, select, textarea');
      input?.setAttribute('aria-invalid', 'true');
      first ??= input;
    } else {
      unplaced.push(`${labels[v.field] ?? labels[plain] ?? v.field}：${v.message}`);
    }
  }
  message.className = 'error';
  message.textContent = [explain(error), ...unplaced].join('；');
  first?.focus();
}

/** A success line. */
export function showOk(message, text) {
  message.className = 'ok';
  message.textContent = text;
}

/**
 * A button that asks once more before acting: the first press shows 确认 / 取消 beside it, so a slip
 * of the finger (or the Enter key) never revokes or unbinds anything.
 */
export function confirmButton(label, question, action, attributes = {}) {
  const holder = el('span', { class: 'confirm' });
  const start = el('button', { type: 'button', ...attributes }, label);
  const reset = () => holder.replaceChildren(start);
  start.addEventListener('click', () => {
    const yes = el('button', { type: 'button', class: 'primary' }, `确认${label}`);
    const no = el('button', { type: 'button' }, '取消');
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      no.disabled = true;
      try {
        await action();
      } finally {
        if (holder.isConnected) reset();
      }
    });
    no.addEventListener('click', () => {
      reset();
      start.focus();
    });
    holder.replaceChildren(el('span', { role: 'alert' }, question), ' ', yes, ' ', no);
    no.focus();
  });
  holder.append(start);
  return holder;
}

/** Every page of an AIP-158 list. */
export async function listAll(api, path, key, query = {}) {
  const items = [];
  let pageToken = '';
  do {
    const page = await api(path, { query: { ...query, pageSize: 500, pageToken } });
    items.push(...(page[key] ?? []));
    pageToken = page.nextPageToken ?? '';
  } while (pageToken);
  return items;
}
