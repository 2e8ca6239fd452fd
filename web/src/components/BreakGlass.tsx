import { useState } from 'preact/hooks';
import { api } from '../api';
import { useI18n } from '../i18n';
import { problemMessage } from '../problems';

const DURATIONS = [30, 60, 120, 240];

/**
 * I.3.c: the centre head opens, in an emergency, a case she is not on. The reason and the time limit
 * are recorded on the case for everyone on it to see; nothing opens without them.
 */
export function BreakGlassForm({ caseId, onOpened }: { caseId: string; onOpened: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [minutes, setMinutes] = useState(60);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError(t('breakGlass.reasonRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.breakGlass(caseId, reason, minutes);
      onOpened();
    } catch (err) {
      setError(problemMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card break-glass" onSubmit={submit} noValidate data-testid="break-glass-form">
      <h2>{t('breakGlass.title')}</h2>
      <p>{t('breakGlass.explain')}</p>
      <div class="field">
        <label for="bg-reason">{t('breakGlass.reason')}</label>
        <textarea
          id="bg-reason"
          rows={3}
          value={reason}
          maxLength={1000}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'bg-error' : undefined}
          onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)}
          data-testid="break-glass-reason"
        />
      </div>
      <div class="field">
        <label for="bg-minutes">{t('breakGlass.duration')}</label>
        <select id="bg-minutes" value={String(minutes)} onChange={(e) => setMinutes(Number((e.target as HTMLSelectElement).value))}>
          {DURATIONS.map((m) => (
            <option key={m} value={String(m)}>
              {t('breakGlass.minutes', { n: m })}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p id="bg-error" class="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="btn btn-danger" disabled={busy} aria-busy={busy} data-testid="break-glass-submit">
        {busy ? t('app.loading') : t('breakGlass.submit')}
      </button>
    </form>
  );
}
