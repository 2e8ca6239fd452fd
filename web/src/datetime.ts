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

/** Is the date-only value after today (local)? String compare works for YYYY-MM-DD. */
export function isFutureDate(v: string, now: Date = new Date()): boolean {
  return v > todayLocal(now);
}
