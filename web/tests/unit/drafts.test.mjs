// A form's draft kept on the server as it is typed (drafts/saver.ts): once the typing stops, one
// request at a time with the newest text, nothing over an earlier draft still offered, and nothing
// that brings back a draft just taken away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DRAFT_DELAY_MS, DraftSaver } from './.build/saver.mjs';

/** Timers on a clock the test moves. */
function clock() {
  let now = 0;
  let next = 0;
  const due = new Map();
  return {
    set: (run, ms) => {
      next += 1;
      due.set(next, { at: now + ms, run });
      return next;
    },
    clear: (id) => due.delete(id),
    advance(ms) {
      now += ms;
      for (const [id, timer] of [...due].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at > now) continue;
        due.delete(id);
        timer.run();
      }
    },
  };
}

/** Requests answered when the test says: each call waits in `calls` until settled. */
function server() {
  const calls = [];
  const call = (what, content) =>
    new Promise((resolve, reject) => calls.push({ what, content, ok: resolve, fail: reject }));
  return {
    calls,
    requests: { save: (content) => call('save', content), remove: () => call('remove') },
    /** Lets promise callbacks run. */
    settle: () => new Promise((r) => setImmediate(r)),
  };
}

function saver(started = true) {
  const timers = clock();
  const srv = server();
  const states = [];
  const s = new DraftSaver(srv.requests, (state) => states.push(state), timers);
  if (started) s.resume(null);
  return { s, timers, srv, states };
}

test('sends the draft once the typing has stopped for a couple of seconds, not on every change', async () => {
  const { s, timers, srv, states } = saver();
  s.changed({ note: 'C' });
  timers.advance(500);
  s.changed({ note: 'Ch' });
  timers.advance(500);
  s.changed({ note: 'Chị' });
  timers.advance(DRAFT_DELAY_MS - 1);
  assert.equal(srv.calls.length, 0);
  timers.advance(1);
  assert.deepEqual(srv.calls.map((c) => [c.what, c.content]), [['save', { note: 'Chị' }]]);
  srv.calls[0].ok('2026-06-12T09:28:00Z');
  await srv.settle();
  assert.deepEqual(states.at(-1), { kind: 'saved', savedAt: '2026-06-12T09:28:00Z' });
  assert.ok(s.holds({ note: 'Chị' }));
  assert.ok(!s.holds({ note: 'Chị ấy' }));
});

test('one request at a time: text typed while one is on its way goes after it, the newest only', async () => {
  const { s, timers, srv } = saver();
  s.changed({ note: 'a' });
  timers.advance(DRAFT_DELAY_MS);
  s.changed({ note: 'ab' });
  timers.advance(DRAFT_DELAY_MS);
  s.changed({ note: 'abc' });
  timers.advance(DRAFT_DELAY_MS);
  assert.equal(srv.calls.length, 1, 'nothing more while the first is on its way');
  srv.calls[0].ok('2026-06-12T09:28:00Z');
  await srv.settle();
  assert.deepEqual(srv.calls.map((c) => c.content), [{ note: 'a' }, { note: 'abc' }]);
});

test('a form emptied again takes its draft away; an empty form that never had one sends nothing', async () => {
  const { s, timers, srv } = saver();
  s.changed(null);
  timers.advance(DRAFT_DELAY_MS);
  assert.equal(srv.calls.length, 0);
  s.changed({ note: 'x' });
  timers.advance(DRAFT_DELAY_MS);
  srv.calls[0].ok('2026-06-12T09:28:00Z');
  await srv.settle();
  s.changed(null);
  timers.advance(DRAFT_DELAY_MS);
  assert.deepEqual(srv.calls.map((c) => c.what), ['save', 'remove']);
});

test('an earlier draft offered is never overwritten before the person answers; restored, it is what the server holds', async () => {
  const { s, timers, srv } = saver(false);
  s.found();
  s.changed({ note: 'typed before answering' });
  timers.advance(10 * DRAFT_DELAY_MS);
  assert.equal(srv.calls.length, 0, 'paused while the draft is offered');
  s.changed({ note: 'kept earlier' });
  s.resume({ note: 'kept earlier' });
  timers.advance(DRAFT_DELAY_MS);
  assert.equal(srv.calls.length, 0, 'the restored text is already kept');
  s.changed({ note: 'kept earlier, and more' });
  timers.advance(DRAFT_DELAY_MS);
  assert.deepEqual(srv.calls.map((c) => c.content), [{ note: 'kept earlier, and more' }]);
});

test('discarding (or saving the form) waits for a save on its way, so that it cannot bring the draft back', async () => {
  const { s, timers, srv, states } = saver();
  s.changed({ note: 'x' });
  timers.advance(DRAFT_DELAY_MS);
  const discarded = s.discard();
  await srv.settle();
  assert.deepEqual(srv.calls.map((c) => c.what), ['save'], 'no removal before the save is answered');
  srv.calls[0].ok('2026-06-12T09:28:00Z');
  await srv.settle();
  assert.deepEqual(srv.calls.map((c) => c.what), ['save', 'remove']);
  srv.calls[1].ok();
  await discarded;
  assert.deepEqual(states.at(-1), { kind: 'none' });
  // Nothing more until told to go on.
  s.changed({ note: 'y' });
  timers.advance(DRAFT_DELAY_MS);
  assert.equal(srv.calls.length, 2);
});

test('a draft found and discarded unread is removed; one never sent is not', async () => {
  const found = saver(false);
  found.s.found();
  const gone = found.s.discard();
  await found.srv.settle();
  found.srv.calls[0].ok();
  await gone;
  assert.deepEqual(found.srv.calls.map((c) => c.what), ['remove']);
  const blank = saver();
  await blank.s.discard();
  assert.equal(blank.srv.calls.length, 0);
});

test('a draft refused is said, and tried again only once the text changes', async () => {
  const { s, timers, srv, states } = saver();
  s.changed({ note: 'very long' });
  timers.advance(DRAFT_DELAY_MS);
  const tooLong = new Error('413');
  srv.calls[0].fail(tooLong);
  await srv.settle();
  assert.deepEqual(states.at(-1), { kind: 'failed', error: tooLong });
  timers.advance(10 * DRAFT_DELAY_MS);
  assert.equal(srv.calls.length, 1, 'not sent again as it is');
  s.changed({ note: 'shorter' });
  timers.advance(DRAFT_DELAY_MS);
  assert.deepEqual(srv.calls.map((c) => c.content), [{ note: 'very long' }, { note: 'shorter' }]);
});

test('closing the form sends what is waiting at once, and nothing after', async () => {
  const { s, timers, srv } = saver();
  s.changed({ note: 'last words' });
  const flushed = s.flush();
  s.stop();
  assert.deepEqual(srv.calls.map((c) => c.content), [{ note: 'last words' }]);
  s.changed({ note: 'after' });
  s.resume();
  timers.advance(DRAFT_DELAY_MS);
  srv.calls[0].ok('2026-06-12T09:28:00Z');
  await flushed;
  assert.equal(srv.calls.length, 1);
});
