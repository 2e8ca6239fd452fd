// When the page reckons its session ends, and what it warns of (session/deadlines.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatLocalTime } from './.build/datetime.mjs';
import { idleEndsAt, keepAliveDue, limitsFrom, sessionPhase } from './.build/deadlines.mjs';

const MINUTE = 60_000;
const start = Date.UTC(2026, 5, 12, 8, 0);
// The documented limits: 15 minutes idle, 12 hours in all.
const limits = { idleMs: 15 * MINUTE, endsAt: start + 12 * 60 * MINUTE };

test('the idle limit is counted from a minute before the last request, since the server writes last-seen once a minute', () => {
  assert.equal(idleEndsAt(limits, start), start + 14 * MINUTE);
});

test('nothing is said until two minutes before the idle limit, then a warning that a keep-alive can answer', () => {
  assert.deepEqual(sessionPhase(limits, start, start + 11 * MINUTE), { kind: 'active' });
  assert.deepEqual(sessionPhase(limits, start, start + 12 * MINUTE), { kind: 'idle_warning', endsAt: start + 14 * MINUTE });
  // A request later (a keep-alive) moves it.
  assert.deepEqual(sessionPhase(limits, start + 12 * MINUTE, start + 12 * MINUTE), { kind: 'active' });
  assert.deepEqual(sessionPhase(limits, start, start + 14 * MINUTE), { kind: 'idle_ended' });
});

test('the absolute limit warns when it comes first, and nothing moves it', () => {
  const endsAt = limits.endsAt;
  assert.deepEqual(sessionPhase(limits, endsAt - 3 * MINUTE, endsAt - 3 * MINUTE), { kind: 'active' });
  assert.deepEqual(sessionPhase(limits, endsAt - 2 * MINUTE, endsAt - 2 * MINUTE), { kind: 'limit_warning', endsAt });
  assert.deepEqual(sessionPhase(limits, endsAt - MINUTE, endsAt - 30_000), { kind: 'limit_warning', endsAt });
  assert.deepEqual(sessionPhase(limits, endsAt - MINUTE, endsAt), { kind: 'limit_reached' });
  // Idle first, even near the absolute limit.
  assert.deepEqual(sessionPhase(limits, endsAt - 20 * MINUTE, endsAt - 7 * MINUTE), { kind: 'idle_warning', endsAt: endsAt - 6 * MINUTE });
});

test('a keep-alive goes at most once a minute, counted from the last request of any kind', () => {
  assert.equal(keepAliveDue(start, start + 59_999), false);
  assert.equal(keepAliveDue(start, start + MINUTE), true);
});

test('the limits are read from the session answer', () => {
  assert.deepEqual(limitsFrom({ idle_timeout_seconds: 900, ends_at: '2026-06-12T20:00:00Z' }), limits);
  assert.equal(limitsFrom({ idle_timeout_seconds: 900, ends_at: 'never' }).endsAt, Number.POSITIVE_INFINITY);
});

test('the warning names the time on the 24-hour clock', () => {
  assert.equal(formatLocalTime(new Date(2026, 5, 12, 16, 8)), '16:08');
  assert.equal(formatLocalTime(new Date(2026, 5, 12, 0, 5)), '00:05');
});
