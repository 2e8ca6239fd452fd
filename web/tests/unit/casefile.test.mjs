// The case file organised by the service (issue 19): its sections and addresses (casefile/sections.ts),
// a task's next step (casefile/nextSteps.ts), the record picker's groups, order and what it leaves
// out (records/picker.ts), and a long form's parts and progress (records/formParts.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { caseHref, caseViewOf, SECTION_LABEL, SECTIONS } from './.build/sections.mjs';
import { taskHref, taskView, valuesAbout } from './.build/nextSteps.mjs';
import { doesNotApply, pickerGroups } from './.build/picker.mjs';
import { formParts, isBlank, partFilled, partsProgress } from './.build/formParts.mjs';
import { CENTRE_FORMS, RECORD_FORMS } from './.build/schema.mjs';

const form = (type) => RECORD_FORMS.find((f) => f.type === type);
const allowed = (type) => ({ type, allowed: true, refusals: [] });
const refused = (type, clause, overridable = false) => ({ type, allowed: false, refusals: [{ clause, message: `${clause} first`, overridable }] });
/** The server's answer for a new case in care: every type listed, these refused (as GET /record-types says). */
const checksWith = (...refusedItems) => ({
  may_add: true,
  items: RECORD_FORMS.filter((f) => !f.headOnly).map((f) => refusedItems.find((r) => r.type === f.type) ?? allowed(f.type)),
});
const newCase = checksWith(refused('identification_interview', 'II.1.e'), refused('reintegration_plan', 'II.4.c'),
  refused('referral', 'II.6.a', true), refused('referral_update', 'II.6.e'), refused('complaint_resolution', 'I.1.d'),
  refused('need_addressed', 'I.2.a'), refused('consent_withdrawal', 'I.3.b'));
const inCare = { stage: 'in_care', foreign: false, held: new Set() };
const types = (groups) => groups.flatMap((g) => g.forms.map((f) => f.type));

test('a case address names its section, and a record form with the record it is about', () => {
  assert.deepEqual(caseViewOf(''), { section: 'overview' });
  assert.deepEqual(caseViewOf('?section=timeline'), { section: 'timeline' });
  assert.deepEqual(caseViewOf('?section=nonsense'), { section: 'overview' }, 'an unknown section is the overview');
  assert.deepEqual(caseViewOf('?section=record&form=referral_update&about=r1'), { section: 'record', form: 'referral_update', about: 'r1' });
  assert.deepEqual(caseViewOf('?section=timeline&form=consent'), { section: 'timeline' }, 'a form opens only in the record section');
  assert.deepEqual(caseViewOf('?section=record&about=r1'), { section: 'record' }, 'no form, nothing to be about');
  assert.equal(caseHref('c 1'), '/cases/c%201');
  assert.equal(caseHref('c1', { section: 'tasks' }), '/cases/c1?section=tasks');
  assert.equal(caseHref('c1', { section: 'record', form: 'referral_update', about: 'r1' }), '/cases/c1?section=record&form=referral_update&about=r1');
  assert.deepEqual(caseViewOf('?section=documents'), { section: 'documents' });
  assert.equal(caseHref('c1', { section: 'documents' }), '/cases/c1?section=documents');
  for (const section of SECTIONS) {
    const view = section === 'record' ? { section, form: 'consent' } : { section };
    assert.deepEqual(caseViewOf(caseHref('c1', view).split('?')[1] ?? ''), view, `${section} round-trips`);
  }
});

test('the sections in the order of the page: the documents between consent and the tasks, each with its label', () => {
  assert.deepEqual(SECTIONS, ['overview', 'timeline', 'record', 'consent', 'documents', 'tasks', 'details']);
  assert.deepEqual(Object.keys(SECTION_LABEL).sort(), [...SECTIONS].sort());
  assert.equal(SECTION_LABEL.documents, 'section.documents');
});

