// 组织与名册 (#/directory?node=…): the tenant admin's organisation tree, one node's changes (create,
// rename, move, close) and its roster history, and the tenant's obligations with their overrides.
// Every write carries a request id made when its form opens, so a double submit records once.
import { api, requestId } from './api.js';
import { el } from './format.js';
import {
  CHILD_KINDS, NODE_KINDS, BODY_KINDS, dateText, toDate, today, timeText, field, showRefusal, showOk, clearErrors, listAll, explain,
} from './admin.js';
import { obligationsSection } from './obligations.js';

const SLUG = /^[a-z][a-z0-9-]{1,62}$/;
const SLUG_RULES = '节点代码用于系统对接和授权：2–63 位，只能用小写英文字母、数字和连字符（-），须以字母开头；创建后不能修改，撤销后也不会再给别的节点使用。';
const PREFIX = { NODE_KIND_ORGANISATION: 'org', NODE_KIND_GENERAL_BRANCH: 'general-branch', NODE_KIND_BRANCH: 'branch', NODE_KIND_SMALL_GROUP: 'group' };

const link = (nodeId) => `#/directory?node=${encodeURIComponent(nodeId)}`;

/** A node id to start from: the Latin part of the name when it has one, else the kind and a free number. */
function suggestId(name, kind, taken) {
  const latin = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^[^a-z]+|-+$/g, '').slice(0, 50);
  const base = latin.length >= 2 ? latin : PREFIX[kind] ?? 'node';
  if (!taken.has(base) && SLUG.test(base)) return base;
  for (let n = 1; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function kindSelect(kinds, selected) {
  return el('select', {}, kinds.map((k) => el('option', { value: k, selected: k === selected }, NODE_KINDS[k])));
}

/** The whole tree, closed nodes included, by parent. */
async function loadTree() {
  const nodes = await listAll(api, '/v1/nodes', 'nodes', { includeClosed: true });
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const children = new Map();
  for (const node of nodes) {
    const parent = node.parentId && byId.has(node.parentId) ? node.parentId : '';
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(node);
  }
  return { nodes, byId, children };
}

const isClosed = (node) => node.state === 'NODE_STATE_CLOSED';

function treeList(tree, parent, selected) {
  const items = (tree.children.get(parent) ?? []).map((node) => el('li', { 'data-node': node.nodeId },
    el('a', { href: link(node.nodeId), 'aria-current': node.nodeId === selected ? 'true' : undefined, class: isClosed(node) ? 'closed' : undefined },
      node.name),
    ' ', el('span', { class: 'muted' }, NODE_KINDS[node.kind] ?? '节点'),
    isClosed(node) ? [' ', el('span', { class: 'badge status-missed' }, '已撤销')] : null,
    tree.children.has(node.nodeId) ? treeList(tree, node.nodeId, selected) : null));
  return el('ul', { class: parent ? 'tree' : 'tree root' }, items);
}

/** The form that adds a node under `parent` (null: at the root). */
function createForm(tree, parent, onDone) {
  const kinds = CHILD_KINDS[parent?.kind ?? ''];
  const id = requestId();
  const message = el('p', { role: 'status' });
  const kind = field('new-kind', '类型', kindSelect(kinds, kinds.includes('NODE_KIND_BRANCH') ? 'NODE_KIND_BRANCH' : kinds[0]), { name: 'kind', required: true });
  const name = field('new-name', '名称', el('input', { autocomplete: 'off', maxlength: 100 }), { name: 'name', required: true, hint: '1–100 个字，一行，例如“机关第一党支部”。' });
  const nodeId = field('new-node-id', '节点代码', el('input', { autocomplete: 'off', spellcheck: 'false', maxlength: 63, autocapitalize: 'off' }),
    { name: 'node_id', required: true, hint: SLUG_RULES });
  const taken = new Set(tree.nodes.map((n) => n.nodeId));
  let edited = false;
  const suggest = () => { if (!edited) nodeId.input.value = suggestId(name.input.value, kind.input.value, taken); };
  nodeId.input.addEventListener('input', () => { edited = true; });
  name.input.addEventListener('input', suggest);
  kind.input.addEventListener('change', suggest);
  suggest();
  const form = el('form', { class: 'panel', id: 'create-node', novalidate: true },
    el('h3', {}, parent ? `在“${parent.name}”下新建` : '新建顶层组织'),
    kind.element, name.element, nodeId.element,
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, '创建'), el('button', { type: 'button', onclick: () => onDone(null) }, '取消')),
    message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const value = nodeId.input.value.trim();
    if (!SLUG.test(value)) {
      return showRefusal(form, message, { code: 3, message: '节点代码不符合规则', violations: [{ field: 'node_id', message: SLUG_RULES }] });
    }
    try {
      const { node } = await api('/v1/nodes', {
        method: 'POST',
        body: { requestId: id, nodeId: value, kind: kind.input.value, name: name.input.value.trim(), parentId: parent?.nodeId ?? '' },
      });
      onDone(node);
    } catch (error) {
      showRefusal(form, message, error, { node_id: '节点代码', name: '名称', kind: '类型', parent_id: '上级' });
    }
  });
  return form;
}

