// The centre head's staffing queue (GET /centre/staffing): the open cases still short of a case worker
// or a counsellor, longest waiting first, each by its code only (she is not on them, I.3.c), and for
// the one she opens, whom she may put on it (staffing/AssignForm). An assignment is a staff_assignment
// record she writes without being on the case: no break-glass. After it the queue is read again, and
// she is told whether the case left it or what it still needs.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, type ShortStaffedCase, type StaffCandidate, type StaffingQueue } from '../api';
import { LoadFailed } from '../components/LoadFailed';
import { Loading } from '../components/Loading';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { ROLE_LABEL, STAGE_LABEL } from '../labels';
import { AssignForm } from '../staffing/AssignForm';
import { daysWaiting, outcomeFor, type Outcome } from '../staffing/queue';

/** What the last assignment did, kept as data so that it reads in the language chosen after. */
interface Done {
  name: string;
  code: string;
  outcome: Outcome;
}

export function StaffingPage() {
  const { t } = useI18n();
  const [queue, setQueue] = useState<StaffingQueue | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const q = await api.getStaffing();
      setQueue(q);
      return q;
    } catch (e) {
      setError(e);
      return null;
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const assigned = async (c: ShortStaffedCase, who: StaffCandidate) => {
    setOpen(null);
    const q = await load();
    // Not read again: what was saved is still said; the error above asks to try the reading again.
    setDone({ name: who.display_name, code: c.code, outcome: q ? outcomeFor(c.id, q) : { staffed: false, missing: c.missing } });
  };

  const roles = (missing: ShortStaffedCase['missing']) => missing.map((r) => t(ROLE_LABEL[r])).join(', ');
  const waited = (c: ShortStaffedCase) => {
    const days = daysWaiting(c.received_at, new Date());
    const at = formatDateTime(c.received_at);
    return days === 0 ? t('staffing.waitedToday', { at }) : days === 1 ? t('staffing.waitedOneDay', { at }) : t('staffing.waitedDays', { at, days });
  };

  return (
    <div class="staffing" data-testid="staffing">
      <h1>{t('staffing.title')}</h1>
      <p class="lead">{t('staffing.lead')}</p>
      {done && (
        <p ref={doneRef} tabIndex={-1} class="alert alert-success" role="status" data-testid="staffing-done">
          {done.outcome.staffed
            ? t('staffing.assignedStaffed', { name: done.name, code: done.code })
            : t('staffing.assignedShort', { name: done.name, code: done.code, missing: roles(done.outcome.missing) })}
        </p>
      )}
      {error !== null && <LoadFailed error={error} onRetry={() => void load()} />}
      {!queue ? (
        error === null && <Loading />
      ) : (
        <section aria-labelledby="staffing-queue">
          <h2 id="staffing-queue">{t('staffing.queue', { n: queue.total })}</h2>
          {queue.cases.length === 0 ? (
            <p class="empty" data-testid="staffing-empty">{t('staffing.none')}</p>
          ) : (
            <ul class="queue">
              {queue.cases.map((c) => (
                <li key={c.id} class="card queue-case" data-testid="staffing-case" data-code={c.code}>
                  <h3 class="queue-case-head">
                    <span class="case-code">{c.code}</span>
                    <span class="badge badge-stage">
                      <span class="visually-hidden">{t('case.stage')}: </span>
                      {t(STAGE_LABEL[c.stage])}
                    </span>
                  </h3>
                  <dl class="queue-facts">
                    <div class="dl-item">
                      <dt>{t('staffing.waitingSince')}</dt>
                      <dd>{waited(c)}</dd>
                    </div>
                    <div class="dl-item">
                      <dt>{t('staffing.missing')}</dt>
                      <dd data-testid="staffing-missing">{roles(c.missing)}</dd>
                    </div>
                    <div class="dl-item">
                      <dt>{t('staffing.onCase')}</dt>
                      <dd>{c.staff_on_case === 0 ? t('staffing.onCaseNone') : c.staff_on_case}</dd>
                    </div>
                  </dl>
                  {open === c.id ? (
                    <AssignForm target={c} staff={queue.staff} onAssigned={(who) => void assigned(c, who)} onCancel={() => setOpen(null)} />
                  ) : (
                    <button type="button" class="btn btn-secondary" data-testid="staffing-open"
                      onClick={() => {
                        setDone(null);
                        setOpen(c.id);
                      }}>
                      {t('staffing.assign', { code: c.code })}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {queue.total > queue.cases.length && <p class="muted">{t('staffing.more', { shown: queue.cases.length, total: queue.total })}</p>}
        </section>
      )}
    </div>
  );
}
