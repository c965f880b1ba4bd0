// 报告与导入: a node's annual report (Word, Markdown) and its ledger (Excel, CSV) as downloads; records
// imported from a CSV or Excel file (the records file format of the CLI, read by the gateway with the
// same parser) with a result per row. Request ids come from the rows: importing a file again records
// nothing twice.
import { upload } from './api.js';
import { el } from './format.js';
import { exportButton } from './exports.js';
import { tenantNodes, KIND_LABELS } from './office.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Column names of the file (proto field names) in Chinese, for the reasons a row is refused.
const FIELD_LABELS = {
  node_id: '支部编号', type: '记录类型', request_id: '请求编号', kind: '类别', date: '日期', topic: '主题', attendees: '实到人数',
  expected_attendees: '应到人数', first_agenda_item: '第一议题', lecturer: '主讲人', lectured_by_secretary: '书记讲党课',
  people: '人数', person_a: '谈话人', person_b: '谈话对象', notes: '备注', reporter: '汇报人', members: '党员人数',
  community: '社区', risk_point: '风险点', measures: '防控措施', name: '名称', level: '级别', status: '状态', title: '荣誉名称',
  recipient: '获得者', recipient_kind: '获得者类别', awarded_by: '授予单位', year: '年度', text: '内容', duty: '责任事项',
  owner: '责任人', due: '完成时限', finding: '问题描述', deadline: '整改时限', progress: '整改进展', reason: '原因', body: '记录内容',
};

const snake = (text) => text.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const kindOfSnake = Object.fromEntries(Object.entries(KIND_LABELS).map(([k, v]) => [snake(k), v]));

function fieldLabel(field) {
  const parts = (field ?? '').split('.').map(snake);
  const last = parts[parts.length - 1];
  const label = FIELD_LABELS[last] ?? (kindOfSnake[last] ? '记录内容' : '');
  return label || '该行';
}

// The platform's reasons are English for programs; people read them here in Chinese.
const REASONS = [
  [/is required|^required$/, () => '必须填写'],
  [/is not a day/, () => '不是有效日期（应写作 2026-03-12）'],
  [/is not a record kind/, () => '不是可导入的记录类型（如 meeting、talk、honour）'],
  [/not a field of/, () => '不是这类记录的列，请核对列名'],
  [/is another node/, () => '属于其他支部，不能导入所选支部'],
  [/is not true or false/, () => '应填 true 或 false'],
  [/is not a \w+; one of/, () => '不是允许的取值'],
  [/must be at most (\d+) characters/, (m) => `不能超过 ${m[1]} 个字`],
  [/must not be in the future|more than a year ahead/, () => '日期不能晚于今天'],
  [/must not be before (\d{4}-\d{2}-\d{2})/, (m) => `日期不能早于 ${m[1]}`],
  [/must not be negative/, () => '不能为负数'],
  [/must be greater than 0|must be at least 1/, () => '必须大于 0'],
  [/must not exceed expected_attendees/, () => '不能多于应到人数'],
  [/must not exceed/, () => '超过了允许的人数'],
  [/must be at most (\d+)/, (m) => `不能大于 ${m[1]}`],
  [/control characters|Unicode/, () => '含有无法保存的字符'],
  [/cannot be given in a table/, () => '不能在表格中填写，请使用命令行工具的 JSON 格式'],
  [/not a whole number|FormatException|input string/i, () => '不是有效的数字'],
];

export function reasonText(violation) {
  const description = violation.description ?? '';
  for (const [pattern, say] of REASONS) {
    const match = pattern.exec(description);
    if (match) return `${fieldLabel(violation.field)}：${say(match)}`;
  }
  return `${fieldLabel(violation.field)}：不符合填写要求`;
}

const OUTCOMES = {
  IMPORT_OUTCOME_ACCEPTED: ['已导入', 'status-met'],
  IMPORT_OUTCOME_DUPLICATE: ['已存在（未重复导入）', 'status-due'],
  IMPORT_OUTCOME_REJECTED: ['未导入', 'status-missed'],
};

function uploadFailure(error) {
  if (error.status === 413) return '文件超过 1 MB，请拆分后再导入。';
  if (error.status === 415) return '只能导入 CSV 或 Excel（.xlsx）文件。';
  if (error.status === 403) return '您无权向该支部导入记录。';
  if (error.status === 400) return '文件无法读取：第一行须为列名，每行的格子数不能多于列名数，一次最多 1000 行。';
  return `导入失败：${error.message}`;
}

