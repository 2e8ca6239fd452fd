import { useI18n } from '../i18n';
import { problemMessage } from '../problems';

/** A reading that failed, said in the reader's language, with a way to try it again. */
export function LoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div class="alert alert-error" role="alert">
      <p>{problemMessage(error, t)}</p>
      <button type="button" class="btn btn-secondary" onClick={onRetry}>
        {t('error.retry')}
      </button>
    </div>
  );
}
