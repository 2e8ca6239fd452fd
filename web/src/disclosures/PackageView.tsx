// Exactly what a disclosure carries, as the server put it together: a preview with the rules that
// still refuse it (I.3.b, I.3.d, II.6.d), or what was released, which can be printed as it left. The
// case file's disclosure panel and the head's approval queue show it alike.
import type { Colleague, DisclosurePackage } from '../api';
import { DocumentIcon } from '../casefile/DocumentIcon';
import { LetterLink } from '../casefile/ReleasedPanel';
import { formatBytes, formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { optionText } from '../records/schema';
import { Timeline } from '../records/Timeline';
import { kindText } from './terms';

/** Prints the package alone (styles.css: body[data-printing] shows only the print target). */
function printPackage() {
  document.body.dataset.printing = 'package';
  const done = () => {
    delete document.body.dataset.printing;
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

/** The documents that leave with the package (those of a category the consent covers): named, never
 *  opened here. None: said so, so that nobody wonders whether the papers went. */
function PackageDocuments({ documents }: { documents: NonNullable<DisclosurePackage['documents']> }) {
  const { t, lang } = useI18n();
  return (
    <section class="package-documents" aria-labelledby="package-documents-title" data-testid="package-documents">
      <h3 id="package-documents-title">
        {t('disclosure.documents')} · {t('documents.count', { n: documents.length })}
      </h3>
      {documents.length === 0 ? (
        <p class="muted" data-testid="package-no-documents">{t('disclosure.noDocuments')}</p>
      ) : (
        <ul class="package-document-list">
          {documents.map((d) => (
            <li key={d.id} data-testid="package-document">
              <DocumentIcon type={d.media_type} />
              <span>{d.name}</span>
              <span class="muted"> · {optionText(t, 'category', d.category)} · {formatBytes(d.byte_size, lang)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** `caseId`: where the released package's referral letter is printed from (the case file's panel; the
 *  head's queue has no case file open). */
export function PackageView({ pkg, staff, caseId }: { pkg: DisclosurePackage; staff: Colleague[]; caseId?: string }) {
  const { t } = useI18n();
  return (
    <div class="package print-target" lang={pkg.language} data-testid={pkg.preview ? 'package-preview' : 'package-released'}>
      {!pkg.preview && <p class="alert alert-success no-print" role="status">{t('disclosure.released')}</p>}
      {pkg.refusals.length > 0 && (
        <div class="alert alert-warning no-print" role="alert" data-testid="package-refusals">
          <p>{t('disclosure.notReady')}</p>
          <ul>{pkg.refusals.map((r) => <li key={r.clause + r.message}><span class="clause-tag">{r.clause}</span> {r.message}</li>)}</ul>
        </div>
      )}
      <h3>{pkg.title}</h3>
      <p>{pkg.notice}</p>
      <p class="muted">
        {kindText(pkg.kind, t)} · {pkg.case.code} · {pkg.categories.map((c) => c.label).join(', ')} · {formatDateTime(pkg.generated_at)}
      </p>
      {pkg.case.person && (
        <p data-testid="package-person">
          <strong>{t('disclosure.person')}:</strong> {pkg.case.person.name}
        </p>
      )}
      <Timeline records={pkg.records} staff={staff} testid="package-records"
        title={`${t(pkg.preview ? 'disclosure.willLeave' : 'disclosure.left')} · ${t('disclosure.recordsCount', { n: pkg.records.length })}`} />
      {/* An older server's package carries no documents, and so none leave with it. */}
      <PackageDocuments documents={pkg.documents ?? []} />
      {!pkg.preview && (
        <button type="button" class="btn btn-secondary no-print" onClick={printPackage} data-testid="package-print">{t('disclosure.print')}</button>
      )}
      {!pkg.preview && pkg.disclosure_id && caseId && <LetterLink caseId={caseId} disclosureId={pkg.disclosure_id} />}
    </div>
  );
}
