import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countryName, formatDateOnly, formatDateTime, languageName } from './.build/format.mjs';

test('a date and time reads day first and 24-hour in local time, whatever the locale', () => {
  // Built from local time, so the test holds in any time zone the machine is in.
  assert.equal(formatDateTime(new Date(2026, 5, 12, 16, 28).toISOString()), '12/06/2026 16:28');
  assert.equal(formatDateTime(new Date(2026, 11, 31, 0, 5, 59).toISOString()), '31/12/2026 00:05');
  assert.equal(formatDateTime('2026-11-27T07:30:00Z'), formatDateTime(new Date(Date.UTC(2026, 10, 27, 7, 30)).toISOString()));
  assert.match(formatDateTime('2026-11-27T07:30:00Z'), /^\d{2}\/\d{2}\/2026 \d{2}:30$/);
});

test('a calendar date keeps its day whatever the time zone', () => {
  assert.equal(formatDateOnly('2026-01-15'), '15/01/2026');
  assert.equal(formatDateOnly('2026-12-31'), '31/12/2026');
  assert.equal(formatDateOnly('2009-03-04'), '04/03/2009');
});

test('what is not a date is shown as it came', () => {
  assert.equal(formatDateTime('not a time'), 'not a time');
  assert.equal(formatDateOnly('15/01/2026'), '15/01/2026');
  assert.equal(formatDateOnly('2026-02-30'), '2026-02-30');
});

test('countries and languages are named in the language asked for', () => {
  assert.equal(countryName('VN', 'en'), 'Vietnam');
  assert.equal(countryName('VN', 'vi'), 'Việt Nam');
  assert.equal(languageName('vi', 'en'), 'Vietnamese');
  assert.equal(countryName('VN', 'en'), 'Vietnam');
});
