// A document's type as an icon, a PDF's page or an image's picture, drawn as paths (the CSP allows no
// icon font or inline image) and never a thumbnail of the document: each opening of its bytes is
// audited, so nothing is read until someone asks. Named by its type for a screen reader.
import { useI18n } from '../i18n';
import type { DocumentMediaType } from '../api';
import { DOCUMENT_TYPE_LABEL, isImage } from './documents';

export function DocumentIcon({ type }: { type: DocumentMediaType }) {
  const { t } = useI18n();
  const image = isImage(type);
  const label = DOCUMENT_TYPE_LABEL[type] ? t(DOCUMENT_TYPE_LABEL[type]) : type;
  return (
    <svg class={`doc-icon ${image ? 'doc-icon-image' : 'doc-icon-pdf'}`} viewBox="0 0 24 24" width="24" height="24" role="img" aria-label={label} focusable="false">
      {image ? (
        <path fill="currentColor" d="M4 4h16a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1zm1 2v10.6l4-4.1 3 3 4-5 3 3.8V6H5zm3.5 1.5a1.75 1.75 0 1 1 0 3.5 1.75 1.75 0 0 1 0-3.5z" />
      ) : (
        <path fill="currentColor" d="M6 2h8l5 5v14a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zm1 2v16h10V8h-4V4H7zm2 8h6v1.5H9V12zm0 3h6v1.5H9V15zm0-6h2.5v1.5H9V9z" />
      )}
    </svg>
  );
}
