// The sign-in page: the city's identity provider (OIDC) in production; on a development machine, the
// development sign-in, which acts as a named person with a role picked here.
import { session } from './api.js';
import { el } from './format.js';
import { ROLE_LABELS } from './caller.js';

const DEV_ROLES = ['branch-secretary', 'tenant-admin', 'verifier', 'supervisor', 'auditor', 'platform-admin'];

function devForm(onSignedIn) {
  const error = el('p', { class: 'error', role: 'alert', id: 'sign-in-error' });
  const role = el('select', { id: 'dev-role', name: 'role' },
    el('option', { value: '' }, '按已有授权登录（不声明角色）'),
    DEV_ROLES.map((r) => el('option', { value: r, selected: r === 'branch-secretary' }, ROLE_LABELS[r])));
  const field = (label, input, hint) => el('div', { class: 'field' }, el('label', { for: input.id }, label), input,
    hint ? el('p', { class: 'hint', id: `${input.id}-hint` }, hint) : null);
  const name = el('input', { id: 'dev-name', name: 'name', required: true, autocomplete: 'name', value: '李书记' });
  const tenant = el('input', { id: 'dev-tenant', name: 'tenant', value: 'demo-womens-fed', autocomplete: 'off', 'aria-describedby': 'dev-tenant-hint' });
  const nodes = el('input', { id: 'dev-nodes', name: 'nodes', value: 'office-branch', autocomplete: 'off', 'aria-describedby': 'dev-nodes-hint' });
  const trusted = el('input', { id: 'dev-trusted', name: 'trusted', type: 'checkbox' });
  const form = el('form', { id: 'dev-sign-in', class: 'panel' },
    el('h2', {}, '开发环境登录'),
    el('p', { class: 'hint' }, '仅在本地开发环境提供：以所填姓名和所选角色登录。'),
    field('姓名', name),
    field('角色', role),
    field('单位代码', tenant, '市级督导、审计可留空（全市）。演示单位：demo-womens-fed、demo-disabled-fed 等。'),
    field('支部代码', nodes, '支部书记、核查人填写所负责的支部，多个用逗号分隔。'),
    el('div', { class: 'field check' }, trusted, el('label', { for: 'dev-trusted' }, '在此设备上保持登录')),
    el('button', { type: 'submit', class: 'primary' }, '登录'),
    error);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const picked = role.value;
    try {
      await session.signInDev({
        name: name.value.trim(),
        role: picked,
        tenant: ['supervisor', 'auditor', 'platform-admin'].includes(picked) ? '' : tenant.value.trim(),
        nodes: ['branch-secretary', 'verifier'].includes(picked) ? nodes.value.split(/[,，\s]+/).filter(Boolean) : [],
        trusted: trusted.checked,
      });
      onSignedIn();
    } catch (failure) {
      error.textContent = `登录失败：${failure.violations?.length ? '请检查单位代码、支部代码和角色是否匹配。' : failure.message}`;
    }
  });
  return form;
}

export function signInPage(view, state, onSignedIn, message = '') {
  const parts = [el('h2', {}, '登录')];
  if (message) parts.push(el('p', { class: 'error', role: 'alert' }, message));
  if (state.oidc) {
    // A trusted device stays signed in for the days the body set; otherwise the session ends with the browser.
    const link = el('a', { class: 'button primary', href: '/app/sign-in/oidc', id: 'oidc-sign-in' }, '统一身份认证登录');
    const trusted = el('input', { type: 'checkbox', id: 'oidc-trusted' });
    trusted.addEventListener('change', () => link.setAttribute('href', trusted.checked ? '/app/sign-in/oidc?trusted=1' : '/app/sign-in/oidc'));
    parts.push(el('div', { class: 'panel' }, el('p', {}, link), el('div', { class: 'field check' }, trusted, el('label', { for: 'oidc-trusted' }, '在此设备上保持登录'))));
  }
  if (state.devSignIn) parts.push(devForm(onSignedIn));
  if (!state.oidc && !state.devSignIn) parts.push(el('p', {}, '本系统尚未配置登录方式，请联系管理员。'));
  view.replaceChildren(el('section', { id: 'sign-in' }, ...parts));
}
