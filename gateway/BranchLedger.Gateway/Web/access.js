// 人员与授权 (#/access): who holds which role in the tenant (bind, unbind) and the API keys of other
// systems (issue, revoke). Grants are written from a role and the branches picked here; the admin
// never types the grant syntax and never sees it: a grant reads "支部书记 · 机关党支部".
import { api, requestId } from './api.js';
import { el } from './format.js';
import { caller, ROLE_LABELS } from './caller.js';
import {
  PERMISSIONS, NODE_KINDS, describeGrant, grantOf, parseGrant, field, checkbox, showRefusal, showOk, clearErrors, confirmButton, listAll, explain, timeText,
} from './admin.js';

/** The roles a tenant admin may bind to a person of its tenant (GrantRules.MayBind); keys are for systems. */
const PERSON_ROLES = ['branch-secretary', 'verifier', 'tenant-admin', 'auditor'];
// Roles narrowed to branches: a secretary names theirs; a verifier may (none: every branch of the body).
const SCOPED = ['branch-secretary', 'verifier'];
const ROLE_HINTS = {
  'branch-secretary': '填写和更正所选支部的台账记录，查看本单位情况。',
  verifier: '核验问题整改和责任清单（销号、核验）；不选支部即可核验本单位所有支部。',
  'tenant-admin': '管理本单位的组织、名册、人员授权和接口密钥，审阅记录。',
  auditor: '只读查看本单位的记录和审计日志。',
};
/** What a system client of one tenant may be given (city.read needs every tenant, which a tenant admin cannot grant). */
const KEY_PERMISSIONS = ['tenant.read', 'records.write', 'records.review', 'directory.write', 'audit.read'];

function bindForm(tenant, nodes, refresh) {
  const id = requestId();
  const message = el('p', { role: 'status' });
  const subject = field('bind-subject', '人员登录名', el('input', { autocomplete: 'off', maxlength: 256 }),
    { name: 'subject', required: true, hint: '此人在统一身份认证中的登录名（账号），例如“王芳”或工号。' });
  const role = field('bind-role', '角色', el('select', {}, PERSON_ROLES.map((r) => el('option', { value: r }, ROLE_LABELS[r]))), { name: 'grant', required: true });
  const roleHint = el('p', { class: 'hint', id: 'bind-role-explained' });
  role.input.setAttribute('aria-describedby', `${role.input.getAttribute('aria-describedby')} bind-role-explained`);
  role.element.insertBefore(roleHint, role.error);
  const branches = nodes.filter((n) => n.state !== 'NODE_STATE_CLOSED' && ['NODE_KIND_BRANCH', 'NODE_KIND_GENERAL_BRANCH'].includes(n.kind));
  const boxes = branches.map((n) => checkbox(`bind-node-${n.nodeId}`, `${n.name}（${NODE_KINDS[n.kind]}）`, { value: n.nodeId, name: 'nodes' }));
  const branchError = el('p', { class: 'field-error', id: 'bind-nodes-error' });
  const picker = el('fieldset', { class: 'field picker', 'data-field': 'nodes', 'aria-describedby': 'bind-nodes-error' },
    el('legend', { class: 'required' }, '负责的支部'),
    boxes.length ? boxes.map((b) => b.element) : el('p', { class: 'hint' }, '本单位还没有支部：请先在“组织与名册”中新建。'),
    branchError);
  const sync = () => {
    picker.hidden = !SCOPED.includes(role.input.value);
    roleHint.textContent = ROLE_HINTS[role.input.value];
  };
  role.input.addEventListener('change', sync);
  sync();
  const form = el('form', { class: 'panel', id: 'bind-role-form', novalidate: true }, el('h3', {}, '授予角色'),
    subject.element, role.element, picker,
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, '授予')), message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    picker.classList.remove('invalid');
    branchError.textContent = '';
    const picked = SCOPED.includes(role.input.value) ? boxes.filter((b) => b.input.checked).map((b) => b.input.value) : [];
    if (role.input.value === 'branch-secretary' && picked.length === 0) {
      picker.classList.add('invalid');
      branchError.textContent = '请至少选择一个支部。';
      boxes[0]?.input.focus();
      return;
    }
    const who = subject.input.value.trim();
    try {
      await api('/v1/access/bindings', { method: 'POST', body: { requestId: id, subject: who, grant: grantOf(role.input.value, tenant, picked) } });
      refresh(`已授予 ${who}：${describeGrant(grantOf(role.input.value, tenant, picked), (n) => nodes.find((x) => x.nodeId === n)?.name ?? n, tenant)}。`);
    } catch (error) {
      showRefusal(form, message, error, { subject: '人员登录名', grant: '角色' });
    }
  });
  return form;
}

