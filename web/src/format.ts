import type { Lang } from './i18n';
import { locale } from './i18n/locale';

// Building an Intl formatter costs far more than using one: "my work" formats over a thousand due
// dates for a worker on many cases (587 ms in Node with a new formatter each time, 5 ms with one
// kept). One is kept per language and style.
const kept = new Map<string, Intl.DateTimeFormat>();
function dateFormat(lang: Lang, style: 'date-time' | 'date', options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang} ${style}`;
  let format = kept.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale(lang), options);
    kept.set(key, format);
  }
  return format;
}

/** Local date and time for an ISO 8601 instant. */
export function formatDateTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return dateFormat(lang, 'date-time', { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** A calendar date "YYYY-MM-DD" (no time zone shift). */
export function formatDateOnly(v: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return v;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return dateFormat(lang, 'date', { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

// Kept like the date formatters: a country list names some forty countries on every render.
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

// ISO 3166-1 alpha-2: Viet Nam first, then neighbours and frequent destination/origin countries.
export const PRIMARY_COUNTRIES = ['VN', 'KH', 'LA', 'CN', 'MM', 'TH'];
export const OTHER_COUNTRIES = [
  'MY', 'ID', 'PH', 'SG', 'BN', 'TL', 'TW', 'HK', 'MO', 'KR', 'KP', 'JP', 'IN', 'BD', 'NP', 'PK',
  'LK', 'MN', 'RU', 'UA', 'AE', 'SA', 'QA', 'KW', 'GB', 'IE', 'FR', 'DE', 'NL', 'BE', 'PL', 'CZ',
  'IT', 'ES', 'SE', 'US', 'CA', 'AU', 'NZ',
];

// ISO 639-1 (plus hmn, a 639-2 code) languages commonly met in reception.
export const LANGUAGE_CODES = ['vi', 'en', 'km', 'lo', 'zh', 'th', 'my', 'hmn', 'ko', 'ja', 'ms', 'id', 'fr', 'ru'];
