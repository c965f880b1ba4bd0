// Entry point: the session, then a hash router over the pages every role works in (#/page/arg…?query).
// Which pages a person is offered follows their grants; what they may read or write is decided by the
// gateway on every call, never by this menu.
import { session } from './api.js';
import { loadCaller, ROLE_LABELS } from './caller.js';
import { el } from './format.js';
import { signInPage } from './signin.js';
import { routes, menuFor, homeOf } from './routes.js';

const $ = (id) => document.getElementById(id);
let leave = () => {};
let state = { signedIn: false };

async function start(message = '') {
  leave();
  state = await session.load();
  if (!state.signedIn) {
    $('nav').replaceChildren();
    $('who').textContent = '';
    $('sign-out').hidden = true;
    return signInPage($('view'), state, () => start(), message);
  }
  let me;
  try {
    me = await loadCaller();
  } catch (error) {
    return signInPage($('view'), state, () => start(), `登录信息无法使用：${error.message}`);
  }
  const roles = [...new Set(me.grants.map((g) => ROLE_LABELS[g.role] ?? '其他'))].join('、') || '无角色';
  $('who').textContent = `${me.subject}（${roles}）`;
  $('sign-out').hidden = false;
  $('nav').replaceChildren(...menuFor(me).map(([href, label]) => el('a', { href }, label)));
  if (!location.hash || location.hash === '#/') location.hash = homeOf(me);
  route();
}

function route() {
  if (!state.signedIn) return;
  leave();
  const [path, query] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query ?? '');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const view = $('view');
  view.replaceChildren();
  for (const link of $('nav').querySelectorAll('a')) {
    if (link.getAttribute('href').split('?')[0] === `#/${parts[0] ?? ''}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const page = routes[parts[0]] ?? routes.home;
  // A page returns how to leave it (stop polling, drop listeners).
  leave = page(view, parts.slice(1), params) ?? (() => {});
  view.focus({ preventScroll: true });
}

$('sign-out').addEventListener('click', async () => {
  await session.signOut();
  location.hash = '';
  start();
});
addEventListener('hashchange', route);
addEventListener('branchledger:signed-out', () => start('登录已过期，请重新登录。'));
start(new URLSearchParams(location.search).has('signin-failed') ? '统一身份认证登录未成功，请重试。' : '');