test("a task's next step is the form of its record type, about its record", () => {
  assert.deepEqual(taskView({ record_type: 'counselling_session', about_record_id: '' }), { section: 'record', form: 'counselling_session' });
  assert.equal(taskHref('c1', { record_type: 'referral_update', about_record_id: 'ref-9' }), '/cases/c1?section=record&form=referral_update&about=ref-9');
  assert.equal(taskHref('c1', { record_type: 'crisis_intervention', about_record_id: 's-2' }), '/cases/c1?section=record&form=crisis_intervention&about=s-2');
  // No form of the case writes it (a record the server writes itself, a centre record): the tasks section.
  assert.equal(taskHref('c1', { record_type: 'correction', about_record_id: '' }), '/cases/c1?section=tasks');
  assert.equal(taskView({ record_type: 'staff_training', about_record_id: '' }), null, "a centre record is not a case's form");
});

test('a form opened about a record fills in the field that names a record of its type', () => {
  const records = [{ id: 'ref-9', type: 'referral' }, { id: 's-2', type: 'counselling_session' }, { id: 'c-1', type: 'complaint' }];
  assert.deepEqual(valuesAbout(form('referral_update'), 'ref-9', records), { referral_id: 'ref-9' });
  assert.deepEqual(valuesAbout(form('complaint_resolution'), 'c-1', records), { complaint_id: 'c-1' });
  assert.deepEqual(valuesAbout(form('crisis_intervention'), 's-2', records), {}, 'no field names the session');
  assert.deepEqual(valuesAbout(form('referral_update'), 'gone', records), {}, 'a record not in the file');
  assert.deepEqual(valuesAbout(form('referral_update'), 's-2', records), {}, 'a record of another type');
  assert.deepEqual(valuesAbout(form('referral_update'), undefined, records), {});
});

test('what makes no sense for the case is not offered; a refusal the worker can act on is', () => {
  // Repatriation is for a foreign victim (I.5.a).
  assert.equal(doesNotApply(form('repatriation_wish'), inCare, newCase), true);
  assert.equal(doesNotApply(form('repatriation_safety_assessment'), { ...inCare, foreign: true }, newCase), false);
  // Monitoring and a lost-contact attempt only once she has gone home.
  assert.equal(doesNotApply(form('contact_attempt'), inCare, newCase), true);
  assert.equal(doesNotApply(form('closure_checklist'), { ...inCare, stage: 'planning' }, newCase), true);
  assert.equal(doesNotApply(form('contact_attempt'), { ...inCare, stage: 'monitoring' }, newCase), false);
  assert.equal(doesNotApply(form('follow_up_schedule'), { ...inCare, stage: 'reintegration' }, newCase), false);
  // A record that follows one the file does not hold, refused for that: nothing to follow.
  for (const t of ['referral_update', 'complaint_resolution', 'need_addressed', 'consent_withdrawal']) {
    assert.equal(doesNotApply(form(t), inCare, newCase), true, t);
  }
  assert.equal(doesNotApply(form('referral_update'), { ...inCare, held: new Set(['referral']) }, newCase), false,
    'once a referral is on file, a refused update is for the worker to act on');
  assert.equal(doesNotApply(form('referral_update'), inCare, checksWith()), false, 'not refused: the server has the last word');
  // Refusals with something to do first stay, with their reasons.
  assert.equal(doesNotApply(form('identification_interview'), inCare, newCase), false);
  assert.equal(doesNotApply(form('reintegration_plan'), inCare, newCase), false);
  assert.equal(doesNotApply(form('referral'), inCare, newCase), false);
});

