// 报告与导入: a node's annual report (Word, Markdown) and its ledger (Excel, CSV) as downloads; records
// imported from a CSV or Excel file (the records file format of the CLI, read by the gateway with the
// same parser) with a result per row. Request ids come from the rows: importing a file again records
// nothing twice.
import { upload } from './api.js';
import { el } from './format.js';
import { exportButton } from './exports.js';
import { tenantNodes } from './office.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Column names of the file (proto field names) in Chinese, for the reasons a row is refused.
// The gateway names each refusal's column and reason in Chinese (labels.zh.json, ChineseDescriptions).
export const reasonText = (violation) => `${violation.label || '该行'}：${violation.message || '不符合填写要求'}`;

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
