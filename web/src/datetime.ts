// Pure date/time helpers (no DOM); unit-tested under node.

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** Value for <input type="datetime-local"> in the browser's local time zone: YYYY-MM-DDTHH:MM */
export function toLocalInputValue(d: Date): string {
  return (
    `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}`
  );
}

/** Parse a datetime-local value (local time) into a Date, or null if malformed. */
export function parseLocalInputValue(v: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(v);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  const date = new Date(y, mo - 1, d, h, mi, s, 0);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return date;
}

/** UTC ISO 8601 without milliseconds: YYYY-MM-DDTHH:MM:SSZ */
export function toUtcIsoSeconds(d: Date): string {
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`
  );
}

/** datetime-local value -> "YYYY-MM-DDTHH:MM:SSZ", or null if malformed. */
export function localInputToUtcIso(v: string): string | null {
  const d = parseLocalInputValue(v);
  return d ? toUtcIsoSeconds(d) : null;
}

/** Is "YYYY-MM-DD" a real calendar date? */
export function isValidDateOnly(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** Today's date in local time as YYYY-MM-DD. */
export function todayLocal(now: Date = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole years from a birth date "YYYY-MM-DD" to the date `on` (the same form), or null when either
 *  is not a date or the birth is after it. String compares: no time zone shifts a date. */
export function ageOn(birth: string, on: string): number | null {
  if (!isValidDateOnly(birth) || !isValidDateOnly(on) || birth > on) return null;
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** Is the date-only value after today (local)? String compare works for YYYY-MM-DD. */
export function isFutureDate(v: string, now: Date = new Date()): boolean {
  return v > todayLocal(now);
}

// Dates and times as people type and read them in Haven: day first and 24-hour, "dd/mm/yyyy" and
// "hh:mm", in both languages of the UI and whatever the browser's locale (a US browser showed
// "12/06/2026, 04:28 PM" in its native inputs, issue 18). Forms keep exchanging the ISO values
// above: "YYYY-MM-DD" and the local "YYYY-MM-DDTHH:MM".

/** What is wrong with a typed date or time, with what the message names. */
export type DateTimeProblem =
  | { code: 'date_format' }
  | { code: 'month'; month: number }
  | { code: 'day'; day: number; month: number; year: number }
  | { code: 'time_format' }
  | { code: 'hour'; hour: number }
  | { code: 'minute'; minute: number }
  | { code: 'date_missing' }
  | { code: 'time_missing' };

export type Parsed = { ok: true; value: string } | { ok: false; problem: DateTimeProblem };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A typed date -> "YYYY-MM-DD". Takes d/m/yyyy with "/", "." or "-" between, eight digits ddmmyyyy
 * (a phone's numeric keypad has no "/"), and ISO yyyy-mm-dd, which cannot be misread; spaces are
 * ignored. The year has four digits: "05/09/26" could be 1926 or 2026.
 */
export function parseDayMonthYear(text: string): Parsed {
  const s = text.replace(/\s+/g, '');
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  const iso = m ? null : /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (!m && !iso) return { ok: false, problem: { code: 'date_format' } };
  const [day, month, year] = m ? [m[1], m[2], m[3]].map(Number) : [iso![3], iso![2], iso![1]].map(Number);
  if (month < 1 || month > 12) return { ok: false, problem: { code: 'month', month } };
  if (day < 1 || day > daysInMonth(year, month)) return { ok: false, problem: { code: 'day', day, month, year } };
  return { ok: true, value: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

/**
 * A typed time of day -> "HH:MM", 24-hour. Takes h:mm and hh:mm with ":", "." or "h" between (in
 * Vietnamese "14h30" is usual), "14h" and "14" for the full hour, and three or four digits (1430).
 */
export function parseHourMinute(text: string): Parsed {
  const s = text.replace(/\s+/g, '').toLowerCase();
  const m = /^(\d{1,2})(?:[:.h](\d{2})?)?$/.exec(s) ?? /^(\d{1,2})(\d{2})$/.exec(s);
  if (!m) return { ok: false, problem: { code: 'time_format' } };
  const hour = Number(m[1]);
  const minute = Number(m[2] ?? '0');
  if (hour > 23) return { ok: false, problem: { code: 'hour', hour } };
  if (minute > 59) return { ok: false, problem: { code: 'minute', minute } };
  return { ok: true, value: `${pad(hour)}:${pad(minute)}` };
}

/** "YYYY-MM-DD" -> "dd/mm/yyyy"; anything else comes back as it is. */
export function formatDayMonthYear(v: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : v;
}

/** A moment in the browser's local time as "dd/mm/yyyy HH:mm". */
export function formatLocalDateTime(d: Date): string {
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${pad(d.getFullYear(), 4)} ${formatLocalTime(d)}`;
}

/** The time of day of a moment in the browser's local time, on the 24-hour clock: "HH:mm". */
export function formatLocalTime(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

// A date box's value is "" (empty), the ISO date when the text is one, or else the text itself,
// which no ISO check accepts, so that a form refuses it and names what is wrong (dateProblem)
// instead of taking a mistyped date for an empty one.

/** The value a date box gives for its text. */
export function dateValue(text: string): string {
  if (text.trim() === '') return '';
  const parsed = parseDayMonthYear(text);
  return parsed.ok ? parsed.value : text.trim();
}

/** What a date box shows for a value: the ISO date day first, or the text that is not a date. */
export function dateText(value: string): string {
  return isValidDateOnly(value) ? formatDayMonthYear(value) : value;
}

/** Why a date box's value is not a date, or null when it is one or is empty. */
export function dateProblem(value: string): DateTimeProblem | null {
  if (value === '' || isValidDateOnly(value)) return null;
  const parsed = parseDayMonthYear(value);
  return parsed.ok ? null : parsed.problem;
}

// A date-and-time box pair's value is "", the local "YYYY-MM-DDTHH:MM" when both parts are right,
// or else both texts joined by one space (each without spaces), kept for the same reason.

/** The value a date box and a time box give together. */
export function dateTimeValue(date: string, time: string): string {
  const d = date.replace(/\s+/g, '');
  const t = time.replace(/\s+/g, '');
  if (d === '' && t === '') return '';
  const day = parseDayMonthYear(d);
  const hm = parseHourMinute(t);
  return day.ok && hm.ok ? `${day.value}T${hm.value}` : `${d} ${t}`;
}

/** What the date box and the time box show for a value. */
export function dateTimeTexts(value: string): { date: string; time: string } {
  if (value === '') return { date: '', time: '' };
  const local = parseLocalInputValue(value);
  if (local) return { date: formatDayMonthYear(todayLocal(local)), time: `${pad(local.getHours())}:${pad(local.getMinutes())}` };
  const space = value.indexOf(' ');
  return space < 0 ? { date: value, time: '' } : { date: value.slice(0, space), time: value.slice(space + 1) };
}

/** Why a date-and-time value is not one, or null when it is one or is empty. */
export function dateTimeProblem(value: string): DateTimeProblem | null {
  if (value === '' || parseLocalInputValue(value)) return null;
  const { date, time } = dateTimeTexts(value);
  if (date === '') return { code: 'date_missing' };
  const day = parseDayMonthYear(date);
  if (!day.ok) return day.problem;
  if (time === '') return { code: 'time_missing' };
  const hm = parseHourMinute(time);
  if (!hm.ok) return hm.problem;
  // Both parts are right yet the moment does not exist here: a clock change skipped that hour.
  return { code: 'time_format' };
}
