import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n';

/** Shows a spinner and text only when loading lasts longer than `delay` ms, to avoid flicker. */
export function Loading({ delay = 250 }: { delay?: number }) {
  const { t } = useI18n();
  const [visible, setVisible] = useState(delay <= 0);
  useEffect(() => {
    if (delay <= 0) return undefined;
    const id = window.setTimeout(() => setVisible(true), delay);
    return () => window.clearTimeout(id);
  }, [delay]);
  return (
    <div class="loading" role="status" aria-live="polite" data-testid="loading">
      {visible && (
        <>
          <span class="spinner" aria-hidden="true" />
          <span>{t('app.loading')}</span>
        </>
      )}
    </div>
  );
}
