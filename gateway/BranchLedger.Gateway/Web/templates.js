// 报告模板: the party office words its annual report. The year's preamble (年度导语); the template's
// adopted versions; and a draft edited as wording — headings, paragraphs and how each figure reads —
// saved, previewed against a year's records, then adopted. The structure (sections, which figures
// exist) is the platform's: the page edits only the text, so a draft cannot lose a part by accident.
// The gateway checks every draft (ReportTemplateRules) and names the field of each mistake; the page
// shows it beside that field.
import { api, requestId } from './api.js';
import { el } from './format.js';
import { tenantNodes } from './office.js';
import { catalogue } from './catalogue.js';
import { reportView } from './reportview.js';

const when = (timestamp) => (timestamp ? new Date(timestamp).toLocaleString('zh-CN', { hour12: false }) : '');

// How a figure's phrase forms are named for people; the gateway's rules decide which forms exist.
const FORMS = {
  some: '有记录时',
  named: '列出名称时',
  all: '全部落实时',
  allNamed: '全部落实并列出名称时',
  none: '无记录时',
};

const PLACEHOLDER_HINT = '花括号内为系统填写的内容，请保留：{year} 年度，{organisation} 单位名称，{n} 数字（写作 {n:zh} 时用汉字，如“一名”），{names} 名称，'
  + '{preamble} 年度导语，其他如 {meetings.party-group} 为下方“数字的写法”中对应的一项。';

function yearOptions(select, selected) {
  const now = new Date().getFullYear();
  for (let y = now; y >= now - 5; y--) select.append(new Option(`${y} 年`, String(y), false, y === selected));
}

/** A text field bound to a place in the template object; `path` is the field path the gateway names. */
function textField(path, label, value, { multiline = false, hint } = {}) {
  const id = `tpl-${path.replace(/[^a-z0-9]+/gi, '-')}`;
  const input = multiline
    ? el('textarea', { id, rows: Math.min(12, Math.max(3, Math.ceil(value.length / 40))), 'data-path': path })
    : el('input', { id, type: 'text', 'data-path': path });
  input.value = value;
  return el('div', { class: 'field', 'data-path': path },
    el('label', { for: id }, label), input,
    hint ? el('p', { class: 'hint' }, hint) : null,
    el('p', { class: 'field-error', id: `${id}-error`, role: 'alert' }));
}

function sectionLabel(section, index) {
  if (section.heading) return section.heading.replace(/\{[^}]*\}/g, '').trim() || `第 ${index + 1} 部分`;
  return index === 0 ? '开头' : `第 ${index + 1} 部分`;
}

/** The editable text of a template: title, each section's heading and paragraphs, each figure's forms. */
function wordingFields(template, kindLabel) {
  const body = [textField('title', '报告标题', template.title ?? '')];
  (template.sections ?? []).forEach((section, s) => {
    const parts = [];
    if (typeof section.heading === 'string') parts.push(textField(`sections[${s}].heading`, '标题', section.heading));
    (section.paragraphs ?? []).forEach((text, p) => {
      parts.push(textField(`sections[${s}].paragraphs[${p}]`, `第 ${p + 1} 段`, text, { multiline: true }));
    });
    if (section.selfAssessment) parts.push(el('p', { class: 'muted' }, '本节其余内容取自各支部的自评记录。'));
    if (parts.length) body.push(el('fieldset', { class: 'tpl-section' }, el('legend', {}, sectionLabel(section, s)), ...parts));
  });

  const figures = Object.entries(template.figures ?? {}).map(([key, figure]) => {
    const forms = Object.keys(FORMS).filter((form) => typeof figure[form] === 'string')
      .map((form) => textField(`figures.${key}.${form}`, FORMS[form], figure[form]));
    return el('details', { class: 'tpl-figure', 'data-figure': key },
      el('summary', {}, figure.label ?? key),
      el('p', { class: 'hint' }, `正文中写作 {${key}}`),
      textField(`figures.${key}.label`, '名称（附录中使用）', figure.label ?? ''),
      ...forms);
  });
  // A body may have worded its record kinds' report sentences itself (the catalogue's wording otherwise).
  for (const [kind, sentence] of Object.entries(template.sentences ?? {})) {
    body.push(textField(`sentences.${kind}`, `${kindLabel(kind)}的句式`, sentence, { multiline: true }));
  }
  return { body, figures };
}

