import type { Lang } from './i18n';
import { formatDayMonthYear, formatLocalDateTime, formatLocalTime, isValidDateOnly } from './datetime';
import { locale } from './i18n/locale';

// Dates and times are written by hand, not by Intl: the UI writes them day first and 24-hour in
// both its languages ("12/06/2026 16:28"), exactly as its date boxes take them (datetime.ts), and
// Intl's vi-VN puts the time first and names the month ("16:28 12 thg 6, 2026") while a browser
// left to its own locale wrote "12/06/2026, 04:28 PM" (issue 18). The time zone is the browser's.

/** Local date and time for an ISO 8601 instant: "dd/mm/yyyy HH:mm". */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return formatLocalDateTime(d);
}

/** Local time of day for an ISO 8601 instant: "HH:mm". */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatLocalTime(d);
}

/** A calendar date "YYYY-MM-DD" as "dd/mm/yyyy" (no time zone shift). */
export function formatDateOnly(v: string): string {
  return isValidDateOnly(v) ? formatDayMonthYear(v) : v;
}

// Building an Intl formatter costs far more than using one, and a country list names some forty
// countries on every render: one is kept per language and kind.
const names = new Map<string, Intl.DisplayNames | null>();
function displayNames(lang: Lang, type: 'region' | 'language'): Intl.DisplayNames | null {
  const key = `${lang} ${type}`;
  if (!names.has(key)) {
    try {
      names.set(key, new Intl.DisplayNames([locale(lang)], { type, fallback: 'code' }));
    } catch {
      names.set(key, null);
    }
  }
  return names.get(key) ?? null;
}

export function countryName(code: string, lang: Lang): string {
  try {
    return displayNames(lang, 'region')?.of(code) ?? code;
  } catch {
    return code;
  }
}

export function languageName(code: string, lang: Lang): string {
  try {
    return displayNames(lang, 'language')?.of(code) ?? code;
  } catch {
    return code;
  }
}

// A file's size in the units a file manager shows, of 1,024 (the 10 MB a document may take is
// 10 × 1,024 × 1,024 bytes), written with the language's decimal sign: "2,4 MB", "2.4 MB".
const SIZE_UNITS = ['B', 'KB', 'MB', 'GB'] as const;
const numbers = new Map<string, Intl.NumberFormat>();

/** A number of bytes as people read a file's size: one decimal below ten of its unit, none above. */
export function formatBytes(bytes: number, lang: Lang): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit > 0 && value < 10 ? 1 : 0;
  const key = `${lang} ${digits}`;
  let number = numbers.get(key);
  if (!number) {
    number = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits });
    numbers.set(key, number);
  }
  return `${number.format(value)} ${SIZE_UNITS[unit]}`;
}

// ISO 3166-1 alpha-2: Viet Nam first, then neighbours and frequent destination/origin countries.
export const PRIMARY_COUNTRIES = ['VN', 'KH', 'LA', 'CN', 'MM', 'TH'];
export const OTHER_COUNTRIES = [
  'MY', 'ID', 'PH', 'SG', 'BN', 'TL', 'TW', 'HK', 'MO', 'KR', 'KP', 'JP', 'IN', 'BD', 'NP', 'PK',
  'LK', 'MN', 'RU', 'UA', 'AE', 'SA', 'QA', 'KW', 'GB', 'IE', 'FR', 'DE', 'NL', 'BE', 'PL', 'CZ',
  'IT', 'ES', 'SE', 'US', 'CA', 'AU', 'NZ',
];

// ISO 639-1 (plus hmn, a 639-2 code) languages commonly met in reception.
export const LANGUAGE_CODES = ['vi', 'en', 'km', 'lo', 'zh', 'th', 'my', 'hmn', 'ko', 'ja', 'ms', 'id', 'fr', 'ru'];