/** Which open nodes may hold `node` (never itself or one of its own descendants). */
function possibleParents(tree, node) {
  const below = new Set([node.nodeId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const n of tree.nodes) if (n.parentId && below.has(n.parentId) && !below.has(n.nodeId)) { below.add(n.nodeId); grew = true; }
  }
  return tree.nodes.filter((p) => !isClosed(p) && !below.has(p.nodeId) && (CHILD_KINDS[p.kind] ?? []).includes(node.kind));
}

function renameForm(node, refresh) {
  const id = requestId();
  const message = el('p', { role: 'status' });
  const name = field('rename-name', '新名称', el('input', { value: node.name, autocomplete: 'off', maxlength: 100 }), { name: 'name', required: true });
  const form = el('form', { class: 'panel', id: 'rename-node', novalidate: true }, el('h3', {}, '更名'), name.element,
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, '保存名称')), message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api(`/v1/nodes/${encodeURIComponent(node.nodeId)}:rename`, { method: 'POST', body: { requestId: id, name: name.input.value.trim() } });
      refresh('已更名。');
    } catch (error) {
      showRefusal(form, message, error, { name: '名称' });
    }
  });
  return form;
}

function moveForm(tree, node, refresh) {
  const id = requestId();
  const message = el('p', { role: 'status' });
  const options = possibleParents(tree, node).map((p) => el('option', { value: p.nodeId, selected: p.nodeId === node.parentId }, `${p.name}（${NODE_KINDS[p.kind]}）`));
  if (node.kind === 'NODE_KIND_ORGANISATION') options.unshift(el('option', { value: '', selected: !node.parentId }, '（顶层，不设上级）'));
  const parent = field('move-parent', '新的上级', el('select', {}, options), { name: 'new_parent_id', required: true });
  const form = el('form', { class: 'panel', id: 'move-node', novalidate: true }, el('h3', {}, '调整隶属关系'), parent.element,
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', disabled: options.length === 0 }, '移动')), message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api(`/v1/nodes/${encodeURIComponent(node.nodeId)}:move`, { method: 'POST', body: { requestId: id, newParentId: parent.input.value } });
      refresh('已调整隶属关系。');
    } catch (error) {
      showRefusal(form, message, error, { new_parent_id: '新的上级' });
    }
  });
  return form;
}

function closeForm(tree, node, refresh) {
  const id = requestId();
  const message = el('p', { role: 'status' });
  const openChildren = (tree.children.get(node.nodeId) ?? []).filter((c) => !isClosed(c));
  const reason = field('close-reason', '撤销原因', el('textarea', { rows: 2, maxlength: 500 }), { name: 'reason', required: true, hint: '例如“机构改革撤并”。撤销后节点及其历史仍可查阅，但不再接受变更。' });
  const confirm = el('input', { type: 'checkbox', id: 'close-confirm' });
  const form = el('form', { class: 'panel', id: 'close-node', novalidate: true }, el('h3', {}, '撤销'),
    openChildren.length ? el('p', { class: 'hint' }, `须先撤销或移走其下的 ${openChildren.length} 个节点。`) : null,
    reason.element,
    el('div', { class: 'field check' }, confirm, el('label', { for: 'close-confirm' }, `确认撤销“${node.name}”`)),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, '撤销')), message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!confirm.checked) {
      message.className = 'error';
      message.textContent = '请先勾选确认。';
      confirm.focus();
      return;
    }
    try {
      await api(`/v1/nodes/${encodeURIComponent(node.nodeId)}:close`, { method: 'POST', body: { requestId: id, reason: reason.input.value.trim() } });
      refresh('已撤销。');
    } catch (error) {
      showRefusal(form, message, error, { reason: '撤销原因' });
    }
  });
  return form;
}

const names = (text) => text.split(/[\n,，、;；]+/).map((n) => n.trim()).filter(Boolean);

