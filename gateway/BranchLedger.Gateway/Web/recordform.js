// One form for every kind of record and workflow step, drawn from the record catalogue: labels, help,
// required fields, limits, choices and conditions all come from it. The request id is made when the
// form opens, so a double tap, a resubmit or a retry after a dropped connection records once; the draft
// (with that id) is kept in this browser until the record is acknowledged.
import { api, ApiError, requestId } from './api.js';
import { catalogue, getPath, kindAt } from './catalogue.js';
import { el } from './format.js';
import { nodeLevel, nodeName, rosterInForce, today, toDate, fromDate } from './nodes.js';
import { attendanceWidget } from './attendance.js';

const DRAFT = 'branchledger.draft.';
const LAST = 'branchledger.last.';

function setPath(object, path, value) {
  const keys = path.split('.');
  let target = object;
  for (const key of keys.slice(0, -1)) target = target[key] ??= {};
  target[keys[keys.length - 1]] = value;
}

const storage = {
  read(key) {
    try {
      return JSON.parse(localStorage.getItem(key) ?? 'null');
    } catch {
      return null;
    }
  },
  write: (key, value) => localStorage.setItem(key, JSON.stringify(value)),
  drop: (key) => localStorage.removeItem(key),
};

function inputFor(field, id) {
  const common = { id, name: field.path, 'aria-describedby': `${id}-hint ${id}-error` };
  switch (field.type) {
    case 'LONG_TEXT':
      return el('textarea', { ...common, rows: 4, maxlength: field.maxLength || undefined });
    case 'TEXT_LIST':
      return el('textarea', { ...common, rows: 3, 'data-list': 'true' });
    case 'DATE':
      return el('input', { ...common, type: 'date' });
    case 'WHOLE_NUMBER':
      return el('input', { ...common, type: 'number', inputmode: 'numeric', step: 1, min: field.min ?? 0, max: field.max ?? undefined });
    case 'YES_NO':
      return el('input', { ...common, type: 'checkbox', role: 'switch' });
    case 'CHOICE':
      return el('select', common, el('option', { value: '' }, '请选择'), field.choices.map((c) => el('option', { value: c.value }, c.label)));
    default:
      return el('input', { ...common, type: 'text', maxlength: field.maxLength || undefined, autocomplete: 'off' });
  }
}

function readInput(field, input) {
  const raw = input.type === 'checkbox' ? input.checked : input.value;
  switch (field.type) {
    case 'YES_NO': return raw;
    case 'WHOLE_NUMBER': return raw === '' ? undefined : Number(raw);
    case 'DATE': return raw === '' ? undefined : toDate(raw);
    case 'TEXT_LIST': return raw.split('\n').map((s) => s.trim()).filter(Boolean);
    default: return raw === '' ? undefined : raw;
  }
}

function writeInput(field, input, value) {
  if (value === undefined || value === null) return;
  if (field.type === 'YES_NO') input.checked = Boolean(value);
  else if (field.type === 'DATE') input.value = typeof value === 'string' ? value : fromDate(value);
  else if (field.type === 'TEXT_LIST') input.value = (value ?? []).join('\n');
  else input.value = String(value);
}

/**
 * Draws a form for a catalogue kind into `target`. `initial` pre-fills the body (an amendment), `fixed`
 * holds preset values (not shown as inputs), `onSubmit(body)` sends it and returns the answer.
 */
