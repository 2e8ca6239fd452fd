import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countryName, formatDateOnly, formatDateTime, languageName } from './.build/format.mjs';

const instant = '2026-11-27T07:30:00Z';

test('a date and time reads as Intl writes it, in the language asked for each time', () => {
  const fresh = (loc) => new Intl.DateTimeFormat(loc, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
  // Alternating languages: a formatter kept for one is never used for the other.
  for (let i = 0; i < 3; i++) {
    assert.equal(formatDateTime(instant, 'vi'), fresh('vi-VN'));
    assert.equal(formatDateTime(instant, 'en'), fresh('en-GB'));
  }
  assert.notEqual(formatDateTime(instant, 'vi'), formatDateTime(instant, 'en'));
});

test('a calendar date keeps its day whatever the time zone', () => {
  assert.equal(formatDateOnly('2026-01-15', 'en'), '15 January 2026');
  assert.equal(formatDateOnly('2026-01-15', 'vi'), new Intl.DateTimeFormat('vi-VN', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 0, 15))));
  assert.equal(formatDateOnly('2026-12-31', 'en'), '31 December 2026');
});

test('what is not a date is shown as it came', () => {
  assert.equal(formatDateTime('not a time', 'vi'), 'not a time');
  assert.equal(formatDateOnly('15/01/2026', 'en'), '15/01/2026');
});

test('countries and languages are named in the language asked for', () => {
  assert.equal(countryName('VN', 'en'), 'Vietnam');
  assert.equal(countryName('VN', 'vi'), 'Việt Nam');
  assert.equal(languageName('vi', 'en'), 'Vietnamese');
  assert.equal(countryName('VN', 'en'), 'Vietnam');
});
