// An account made through the API reaches nothing until someone other than its maker confirms it
// (docs/security.md, "Separation of duties"): this page says so, plainly, and what to do meanwhile.
import { Link } from '../components/Link';
import { useI18n } from '../i18n';

export function AwaitingConfirmationPage({ onCheck }: { onCheck: () => void }) {
  const { t } = useI18n();
  return (
    <div class="card" data-testid="awaiting-confirmation">
      <h1>{t('waiting.title')}</h1>
      <p>{t('waiting.body')}</p>
      <p>
        {t('waiting.meanwhile')} <Link href="/security">{t('nav.security')}</Link>
      </p>
      <button type="button" class="btn btn-secondary" onClick={onCheck} data-testid="awaiting-check">
        {t('waiting.check')}
      </button>
    </div>
  );
}
