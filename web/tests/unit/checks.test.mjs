// Checks before typing and possible duplicates at reception (issue 18), and what each role is offered:
// records/checks.ts (a record type's standing for the reader, from the case file's record_types),
// reception/duplicates.ts (what the check asks, what the registration then says) and roles.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isBlocked, isOffered, mayAddRecords, standingOf } from './.build/checks.mjs';
import { duplicateField, duplicateQuery, registration } from './.build/duplicates.mjs';
import { accountRolesManagedBy, CASE_STAFF, mayCorrect, mayRegister, REGISTERS, worksCases, writesRecords } from './.build/roles.mjs';

const II_1_E = { clause: 'II.1.e', message: 'Trước hết cần khám sức khỏe và một buổi tư vấn tâm lý.', overridable: false };
const I_2_D = { clause: 'I.2.d', message: 'Cần chứng chỉ phỏng vấn xác định nạn nhân.', overridable: false };
const II_6_A = { clause: 'II.6.a', message: 'Trước hết cần đưa danh sách nhà cung cấp dịch vụ.', overridable: true };
const II_6_B = { clause: 'II.6.b', message: 'Cần đánh giá phục hồi gần đây.', overridable: true };

const checks = {
  may_add: true,
  items: [
    { type: 'health_check', allowed: true, refusals: [] },
    { type: 'identification_interview', allowed: false, refusals: [II_1_E, I_2_D] },
    { type: 'referral', allowed: false, refusals: [II_6_A, II_6_B] },
  ],
};

test('an allowed type, and one the checks do not list, are left to the server at saving', () => {
  assert.deepEqual(standingOf(checks, 'health_check', false), { kind: 'allowed' });
  assert.deepEqual(standingOf(checks, 'complaint', false), { kind: 'allowed' });
  assert.deepEqual(standingOf(null, 'identification_interview', true), { kind: 'allowed' }, 'a server that says nothing');
  assert.deepEqual(standingOf(checks, '', false), { kind: 'allowed' }, 'no type chosen');
});

test('a refused type carries every refusing rule, and is closed', () => {
  const s = standingOf(checks, 'identification_interview', true);
  assert.deepEqual(s, { kind: 'refused', refusals: [II_1_E, I_2_D], overridable: false });
  assert.equal(isBlocked(s), true, 'not every rule may be passed over, not even by the head');
});

test('a type whose every refusal allows judgement is open to the one who may pass over it, closed to others', () => {
  const head = standingOf(checks, 'referral', true);
  assert.deepEqual(head, { kind: 'refused', refusals: [II_6_A, II_6_B], overridable: true });
  assert.equal(isBlocked(head), false);
  const worker = standingOf(checks, 'referral', false);
  assert.equal(worker.overridable, false);
  assert.equal(isBlocked(worker), true);
});

test('a type refused without a rule named is closed', () => {
  const s = standingOf({ may_add: true, items: [{ type: 'referral', allowed: false, refusals: [] }] }, 'referral', true);
  assert.deepEqual(s, { kind: 'refused', refusals: [], overridable: false });
  assert.equal(isBlocked(s), true);
  assert.equal(isBlocked({ kind: 'allowed' }), false);
});

test('the picker offers the types the checks list, else what the form says of the role', () => {
  assert.equal(isOffered(checks, 'health_check', false), true);
  assert.equal(isOffered(checks, 'identification_interview', false), true, 'refused now, still offered');
  assert.equal(isOffered(checks, 'staff_assignment', true), false, 'a type the role never writes is not listed');
  assert.equal(isOffered(null, 'staff_assignment', false), false);
  assert.equal(isOffered(undefined, 'staff_assignment', true), true);
});

test('records are offered as the file says, else by role', () => {
  assert.equal(mayAddRecords({ may_add: false, items: [] }, true), false, 'the file says no: an auditor');
  assert.equal(mayAddRecords({ may_add: true, items: [] }, false), true);
  assert.equal(mayAddRecords(null, true), true);
  assert.equal(mayAddRecords(undefined, false), false);
});

test('the duplicate check asks for the name as it will be registered, and the birth date when typed', () => {
  assert.deepEqual(duplicateQuery('  đặng thị HOA ', '2001-03-04'), { name: 'đặng thị HOA', birth_date: '2001-03-04' });
  assert.deepEqual(duplicateQuery('Đặng Thị Hoa', ''), { name: 'Đặng Thị Hoa' });
  assert.deepEqual(duplicateQuery('Đặng Thị Hoa', '04/03/2001'), { name: 'Đặng Thị Hoa' }, 'only a date the form has read');
});

test('a registration says which earlier cases the worker was shown, and nothing when none', () => {
  const body = { reception: { referring_authority: 'x' }, person: { name: 'Đặng Thị Hoa' } };
  assert.deepEqual(registration(body, []), body);
  assert.equal('possible_duplicates_seen' in registration(body, []), false);
  const seen = registration(body, [
    { code: 'HV-2026-0001', received_at: '2026-12-07T01:00:00Z' },
    { code: 'HV-2026-0007', received_at: '2026-12-07T02:00:00Z' },
  ]);
  assert.deepEqual(seen, { ...body, possible_duplicates_seen: ['HV-2026-0001', 'HV-2026-0007'] });
  assert.equal('possible_duplicates_seen' in body, false, 'the body itself is left as it was');
});

test("the check's problem about a field lands beside the form's own field", () => {
  assert.equal(duplicateField('name'), 'person.name');
  assert.equal(duplicateField('birth_date'), 'person.birth_date');
  assert.equal(duplicateField('person.birth_date'), 'person.birth_date');
  assert.equal(duplicateField('body'), null);
  assert.equal(duplicateField(undefined), null);
});

test('each role is offered what it may do: registering and correcting not to a counsellor, nothing of a case to an auditor', () => {
  const roles = ['centre_head', 'case_worker', 'counsellor', 'auditor', 'administrator', 'external_provider'];
  assert.deepEqual(roles.filter(mayRegister), ['centre_head', 'case_worker']);
  assert.deepEqual([...REGISTERS], ['centre_head', 'case_worker']);
  assert.deepEqual(roles.filter(mayCorrect), ['centre_head', 'case_worker']);
  assert.deepEqual(roles.filter(writesRecords), ['centre_head', 'case_worker', 'counsellor']);
  assert.deepEqual(roles.filter(worksCases), [...CASE_STAFF]);
  assert.equal(mayRegister(null), false);
  assert.equal(writesRecords(undefined), false);
});

test("a head manages her centre's staff accounts, never a head's or an administrator's; the administrator every one", () => {
  assert.deepEqual([...accountRolesManagedBy('centre_head')], ['case_worker', 'counsellor', 'external_provider']);
  assert.deepEqual([...accountRolesManagedBy('administrator')],
    ['case_worker', 'counsellor', 'centre_head', 'auditor', 'external_provider', 'administrator']);
  for (const role of ['case_worker', 'counsellor', 'auditor', 'external_provider', null]) assert.deepEqual([...accountRolesManagedBy(role)], []);
});