function bindingsList(bindings, nodeName, tenant, refresh, status) {
  if (!bindings.length) return el('p', { class: 'muted', id: 'bindings' }, '还没有为任何人授予角色。');
  const bySubject = new Map();
  for (const b of bindings) {
    if (!bySubject.has(b.subject)) bySubject.set(b.subject, []);
    bySubject.get(b.subject).push(b);
  }
  return el('ul', { class: 'items', id: 'bindings' }, [...bySubject].map(([subject, list]) => el('li', { 'data-subject': subject },
    el('b', {}, subject),
    el('ul', { class: 'grants' }, list.map((b) => {
      const id = requestId();
      return el('li', { 'data-role': parseGrant(b.grant).role },
        el('span', { class: 'grant' }, describeGrant(b.grant, nodeName, tenant)), ' ',
        el('span', { class: 'muted' }, `${b.boundBy ?? ''} 授予于 ${timeText(b.boundAt)}`), ' ',
        confirmButton('解除', `解除 ${subject} 的“${describeGrant(b.grant, nodeName, tenant)}”？`, async () => {
          try {
            await api('/v1/access/bindings:unbind', { method: 'POST', body: { requestId: id, subject, grant: b.grant } });
            refresh(`已解除 ${subject} 的授权。`);
          } catch (error) {
            status.className = 'error';
            status.textContent = explain(error);
          }
        }));
    })))));
}

function keyState(key) {
  if (key.revokeTime) return el('span', { class: 'badge status-missed' }, '已吊销');
  if (key.expireTime && new Date(key.expireTime) <= new Date()) return el('span', { class: 'badge status-due' }, '已过期');
  return el('span', { class: 'badge status-met' }, '有效');
}

function keysList(keys, tenant, refresh, status) {
  if (!keys.length) return el('p', { class: 'muted', id: 'api-keys' }, '还没有接口密钥。');
  return el('ul', { class: 'items', id: 'api-keys' }, keys.map((key) => {
    const id = requestId();
    const live = !key.revokeTime && !(key.expireTime && new Date(key.expireTime) <= new Date());
    return el('li', { 'data-key': key.keyId },
      el('b', {}, key.name || '（未命名）'), ' ', keyState(key),
      el('p', { class: 'muted' }, `权限：${parseGrant(key.grant).permissions.map((p) => PERMISSIONS[p] ?? '其他').join('、') || '无'}`),
      el('p', { class: 'muted' }, `${key.createdBy ?? ''} 创建于 ${timeText(key.createTime)}`,
        key.expireTime ? `，${timeText(key.expireTime)} 到期` : '，长期有效', key.revokeTime ? `，${timeText(key.revokeTime)} 吊销` : ''),
      live ? confirmButton('吊销', `吊销“${key.name}”后，使用它的系统将立即无法访问，且不能恢复。`, async () => {
        try {
          await api(`/v1/access/apiKeys/${encodeURIComponent(key.keyId)}:revoke`, { method: 'POST', body: { requestId: id } });
          refresh(`已吊销“${key.name}”。`);
        } catch (error) {
          status.className = 'error';
          status.textContent = explain(error);
        }
      }) : null);
  }));
}

/** The key text, once: with a copy button and the warning that it will not be shown again. */
function secretPanel(name, text) {
  const copied = el('p', { role: 'status', class: 'ok' });
  const box = el('input', { id: 'new-key-text', readonly: true, value: text, spellcheck: 'false', autocomplete: 'off' });
  const copy = el('button', { type: 'button', id: 'copy-key', class: 'primary' }, '复制密钥');
  copy.addEventListener('click', async () => {
    box.select();
    try {
      await navigator.clipboard.writeText(text);
      copied.textContent = '已复制。';
    } catch {
      copied.textContent = '无法自动复制：密钥已选中，请按 Ctrl+C（手机上长按）复制。';
    }
  });
  return el('div', { class: 'panel secret', id: 'new-key', role: 'alert' },
    el('h3', {}, `“${name}”的密钥`),
    el('p', { class: 'error' }, '密钥只显示这一次，离开本页后无法再查看。请立即复制并妥善保存到对接系统中；遗失时吊销后重新创建。'),
    el('div', { class: 'field' }, el('label', { for: 'new-key-text' }, '接口密钥'), box),
    el('div', { class: 'actions' }, copy), copied);
}

