import { LANGS, k, useI18n } from '../i18n';

const LABEL = { vi: k('lang.vi'), en: k('lang.en') } as const;

export function LangSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div class="lang-switch" role="group" aria-label={t('lang.label')} data-testid="lang-switch">
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          class="btn btn-lang"
          aria-pressed={lang === l}
          data-testid={`lang-${l}`}
          onClick={() => setLang(l)}
        >
          {t(LABEL[l])}
        </button>
      ))}
    </div>
  );
}