test("the picker shows what the tasks call for first, then the stage's step, then the service's order", () => {
  const groups = pickerGroups({ forms: RECORD_FORMS, checks: newCase, isHead: false, facts: { ...inCare, stage: 'assessment' },
    calledFor: ['counselling_session', 'intake_assessment', 'counselling_session', 'repatriation_wish'] });
  assert.deepEqual(groups.map((g) => g.key), ['called', 'counselling', 'reception', 'identification', 'plan', 'referral', 'complaints']);
  assert.deepEqual(types([groups[0]]), ['counselling_session', 'intake_assessment'], 'once each, nothing that does not apply');
  const all = types(groups);
  assert.equal(new Set(all).size, all.length, 'each type in one group');
  assert.ok(!groups[1].forms.some((f) => f.type === 'counselling_session'), 'not again in its step');
  for (const hidden of ['repatriation_wish', 'contact_attempt', 'referral_update', 'staff_assignment']) assert.ok(!all.includes(hidden), hidden);
  assert.ok(all.includes('identification_interview') && all.includes('referral'), 'refused for a reason to act on: offered');
  // The head without checks (an older server): her own forms too; in the received stage, reception first.
  const head = pickerGroups({ forms: RECORD_FORMS, isHead: true, facts: { ...inCare, stage: 'received' } });
  assert.equal(head[0].key, 'reception');
  assert.ok(types(head).includes('designated_staff'));
  assert.ok(!types(pickerGroups({ forms: RECORD_FORMS, isHead: false })).includes('designated_staff'));
});

test('the search finds a type by its name without accents, or by its clause', () => {
  const label = (f) => ({ counselling_session: 'Buổi tư vấn tâm lý', crisis_intervention: 'Can thiệp khủng hoảng', health_check: 'Khám sức khỏe' })[f.type] ?? f.type;
  const find = (query) => types(pickerGroups({ forms: RECORD_FORMS, checks: newCase, isHead: false, facts: inCare, query, label }));
  assert.deepEqual(find('tu van'), ['counselling_session']);
  assert.deepEqual(find('KHAM suc'), ['health_check']);
  assert.deepEqual(find('khủng hoảng'), ['crisis_intervention']);
  assert.deepEqual(find('II.3.b'), ['counselling_session', 'crisis_intervention']);
  assert.deepEqual(find('xyz'), []);
  assert.deepEqual(pickerGroups({ forms: CENTRE_FORMS, isHead: true }).map((g) => g.key), ['staff', 'centre'], "the centre's forms, no case");
});

test('a long form is shown in parts, each with its clauses, and counts the parts filled', () => {
  const plan = formParts(form('reintegration_plan').fields);
  assert.deepEqual(plan.map((p) => p.name), ['plan_content', 'plan_strengths', 'plan_needs', 'plan_providers', 'plan_victim', 'plan_education']);
  assert.equal(plan.flatMap((p) => p.fields).length, form('reintegration_plan').fields.length, 'every field in one part');
  assert.deepEqual(formParts(form('health_check').fields).map((p) => p.name), [null], 'a short form as it was');
  assert.deepEqual(partsProgress(formParts(form('health_check').fields), {}), { done: 0, total: 0 });

  const blank = { final: false, purposes: ' ', actions: [{ key: 1, need_id: '', action: '' }], victim_views: '' };
  assert.deepEqual(partsProgress(plan, blank), { done: 0, total: 6 });
  const some = { ...blank, purposes: 'Trở về gia đình', strengths: 'Kiên trì', victim_participated: true, actions: [{ key: 1, need_id: 'n1', action: '' }] };
  assert.deepEqual(partsProgress(plan, some), { done: 4, total: 6 });

  const consent = formParts(form('consent').fields);
  assert.equal(partFilled(consent[0], { given_by: 'victim', recipient: '' }), false, 'a required field left blank');
  assert.equal(partFilled(consent[0], { given_by: 'victim', recipient: 'Hội Phụ nữ' }), true);
  assert.equal(partFilled(consent[1], { categories: ['health'], purposes: [] }), false);
  for (const v of [false, '', '  ', [], undefined, [{ key: 3, need_id: '', action: '' }]]) assert.equal(isBlank(v), true, JSON.stringify(v));
  for (const v of [true, 'x', ['vi'], [{ key: 3, need_id: '', action: 'Học nghề' }]]) assert.equal(isBlank(v), false, JSON.stringify(v));
});