/** Writes the form's values back into a copy of the template it was built from. */
function collect(template, form) {
  const copy = structuredClone(template);
  for (const input of form.querySelectorAll('[data-path]:is(input, textarea)')) {
    const path = input.dataset.path;
    const figure = /^figures\.(.+)\.([a-zA-Z]+)$/.exec(path);
    if (figure) {
      copy.figures[figure[1]][figure[2]] = input.value;
      continue;
    }
    const section = /^sections\[(\d+)\]\.(heading|paragraphs\[(\d+)\])$/.exec(path);
    if (section) {
      const target = copy.sections[Number(section[1])];
      if (section[3] === undefined) target.heading = input.value;
      else target.paragraphs[Number(section[3])] = input.value;
      continue;
    }
    if (path.startsWith('sentences.')) copy.sentences[path.slice('sentences.'.length)] = input.value;
    else if (path === 'title') copy.title = input.value;
  }
  return copy;
}

function clearErrors(form) {
  for (const wrap of form.querySelectorAll('.field.invalid')) {
    wrap.classList.remove('invalid');
    wrap.querySelector('.field-error').textContent = '';
    wrap.querySelector('input, textarea').removeAttribute('aria-invalid');
  }
}

/** Puts each violation beside its field (template_json.sections[3].paragraphs[0] → that paragraph); the rest in `notice`. */
function showErrors(form, violations, notice) {
  const unplaced = [];
  for (const v of violations) {
    const path = (v.field ?? '').replace(/^template_json\.?/, '');
    const wrap = path ? [...form.querySelectorAll('.field[data-path]')].find((w) => w.dataset.path === path) : null;
    if (!wrap) {
      unplaced.push(v.message);
      continue;
    }
    wrap.classList.add('invalid');
    wrap.querySelector('.field-error').textContent = v.message;
    wrap.querySelector('input, textarea').setAttribute('aria-invalid', 'true');
    wrap.closest('details')?.setAttribute('open', '');
  }
  notice.replaceChildren(el('p', { class: 'error', role: 'alert' },
    unplaced.length ? `草稿未保存：${unplaced.join('；')}` : '草稿未保存，请按提示修改标出的内容。'));
  form.querySelector('[aria-invalid=true]')?.focus();
}

function preamblePanel() {
  const panel = el('section', { class: 'panel', id: 'preamble', 'aria-labelledby': 'preamble-title' },
    el('h3', { id: 'preamble-title' }, '年度导语'),
    el('p', { class: 'muted' }, '写在报告开头的一段话（如当年的重要会议精神），按年度保存，原样写入报告。'));
  const year = el('select', { id: 'preamble-year' });
  yearOptions(year, new Date().getFullYear() - 1);
  const text = el('textarea', { id: 'preamble-text', rows: 5, maxlength: 2000, 'aria-describedby': 'preamble-count' });
  const count = el('p', { class: 'hint', id: 'preamble-count' });
  const status = el('p', { id: 'preamble-status', role: 'status' });
  const save = el('button', { type: 'submit', class: 'primary' }, '保存导语');
  let id = requestId();
  const counted = () => { count.textContent = `${text.value.length} / 2000 字`; };
  text.addEventListener('input', counted);

  async function load() {
    status.textContent = '正在读取…';
    try {
      const { preamble } = await api(`/v1/report-preambles/${year.value}`);
      text.value = preamble?.text ?? '';
      status.textContent = preamble?.setAt ? `${preamble.setBy ?? ''} 保存于 ${when(preamble.setAt)}` : '本年度尚未填写导语。';
    } catch (error) {
      status.textContent = `读取失败：${error.message}`;
    }
    counted();
  }
  year.addEventListener('change', load);

  const form = el('form', { id: 'preamble-form', novalidate: true },
    el('div', { class: 'field' }, el('label', { for: year.id }, '年度'), year),
    el('div', { class: 'field' }, el('label', { for: text.id }, '导语'), text, count),
    el('div', { class: 'actions' }, save), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    save.disabled = true;
    try {
      const { preamble } = await api(`/v1/report-preambles/${year.value}`, { method: 'PUT', body: { requestId: id, text: text.value } });
      id = requestId(); // the next save is another change
      status.textContent = `已保存：${preamble?.setBy ?? ''} 保存于 ${when(preamble?.setAt)}`;
    } catch (error) {
      status.textContent = `保存失败：${error.violations?.[0]?.message ?? error.message}`;
    } finally {
      save.disabled = false;
    }
  });
  panel.append(form);
  load();
  return panel;
}

