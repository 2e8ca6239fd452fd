// The lifecycle moves of a case as buttons. A move the standards refuse now stays visible but
// disabled, with the clause and what must happen first beside it (GET /cases/{id}/actions), so a
// worker learns what is missing before trying. aria-disabled keeps it reachable by keyboard, so a
// screen reader reads the reason too. The centre head may pass over a refusal that allows
// judgement, with a reason that is recorded. A role that moves no case (moves.may_act false) is not
// shown the bar at all (CasePage).
import { useState } from 'preact/hooks';
import { api, type CaseDetail, type CaseMoves, type LifecycleMove } from '../api';
import { useI18n, type MessageKey } from '../i18n';
import { STAGE_LABEL } from '../labels';
import { problemMessage } from '../problems';
import { ACTION_LABEL } from './labels';

interface Props {
  caseId: string;
  moves: CaseMoves;
  onMoved: (c: CaseDetail) => void;
}

export function MoveBar({ caseId, moves, onMoved }: Props) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [overriding, setOverriding] = useState<string | null>(null);
  const [reason, setReason] = useState('');

  const label = (m: LifecycleMove) => (ACTION_LABEL[m.action] ? t(ACTION_LABEL[m.action]) : m.action);

  const move = async (m: LifecycleMove, overrideReason?: string) => {
    if (busy) return;
    setBusy(m.action);
    setError(null);
    try {
      const moved = await api.takeAction(caseId, m.action, moves.version, overrideReason);
      setOverriding(null);
      setReason('');
      onMoved(moved);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section class="card moves" aria-labelledby="sec-moves" data-testid="moves">
      <h2 id="sec-moves">{t('actions.title')}</h2>
      {error !== null && (
        <div class="alert alert-error" role="alert" data-testid="move-error">
          {problemMessage(error, t)}
        </div>
      )}
      {moves.may_act && (
        <ul class="move-list">
          {moves.items.map((m) => {
            const reasonId = `move-${m.action}-why`;
            const overridable = !m.allowed && moves.may_override && m.refusals.every((r) => r.overridable);
            return (
              <li key={m.action} class="move" data-testid={`move-${m.action}`}>
                <button type="button" class={`btn ${m.allowed ? 'btn-primary' : 'btn-secondary'}`} aria-disabled={m.allowed ? undefined : 'true'}
                  aria-describedby={m.allowed ? undefined : reasonId} aria-busy={busy === m.action}
                  onClick={() => m.allowed && move(m)} data-testid={`move-button-${m.action}`}>
                  {busy === m.action && <span class="spinner spinner-inline" aria-hidden="true" />}
                  {busy === m.action ? t('actions.moving') : label(m)}
                  <span class="move-to"> → {t(STAGE_LABEL[m.to] as MessageKey)}</span>
                </button>
                {!m.allowed && (
                  <div id={reasonId} class="move-why" data-testid={`move-why-${m.action}`}>
                    <p>{t('actions.refusedBecause', { action: label(m).toLowerCase() })}</p>
                    <ul>
                      {m.refusals.map((r) => (
                        <li key={r.clause + r.message}>
                          <span class="clause-tag">{r.clause}</span> {r.message}
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                {overridable && overriding !== m.action && (
                  <button type="button" class="btn btn-link" onClick={() => setOverriding(m.action)}>
                    {t('actions.override')}
                  </button>
                )}
                {overridable && overriding === m.action && (
                  <form class="override" onSubmit={(e) => { e.preventDefault(); if (reason.trim()) void move(m, reason.trim()); }}>
                    <label for={`override-${m.action}`}>{t('actions.overrideReason')}</label>
                    <textarea id={`override-${m.action}`} rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} required />
                    <button type="submit" class="btn btn-danger" disabled={!reason.trim() || busy !== null}>
                      {t('actions.overrideSubmit', { action: label(m).toLowerCase() })}
                    </button>
                  </form>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
