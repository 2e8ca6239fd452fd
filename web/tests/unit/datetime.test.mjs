import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dateProblem,
  dateText,
  dateTimeProblem,
  dateTimeTexts,
  dateTimeValue,
  dateValue,
  formatDayMonthYear,
  formatLocalDateTime,
  isFutureDate,
  isValidDateOnly,
  localInputToUtcIso,
  parseDayMonthYear,
  parseHourMinute,
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

const ok = (value) => ({ ok: true, value });
const refused = (problem) => ({ ok: false, problem });

test('a typed date is read day first, in the forms people type it', () => {
  assert.deepEqual(parseDayMonthYear('05/09/2026'), ok('2026-09-05'));
  assert.deepEqual(parseDayMonthYear('5/9/2026'), ok('2026-09-05'));
  assert.deepEqual(parseDayMonthYear(' 05 / 09 / 2026 '), ok('2026-09-05'));
  assert.deepEqual(parseDayMonthYear('05.09.2026'), ok('2026-09-05'));
  assert.deepEqual(parseDayMonthYear('05-09-2026'), ok('2026-09-05'));
  // A phone's numeric keypad has no "/".
  assert.deepEqual(parseDayMonthYear('05092026'), ok('2026-09-05'));
  // ISO cannot be misread: taken as it is.
  assert.deepEqual(parseDayMonthYear('2026-09-05'), ok('2026-09-05'));
  assert.deepEqual(parseDayMonthYear('29/02/2028'), ok('2028-02-29'));
  assert.deepEqual(parseDayMonthYear('31/12/1999'), ok('1999-12-31'));
});

test('a date that is not on the calendar is refused, naming what is wrong', () => {
  assert.deepEqual(parseDayMonthYear('31/02/2026'), refused({ code: 'day', day: 31, month: 2, year: 2026 }));
  assert.deepEqual(parseDayMonthYear('29/02/2026'), refused({ code: 'day', day: 29, month: 2, year: 2026 }));
  assert.deepEqual(parseDayMonthYear('31/04/2026'), refused({ code: 'day', day: 31, month: 4, year: 2026 }));
  assert.deepEqual(parseDayMonthYear('00/01/2026'), refused({ code: 'day', day: 0, month: 1, year: 2026 }));
  assert.deepEqual(parseDayMonthYear('12/13/2026'), refused({ code: 'month', month: 13 }));
  assert.deepEqual(parseDayMonthYear('06/00/2026'), refused({ code: 'month', month: 0 }));
  assert.deepEqual(parseDayMonthYear('2026-02-31'), refused({ code: 'day', day: 31, month: 2, year: 2026 }));
  for (const text of ['', 'abc', 'ngày mai', '12/06/26', '12/06', '1a/06/2026', '12/06/2026 10:00', '120626', '12//06/2026']) {
    assert.deepEqual(parseDayMonthYear(text), refused({ code: 'date_format' }), text);
  }
});

test('a typed time is read on the 24-hour clock', () => {
  assert.deepEqual(parseHourMinute('14:30'), ok('14:30'));
  assert.deepEqual(parseHourMinute('9:05'), ok('09:05'));
  assert.deepEqual(parseHourMinute('00:00'), ok('00:00'));
  assert.deepEqual(parseHourMinute('23:59'), ok('23:59'));
  assert.deepEqual(parseHourMinute('14h30'), ok('14:30'));
  assert.deepEqual(parseHourMinute('14H'), ok('14:00'));
  assert.deepEqual(parseHourMinute('14.30'), ok('14:30'));
  assert.deepEqual(parseHourMinute('1430'), ok('14:30'));
  assert.deepEqual(parseHourMinute('930'), ok('09:30'));
  assert.deepEqual(parseHourMinute('7'), ok('07:00'));
});

