import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isFutureDate,
  isValidDateOnly,
  localInputToUtcIso,
  parseLocalInputValue,
  toLocalInputValue,
  toUtcIsoSeconds,
  todayLocal,
} from './.build/datetime.mjs';

test('toUtcIsoSeconds gives YYYY-MM-DDTHH:MM:SSZ without milliseconds', () => {
  assert.equal(toUtcIsoSeconds(new Date(Date.UTC(2026, 10, 27, 7, 30, 5, 999))), '2026-11-27T07:30:05Z');
});

test('datetime-local values round-trip through local time to UTC', () => {
  const d = new Date(2026, 10, 27, 14, 30, 0, 0); // local time
  const v = toLocalInputValue(d);
  assert.equal(v, '2026-11-27T14:30');
  assert.equal(parseLocalInputValue(v).getTime(), d.getTime());
  assert.equal(localInputToUtcIso(v), d.toISOString().replace(/\.\d{3}Z$/, 'Z'));
  assert.match(localInputToUtcIso(v), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
});

test('malformed datetime-local values are rejected', () => {
  assert.equal(parseLocalInputValue(''), null);
  assert.equal(parseLocalInputValue('2026-02-30T10:00'), null);
  assert.equal(localInputToUtcIso('yesterday'), null);
});

test('date-only validation and future check', () => {
  assert.ok(isValidDateOnly('2009-03-14'));
  assert.ok(!isValidDateOnly('2009-02-29'));
  assert.ok(isValidDateOnly('2008-02-29'));
  assert.ok(!isValidDateOnly('14/03/2009'));
  const now = new Date(2026, 10, 27, 21, 0);
  assert.equal(todayLocal(now), '2026-11-27');
  assert.ok(!isFutureDate('2026-11-27', now));
  assert.ok(isFutureDate('2026-11-28', now));
  assert.ok(!isFutureDate('2009-03-14', now));
});
