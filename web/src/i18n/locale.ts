import type { Lang } from './index';

/** The BCP 47 locale the browser formats dates and names in for a language of the UI. */
export function locale(lang: Lang): string {
  return lang === 'vi' ? 'vi-VN' : 'en-GB';
}