test('a time that is not on the clock is refused, naming what is wrong', () => {
  assert.deepEqual(parseHourMinute('24:00'), refused({ code: 'hour', hour: 24 }));
  assert.deepEqual(parseHourMinute('2400'), refused({ code: 'hour', hour: 24 }));
  assert.deepEqual(parseHourMinute('12:60'), refused({ code: 'minute', minute: 60 }));
  for (const text of ['', 'ab:cd', 'noon', '4 PM', '04:28 PM', '12:5', '12:345', '12345', '-1:00']) {
    assert.deepEqual(parseHourMinute(text), refused({ code: 'time_format' }), text);
  }
});

test('dates and times are written day first and 24-hour', () => {
  assert.equal(formatDayMonthYear('2026-06-12'), '12/06/2026');
  assert.equal(formatDayMonthYear('not a date'), 'not a date');
  assert.equal(formatLocalDateTime(new Date(2026, 5, 12, 16, 28, 59)), '12/06/2026 16:28');
  assert.equal(formatLocalDateTime(new Date(2026, 0, 2, 0, 5)), '02/01/2026 00:05');
});

test('a date box gives the ISO date, or keeps the mistyped text so that the form names the mistake', () => {
  assert.equal(dateValue(''), '');
  assert.equal(dateValue('   '), '');
  assert.equal(dateValue('5/9/2026'), '2026-09-05');
  assert.equal(dateValue('31/02/2026 '), '31/02/2026');
  assert.ok(!isValidDateOnly(dateValue('31/02/2026')), 'a mistyped date is never a date');
  assert.equal(dateText('2026-09-05'), '05/09/2026');
  assert.equal(dateText('31/02/2026'), '31/02/2026');
  assert.equal(dateText(''), '');
  assert.equal(dateProblem(''), null);
  assert.equal(dateProblem('2026-09-05'), null);
  assert.deepEqual(dateProblem(dateValue('31/02/2026')), { code: 'day', day: 31, month: 2, year: 2026 });
  assert.deepEqual(dateProblem(dateValue('tomorrow')), { code: 'date_format' });
});

test('a date box and a time box give the local datetime-local value, or what is wrong with them', () => {
  assert.equal(dateTimeValue('', ''), '');
  assert.equal(dateTimeValue('12/06/2026', '16:28'), '2026-06-12T16:28');
  assert.equal(dateTimeValue('12062026', '0905'), '2026-06-12T09:05');
  assert.equal(parseLocalInputValue(dateTimeValue('12/06/2026', '16:28')).getTime(), new Date(2026, 5, 12, 16, 28).getTime());
  assert.deepEqual(dateTimeTexts('2026-06-12T16:28'), { date: '12/06/2026', time: '16:28' });
  assert.deepEqual(dateTimeTexts(''), { date: '', time: '' });
  assert.equal(dateTimeProblem(''), null);
  assert.equal(dateTimeProblem('2026-06-12T16:28'), null);
  const cases = [
    ['31/02/2026', '10:00', { code: 'day', day: 31, month: 2, year: 2026 }],
    ['12/06/2026', '24:00', { code: 'hour', hour: 24 }],
    ['12/06/2026', '10:75', { code: 'minute', minute: 75 }],
    ['12/06/2026', 'ab', { code: 'time_format' }],
    ['dd/mm/yyyy', '10:00', { code: 'date_format' }],
    ['12/06/2026', '', { code: 'time_missing' }],
    ['', '10:00', { code: 'date_missing' }],
    // The date is named first: it is the first box.
    ['31/02/2026', '24:00', { code: 'day', day: 31, month: 2, year: 2026 }],
  ];
  for (const [date, time, problem] of cases) {
    const value = dateTimeValue(date, time);
    assert.equal(parseLocalInputValue(value), null, `${date} ${time} is not a moment`);
    assert.deepEqual(dateTimeProblem(value), problem, `${date} ${time}`);
    // What was typed is shown again as it was typed (the boxes never lose it).
    assert.deepEqual(dateTimeTexts(value), { date: date.replace(/\s+/g, ''), time });
  }
});
