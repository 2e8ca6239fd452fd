// Two minutes before the session ends, a warning that stays out of the way: it takes no focus from
// the note being typed, and is read out as it appears. Idle, one press keeps the session; at the
// absolute limit nothing can, and the warning says to save.
import { useState } from 'preact/hooks';
import { formatLocalTime } from '../datetime';
import { useI18n } from '../i18n';
import type { SessionPhase } from './deadlines';
import { keepAlive } from './keepAlive';

export function SessionWarning({ phase }: { phase: SessionPhase }) {
  const { t } = useI18n();
  // The absolute limit's warning, once read, is put away until the next session's.
  const [dismissed, setDismissed] = useState<number | null>(null);
  if (phase.kind !== 'idle_warning' && phase.kind !== 'limit_warning') return null;
  if (phase.kind === 'limit_warning' && dismissed === phase.endsAt) return null;
  const time = formatLocalTime(new Date(phase.endsAt));
  const idle = phase.kind === 'idle_warning';
  return (
    <section class="session-warning" aria-labelledby="session-warning-title" data-testid="session-warning">
      <h2 id="session-warning-title" class="visually-hidden">
        {t('session.warningTitle')}
      </h2>
      <p role="alert" data-testid={`session-warning-${idle ? 'idle' : 'limit'}`}>
        {idle ? t('session.idleWarning', { time }) : t('session.limitWarning', { time })}
      </p>
      {idle ? (
        <button type="button" class="btn btn-primary" onClick={keepAlive} data-testid="session-stay">
          {t('session.stay')}
        </button>
      ) : (
        <button type="button" class="btn btn-secondary" onClick={() => setDismissed(phase.endsAt)}>
          {t('session.understood')}
        </button>
      )}
    </section>
  );
}
