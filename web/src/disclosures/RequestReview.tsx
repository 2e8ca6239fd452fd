// One request opened by the centre head: exactly what would leave if she approved it now (read from
// the server only when she opens it, and audited as a reading of that package), with whatever still
// refuses it, then her decision. Approving releases it under the gate's rules (I.3) as they stand now;
// declining needs a reason, which the worker reads on the case's timeline. A request someone else
// decided first, or one she made herself (I.3.a: nobody approves their own), is said plainly.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, type Colleague, type DisclosurePackage, type ReleaseDecision, type ReleaseRequest } from '../api';
import { LoadFailed } from '../components/LoadFailed';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n';
import { problemMessage } from '../problems';
import { PackageView } from './PackageView';

export type Decided =
  | { kind: 'approved'; decision: ReleaseDecision }
  | { kind: 'declined' }
  /** Another head decided it before her: nothing of hers was stored. */
  | { kind: 'taken' };

interface Props {
  item: ReleaseRequest;
  staff: Colleague[];
  selfId: string;
  onDecided: (d: Decided) => void;
}

export function RequestReview({ item, staff, selfId, onDecided }: Props) {
  const { t, lang } = useI18n();
  const [language, setLanguage] = useState<'vi' | 'en'>(lang);
  const [pkg, setPkg] = useState<DisclosurePackage | null>(null);
  const [readError, setReadError] = useState<unknown>(null);
  const [reading, setReading] = useState(0);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'approve' | 'decline' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const id = (part: string) => `review-${item.request.id}-${part}`;
  const own = item.request.recorded_by === selfId;

  useEffect(() => {
    let live = true;
    setPkg(null);
    setReadError(null);
    api.getRequestedPackage(item.case_id, item.request.id, language)
      .then((p) => live && setPkg(p))
      .catch((e: unknown) => {
        if (!live) return;
        // Decided since the queue was read: nothing left to look at.
        if (e instanceof ApiError && e.status === 409) onDecided({ kind: 'taken' });
        else setReadError(e);
      });
    return () => {
      live = false;
    };
  }, [item.case_id, item.request.id, language, reading]);

  useEffect(() => {
    if (failure !== null) alertRef.current?.focus();
  }, [failure]);

  const decide = async (decision: 'approve' | 'decline') => {
    const why = reason.trim();
    if (decision === 'decline' && !why) {
      setReasonError(t('approvals.reasonRequired'));
      document.getElementById(id('reason'))?.focus();
      return;
    }
    setReasonError(null);
    setFailure(null);
    setBusy(decision);
    try {
      const answer = await api.decideRelease(item.case_id, item.request.id, { decision, language, ...(why ? { reason: why } : {}) });
      onDecided(decision === 'approve' ? { kind: 'approved', decision: answer } : { kind: 'declined' });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.code !== 'guard_refused') return onDecided({ kind: 'taken' });
      if (e instanceof ApiError && e.problem.field === 'reason') {
        setReasonError(problemMessage(e, t));
        document.getElementById(id('reason'))?.focus();
      } else {
        setFailure(e);
        // The gate refuses now what it let through before: what would leave is read again, with why.
        if (e instanceof ApiError && e.code === 'guard_refused') setReading((n) => n + 1);
      }
    } finally {
      setBusy(null);
    }
  };

  return (
    <div class="review" data-testid="review">
      <div class="field">
        <label for={id('language')}>{t('disclosure.language')}</label>
        <select id={id('language')} value={language} onChange={(e) => setLanguage(e.currentTarget.value as 'vi' | 'en')}>
          <option value="vi">{t('lang.vi')}</option>
          <option value="en">{t('lang.en')}</option>
        </select>
      </div>
      {readError !== null ? (
        <LoadFailed error={readError} onRetry={() => setReading((n) => n + 1)} />
      ) : pkg ? (
        <PackageView pkg={pkg} staff={staff} />
      ) : (
        <Loading />
      )}
      {own ? (
        <p class="alert alert-info" data-testid="review-own">{t('approvals.own')}</p>
      ) : (
        <form class="form decision" noValidate onSubmit={(e) => { e.preventDefault(); void decide('approve'); }}>
          <div ref={alertRef} tabIndex={-1} role="alert" class={failure !== null ? 'alert alert-error' : 'alert-empty'} data-testid="review-error">
            {failure !== null && problemMessage(failure, t)}
          </div>
          <div class={`field${reasonError ? ' field-invalid' : ''}`}>
            <label for={id('reason')}>{t('approvals.reason')}</label>
            <p class="hint" id={id('reason-hint')}>{t('approvals.reasonHint')}</p>
            <textarea id={id('reason')} rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? `${id('reason-hint')} ${id('reason-error')}` : id('reason-hint')} />
            {reasonError && <p class="field-error" id={id('reason-error')} data-testid="review-reason-error">{reasonError}</p>}
          </div>
          <div class="actions">
            <button type="submit" class="btn btn-primary" disabled={busy !== null || !pkg?.ready} aria-busy={busy === 'approve'}
              aria-describedby={pkg && !pkg.ready ? id('not-ready') : undefined} data-testid="review-approve">
              {busy === 'approve' ? t('disclosure.releasing') : t('disclosure.release')}
            </button>
            <button type="button" class="btn btn-secondary" disabled={busy !== null} aria-busy={busy === 'decline'}
              onClick={() => void decide('decline')} data-testid="review-decline">
              {busy === 'decline' ? t('approvals.declining') : t('approvals.decline')}
            </button>
          </div>
          {pkg && !pkg.ready && <p class="hint" id={id('not-ready')}>{t('approvals.notReady')}</p>}
        </form>
      )}
    </div>
  );
}