export function recordForm({ kind, fixed = {}, initial, remember, extra = [], onSubmit, submitLabel = '提交' }) {
  const form = el('form', { class: 'record', novalidate: true, id: 'record-form' });
  const controls = new Map();
  const problems = el('div', { role: 'alert', class: 'error', id: 'form-errors' });
  for (const field of kind.fields) {
    // Preset values are not asked again; attendance is ticked against the roster (attendance.js).
    if (field.path in fixed || field.type === 'ATTENDANCE') continue;
    const id = `f-${field.path.replace(/\W/g, '-')}`;
    const input = inputFor(field, id);
    const label = el('label', { for: id, class: field.required ? 'required' : undefined }, field.label);
    const wrap = field.type === 'YES_NO'
      ? el('div', { class: 'field check', 'data-field': field.path }, input, label, el('p', { class: 'hint', id: `${id}-hint` }, field.help), el('p', { class: 'field-error', id: `${id}-error` }))
      : el('div', { class: 'field', 'data-field': field.path }, label, input, el('p', { class: 'hint', id: `${id}-hint` }, field.help), el('p', { class: 'field-error', id: `${id}-error` }));
    controls.set(field.path, { field, input, wrap });
    form.append(wrap);
  }

  // Conditions: a field shows only while its controlling field holds one of the values.
  const valueOf = (path) => (path in fixed ? fixed[path] : controls.get(path)?.input.value);
  const applies = (field) => !field.shownWhen || field.shownWhen.values.includes(valueOf(field.shownWhen.field));
  const refresh = () => {
    for (const { field, wrap } of controls.values()) wrap.hidden = !applies(field);
  };
  form.addEventListener('change', refresh);

  const values = () => {
    const body = {};
    for (const [path, value] of Object.entries(fixed)) setPath(body, path, value === 'true' ? true : value === 'false' ? false : value);
    for (const { field, input } of controls.values()) {
      if (!applies(field)) continue;
      const value = readInput(field, input);
      if (value !== undefined) setPath(body, field.path, value);
    }
    for (const part of extra) part.contribute?.(body);
    return body;
  };
  const fill = (body) => {
    for (const { field, input } of controls.values()) writeInput(field, input, getPath(body, field.path));
    refresh();
  };

  for (const { field, input } of controls.values()) if (field.defaultValue === 'today') input.value = today();
  if (initial) fill(initial);
  refresh();
  for (const part of extra) form.append(part.element);
  const button = el('button', { type: 'submit', class: 'primary', id: 'submit' }, submitLabel);
  form.append(problems, el('div', { class: 'actions' }, button));

  const clearErrors = () => {
    problems.replaceChildren();
    for (const { wrap } of controls.values()) {
      wrap.classList.remove('invalid');
      wrap.querySelector('.field-error').textContent = '';
      wrap.querySelector('input, select, textarea').removeAttribute('aria-invalid');
    }
  };
  // The API names violations by path ("meeting.topic", "finding.measures[2]"): each is shown at its field.
  const showErrors = (violations, message) => {
    const unplaced = [];
    for (const v of violations) {
      const match = [...controls.values()].find(({ field }) => v.field === field.violationPath || v.field?.startsWith(`${field.violationPath}[`));
      if (match && !match.wrap.hidden) {
        match.wrap.classList.add('invalid');
        match.wrap.querySelector('.field-error').textContent = v.message;
        match.wrap.querySelector('input, select, textarea').setAttribute('aria-invalid', 'true');
      } else {
        unplaced.push(v.message);
      }
    }
    problems.append(el('p', {}, violations.length ? '请按提示修改后再提交。' : message), ...unplaced.map((m) => el('p', {}, m)));
    const first = form.querySelector('[aria-invalid=true]');
    if (first) first.focus();
  };

  let sending = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return; // a double tap sends once; the request id makes a retry count once anyway
    sending = true;
    button.disabled = true;
    clearErrors();
    try {
      await onSubmit(values());
    } catch (error) {
      // A lost connection is not the person's mistake: the draft and its request id are kept, so trying
      // again records once even if the first attempt reached the platform.
      const message = error instanceof ApiError ? `提交失败：${error.message}` : '提交失败：网络连接中断。已填写的内容已保存，请检查网络后再次提交，不会重复记录。';
      showErrors(error.violations ?? [], message);
    } finally {
      sending = false;
      button.disabled = false;
    }
  });
  form.addEventListener('input', () => remember?.(values()));
  form.addEventListener('change', () => remember?.(values()));
  return { form, values, fill, controls };
}

// The fields worth remembering from one record of a kind to the next: short texts such as the topic.
const rememberable = (field) => field.type === 'TEXT' && !/person|name|lecturer/i.test(field.path);

