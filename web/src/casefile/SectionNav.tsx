// The case file's sections as links (sections.ts): the current one marked for screen readers
// (aria-current), each an address of its own, so that back, forward and a shared link work. A
// section that holds things says how many (the documents), seen as a badge and heard in words.
import { Link } from '../components/Link';
import { useI18n } from '../i18n';
import { caseHref, SECTION_LABEL, SECTIONS, type Section } from './sections';

export function SectionNav({ caseId, current, documents }: { caseId: string; current: Section; documents: number }) {
  const { t } = useI18n();
  return (
    <nav class="section-nav" aria-label={t('section.nav')} data-testid="section-nav">
      <ul>
        {SECTIONS.map((s) => (
          <li key={s}>
            <Link href={caseHref(caseId, { section: s })} aria-current={s === current ? 'page' : undefined} data-testid={`section-${s}`}>
              {t(SECTION_LABEL[s])}
              {s === 'documents' && documents > 0 && (
                <>
                  <span class="badge badge-section" aria-hidden="true" data-testid="section-documents-count">{documents}</span>
                  <span class="visually-hidden"> ({t('documents.count', { n: documents })})</span>
                </>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