function keyForm(tenant, refresh, showSecret) {
  const id = requestId();
  const message = el('p', { role: 'status' });
  const name = field('key-name', '名称', el('input', { autocomplete: 'off', maxlength: 100 }), { name: 'name', required: true, hint: '便于识别的用途，例如“OA 系统同步”。' });
  const boxes = KEY_PERMISSIONS.map((p) => checkbox(`key-permission-${p.replace('.', '-')}`, PERMISSIONS[p], { value: p }));
  const permissionError = el('p', { class: 'field-error', id: 'key-permissions-error' });
  const permissions = el('fieldset', { class: 'field picker', 'data-field': 'grant', 'aria-describedby': 'key-permissions-error' },
    el('legend', { class: 'required' }, '权限'), boxes.map((b) => b.element), permissionError);
  const expiry = field('key-expiry', '到期日期（可选）', el('input', { type: 'date' }), { name: 'expire_time', hint: '留空表示吊销前一直有效。' });
  const form = el('form', { class: 'panel', id: 'create-key-form', novalidate: true }, el('h3', {}, '创建接口密钥'),
    el('p', { class: 'hint' }, '供其他系统（如 OA、人事系统）调用本平台，只能访问本单位，且只有所勾选的权限。'),
    name.element, permissions, expiry.element,
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, '创建密钥')), message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    permissions.classList.remove('invalid');
    const picked = boxes.filter((b) => b.input.checked).map((b) => b.input.value);
    if (!picked.length) {
      permissions.classList.add('invalid');
      permissionError.textContent = '请至少勾选一项权限。';
      boxes[0].input.focus();
      return;
    }
    const body = { requestId: id, name: name.input.value.trim(), grant: grantOf('system-client', tenant, [], picked) };
    // The key lives through the whole of its last day (local time).
    if (expiry.input.value) body.expireTime = new Date(`${expiry.input.value}T23:59:59`).toISOString();
    try {
      const response = await api('/v1/access/apiKeys', { method: 'POST', body });
      refresh(response.keyText ? `已创建“${body.name}”。` : '这个密钥刚才已创建过，出于安全不再显示密钥；如未保存，请吊销后重新创建。');
      if (response.keyText) showSecret(body.name, response.keyText);
    } catch (error) {
      showRefusal(form, message, error, { name: '名称', grant: '权限', expire_time: '到期日期' });
    }
  });
  return form;
}

export function accessPage(view) {
  const tenant = caller()?.tenant ?? '';
  const status = el('p', { role: 'status', id: 'access-status' });
  const people = el('div', {}, el('p', { class: 'muted' }, '正在读取…'));
  const bindSlot = el('div');
  const keys = el('div', {}, el('p', { class: 'muted' }, '正在读取…'));
  const secretSlot = el('div');
  const keySlot = el('div');
  view.append(el('h2', {}, '人员与授权'), status,
    el('section', { 'aria-labelledby': 'people-title' }, el('h3', { id: 'people-title' }, '人员角色'), people, bindSlot),
    el('section', { 'aria-labelledby': 'keys-title' }, el('h3', { id: 'keys-title' }, '接口密钥'), secretSlot, keys, keySlot));

  let gone = false;
  const failed = (error) => {
    status.className = 'error';
    status.textContent = explain(error);
  };
  const load = async (text = '') => {
    const [nodes, bindings, apiKeys] = await Promise.all([
      listAll(api, '/v1/nodes', 'nodes', { includeClosed: true }),
      listAll(api, '/v1/access/bindings', 'bindings'),
      listAll(api, '/v1/access/apiKeys', 'keys'),
    ]);
    if (gone) return;
    const names = new Map(nodes.map((n) => [n.nodeId, n.name]));
    const nodeName = (id) => names.get(id) ?? '（未知支部）';
    const refresh = (message) => load(message).catch(failed);
    people.replaceChildren(bindingsList(bindings.filter((b) => parseGrant(b.grant).role !== 'system-client'), nodeName, tenant, refresh, status));
    bindSlot.replaceChildren(bindForm(tenant, nodes, refresh));
    keys.replaceChildren(keysList(apiKeys, tenant, refresh, status));
    keySlot.replaceChildren(keyForm(tenant, refresh, (name, text) => {
      secretSlot.replaceChildren(secretPanel(name, text));
      secretSlot.querySelector('#copy-key').focus();
    }));
    // A new key's text lives only in the panel: any later change on this page drops it.
    if (!text.startsWith('已创建')) secretSlot.replaceChildren();
    if (text) showOk(status, text);
  };
  load().catch(failed);
  return () => { gone = true; };
}