function rosterForm(node, latest, refresh) {
  const id = requestId();
  const message = el('p', { role: 'status' });
  const number = (value) => el('input', { type: 'number', min: 0, step: 1, inputmode: 'numeric', value: value ?? 0 });
  const from = field('roster-from', '生效日期', el('input', { type: 'date', value: today() }), { name: 'effective_from', required: true, hint: '这份名册从哪一天起生效（2000-01-01 起，至多提前一年）。同一天再次填写将以新的为准。' });
  const secretary = field('roster-secretary', '书记姓名', el('input', { value: latest?.secretary ?? '', autocomplete: 'off', maxlength: 100 }), { name: 'secretary', hint: '空缺时留空。' });
  const members = field('roster-members', '党员人数', number(latest?.members), { name: 'members', required: true, hint: '含预备党员。' });
  const voting = field('roster-voting', '有表决权的正式党员人数', number(latest?.votingMembers), { name: 'voting_members', required: true, hint: '党员大会的到会人数以此计算。' });
  const committee = field('roster-committee', '委员人数', number(latest?.committeeMembers), { name: 'committee_members', required: true, hint: '支委（委员）人数，含书记。' });
  const committeeNames = field('roster-committee-names', '委员名单（可选）', el('textarea', { rows: 2 }, (latest?.committeeNames ?? []).join('\n')), { name: 'committee_names', hint: '每行一人（或用逗号、顿号分隔），须与委员人数一致，书记也在其中。' });
  const memberNames = field('roster-member-names', '党员名单（可选）', el('textarea', { rows: 3 }, (latest?.memberNames ?? []).join('\n')), { name: 'member_names', hint: '填写后可核对谈心谈话覆盖情况：须与党员人数一致，含委员。' });
  const form = el('form', { class: 'panel', id: 'set-roster', novalidate: true },
    el('h3', {}, '登记名册'), from.element, secretary.element, members.element, voting.element, committee.element,
    el('details', {}, el('summary', {}, '填写人员名单（可选）'), committeeNames.element, memberNames.element),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, '保存名册')), message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const date = toDate(from.input.value);
    if (!date) {
      return showRefusal(form, message, { code: 3, message: '请选择生效日期', violations: [{ field: 'effective_from', message: '请选择日期' }] });
    }
    try {
      await api(`/v1/nodes/${encodeURIComponent(node.nodeId)}/rosters`, {
        method: 'POST',
        body: {
          requestId: id, effectiveFrom: date, secretary: secretary.input.value.trim(),
          members: Number(members.input.value), votingMembers: Number(voting.input.value), committeeMembers: Number(committee.input.value),
          committeeNames: names(committeeNames.input.value), memberNames: names(memberNames.input.value),
        },
      });
      refresh('名册已登记。');
    } catch (error) {
      if (error.violations?.some((v) => /names/.test(v.field ?? ''))) form.querySelector('details').open = true;
      showRefusal(form, message, error, { effective_from: '生效日期', secretary: '书记姓名', members: '党员人数', voting_members: '正式党员人数', committee_members: '委员人数' });
    }
  });
  return form;
}

function rosterHistory(rosters) {
  if (!rosters.length) return el('p', { class: 'muted', id: 'roster-history' }, '尚未登记名册。');
  const head = el('tr', {}, el('th', {}, '生效日期'), el('th', {}, '书记'), el('th', { class: 'num' }, '党员'),
    el('th', { class: 'num' }, '正式党员'), el('th', { class: 'num' }, '委员'), el('th', {}, '名单'), el('th', {}, '登记人'), el('th', {}, '登记时间'));
  const rows = [...rosters].reverse().map((r) => el('tr', {},
    el('td', {}, dateText(r.effectiveFrom)), el('td', {}, r.secretary || el('span', { class: 'muted' }, '空缺')),
    el('td', { class: 'num' }, r.members ?? 0), el('td', { class: 'num' }, r.votingMembers ?? 0), el('td', { class: 'num' }, r.committeeMembers ?? 0),
    el('td', {}, r.memberNames?.length ? `${r.memberNames.length} 人` : el('span', { class: 'muted' }, '仅人数')),
    el('td', {}, r.recordedBy ?? ''), el('td', {}, timeText(r.recordedAt))));
  return el('div', { class: 'table-wrap', id: 'roster-history', tabindex: 0, role: 'region', 'aria-label': '名册历史' }, el('table', {}, el('caption', { class: 'muted' }, '新的在前'), el('thead', {}, head), el('tbody', {}, rows)));
}

