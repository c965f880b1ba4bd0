// The record catalogue (LedgerService.ListRecordKinds), read once: every kind of record and workflow
// step, its Chinese labels, fields, limits, choices and presets. Forms, record lists and record pages
// are all drawn from it, so a new kind in the Domain's catalogue appears here without page code.
import { api } from './api.js';
import { attendanceText } from './attendance.js';
import { dateText } from './format.js';

let loading;

const camel = (text) => text.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

function normalise(kind) {
  return {
    id: kind.kindId,
    label: kind.label,
    help: kind.help ?? '',
    httpPath: kind.httpPath,
    bodyField: camel(kind.bodyField),
    step: Boolean(kind.step),
    targetField: kind.targetField ?? '',
    acceptsEvidence: Boolean(kind.acceptsEvidence),
    levels: kind.nodeLevels ?? [],
    presets: (kind.presets ?? []).map((p) => ({ id: p.presetId, label: p.label, values: Object.fromEntries((p.values ?? []).map((v) => [v.field, v.value])) })),
    fields: (kind.fields ?? []).map((f) => ({
      path: f.jsonPath,
      violationPath: f.violationPath,
      label: f.label,
      help: f.help ?? '',
      type: (f.type ?? '').replace(/^(FORM_)?FIELD_TYPE_/, ''),
      required: Boolean(f.required),
      maxLength: f.maxLength ?? 0,
      min: f.min,
      max: f.max,
      maxItems: f.maxItems ?? 0,
      defaultValue: f.defaultValue ?? '',
      choices: f.choices ?? [],
      shownWhen: f.shownWhen ?? null,
    })),
  };
}

/** { kinds: [...], byId(id), byBody(bodyField) }. */
export function catalogue() {
  loading ??= api('/v1/record-kinds').then((response) => {
    const kinds = (response.recordKinds ?? []).map(normalise);
    return {
      kinds,
      byId: (id) => kinds.find((k) => k.id === id),
      // Steps share a body with nothing else; a record's body field names its kind.
      byBody: (body) => kinds.find((k) => k.bodyField === body),
    };
  }).catch((error) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

// A choice or kind names the node levels that may hold it; none named (an older answer) means every level.
const allows = (levels, level) => !level || !levels?.length || levels.includes(level);

/**
 * The kind as a node of `level` (NODE_KIND_BRANCH, …) may record it: its choices and presets narrowed to
 * those the level may hold (a branch is offered no 党组会), or null when the level holds no record of it.
 * The ledger refuses the rest anyway; this keeps them out of the menus and forms.
 */
export function kindAt(kind, level) {
  if (!kind || !allows(kind.levels, level)) return null;
  const fields = kind.fields.map((f) => (f.type === 'CHOICE' ? { ...f, choices: f.choices.filter((c) => allows(c.nodeLevels, level)) } : f));
  const offered = (path, value) => {
    const field = fields.find((f) => f.path === path && f.type === 'CHOICE');
    return !field || field.choices.some((c) => c.value === value);
  };
  const presets = kind.presets.filter((p) => Object.entries(p.values).every(([path, value]) => offered(path, value)));
  return { ...kind, fields, presets };
}

/** The kinds (and steps) a node of `level` may record, each narrowed by kindAt. */
export function kindsAt(cat, level) {
  return cat.kinds.map((k) => kindAt(k, level)).filter(Boolean);
}

/** The body field of a ledger record ("meeting", "dutyProgress", …) and its content. */
export function bodyOf(record) {
  const view = record.current ?? record;
  for (const [key, value] of Object.entries(view)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && !['current', 'recordedAt', 'evidence'].includes(key)) return [key, value];
  }
  return ['', {}];
}


export function getPath(object, path) {
  return path.split('.').reduce((value, key) => (value == null ? undefined : value[key]), object);
}

/** A field's value as a person reads it: choices by their label, dates as days, yes/no in words. */
export function displayValue(field, value) {
  if (value === undefined || value === null || value === '') return field.type === 'YES_NO' ? '否' : '';
  if (field.type === 'CHOICE') return field.choices.find((c) => c.value === value)?.label ?? '';
  if (field.type === 'DATE') return dateText(value);
  if (field.type === 'YES_NO') return value ? '是' : '否';
  if (field.type === 'TEXT_LIST') return value.join('；');
  if (field.type === 'ATTENDANCE') return attendanceText(value);
  return String(value);
}

/** One line about a record: its kind (or preset) in Chinese, date and topic. */
export function summaryOf(cat, record) {
  const [body, content] = bodyOf(record);
  const kind = cat.byBody(body);
  if (!kind) return { kindLabel: '更正或审阅', date: '', text: '' };
  const choice = kind.fields.find((f) => f.type === 'CHOICE' && f.path.split('.').length === 2);
  const choiceLabel = choice ? displayValue(choice, getPath({ [body]: content }, choice.path)) : '';
  const textField = kind.fields.find((f) => f.type === 'TEXT' || f.type === 'LONG_TEXT');
  return {
    kindLabel: choiceLabel || kind.label,
    date: dateText(content.date),
    text: textField ? String(getPath({ [body]: content }, textField.path) ?? '') : '',
  };
}
