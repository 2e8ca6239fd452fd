// The self-assessment in states and counted by part (assessment/summary.ts): a line met, not met,
// pending, with no data, enforced by Haven, or a manual item, met or not met once the head assessed
// it within the period.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assessedInPeriod, LINE_STATES, lineState, partOf, summarise } from './.build/summary.mjs';

const period = { from: '2026-01-01', to: '2026-12-07' };
const line = (clause, basis, counts = {}, assessed = null) => ({
  clause, title: clause, basis, met: 0, pending: 0, overdue: 0, not_met: 0, not_applicable: 0, ...counts, assessed,
});
const assessment = (verdict, occurred_at = '2026-12-07T03:00:00Z') => ({ record_id: 'r1', verdict, note: 'Biên bản họp', recorded_by: 'lan', occurred_at });

test("a line counted from the data: not met when anything is overdue or not met, pending, met, or no data", () => {
  assert.equal(lineState(line('II.3.a', 'cases', { met: 4, overdue: 1 }), period), 'not_met');
  assert.equal(lineState(line('II.3.a', 'cases', { met: 4, not_met: 1, pending: 2 }), period), 'not_met');
  assert.equal(lineState(line('II.3.a', 'cases', { met: 4, pending: 2 }), period), 'pending');
  assert.equal(lineState(line('III.1.a', 'centre', { met: 1 }), period), 'met');
  assert.equal(lineState(line('II.3.a', 'cases', { not_applicable: 3 }), period), 'none');
});

test('a line Haven enforces reads as enforced, whatever it counts', () => {
  assert.equal(lineState(line('I.3.c', 'enforced'), period), 'enforced');
});

test('a manual line is manual until the head assessed it within the period, then her verdict', () => {
  assert.equal(lineState(line('I.2.a', 'manual'), period), 'manual');
  assert.equal(lineState(line('I.2.a', 'manual', {}, assessment('met')), period), 'met');
  assert.equal(lineState(line('I.2.a', 'manual', {}, assessment('not_met')), period), 'not_met');
  // An assessment before the period, or after it, does not count for it.
  assert.equal(lineState(line('I.2.a', 'manual', {}, assessment('met', '2025-12-31T23:59:59Z')), period), 'manual');
  assert.equal(lineState(line('I.2.a', 'manual', {}, assessment('met', '2026-12-08T00:00:00Z')), period), 'manual');
  assert.equal(assessedInPeriod(line('I.2.a', 'manual', {}, assessment('met', '2026-01-01T00:00:00Z')), period)?.verdict, 'met', 'the first day is in');
  assert.equal(assessedInPeriod({ assessed: undefined }, period), null, 'a server without assessments');
});

test("a clause's part is its ID's first segment", () => {
  assert.equal(partOf('II.3.a'), 'II');
  assert.equal(partOf('III.1.c'), 'III');
  assert.equal(partOf('I'), 'I');
});

test('the summary counts each part by state in the order I, II, III, then the whole', () => {
  const lines = [
    line('II.3.a', 'cases', { met: 2, overdue: 1 }),
    line('I.2.a', 'manual', {}, assessment('met')),
    line('I.2.c', 'manual'),
    line('I.3.c', 'enforced'),
    line('III.1.a', 'centre', { met: 1 }),
    line('II.1.a', 'cases', { met: 3 }),
    line('II.5.a', 'cases', { pending: 1 }),
    line('II.8.a', 'cases'),
    line('I.1.a', 'manual', {}, assessment('not_met')),
  ];
  const s = summarise(lines, period);
  assert.deepEqual(s.map((p) => p.part), ['I', 'II', 'III', null]);
  assert.deepEqual(s[0].counts, { met: 1, not_met: 1, pending: 0, enforced: 1, manual: 1, none: 0 });
  assert.deepEqual(s[1].counts, { met: 1, not_met: 1, pending: 1, enforced: 0, manual: 0, none: 1 });
  assert.deepEqual(s[2].counts, { met: 1, not_met: 0, pending: 0, enforced: 0, manual: 0, none: 0 });
  assert.deepEqual(s[3].counts, { met: 3, not_met: 2, pending: 1, enforced: 1, manual: 1, none: 1 });
  assert.deepEqual(s.map((p) => p.lines), [4, 4, 1, 9]);
  for (const p of s) assert.equal(LINE_STATES.reduce((n, st) => n + p.counts[st], 0), p.lines, 'every line is counted once');
  assert.deepEqual(summarise([], period).map((p) => [p.part, p.lines]), [[null, 0]]);
});