async function nodePanel(tree, node, refresh) {
  const parent = node.parentId ? tree.byId.get(node.parentId) : null;
  const section = el('section', { class: 'node-detail', id: 'node-detail', 'aria-labelledby': 'node-title' },
    el('h3', { id: 'node-title' }, node.name, isClosed(node) ? [' ', el('span', { class: 'badge status-missed' }, '已撤销')] : null),
    el('dl', { class: 'facts' },
      el('dt', {}, '类型'), el('dd', {}, NODE_KINDS[node.kind] ?? '节点'),
      el('dt', {}, '节点代码'), el('dd', {}, el('code', {}, node.nodeId)),
      el('dt', {}, '上级'), el('dd', {}, parent ? el('a', { href: link(parent.nodeId) }, parent.name) : '（顶层）'),
      el('dt', {}, '状态'), el('dd', {}, isClosed(node) ? `已撤销（${node.closeReason}，${timeText(node.closedAt)}）` : '正常'),
      el('dt', {}, '最近变更'), el('dd', {}, `${node.updatedBy ?? ''} ${timeText(node.updatedAt)}`)));
  const history = el('div', {}, el('p', { class: 'muted' }, '正在读取名册…'));
  section.append(el('h3', {}, '名册'), history);
  let rosters = [];
  try {
    rosters = await listAll(api, '/v1/rosters', 'rosters', { nodeId: node.nodeId });
    history.replaceChildren(rosterHistory(rosters));
  } catch (error) {
    history.replaceChildren(el('p', { class: 'error' }, explain(error)));
  }
  if (!isClosed(node)) {
    section.append(rosterForm(node, rosters.at(-1), refresh));
    const children = CHILD_KINDS[node.kind] ?? [];
    const actions = el('div', { class: 'actions' });
    const slot = el('div');
    const open = (make) => {
      slot.replaceChildren(make());
      slot.querySelector('input, select, textarea')?.focus();
    };
    if (children.length) actions.append(el('button', { type: 'button', id: 'add-child', onclick: () => open(() => createForm(tree, node, (made) => (made ? (location.hash = link(made.nodeId)) : slot.replaceChildren()))) }, '新建下级'));
    actions.append(
      el('button', { type: 'button', id: 'open-rename', onclick: () => open(() => renameForm(node, refresh)) }, '更名'),
      el('button', { type: 'button', id: 'open-move', onclick: () => open(() => moveForm(tree, node, refresh)) }, '调整隶属'),
      el('button', { type: 'button', id: 'open-close', onclick: () => open(() => closeForm(tree, node, refresh)) }, '撤销'));
    section.append(el('h3', {}, '维护'), actions, slot);
  }
  return section;
}

export function directoryPage(view, params) {
  const selected = params.get('node') ?? '';
  const status = el('p', { role: 'status', id: 'directory-status' });
  const tenantLine = el('p', { id: 'tenant-profile', class: 'muted' });
  const treeHolder = el('div', { id: 'tree' }, el('p', { class: 'muted' }, '正在读取组织树…'));
  const detail = el('div', { id: 'node-slot' });
  const createSlot = el('div');
  const obligations = el('div', { id: 'obligations-slot' });
  view.append(el('h2', {}, '组织与名册'), tenantLine, status,
    el('div', { class: 'directory-layout' },
      el('section', { 'aria-labelledby': 'tree-title', class: 'tree-panel' }, el('h3', { id: 'tree-title' }, '组织树'), treeHolder,
        el('div', { class: 'actions' }, el('button', { type: 'button', id: 'add-root' }, '新建顶层组织')), createSlot),
      detail),
    obligations);

  let gone = false;
  const refresh = async (text = '') => {
    const tree = await loadTree();
    if (gone) return;
    treeHolder.replaceChildren(tree.nodes.length ? treeList(tree, '', selected) : el('p', { class: 'muted' }, '还没有组织：先新建顶层组织（党组或机关党委）。'));
    view.querySelector('#add-root').onclick = () => {
      createSlot.replaceChildren(createForm(tree, null, (made) => (made ? (location.hash = link(made.nodeId)) : createSlot.replaceChildren())));
      createSlot.querySelector('select')?.focus();
    };
    const node = tree.byId.get(selected);
    if (selected && !node) detail.replaceChildren(el('p', { class: 'error' }, '没有这个节点。'));
    else if (node) detail.replaceChildren(await nodePanel(tree, node, (message) => refresh(message).catch(failed)));
    else detail.replaceChildren(el('p', { class: 'muted' }, '在组织树中选择一个节点，查看和维护它的名册。'));
    if (text) showOk(status, text);
  };
  const failed = (error) => {
    status.className = 'error';
    status.textContent = explain(error);
  };

  api('/v1/tenant').then(({ tenant }) => {
    const profile = tenant.profile ?? {};
    tenantLine.textContent = `本单位：${profile.displayName ?? ''}（${BODY_KINDS[profile.bodyKind] ?? '类型未填'}）`;
  }).catch((error) => {
    tenantLine.className = 'error';
    tenantLine.textContent = error.code === 5 ? '本单位尚未登记，请联系平台管理员。' : explain(error);
  });
  refresh().catch(failed);
  obligationsSection(obligations);
  return () => { gone = true; };
}
