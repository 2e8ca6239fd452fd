// The head's verdict on a clause the data cannot show: met or not met, and what it rests on (a note,
// required). Saved as the centre's manual_assessment record (POST /centre/records); the server
// refuses a clause it does not know (422, body.clause), said above the form. A note typed and not
// saved holds the page (unsaved.ts).
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, type ManualAssessment } from '../api';
import { toUtcIsoSeconds } from '../datetime';
import { useI18n, type MessageKey } from '../i18n';
import { problemMessage } from '../problems';
import { useUnsavedGuard } from '../unsaved';

interface Props {
  clause: string;
  /** The assessment it replaces, if any: its verdict is the one ticked at first. */
  earlier: ManualAssessment | null;
  onSaved: () => void;
  onCancel: () => void;
}

export function ManualAssessmentForm({ clause, earlier, onSaved, onCancel }: Props) {
  const { t } = useI18n();
  const [verdict, setVerdict] = useState<'met' | 'not_met' | ''>(earlier?.verdict ?? '');
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState<{ field: 'verdict' | 'note'; key: MessageKey } | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const first = useRef<HTMLInputElement>(null);
  const noteBox = useRef<HTMLTextAreaElement>(null);
  const id = `ma-${clause.replace(/\W/g, '-')}`;
  useUnsavedGuard(note.trim() !== '' && !saving);

  useEffect(() => first.current?.focus(), []);

  const submit = async (e: Event) => {
    e.preventDefault();
    const wrong = !verdict ? { field: 'verdict' as const, key: 'assessment.form.verdictRequired' as const }
      : !note.trim() ? { field: 'note' as const, key: 'assessment.form.noteRequired' as const } : null;
    setInvalid(wrong);
    setError(null);
    if (wrong) {
      (wrong.field === 'verdict' ? first.current : noteBox.current)?.focus();
      return;
    }
    setSaving(true);
    try {
      await api.addCentreRecord({ type: 'manual_assessment', occurred_at: toUtcIsoSeconds(new Date()), body: { clause, verdict, note: note.trim() } });
      onSaved();
    } catch (err) {
      setSaving(false);
      // A note the server refuses is said beside it; anything else above the form.
      if (err instanceof ApiError && err.problem.field === 'body.note') {
        setInvalid(null);
        noteBox.current?.focus();
      }
      setError(err);
    }
  };

  const noteError = invalid?.field === 'note' ? t(invalid.key)
    : error instanceof ApiError && error.problem.field === 'body.note' ? problemMessage(error, t) : null;
  return (
    <form class="manual-form" onSubmit={submit} noValidate data-testid="manual-form" data-clause={clause}>
      {error !== null && !noteError && <div class="alert alert-error" role="alert">{problemMessage(error, t)}</div>}
      <fieldset class="manual-verdict" aria-describedby={invalid?.field === 'verdict' ? `${id}-verdict-error` : undefined}>
        <legend>{t('assessment.form.legend', { clause })}</legend>
        <div class="manual-choices">
          {(['met', 'not_met'] as const).map((v, i) => (
            <label class="check" key={v}>
              <input ref={i === 0 ? first : undefined} type="radio" name={`${id}-verdict`} value={v} checked={verdict === v}
                aria-invalid={invalid?.field === 'verdict' ? 'true' : undefined} onChange={() => setVerdict(v)} />
              {t(v === 'met' ? 'assessment.verdict.met' : 'assessment.verdict.notMet')}
            </label>
          ))}
        </div>
        {invalid?.field === 'verdict' && <p class="field-error" id={`${id}-verdict-error`}>{t(invalid.key)}</p>}
      </fieldset>
      <div class="field">
        <label for={`${id}-note`}>{t('assessment.form.note')}</label>
        <p class="hint" id={`${id}-note-hint`}>{t('assessment.form.noteHint')}</p>
        <textarea ref={noteBox} id={`${id}-note`} rows={3} value={note} required aria-invalid={noteError ? 'true' : undefined}
          aria-describedby={`${id}-note-hint${noteError ? ` ${id}-note-error` : ''}`} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
        {noteError && <p class="field-error" id={`${id}-note-error`}>{noteError}</p>}
      </div>
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={saving} data-testid="manual-save">
          {saving ? t('record.saving') : t('assessment.form.save')}
        </button>
        <button type="button" class="btn btn-secondary" onClick={onCancel} disabled={saving}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
