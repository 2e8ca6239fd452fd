// The consents in force on a case (I.3.b): who agreed, for whom, to what and why, until when; for a
// child, whether both the child and a guardian or representative agreed (I.3.d). A consent is
// recorded through the record form and withdrawn here, after a confirmation, at once.
import { useRef, useState } from 'preact/hooks';
import { api, ApiError, type CaseRecord, type NewRecord } from '../api';
import { toUtcIsoSeconds } from '../datetime';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { problemMessage } from '../problems';
import { consentsInForce } from '../records/caseState';
import { optionText } from '../records/schema';
import { Submission } from '../submission';

interface Props {
  caseId: string;
  records: CaseRecord[];
  child: boolean;
  mayWrite: boolean;
  onRecordConsent: () => void;
  onChanged: () => void;
}

export function ConsentPanel({ caseId, records, child, mayWrite, onRecordConsent, onChanged }: Props) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const consents = consentsInForce(records, new Date());
  const giverOf = (v: string) => optionText(t, 'consent_giver', v);
  const yesNo = (b: boolean) => t(b ? 'timeline.yes' : 'timeline.no');
  // Withdrawing again after a lost answer is the same withdrawal, never a second one.
  const submission = useRef(new Submission<NewRecord>()).current;

  const withdraw = async (consentId: string) => {
    setBusy(true);
    setError(null);
    try {
      await api.addRecord(
        caseId,
        submission.next(consentId, () => ({ type: 'consent_withdrawal', occurred_at: toUtcIsoSeconds(new Date()), body: { consent_id: consentId } })),
      );
      submission.answered();
      setConfirming(null);
      onChanged();
    } catch (e) {
      submission.answered(e instanceof ApiError ? e.status : 0);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="sec-consent" data-testid="consents">
      <h2 id="sec-consent">{t('consent.title')}</h2>
      {child && (
        <p class="child-note" data-testid="consent-child-rule">
          <span>
            {t('consent.childRule')}
            <br />
            {t('consent.childHas', {
              child: yesNo(consents.some((c) => c.given_by === 'victim')),
              adult: yesNo(consents.some((c) => c.given_by !== 'victim')),
            })}
          </span>
        </p>
      )}
      {error !== null && (
        <div class="alert alert-error" role="alert">
          {problemMessage(error, t)}
        </div>
      )}
      {consents.length === 0 ? (
        <p class="muted" data-testid="consent-none">{t('consent.none')}</p>
      ) : (
        <ul class="task-list">
          {consents.map((c) => (
            <li key={c.id} class="task" data-testid="consent-in-force">
              <strong>{t('consent.givenBy', { giver: giverOf(c.given_by), recipient: c.recipient })}</strong>
              <br />
              {t('consent.covers', { categories: c.categories.map((x) => optionText(t, 'category', x)).join(', ') })}
              <br />
              {t('consent.purposes', { purposes: c.purposes.map((x) => optionText(t, 'purpose', x)).join(', ') })}
              <br />
              <span class="muted">{c.expires_at ? t('consent.expires', { date: formatDateTime(c.expires_at) }) : t('consent.noExpiry')}</span>
              {mayWrite && confirming !== c.id && (
                <p>
                  <button type="button" class="btn btn-secondary" onClick={() => setConfirming(c.id)}>
                    {t('consent.withdraw')}
                  </button>
                </p>
              )}
              {confirming === c.id && (
                <div class="alert alert-warning" role="alert">
                  <p>{t('consent.withdrawConfirm')}</p>
                  <div class="actions">
                    <button type="button" class="btn btn-danger" disabled={busy} onClick={() => withdraw(c.id)} data-testid="consent-withdraw-confirm">
                      {busy ? t('consent.withdrawing') : t('consent.withdraw')}
                    </button>
                    <button type="button" class="btn btn-link" onClick={() => setConfirming(null)}>
                      {t('common.cancel')}
                    </button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {mayWrite && (
        <button type="button" class="btn btn-secondary" onClick={onRecordConsent} data-testid="consent-add">
          {t('consent.record')}
        </button>
      )}
    </section>
  );
}
