// Entry point: sign-in, then a hash router over the pages (#/ranking?…, #/branch/{tenant}/{node}?…, #/compare?…, #/overview?…).
import { api, session } from './api.js';
import { rankingPage } from './ranking.js';
import { branchPage } from './branch.js';
import { comparePage } from './compare.js';
import { overviewPage } from './overview.js';

const $ = (id) => document.getElementById(id);
let leave = () => {};

function showSignIn(message = '') {
  leave();
  $('nav').hidden = true;
  $('view').replaceChildren();
  $('sign-in').hidden = false;
  $('sign-in-error').textContent = message;
}

async function start() {
  if (!session.token()) return showSignIn();
  try {
    const caller = await api('/v1/access/caller');
    $('who').textContent = `当前用户：${caller.subject}`;
  } catch (error) {
    session.signOut();
    return showSignIn(error.status === 401 ? '令牌无效或已过期，请重新登录。' : `登录失败：${error.message}`);
  }
  $('sign-in').hidden = true;
  $('nav').hidden = false;
  route();
}

function route() {
  if (!session.token()) return;
  leave();
  const [path, query] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query ?? '');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const view = $('view');
  view.replaceChildren();
  // A page returns how to leave it (stop polling).
  if (parts[0] === 'branch' && parts.length === 3) leave = branchPage(view, parts[1], parts[2], params);
  else if (parts[0] === 'compare') leave = comparePage(view, params);
  else if (parts[0] === 'overview') leave = overviewPage(view, params);
  else leave = rankingPage(view, params);
}

$('sign-in').addEventListener('submit', (event) => {
  event.preventDefault();
  session.signIn($('token').value);
  $('token').value = '';
  start();
});
$('sign-out').addEventListener('click', () => {
  session.signOut();
  showSignIn();
});
addEventListener('hashchange', route);
start();
