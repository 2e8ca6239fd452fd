import { useI18n } from '../i18n';
import { Link } from './Link';

/** "← Back to case HV-…": from a sheet or a print to the case file (`href`: the section it came from). */
export function BackToCase({ href, code }: { href: string; code: string }) {
  const { t } = useI18n();
  return (
    <p class="back no-print">
      <Link href={href} data-testid="back-to-case">
        <span aria-hidden="true">← </span>
        {t('sheet.backToCase', { code })}
      </Link>
    </p>
  );
}
