// Attendance from the roster in force: tick who attended and, for those absent, the reason; the counts
// (attendees, expected attendees, absences by reason) follow from the ticks. Names are sent only when
// the tenant keeps them (its attendance setting); by default only counts and reasons leave the page.
import { el } from './format.js';

export const REASONS = [
  ['ABSENCE_REASON_OFFICIAL_DUTY', '公差'],
  ['ABSENCE_REASON_SICK_LEAVE', '病假'],
  ['ABSENCE_REASON_PERSONAL_LEAVE', '事假'],
  ['ABSENCE_REASON_OTHER', '其他'],
];

// Who is expected at a meeting of this kind: the committee at a committee meeting, all members at the
// meetings of members (as the Domain's MeetingRules.RosterLimit); others (lectures, forums) have no list.
const COMMITTEE = ['MEETING_KIND_BRANCH_COMMITTEE_MEETING'];
const MEMBERS = ['MEETING_KIND_BRANCH_GENERAL_MEETING', 'MEETING_KIND_SMALL_GROUP_MEETING', 'MEETING_KIND_THEME_DAY',
  'MEETING_KIND_ORGANISATIONAL_LIFE_MEETING', 'MEETING_KIND_MEMBER_APPRAISAL'];

function expectedOf(roster, meetingKind) {
  if (!roster) return null;
  if (COMMITTEE.includes(meetingKind)) return { count: roster.committeeMembers ?? 0, names: roster.committeeNames ?? [] };
  if (MEMBERS.includes(meetingKind)) return { count: roster.members ?? 0, names: roster.memberNames ?? [] };
  return null;
}

/**
 * The attendance part of a meeting form, or null for other kinds. It fills the attendee counts of
 * the form from the roster and, when the roster names its people, from the ticks.
 */
export function attendanceWidget(kind, fixed, roster, keepNames = false) {
  const counts = kind.fields.find((f) => f.path.endsWith('.attendees'));
  const expected = kind.fields.find((f) => f.path.endsWith('.expectedAttendees'));
  const kindField = kind.fields.find((f) => f.path.endsWith('.kind'));
  const absences = kind.fields.find((f) => f.path.endsWith('.absences'));
  if (!counts || !expected || !kindField) return null;

  const element = el('fieldset', { class: 'attendance', id: 'attendance', hidden: true },
    el('legend', {}, '考勤（按名册勾选）'));
  const list = el('div');
  const tally = el('p', { class: 'hint', id: 'attendance-tally', role: 'status' });
  element.append(el('p', { class: 'hint' }, '勾选实际参加的人；未参加的请选择缺席原因。人数由勾选自动计算。'), list, tally);
  let people = [];

  const form = () => element.closest('form');
  const input = (field) => form()?.querySelector(`[name="${field.path}"]`);
  const meetingKind = () => fixed[kindField.path] ?? input(kindField)?.value;

  const update = () => {
    const present = people.filter((p) => p.present.checked).length;
    const absent = people.filter((p) => !p.present.checked);
    for (const p of people) p.reason.disabled = p.present.checked;
    if (input(counts)) input(counts).value = String(present);
    if (input(expected)) input(expected).value = String(people.length);
    tally.textContent = `应到 ${people.length} 人，实到 ${present} 人，缺席 ${absent.length} 人。`;
  };

  // (Re)draws the list for the meeting kind chosen; the count fields are filled even without names.
  const draw = () => {
    const who = expectedOf(roster, meetingKind());
    people = [];
    list.replaceChildren();
    if (!who) {
      element.hidden = true;
      return;
    }
    if (input(expected) && !input(expected).value) input(expected).value = String(who.count);
    if (input(counts) && !input(counts).value) input(counts).value = String(who.count);
    if (who.names.length === 0) {
      element.hidden = true;
      return;
    }
    element.hidden = false;
    who.names.forEach((name, index) => {
      const id = `present-${index}`;
      const present = el('input', { type: 'checkbox', id, checked: true, 'data-name': name });
      const reason = el('select', { id: `reason-${index}`, 'aria-label': `${name}缺席原因`, disabled: true },
        el('option', { value: '' }, '缺席原因'), REASONS.map(([value, label]) => el('option', { value }, label)));
      people.push({ name, present, reason });
      list.append(el('div', { class: 'person' }, present, el('label', { for: id }, name), reason));
    });
    update();
  };

  element.addEventListener('change', update);
  queueMicrotask(() => {
    form()?.addEventListener('change', (event) => {
      if (event.target.name === kindField.path) draw();
    });
    draw();
  });

  return {
    element,
    contribute(body) {
      if (!people.length) return;
      const meeting = body[kind.bodyField] ??= {};
      meeting.attendees = people.filter((p) => p.present.checked).length;
      meeting.expectedAttendees = people.length;
      if (absences) {
        meeting.absences = people.filter((p) => !p.present.checked)
          .map((p) => ({ reason: p.reason.value || 'ABSENCE_REASON_UNSPECIFIED', ...(keepNames ? { name: p.name } : {}) }));
        if (keepNames) meeting.attendeeNames = people.filter((p) => p.present.checked).map((p) => p.name);
      }
    },
    restore() {
      draw();
    },
  };
}

/** Attendance as a person reads it: names joined, or absences counted by reason ("病假 1、公差 2"). */
export function attendanceText(value) {
  if (!Array.isArray(value) || value.length === 0) return '';
  if (typeof value[0] === 'string') return value.join('、');
  const counts = new Map();
  for (const absence of value) {
    const label = REASONS.find(([code]) => code === absence.reason)?.[1] ?? '未说明';
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, n]) => `${label} ${n}`).join('、');
}
