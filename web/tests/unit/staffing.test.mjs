// The head's staffing queue (staffing/queue.ts): the candidates for a case with the roles it lacks
// first and the least loaded first within a role, unscreened staff kept in sight; what became of the
// case after an assignment; how long it has waited; and the assignment record she sends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asksForMatchingReason, assignment, candidateGroups, daysWaiting, outcomeFor } from './.build/queue.mjs';

const person = (id, role, open_cases, screened = true) => ({ id, display_name: id, role, screened, sex: 'female', languages: ['vi'], open_cases });
// The server's order: least loaded first.
const staff = [
  person('minh', 'case_worker', 0),
  person('tu', 'counsellor', 0, false),
  person('thu', 'counsellor', 1),
  person('hoa', 'counsellor', 2),
  person('lan', 'case_worker', 3),
];
const shortOf = (...missing) => ({ id: 'c1', code: 'HV-AAAA-BBBB', stage: 'received', received_at: '2026-06-01T02:00:00Z', staff_on_case: 1, missing });

test('a case short of a counsellor lists the counsellors first, the least loaded first, the unscreened after them', () => {
  const groups = candidateGroups(shortOf('counsellor'), staff);
  assert.deepEqual(groups.map((g) => [g.role, g.needed, g.candidates.map((c) => c.id)]), [
    ['counsellor', true, ['thu', 'hoa', 'tu']],
    ['case_worker', false, ['minh', 'lan']],
  ]);
  assert.equal(groups[0].candidates[2].screened, false, 'shown, to be seen as unscreened');
});

test('a case short of both lists case workers then counsellors, as the server names them; no empty group', () => {
  assert.deepEqual(candidateGroups(shortOf('case_worker', 'counsellor'), staff).map((g) => [g.role, g.needed]), [
    ['case_worker', true],
    ['counsellor', true],
  ]);
  const onlyWorkers = staff.filter((s) => s.role === 'case_worker');
  assert.deepEqual(candidateGroups(shortOf('counsellor'), onlyWorkers).map((g) => g.role), ['case_worker']);
  assert.deepEqual(candidateGroups(shortOf('counsellor'), []), []);
});

test('after an assignment, the queue read again says whether the case left it or what it still needs', () => {
  const queue = (cases) => ({ cases, total: cases.length, staff });
  assert.deepEqual(outcomeFor('c1', queue([])), { staffed: true });
  assert.deepEqual(outcomeFor('c1', queue([{ ...shortOf('counsellor'), id: 'c2' }])), { staffed: true });
  assert.deepEqual(outcomeFor('c1', queue([shortOf('counsellor')])), { staffed: false, missing: ['counsellor'] });
});

test('days waiting are whole days since reception, never negative', () => {
  const received = '2026-06-01T02:00:00Z';
  assert.equal(daysWaiting(received, new Date('2026-06-01T20:00:00Z')), 0);
  assert.equal(daysWaiting(received, new Date('2026-06-02T02:00:00Z')), 1);
  assert.equal(daysWaiting(received, new Date('2026-06-04T01:59:00Z')), 2);
  assert.equal(daysWaiting(received, new Date('2026-05-31T00:00:00Z')), 0, 'a clock behind the server');
  assert.equal(daysWaiting('not a date', new Date()), 0);
});

test('the assignment carries the declaration, and the matching reason only when one was written', () => {
  const at = '2026-06-02T03:04:05Z';
  assert.deepEqual(assignment('thu', true, '  ', at), {
    type: 'staff_assignment',
    occurred_at: at,
    body: { staff_id: 'thu', no_conflict_of_interest: true },
  });
  assert.deepEqual(assignment('thu', true, ' Có phiên dịch tiếng Khmer ', at).body, {
    staff_id: 'thu',
    no_conflict_of_interest: true,
    matching_reason: 'Có phiên dịch tiếng Khmer',
  });
});

test('only the refusals about matching the person ask for the matching reason', () => {
  assert.equal(asksForMatchingReason('I.2.b'), true);
  assert.equal(asksForMatchingReason('II.1.b'), true);
  assert.equal(asksForMatchingReason('III.1.b'), false);
  assert.equal(asksForMatchingReason('III.2.c'), false);
  assert.equal(asksForMatchingReason(undefined), false);
});