/** #/new/{node}/{kind}?preset=…&target=…: record a new entry (or take a workflow step) in a branch's ledger. */
export function recordFormPage(view, nodeId, kindId, params) {
  const presetId = params.get('preset') ?? '';
  const target = params.get('target') ?? '';
  const heading = el('h2', {}, '记录');
  const back = el('p', {}, el('a', { href: `#/home/${encodeURIComponent(nodeId)}` }, '← 返回支部'));
  const status = el('div', { role: 'status', id: 'form-status' });
  view.append(back, heading, status);
  let left = false;
  Promise.all([catalogue(), nodeName(nodeId), nodeLevel(nodeId)]).then(async ([cat, name, level]) => {
    if (left) return;
    const listed = cat.byId(kindId);
    if (!listed) {
      view.append(el('p', { class: 'error' }, '没有这种记录。'));
      return;
    }
    // The form offers only what this node's level may hold (its choices and presets narrowed too).
    const kind = kindAt(listed, level);
    if (!kind) {
      heading.textContent = `${name} · ${listed.label}`;
      view.append(el('p', { class: 'error', id: 'kind-not-here' }, `${name}的台账不记录“${listed.label}”。`));
      return;
    }
    const preset = kind.presets.find((p) => p.id === presetId);
    heading.textContent = `${name} · ${preset?.label ?? kind.label}`;
    view.append(el('p', { class: 'hint' }, kind.help));
    const fixed = { ...(preset?.values ?? {}) };
    if (kind.step && target) fixed[kind.targetField] = target;

    const draftKey = `${DRAFT}${nodeId}.${kindId}.${presetId}.${target}`;
    const lastKey = `${LAST}${nodeId}.${kindId}.${presetId}`;
    const draft = storage.read(draftKey) ?? { requestId: requestId(), body: null };
    storage.write(draftKey, draft);

    const extra = [];
    const [roster, tenant] = await Promise.all([rosterInForce(nodeId).catch(() => null), api('/v1/tenant').catch(() => null)]);
    // Names leave the page only when the body keeps them; by default attendance is counts and reasons.
    const keepNames = tenant?.tenant?.profile?.attendanceRecording === 'ATTENDANCE_RECORDING_NAMES';
    const attendance = attendanceWidget(kind, fixed, roster, keepNames);
    if (attendance) extra.push(attendance);
    const form = recordForm({
      kind,
      fixed,
      extra,
      remember: (body) => storage.write(draftKey, { ...draft, body }),
      submitLabel: kind.step ? '提交' : '记录',
      onSubmit: async (body) => {
        const path = kind.httpPath.replace('{node_id}', encodeURIComponent(nodeId));
        const answer = await api(path, { method: 'POST', body: { requestId: draft.requestId, [kind.bodyField]: body[kind.bodyField] ?? {} } });
        storage.drop(draftKey);
        const remembered = {};
        for (const field of kind.fields.filter(rememberable)) {
          const value = getPath(body, field.path);
          if (value !== undefined) setPath(remembered, field.path, value);
        }
        storage.write(lastKey, remembered);
        const recordId = answer.record?.recordId;
        status.replaceChildren(el('p', { class: 'ok' }, answer.replayed ? '这条记录此前已提交，未重复记录。' : '已记录。'),
          recordId ? el('p', {}, el('a', { href: `#/records/${encodeURIComponent(nodeId)}/${encodeURIComponent(recordId)}` }, '查看这条记录')) : null,
          el('p', {}, el('a', { href: `#/home/${encodeURIComponent(nodeId)}`, id: 'back-home' }, '返回支部首页')));
        form.form.remove();
        status.focus?.();
      },
    });
    // A draft left by a reload or a lost connection wins; otherwise the topic and such from last time.
    if (draft.body) form.fill(draft.body);
    else {
      const last = storage.read(lastKey);
      if (last) form.fill(last);
    }
    attendance?.restore(draft.body);
    view.append(form.form);
  }).catch((error) => view.append(el('p', { class: 'error', role: 'alert' }, `无法打开表单：${error.message}`)));
  return () => {
    left = true;
  };
}
