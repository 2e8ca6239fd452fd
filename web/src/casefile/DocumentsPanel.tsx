// The case file's documents: scanned papers and photos (ID papers, authorities' decisions, signed
// consent forms, medical reports), each with its type, name, category, size, who added it and when,
// opened or downloaded only when someone follows its link (each opening is audited on the server, so
// nothing is read for a thumbnail). Those who may add records attach one here: its bytes as they are,
// with a progress bar, and cancelled at any moment; a refusal is shown beside the field it names,
// with the file and its name kept.
import { useRef, useState } from 'preact/hooks';
import { api, ApiError, documentHref, type CaseDocument, type Colleague } from '../api';
import { TableWrap } from '../components/TableWrap';
import { formatBytes, formatDateTime } from '../format';
import { k, useI18n } from '../i18n';
import { problemMessage } from '../problems';
import { Field, focusField, useErrorWords, useFieldErrors } from '../reception/fields';
import type { Errors, FieldError } from '../reception/form';
import { ENUMS, optionText } from '../records/schema';
import { useUnsavedGuard } from '../unsaved';
import { DocumentIcon } from './DocumentIcon';
import {
  DOCUMENT_ACCEPT, FILE_PROBLEM, fileProblem, MAX_DOCUMENT_BYTES, MAX_DOCUMENT_NAME, NAME_PROBLEM, nameProblem, unexpectedType,
} from './documents';

/** The form's fields by the names the server's refusals give them (problem.field), in their order. */
const FIELDS = ['file', 'name', 'category'] as const;
type DocField = (typeof FIELDS)[number];
const path = (f: DocField) => `doc.${f}`;

