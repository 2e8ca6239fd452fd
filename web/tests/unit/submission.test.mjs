// One Idempotency-Key per submission of a form (submission.ts): the same key and the very same body
// when the same submission is sent again, a new one once the form changed or the server answered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newIdempotencyKey, outcomeUnknown, Submission } from './.build/submission.mjs';

function counting() {
  let n = 0;
  return () => `key-${(n += 1)}`;
}

test('sent again with the form unchanged, a submission keeps its key and its body, time of saving included', () => {
  const s = new Submission(counting());
  let bodies = 0;
  const body = () => ({ note: 'x', occurred_at: `moment ${(bodies += 1)}` });
  const first = s.next({ note: 'x' }, body);
  s.answered(0);
  const again = s.next({ note: 'x' }, body);
  assert.deepEqual(again, first);
  assert.deepEqual(first, { body: { note: 'x', occurred_at: 'moment 1' }, key: 'key-1' });
  assert.equal(bodies, 1);
});

test('a changed form is another submission', () => {
  const s = new Submission(counting());
  s.next({ note: 'x' }, () => 'x');
  s.answered(503);
  assert.deepEqual(s.next({ note: 'xy' }, () => 'xy'), { body: 'xy', key: 'key-2' });
});

test('once the server answered, stored or refused, the next submission is another, even of the same form', () => {
  const s = new Submission(counting());
  s.next({ note: 'x' }, () => 'x');
  s.answered();
  assert.equal(s.next({ note: 'x' }, () => 'x').key, 'key-2');
  s.answered(409);
  assert.equal(s.next({ note: 'x' }, () => 'x').key, 'key-3');
  s.answered(422);
  assert.equal(s.next({ note: 'x' }, () => 'x').key, 'key-4');
});

test('a submission may have been stored when no answer came or the server failed', () => {
  assert.deepEqual([0, 500, 502, 503, 504].map(outcomeUnknown), [true, true, true, true, true]);
  assert.deepEqual([400, 401, 403, 409, 413, 422].map(outcomeUnknown), [false, false, false, false, false, false]);
});

test('keys are random UUIDs', () => {
  const keys = new Set(Array.from({ length: 100 }, newIdempotencyKey));
  assert.equal(keys.size, 100);
  for (const key of keys) assert.match(key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('a submission whose answer never came is pending while the form is as it was sent, and not once answered or changed', () => {
  const s = new Submission(counting());
  assert.equal(s.pending({ name: 'Hoa' }), false, 'nothing sent yet');
  s.next({ name: 'Hoa' }, () => ({ name: 'Hoa', seen: ['HV-1'] }));
  s.answered(0);
  assert.equal(s.pending({ name: 'Hoa' }), true, 'its answer was lost');
  assert.equal(s.pending({ name: 'Hoa Đặng' }), false, 'another form');
  // Sent again as it was: the same key and the same body, whatever the body was built from.
  assert.deepEqual(s.next({ name: 'Hoa' }, () => ({ name: 'Hoa' })), { body: { name: 'Hoa', seen: ['HV-1'] }, key: 'key-1' });
  s.answered(503);
  assert.equal(s.pending({ name: 'Hoa' }), true, 'the server failed: it may be stored');
  s.answered();
  assert.equal(s.pending({ name: 'Hoa' }), false, 'stored');
  s.next({ name: 'Hoa' }, () => 'x');
  s.answered(422);
  assert.equal(s.pending({ name: 'Hoa' }), false, 'refused: nothing stored');
});
