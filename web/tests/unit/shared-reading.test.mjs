// One reading at a time (sharedReading.ts): the bell and the notifications page, opening a screen
// together, make one request, not two; a reading that cannot serve the call (a mark went since it
// began, or it was the page's own background reading and the person asks) is not shared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedReading } from './.build/sharedReading.mjs';

const counting = () => {
  const calls = [];
  const read = (kind) =>
    new Promise((resolve, reject) => {
      calls.push({ kind, resolve, reject });
    });
  return { calls, read };
};
const serves = (underWay, wanted) => underWay.marks === wanted.marks && (wanted.background || !underWay.background);

test('two readings asked at once are one request with one answer', async () => {
  const { calls, read } = counting();
  const shared = sharedReading(read, serves);
  const first = shared({ marks: 0, background: false });
  const second = shared({ marks: 0, background: false });
  assert.equal(calls.length, 1);
  calls[0].resolve({ unread: 3 });
  assert.deepEqual(await first, { unread: 3 });
  assert.deepEqual(await second, { unread: 3 });
});

test('a reading asked after the last one answered is a new request', async () => {
  const { calls, read } = counting();
  const shared = sharedReading(read, serves);
  const first = shared({ marks: 0, background: false });
  calls[0].resolve({ unread: 1 });
  await first;
  const second = shared({ marks: 0, background: false });
  assert.equal(calls.length, 2);
  calls[1].resolve({ unread: 0 });
  assert.deepEqual(await second, { unread: 0 });
});

test('a reading begun before a mark was sent does not answer one asked after it', () => {
  const { calls, read } = counting();
  const shared = sharedReading(read, serves);
  shared({ marks: 0, background: false });
  shared({ marks: 1, background: false });
  assert.equal(calls.length, 2);
});

test("the person's reading never rides on a background one; a background reading rides on hers", () => {
  const { calls, read } = counting();
  const shared = sharedReading(read, serves);
  shared({ marks: 0, background: true });
  shared({ marks: 0, background: false });
  assert.equal(calls.length, 2);
  shared({ marks: 0, background: true });
  assert.equal(calls.length, 2);
});

test('a failed reading is not kept: the next call asks again, and both sharers see the failure', async () => {
  const { calls, read } = counting();
  const shared = sharedReading(read, serves);
  const first = shared({ marks: 0, background: false });
  const second = shared({ marks: 0, background: false });
  calls[0].reject(new Error('network'));
  await assert.rejects(first, /network/);
  await assert.rejects(second, /network/);
  shared({ marks: 0, background: false });
  assert.equal(calls.length, 2);
});