export function DocumentList({ caseId, documents, staff }: { caseId: string; documents: CaseDocument[]; staff: Colleague[] }) {
  const { t, lang } = useI18n();
  const name = (id: string) => staff.find((s) => s.id === id)?.display_name ?? t('timeline.someone');
  return (
    <section class="card" aria-labelledby="sec-documents" data-testid="documents">
      <h2 id="sec-documents">{t('documents.title')}</h2>
      <p class="hint">{t('documents.audited')}</p>
      {documents.length === 0 ? (
        <p class="muted" data-testid="documents-none">{t('documents.none')}</p>
      ) : (
        <TableWrap label={t('documents.list')}>
          <table class="documents-table">
            <thead>
              <tr>
                <th scope="col">{t('documents.col.name')}</th>
                <th scope="col">{t('documents.col.category')}</th>
                <th scope="col">{t('documents.col.size')}</th>
                <th scope="col">{t('documents.col.added')}</th>
                <th scope="col">{t('documents.col.open')}</th>
              </tr>
            </thead>
            <tbody>
              {/* The newest first, as the timeline: the one just attached at the top. */}
              {[...documents].reverse().map((d) => (
                <tr key={d.id} data-testid="document" data-id={d.id}>
                  <td class="document-name">
                    <span class="document-title">
                      <DocumentIcon type={d.media_type} />
                      <span data-testid="document-name">{d.name}</span>
                    </span>
                  </td>
                  <td data-testid="document-category">{optionText(t, 'category', d.category)}</td>
                  <td data-testid="document-size">{formatBytes(d.byte_size, lang)}</td>
                  <td>
                    {name(d.recorded_by)}
                    <br />
                    <time class="muted" dateTime={d.recorded_at}>{formatDateTime(d.recorded_at)}</time>
                  </td>
                  <td class="document-links">
                    {/* Plain links: the browser reads the bytes, with the session's cookie, only when followed. */}
                    <a href={documentHref(caseId, d.id)} target="_blank" rel="noopener" data-testid="document-open">
                      {t('documents.open')}
                      <span class="visually-hidden"> {t('documents.openNamed', { name: d.name })}</span>
                    </a>
                    <a href={documentHref(caseId, d.id, true)} data-testid="document-download">
                      {t('documents.download')}
                      <span class="visually-hidden"> {d.name}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

export function AttachForm({ caseId, onAttached }: { caseId: string; onAttached: () => void }) {
  const { t, lang } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [category, setCategory] = useState('');
  const { errors, setErrors, cleared } = useFieldErrors();
  const { err, a11y } = useErrorWords(errors);
  const [failure, setFailure] = useState<unknown>(null);
  /** The share sent, 0 to 100, while an upload is in flight; null otherwise. */
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<{ attached: string } | 'cancelled' | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const upload = useRef<AbortController | null>(null);
  // A chosen file not attached yet holds the page, as typed text does.
  useUnsavedGuard(file !== null);
  const max = formatBytes(MAX_DOCUMENT_BYTES, lang);
  const sending = progress !== null;

  /** A file's size beside the limit: "over 10 MB" where rounding would show it as the limit itself. */
  const sizeOf = (f: File): string => {
    const size = formatBytes(f.size, lang);
    return size === max && f.size > MAX_DOCUMENT_BYTES ? t('documents.overMax', { max }) : size;
  };

  /** The checks before sending: a file too large or empty is said at once, and nothing leaves. */
  const fileError = (f: File): FieldError | undefined => {
    const problem = fileProblem(f);
    return problem ? { key: FILE_PROBLEM[problem], params: { size: sizeOf(f), max } } : undefined;
  };

  /** The server's reason, in the request's language; a refusal without one (a proxy's 413) in ours. */
  const serverWords = (e: ApiError, f: File): string => {
    if (!e.problem.detail && e.status === 413) return t(FILE_PROBLEM.too_large, { size: sizeOf(f), max });
    if (!e.problem.detail && e.status === 415) return t('documents.typeRefused');
    return problemMessage(e, t);
  };

  const choose = (f: File | null) => {
    setFile(f);
    setOutcome(null);
    setFailure(null);
    // The name the file has, for the person to change if she likes.
    setName(f ? f.name : '');
    const { [path('file')]: _file, [path('name')]: _name, ...rest } = errors;
    const problem = f && fileError(f);
    setErrors(problem ? { ...rest, [path('file')]: problem } : rest);
  };

  const submit = async (ev: Event) => {
    ev.preventDefault();
    if (sending) return;
    setFailure(null);
    setOutcome(null);
    const found: Errors = {};
    const fileWrong = file ? fileError(file) : { key: k('documents.fileRequired') };
    if (fileWrong) found[path('file')] = fileWrong;
    const naming = nameProblem(name);
    if (naming) found[path('name')] = { key: NAME_PROBLEM[naming], params: { max: MAX_DOCUMENT_NAME } };
    if (!category) found[path('category')] = { key: k('documents.categoryRequired') };
    setErrors(found);
    const first = FIELDS.find((f) => found[path(f)]);
    if (first) return focusField(path(first));
    if (!file) return;

    const controller = new AbortController();
    upload.current = controller;
    setProgress(0);
    try {
      const doc = await api.attachDocument(caseId, file, { name: name.trim(), category }, (sent) => setProgress(Math.floor(sent * 100)), controller.signal);
      setFile(null);
      setName('');
      setCategory('');
      if (input.current) input.current.value = '';
      setOutcome({ attached: doc.name });
      onAttached();
    } catch (e) {
      // Whatever went wrong, the file, its name and the category stay as they were.
      const field = e instanceof ApiError ? FIELDS.find((f) => f === e.problem.field) : undefined;
      if (e instanceof DOMException && e.name === 'AbortError') setOutcome('cancelled');
      else if (field && e instanceof ApiError) {
        setErrors({ [path(field)]: { text: serverWords(e, file) } });
        focusField(path(field));
      } else setFailure(e);
    } finally {
      upload.current = null;
      setProgress(null);
    }
  };

  const req = t('reception.required');
  return (
    <section class="card" aria-labelledby="sec-attach" data-testid="document-attach">
      <h2 id="sec-attach">{t('documents.attach')}</h2>
      <form class="form" noValidate onSubmit={submit}>
        {/* Nothing is changed while the bytes are on their way; "cancel" stays outside. */}
        <fieldset disabled={sending}>
          <Field path={path('file')} label={t('documents.file')} hint={t('documents.fileHint', { max })} required={req} error={err(path('file'))}>
            <input ref={input} type="file" accept={DOCUMENT_ACCEPT} {...a11y(path('file'), true)} data-testid="document-file"
              onChange={(e) => choose(e.currentTarget.files?.[0] ?? null)} />
          </Field>
          {file && unexpectedType(file) && !errors[path('file')] && (
            <p class="alert alert-warning" role="status" data-testid="document-type-warning">{t('documents.typeWarning')}</p>
          )}
          <Field path={path('name')} label={t('documents.name')} required={req} error={err(path('name'))}>
            <input type="text" value={name} {...a11y(path('name'))} data-testid="document-name-input"
              onInput={(e) => {
                setName(e.currentTarget.value);
                cleared(path('name'));
              }} />
          </Field>
          <Field path={path('category')} label={t('documents.category')} hint={t('documents.categoryHint')} required={req} error={err(path('category'))}>
            <select value={category} {...a11y(path('category'), true)} data-testid="document-category-select"
              onChange={(e) => {
                setCategory(e.currentTarget.value);
                cleared(path('category'));
              }}>
              {/* No guess: the category decides where the document may go (I.3.b), so a person chooses it. */}
              <option value="">{t('documents.chooseCategory')}</option>
              {ENUMS.category.map((c) => <option key={c} value={c}>{optionText(t, 'category', c)}</option>)}
            </select>
          </Field>
        </fieldset>
        {failure !== null && <div class="alert alert-error" role="alert" data-testid="document-error">{problemMessage(failure, t)}</div>}
        {progress !== null && (
          <p class="upload-progress" data-testid="document-progress">
            <progress max={100} value={progress} aria-labelledby="doc-progress-text" />
            <span id="doc-progress-text">{progress < 100 ? t('documents.uploading', { percent: progress }) : t('documents.storing')}</span>
          </p>
        )}
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={sending} aria-busy={sending} data-testid="document-submit">
            {sending ? t('documents.attaching') : t('documents.submit')}
          </button>
          {sending && (
            <button type="button" class="btn btn-secondary" onClick={() => upload.current?.abort()} data-testid="document-cancel">
              {t('common.cancel')}
            </button>
          )}
        </div>
        {outcome !== null && (
          <p class={`alert ${outcome === 'cancelled' ? 'alert-info' : 'alert-success'}`} role="status"
            data-testid={outcome === 'cancelled' ? 'document-cancelled' : 'document-attached'}>
            {outcome === 'cancelled' ? t('documents.cancelled') : t('documents.attached', { name: outcome.attached })}
          </p>
        )}
      </form>
    </section>
  );
}
