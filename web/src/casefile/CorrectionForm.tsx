// Correcting what reception recorded (issue 18): the person (a misspelt name, a birth date that papers
// establish) or the reception record, in the reception form's own fields (reception/), filled with
// what the case holds, and a reason, which is required. The server keeps the earlier values in the
// case's history (a correction on the timeline) and answers the corrected case; a case changed since
// it was read is refused (409), and what was typed stays on screen.
import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, type CaseDetail } from '../api';
import { useI18n, type MessageKey } from '../i18n';
import { problemMessage } from '../problems';
import { domId, errId, Field, focusField, hintId, partChanger, useFieldErrors, type PartProps } from '../reception/fields';
import { formField, type Doc, type Errors } from '../reception/form';
import { useUnsavedGuard } from '../unsaved';

interface Props<S> {
  /** Names the form's elements; "person" or "reception". */
  part: string;
  /** What the save button and the heading say. */
  title: MessageKey;
  initial: S;
  Fields: (props: PartProps<S>) => JSX.Element;
  /** The part's API field paths, in form order. */
  order: string[];
  check: (s: S) => Errors;
  /** Whether the form differs from what the case holds. */
  changed: (s: S, from: S) => boolean;
  documents?: (s: S) => Doc[];
  /** Sends the correction; throws ApiError. */
  send: (s: S, reason: string) => Promise<CaseDetail>;
  onCorrected: (c: CaseDetail) => void;
  onCancel: () => void;
  /** The case changed under the form: read it again (what was typed here goes). */
  onReload: () => void;
}

export function CorrectionForm<S>({ part, title, initial, Fields, order, check, changed, documents, send, onCorrected, onCancel, onReload }: Props<S>) {
  const { t } = useI18n();
  const [value, setValue] = useState<S>(initial);
  const [reason, setReason] = useState('');
  const { errors, setErrors, cleared } = useFieldErrors();
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const reasonPath = `${part}.reason`;
  const focusReason = () => document.getElementById(domId(reasonPath))?.focus();
  const unsaved = useMemo(() => changed(value, initial) || reason.trim() !== '', [value, reason]);
  useUnsavedGuard(unsaved);
  const stale = failure instanceof ApiError && failure.code === 'version_conflict';

  useEffect(() => focusField(order[0]), []);

  const onSubmit = async (ev: Event) => {
    ev.preventDefault();
    if (saving) return;
    setFailure(null);
    const found = check(value);
    if (!reason.trim()) found.reason = { key: 'correction.reasonRequired' };
    setErrors(found);
    const first = [...order, 'reason'].find((p) => found[p]);
    if (first) {
      if (first === 'reason') focusReason();
      else focusField(first);
      return;
    }
    setSaving(true);
    try {
      onCorrected(await send(value, reason.trim()));
    } catch (e) {
      setSaving(false);
      const field = e instanceof ApiError && e.problem.field ? (e.problem.field === 'reason' ? 'reason' : formField(e.problem.field, order, documents?.(value) ?? [])) : null;
      if (field && e instanceof ApiError) {
        setErrors({ [field]: { text: problemMessage(e, t) } });
        if (field === 'reason') focusReason();
        else focusField(field);
      } else {
        setFailure(e);
        window.setTimeout(() => alertRef.current?.focus(), 0);
      }
    }
  };

  const reasonError = errors.reason ? ('key' in errors.reason ? t(errors.reason.key, errors.reason.params) : errors.reason.text) : undefined;
  return (
    <form class="form correction-form" onSubmit={onSubmit} noValidate aria-label={t(title)} data-testid={`correct-${part}-form`}>
      <div ref={alertRef} tabIndex={-1} role="alert" class={failure !== null ? 'alert alert-error' : 'alert-empty'} data-testid={`correct-${part}-error`}>
        {failure !== null && <p>{problemMessage(failure, t)}</p>}
        {stale && (
          <button type="button" class="btn btn-secondary" onClick={onReload}>
            {t('correction.reload')}
          </button>
        )}
      </div>
      <Fields value={value} onChange={partChanger(setValue, cleared)} errors={errors} />
      <Field path={reasonPath} label={t('correction.reason')} hint={t('correction.reasonHint')} required={t('reception.required')} error={reasonError}>
        <textarea id={domId(reasonPath)} rows={2} value={reason} aria-invalid={reasonError ? true : undefined}
          aria-describedby={[hintId(reasonPath), reasonError ? errId(reasonPath) : ''].filter(Boolean).join(' ')}
          onInput={(e) => {
            setReason(e.currentTarget.value);
            cleared('reason');
          }} />
      </Field>
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={saving} aria-busy={saving} data-testid={`correct-${part}-save`}>
          {saving && <span class="spinner spinner-inline" aria-hidden="true" />}
          {saving ? t('correction.saving') : t('correction.save')}
        </button>
        <button type="button" class="btn btn-link" onClick={onCancel} data-testid={`correct-${part}-cancel`}>
          {t('correction.cancel')}
        </button>
      </div>
    </form>
  );
}
