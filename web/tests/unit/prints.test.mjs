// The prints of a case (issue 19): what the referral letter of a disclosure says and of whom, read
// from the disclosure's record (prints/content.ts), the addresses the letter and the summary print
// at (casefile/sections.ts), the plan's essentials the summary carries (records/describe.ts), the
// standards' counts (casefile/labels.ts) and a person's age (datetime.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { consentedCategories, contactPerson, dayMonthYear, latestOf, namesThePerson, PLAN_ESSENTIALS, releasedDisclosures } from './.build/prints.mjs';
import { letterPrintHref, summaryPrintHref } from './.build/sections.mjs';
import { describeFields } from './.build/describe.mjs';
import { byUrgency, complianceCounts } from './.build/actionLabels.mjs';
import { ageOn } from './.build/datetime.mjs';
import { vi } from './.build/vi.mjs';

const t = (key, params = {}) => vi[key].replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
const record = (id, type, body = {}, occurred_at = '2026-06-10T07:00:00Z') => ({ id, type, occurred_at, recorded_by: 'head', body });

test('the letters of a case are those of its disclosures, the newest first', () => {
  const records = [record('a', 'health_check'), record('d1', 'disclosure'), record('r', 'disclosure_request'), record('d2', 'disclosure')];
  assert.deepEqual(releasedDisclosures(records).map((r) => r.id), ['d2', 'd1']);
  assert.deepEqual(releasedDisclosures([]), []);
  assert.equal(records.length, 4, 'the case file is left as it is');
});

test('a letter lists the categories that left in the consent form\'s order, and names the person only with their identity', () => {
  assert.deepEqual(consentedCategories({ categories: ['plan', 'health', 'identity'] }), ['identity', 'health', 'plan']);
  assert.deepEqual(consentedCategories({ categories: ['health', 'newer'] }), ['health', 'newer'], 'one this UI does not know comes last');
  assert.deepEqual(consentedCategories({}), []);
  assert.equal(namesThePerson({ categories: ['health'] }), false);
  assert.equal(namesThePerson({ categories: ['health', 'identity'] }), true);
  assert.equal(namesThePerson({ categories: 'identity' }), false, 'never anything but the list');
});

test('whom the recipient calls: the designated staff member, else a case worker on the case, else anyone on it, else the sender', () => {
  const staff = [
    { id: 'cw', role: 'case_worker', disabled: false },
    { id: 'co', role: 'counsellor', disabled: false },
    { id: 'gone', role: 'case_worker', disabled: true },
    { id: 'head', role: 'centre_head', disabled: false },
  ];
  assert.equal(contactPerson({ staff_on_case: ['co', 'cw'], designated_staff: 'co' }, staff, 'head'), 'co');
  assert.equal(contactPerson({ staff_on_case: ['co', 'cw'], designated_staff: null }, staff, 'head'), 'cw');
  assert.equal(contactPerson({ staff_on_case: ['co', 'cw'], designated_staff: 'gone' }, staff, 'head'), 'cw', 'a disabled account is nobody\'s contact');
  assert.equal(contactPerson({ staff_on_case: ['gone', 'co'], designated_staff: null }, staff, 'head'), 'co');
  assert.equal(contactPerson({ staff_on_case: [], designated_staff: null }, staff, 'head'), 'head');
  assert.equal(contactPerson({ staff_on_case: ['unknown'], designated_staff: null }, [], undefined), undefined);
});

test('a letter is dated by the local day it left, two digits a part', () => {
  const at = new Date(2026, 0, 5, 9, 30);
  assert.deepEqual(dayMonthYear(at.toISOString()), { d: '05', m: '01', y: '2026' });
  assert.equal(dayMonthYear('not a time'), null);
  assert.equal(t('letter.dated', dayMonthYear(at.toISOString())), 'Ngày 05 tháng 01 năm 2026');
});

test('the prints have addresses of their own under the case', () => {
  assert.equal(summaryPrintHref('c 1'), '/cases/c%201/print/summary');
  assert.equal(letterPrintHref('c1', 'd/2'), '/cases/c1/print/referral/d%2F2');
});

test('the summary carries the latest plan\'s essentials in words, never its other fields', () => {
  const old = record('p1', 'reintegration_plan', { purposes: 'Kế hoạch cũ' }, '2026-05-01T00:00:00Z');
  const plan = record('p2', 'reintegration_plan', {
    final: true, purposes: 'Trở về gia đình an toàn', time_frame: '6 tháng', strengths: 'Chăm chỉ',
    actions: [{ need: 'Học nghề', action: 'Đăng ký lớp may' }], providers: ['Trường nghề Lào Cai'],
  });
  const records = [old, record('x', 'health_check'), plan];
  assert.equal(latestOf(records, 'reintegration_plan').id, 'p2');
  assert.equal(latestOf(records, 'closure_checklist'), undefined);
  const cx = { t, lang: 'vi', records: new Map(records.map((r) => [r.id, r])), staffName: () => undefined };
  const lines = describeFields(plan, PLAN_ESSENTIALS, cx);
  const text = lines.map((l) => `${l.label}: ${l.value}`).join('\n');
  for (const words of ['Trở về gia đình an toàn', '6 tháng', 'Đăng ký lớp may', 'Học nghề', 'Trường nghề Lào Cai']) assert.ok(text.includes(words), words);
  assert.ok(!text.includes('Chăm chỉ'), 'the strengths stay in the case file');
  assert.ok(!/purposes|time_frame|providers/.test(text), 'never a field\'s name');
  assert.deepEqual(describeFields(record('y', 'no_such_type', { a: 1 }), PLAN_ESSENTIALS, cx), []);
});

test('the standards are counted by state and listed the most urgent first', () => {
  const c = (clause, state) => ({ clause, title: clause, state, evidence: [] });
  const clauses = [c('a', 'met'), c('b', 'pending'), c('c', 'overdue'), c('d', 'not_applicable'), c('e', 'not_met'), c('f', 'met')];
  assert.deepEqual(complianceCounts(clauses), { met: 2, pending: 1, overdue: 1, not_met: 1 });
  assert.deepEqual([...clauses].sort(byUrgency).map((x) => x.state), ['overdue', 'not_met', 'pending', 'met', 'met', 'not_applicable']);
});

test('a person\'s age is in whole years on a day, from their birth date', () => {
  assert.equal(ageOn('2000-03-04', '2026-03-03'), 25);
  assert.equal(ageOn('2000-03-04', '2026-03-04'), 26);
  assert.equal(ageOn('2008-02-29', '2026-02-28'), 17);
  assert.equal(ageOn('2008-02-29', '2026-03-01'), 18);
  assert.equal(ageOn('2027-01-01', '2026-01-01'), null, 'born after the day');
  assert.equal(ageOn('2000-02-30', '2026-01-01'), null, 'not a date');
});
