import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { vi, type MessageKey } from './vi';
import { en } from './en';

export type Lang = 'vi' | 'en';
export type { MessageKey };

export const LANGS: readonly Lang[] = ['vi', 'en'];
const STORAGE_KEY = 'haven.lang';
const catalogs: Record<Lang, Record<MessageKey, string>> = { vi, en };

/** Identity helper marking a string as a catalog key (checked by tsc and by check:i18n). */
export function k<K extends MessageKey>(key: K): K {
  return key;
}

export function loadLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (v === 'vi' || v === 'en') return v;
  } catch {
    /* storage unavailable */
  }
  return 'vi';
}

export function saveLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* storage unavailable */
  }
}

export type Params = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const msg = catalogs[lang][key] ?? catalogs.vi[key] ?? key;
  if (!params) return msg;
  return msg.replace(/\{(\w+)\}/g, (m, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : m,
  );
}

/** BCP 47 locale used for Intl formatting. */
export { locale } from './locale';

export interface I18n {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: (key: MessageKey, params?: Params) => string;
}

export const I18nContext = createContext<I18n>({
  lang: 'vi',
  setLang: () => undefined,
  t: (key, params) => translate('vi', key, params),
});

export function useI18n(): I18n {
  return useContext(I18nContext);
}
