// What has left the centre from this case (I.3.a): each disclosure the centre head released, when, of
// what, to whom and by whom, with its referral letter to print again at any time (prints/ReferralLetter).
import type { CaseRecord, Colleague } from '../api';
import { Link } from '../components/Link';
import { categoriesText, kindText } from '../disclosures/terms';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { releasedDisclosures } from '../prints/content';
import { letterPrintHref } from './sections';

/** "Print referral letter": the letter of a released disclosure, from its record. */
export function LetterLink({ caseId, disclosureId }: { caseId: string; disclosureId: string }) {
  const { t } = useI18n();
  return (
    <p class="record-actions no-print">
      <Link href={letterPrintHref(caseId, disclosureId)} data-testid="letter-link">{t('letter.print')}</Link>
    </p>
  );
}

export function ReleasedPanel({ caseId, records, staff }: { caseId: string; records: CaseRecord[]; staff: Colleague[] }) {
  const { t } = useI18n();
  const released = releasedDisclosures(records);
  const name = (id: string) => staff.find((s) => s.id === id)?.display_name ?? t('timeline.someone');
  return (
    <section class="card" aria-labelledby="sec-released" data-testid="released">
      <h2 id="sec-released">{t('released.title')}</h2>
      {released.length === 0 ? (
        <p class="muted">{t('released.none')}</p>
      ) : (
        <ul class="task-list">
          {released.map((r) => (
            <li key={r.id} class="task" data-testid="released-item">
              {t('released.item', {
                at: formatDateTime(r.occurred_at), kind: kindText(r.body.kind, t), recipient: String(r.body.recipient ?? ''),
                categories: categoriesText(r.body, t), who: name(r.recorded_by),
              })}
              <LetterLink caseId={caseId} disclosureId={r.id} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