function versionsTable(versions, onLoad) {
  const rows = versions.length ? versions : [{ version: 0, platformDefault: true, inForce: true }];
  return el('div', { class: 'table-wrap' }, el('table', { id: 'template-versions' },
    el('caption', { class: 'visually-hidden' }, '已采用的模板版本'),
    el('thead', {}, el('tr', {}, ...['版本', '采用时间', '采用人', '状态', ''].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.slice().reverse().map((v) => el('tr', { 'data-version': v.version ?? 0 },
      el('td', {}, v.platformDefault || !v.version ? '平台默认模板' : `第 ${v.version} 版`),
      el('td', {}, when(v.adoptedAt) || '—'),
      el('td', {}, v.adoptedBy || '—'),
      el('td', {}, v.inForce ? el('span', { class: 'badge status-met' }, '现行') : '—'),
      el('td', {}, el('button', { type: 'button', onclick: () => onLoad(v.version ?? 0) }, '载入草稿编辑')))))));
}

export function templatesPage(view) {
  const versionsPanel = el('section', { class: 'panel', id: 'versions', 'aria-labelledby': 'versions-title' },
    el('h3', { id: 'versions-title' }, '模板版本'), el('p', { class: 'muted' }, '正在读取…'));
  const draftPanel = el('section', { class: 'panel', id: 'draft', 'aria-labelledby': 'draft-title' },
    el('h3', { id: 'draft-title' }, '编辑草稿'), el('p', { class: 'muted' }, '正在读取…'));
  view.append(el('h2', {}, '报告模板'),
    el('p', { class: 'muted' }, '年度述职报告按现行模板的措辞生成。修改草稿并用往年的记录预览无误后，再采用为新版本；已采用的版本不会改变，往年报告可按原版本重新生成。'),
    preamblePanel(), versionsPanel, draftPanel);

  let template = null; // the object being edited
  let saved = null; // { revision } of the stored draft the form matches, or null when the form has unsaved changes
  let previewed = 0; // the draft revision last previewed
  let saveId = requestId();
  let kindLabel = () => '记录';

  const notice = el('div', { id: 'draft-notice', 'aria-live': 'polite' });
  const preview = el('div', { id: 'draft-preview', class: 'tpl-preview', tabindex: 0, role: 'region', 'aria-label': '预览内容' });
  const form = el('form', { id: 'draft-form', novalidate: true });
  const previewNode = el('select', { id: 'preview-node' });
  const previewYear = el('select', { id: 'preview-year' });
  yearOptions(previewYear, new Date().getFullYear() - 1);
  const saveButton = el('button', { type: 'submit', class: 'primary', id: 'draft-save' }, '保存草稿');
  const previewButton = el('button', { type: 'button', id: 'draft-preview-button' }, '预览');
  const adoptButton = el('button', { type: 'button', id: 'draft-adopt', disabled: true }, '采用为新版本');
  const state = el('p', { id: 'draft-state', class: 'muted', role: 'status' });

  const refreshButtons = () => {
    adoptButton.disabled = !(saved && previewed === saved.revision);
    state.textContent = !saved ? '有未保存的修改。' : previewed === saved.revision
      ? `草稿第 ${saved.revision} 稿已预览，可以采用。` : `草稿第 ${saved.revision} 稿已保存，预览后可采用。`;
  };

  function edit(next, source) {
    template = next;
    const { body, figures } = wordingFields(template, kindLabel);
    form.replaceChildren(
      el('p', { class: 'hint' }, PLACEHOLDER_HINT),
      ...body,
      el('h4', {}, '数字的写法'),
      el('p', { class: 'hint' }, '每个数字有记录时、无记录时各怎样写；点开一项修改。'),
      ...figures,
      el('div', { class: 'actions' }, saveButton));
    form.addEventListener('input', () => { saved = null; refreshButtons(); }, { once: true });
    source();
    refreshButtons();
  }

  async function save() {
    clearErrors(form);
    const next = collect(template, form);
    const { draft } = await api('/v1/report-templates/draft', { method: 'PUT', body: { requestId: saveId, templateJson: JSON.stringify(next, null, 2) } });
    saveId = requestId();
    template = next;
    saved = { revision: draft.revision };
    form.addEventListener('input', () => { saved = null; refreshButtons(); }, { once: true });
    notice.replaceChildren(el('p', { class: 'ok' }, `草稿第 ${draft.revision} 稿已保存。`));
    refreshButtons();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    saveButton.disabled = true;
    try {
      await save();
    } catch (error) {
      if (error.violations?.length) showErrors(form, error.violations, notice);
      else notice.replaceChildren(el('p', { class: 'error', role: 'alert' }, `草稿未保存：${error.message}`));
    } finally {
      saveButton.disabled = false;
    }
  });

  previewButton.addEventListener('click', async () => {
    previewButton.disabled = true;
    try {
      if (!saved) await save(); // a preview shows the stored draft, so what is adopted is what was seen
      preview.textContent = '正在生成预览…';
      const answer = await api('/v1/report-templates/draft:preview', { method: 'POST', body: { nodeId: previewNode.value, year: Number(previewYear.value) } });
      preview.replaceChildren(...reportView(answer.markdown ?? ''));
      previewed = answer.draftRevision ?? 0;
      refreshButtons();
    } catch (error) {
      if (error.violations?.length && !saved) showErrors(form, error.violations, notice);
      else notice.replaceChildren(el('p', { class: 'error', role: 'alert' }, `预览失败：${error.message}`));
      preview.textContent = '';
    } finally {
      previewButton.disabled = false;
    }
  });

  let adoptId = requestId();
  adoptButton.addEventListener('click', async () => {
    adoptButton.disabled = true;
    try {
      const { version } = await api('/v1/report-templates/draft:adopt', { method: 'POST', body: { requestId: adoptId, draftRevision: previewed } });
      adoptId = requestId();
      notice.replaceChildren(el('p', { class: 'ok', role: 'status' }, `已采用为第 ${version.version} 版，今后生成的报告按此版本措辞。`));
      await loadVersions();
    } catch (error) {
      notice.replaceChildren(el('p', { class: 'error', role: 'alert' }, error.code === 9
        ? '草稿在预览后又有修改，请重新预览后再采用。' : `采用失败：${error.message}`));
      refreshButtons();
    }
  });

  async function loadVersion(version, focus = true) {
    const answer = await api(`/v1/report-templates/${version}`);
    const label = answer.version?.platformDefault ? '平台默认模板' : `第 ${answer.version?.version} 版`;
    edit(JSON.parse(answer.templateJson), () => {
      saved = null;
      notice.replaceChildren(el('p', { class: 'muted' }, `已载入${label}，修改后保存为草稿。`));
    });
    if (focus) form.querySelector('input, textarea')?.focus();
  }

  async function loadVersions() {
    const { versions = [] } = await api('/v1/report-templates', { query: { pageSize: 500 } });
    versionsPanel.replaceChildren(versionsPanel.firstChild, versionsTable(versions, (v) => loadVersion(v).catch((error) => {
      notice.replaceChildren(el('p', { class: 'error', role: 'alert' }, `读取失败：${error.message}`));
    })));
  }

  (async () => {
    try {
      await loadVersions();
      const [nodes, cat] = await Promise.all([tenantNodes(), catalogue()]);
      kindLabel = (kind) => cat.byBody(kind.replace(/_([a-z])/g, (_, c) => c.toUpperCase()))?.label ?? '记录';
      for (const n of nodes) previewNode.append(new Option(`${n.name}（${n.kindLabel}）`, n.nodeId));
      draftPanel.replaceChildren(draftPanel.firstChild, notice,
        el('div', { class: 'tpl-preview-controls' },
          el('div', { class: 'field' }, el('label', { for: previewNode.id }, '预览单位'), previewNode),
          el('div', { class: 'field' }, el('label', { for: previewYear.id }, '预览年度'), previewYear),
          el('div', { class: 'actions' }, previewButton, adoptButton), state),
        preview, form);
      try {
        const { draft } = await api('/v1/report-templates/draft');
        edit(JSON.parse(draft.templateJson), () => {
          saved = { revision: draft.revision };
          notice.replaceChildren(el('p', { class: 'muted' }, `草稿第 ${draft.revision} 稿：${draft.savedBy ?? ''} 保存于 ${when(draft.savedAt)}。`));
        });
      } catch (error) {
        if (error.status !== 404) throw error;
        await loadVersion(0, false); // no draft yet: start from the version in force
      }
    } catch (error) {
      draftPanel.replaceChildren(draftPanel.firstChild, el('p', { class: 'error', role: 'alert' }, `读取失败：${error.message}`));
    }
  })();
}