function resultTable(answer) {
  const rows = answer.rows ?? [];
  return [
    el('p', { id: 'import-summary', role: 'status' },
      `共 ${rows.length} 行：已导入 ${answer.accepted ?? 0} 行，已存在 ${answer.duplicates ?? 0} 行，未导入 ${answer.rejected ?? 0} 行。`),
    el('div', { class: 'table-wrap' }, el('table', { id: 'import-results' },
      el('caption', { class: 'visually-hidden' }, '逐行导入结果'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', class: 'num' }, '行号'), el('th', { scope: 'col' }, '结果'), el('th', { scope: 'col' }, '原因'))),
      el('tbody', {}, rows.map((row) => {
        const [label, css] = OUTCOMES[row.outcome] ?? OUTCOMES.IMPORT_OUTCOME_REJECTED;
        return el('tr', { 'data-line': row.line, 'data-outcome': row.outcome },
          el('td', { class: 'num' }, String(row.line)),
          el('td', {}, el('span', { class: `badge ${css}` }, label)),
          el('td', {}, (row.violations ?? []).length ? el('ul', {}, row.violations.map((v) => el('li', {}, reasonText(v)))) : '—'));
      })))),
  ];
}

function nodeSelect(id, nodes) {
  const select = el('select', { id, required: true });
  for (const n of nodes) select.append(new Option(`${n.name}（${n.kindLabel}）`, n.nodeId));
  return select;
}

export function reportsPage(view) {
  const downloads = el('section', { class: 'panel', id: 'downloads', 'aria-labelledby': 'downloads-title' },
    el('h3', { id: 'downloads-title' }, '生成与下载'), el('p', { class: 'muted' }, '正在读取组织…'));
  const imports = el('section', { class: 'panel', id: 'imports', 'aria-labelledby': 'imports-title' },
    el('h3', { id: 'imports-title' }, '从 Excel 或 CSV 导入记录'));
  view.append(el('h2', {}, '报告与导入'), downloads, imports);

  tenantNodes().then((nodes) => {
    const year = new Date().getFullYear();
    const node = nodeSelect('report-node', nodes);
    const yearSelect = el('select', { id: 'report-year' });
    for (let y = year; y >= year - 5; y--) yearSelect.append(new Option(`${y} 年`, String(y)));
    const target = (kind, format) => () => ({
      path: `/v1/downloads/nodes/${encodeURIComponent(node.value)}/${kind}/${yearSelect.value}`, options: { query: { format } },
    });
    downloads.replaceChildren(downloads.firstChild,
      el('div', { class: 'field' }, el('label', { for: node.id }, '单位或支部'), node,
        el('p', { class: 'hint' }, '选择单位时，报告和台账包括其下所有支部。')),
      el('div', { class: 'field' }, el('label', { for: yearSelect.id }, '年度'), yearSelect),
      el('div', { class: 'actions' },
        exportButton('download-report-docx', '年度述职报告（Word）', target('annual-report', 'docx')),
        exportButton('download-report-markdown', '年度述职报告（Markdown）', target('annual-report', 'markdown')),
        exportButton('download-ledger-xlsx', '台账（Excel）', target('ledger', 'xlsx')),
        exportButton('download-ledger-csv', '台账（CSV）', target('ledger', 'csv'))));

    const importNode = nodeSelect('import-node', nodes);
    const file = el('input', { type: 'file', id: 'import-file', accept: '.csv,.xlsx,text/csv,' + XLSX, required: true, 'aria-describedby': 'import-file-hint' });
    const fileError = el('p', { class: 'field-error', role: 'alert' });
    const submit = el('button', { type: 'submit', class: 'primary', id: 'import-submit' }, '导入');
    const results = el('div', { id: 'import-outcome', 'aria-live': 'polite' });
    const form = el('form', { id: 'import-form', novalidate: true },
      el('div', { class: 'field' }, el('label', { for: importNode.id }, '导入到'), importNode),
      el('div', { class: 'field' }, el('label', { for: file.id }, '记录文件（CSV 或 Excel）'), file,
        el('p', { class: 'hint', id: 'import-file-hint' },
          '第一行为列名：type（记录类型，如 meeting、talk）及该类记录的字段（如 date、topic、attendees）；node_id 可省略。'
          + '日期写作 2026-03-12。每行的请求编号由行内容生成，同一文件再次导入不会重复记录。'), fileError),
      el('div', { class: 'actions' }, submit));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const chosen = file.files?.[0];
      if (!chosen) {
        fileError.textContent = '请选择要导入的文件。';
        file.focus();
        return;
      }
      const isXlsx = /\.xlsx$/i.test(chosen.name);
      if (!isXlsx && !/\.csv$/i.test(chosen.name)) {
        fileError.textContent = '只能导入 .csv 或 .xlsx 文件。';
        file.focus();
        return;
      }
      fileError.textContent = '';
      submit.disabled = true;
      results.replaceChildren(el('p', { class: 'muted' }, '正在导入…'));
      try {
        const answer = await upload(`/v1/uploads/nodes/${encodeURIComponent(importNode.value)}/records:import`, chosen, isXlsx ? XLSX : 'text/csv');
        results.replaceChildren(...resultTable(answer));
      } catch (error) {
        results.replaceChildren(el('p', { class: 'error', role: 'alert' }, uploadFailure(error)));
      } finally {
        submit.disabled = false;
      }
    });
    imports.append(form, results);
  }).catch((error) => {
    downloads.replaceChildren(downloads.firstChild, el('p', { class: 'error', role: 'alert' }, `读取组织失败：${error.message}`));
  });
}
