// Reception (II.1.a): the reception record and the person received, which open the case. What is
// typed is kept as the form's draft on the server before there is a case (drafts/), and saving again
// after a lost answer registers the person once (submission.ts). Before a person is registered, the
// centre's earlier cases that may be hers are asked for (reception/duplicates.ts): when there are
// any, the worker sees their codes and reception dates, and stops (nothing registered, the form as
// typed) or registers anyway, which tells the server which codes she was shown.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, ApiError, type NewCase, type PossibleDuplicate } from '../api';
import { Link } from '../components/Link';
import { markCreated } from '../created';
import { DraftOffer, DraftState } from '../drafts/DraftNotice';
import { useDraft } from '../drafts/useDraft';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { problemMessage } from '../problems';
import {
  blankPerson,
  blankReception,
  checkPerson,
  checkReception,
  formField,
  PERSON_FIELDS,
  personFromDraft,
  personTyped,
  RECEPTION_FIELDS,
  receptionDraft,
  receptionFromDraft,
  receptionTyped,
  toPerson,
  toReception,
  type PersonState,
  type ReceptionState,
} from '../reception/form';
import { duplicateField, duplicateQuery, registration } from '../reception/duplicates';
import { focusField, partChanger, PersonFields, ReceptionFields, useFieldErrors } from '../reception/fields';
import { navigate } from '../router';
import { Submission } from '../submission';
import { useUnsavedGuard } from '../unsaved';

const CLAUSE = 'II.1.a';
const RECEPTION_DRAFT = { caseId: null, form: 'reception' };
const FIELD_ORDER = [...RECEPTION_FIELDS, ...PERSON_FIELDS];

/** Where the check for earlier cases stands: found some (the worker chooses), or could not ask. */
// `typed`: the form as it was when checked; edited while the check ran, the answer is not this form's.
type DuplicateCheck =
  | { kind: 'none' }
  | { kind: 'found'; items: PossibleDuplicate[]; typed: string }
  | { kind: 'failed'; error: unknown };

export function ReceptionPage() {
  const { t } = useI18n();
  const [reception, setReception] = useState<ReceptionState>(blankReception);
  const [person, setPerson] = useState<PersonState>(blankPerson);
  const { errors, setErrors, cleared } = useFieldErrors();
  const [formError, setFormError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState<'checking' | 'saving' | null>(null);
  const [focusTarget, setFocusTarget] = useState<{ path: string } | null>(null);
  const [duplicates, setDuplicates] = useState<DuplicateCheck>({ kind: 'none' });
  const summaryRef = useRef<HTMLDivElement>(null);
  const duplicatesRef = useRef<HTMLDivElement>(null);

  const unsaved = useMemo(() => receptionTyped(reception) || personTyped(person), [reception, person]);
  // Kept on the server as it is typed, before there is a case; offered back when the form is opened.
  const draft = useDraft(RECEPTION_DRAFT, unsaved ? { reception: receptionDraft(reception), person } : null, (kept) => {
    setReception(receptionFromDraft(kept.reception));
    setPerson(personFromDraft(kept.person));
  });
  useUnsavedGuard(unsaved, draft.kept);
  // Saving again after a lost answer registers the person once (submission.ts).
  const submission = useRef(new Submission<NewCase>()).current;

  useEffect(() => {
    if (focusTarget) focusField(focusTarget.path);
  }, [focusTarget]);

  // The earlier cases found are those of the form as it was checked: once it changes, they go, and
  // saving checks again.
  const typed = JSON.stringify({ reception, person });
  useEffect(() => setDuplicates({ kind: 'none' }), [typed]);
  useEffect(() => {
    if (duplicates.kind !== 'none') duplicatesRef.current?.focus();
  }, [duplicates]);

  /** Registers the person as typed; `shown`: the earlier cases the worker saw and went on despite. */
  const register = async (shown: PossibleDuplicate[]) => {
    setSubmitting('saving');
    setDuplicates({ kind: 'none' });
    draft.saving();
    try {
      const created = await api.createCase(
        submission.next({ reception, person }, () => registration({ reception: toReception(reception), person: toPerson(person) }, shown)),
      );
      submission.answered();
      draft.saved();
      markCreated(created.id);
      navigate(`/cases/${encodeURIComponent(created.id)}`, { discardUnsaved: true });
    } catch (e) {
      submission.answered(e instanceof ApiError ? e.status : 0);
      draft.notSaved();
      setSubmitting(null);
      const field = e instanceof ApiError && e.problem.field ? formField(e.problem.field, FIELD_ORDER, reception.documents) : null;
      if (field && e instanceof ApiError) {
        setErrors({ [field]: { text: problemMessage(e, t) } });
        setFocusTarget({ path: field });
      } else {
        setFormError(e);
        window.setTimeout(() => summaryRef.current?.focus(), 0);
      }
    }
  };

  /** Asks for the centre's earlier cases that may be this person; registers her when there are none. */
  const checkThenRegister = async () => {
    setFormError(null);
    setDuplicates({ kind: 'none' });
    // Sent before and its answer lost: the same registration again, as it was, asking nothing first
    // (the check would now find the very case it may have made).
    if (submission.pending({ reception, person })) {
      await register([]);
      return;
    }
    setSubmitting('checking');
    const asked = typed;
    let found: PossibleDuplicate[];
    try {
      found = await api.findPossibleDuplicates(duplicateQuery(person.name, person.birthDate));
    } catch (e) {
      setSubmitting(null);
      const field = e instanceof ApiError && e.status === 422 ? duplicateField(e.problem.field) : null;
      if (field && e instanceof ApiError) {
        setErrors({ [field]: { text: problemMessage(e, t) } });
        setFocusTarget({ path: field });
      } else setDuplicates({ kind: 'failed', error: e });
      return;
    }
    if (found.length === 0) {
      await register([]);
      return;
    }
    setSubmitting(null);
    setDuplicates({ kind: 'found', items: found, typed: asked });
  };

  const onSubmit = async (ev: Event) => {
    ev.preventDefault();
    if (submitting) return;
    setFormError(null);
    const found = { ...checkReception(reception), ...checkPerson(person) };
    setErrors(found);
    const first = FIELD_ORDER.find((p) => found[p]);
    if (first) {
      setFocusTarget({ path: first });
      return;
    }
    await checkThenRegister();
  };

  /** The worker stops at the earlier cases: nothing is registered, and the form stays as typed. */
  const stop = () => {
    setDuplicates({ kind: 'none' });
    focusField('person.name');
  };

  const hasErrors = Object.keys(errors).length > 0;

  return (
    <div class="reception">
      <h1>
        {t('reception.title')} <span class="clause" data-testid="clause">{t('reception.clause', { clause: CLAUSE })}</span>
      </h1>
      <p class="lead">{t('reception.intro')}</p>

      <div ref={summaryRef} tabIndex={-1} role="alert" class={hasErrors || formError !== null ? 'alert alert-error' : 'alert-empty'} data-testid="form-error">
        {formError !== null ? problemMessage(formError, t) : hasErrors ? t('reception.fixErrors') : null}
      </div>

      {duplicates.kind === 'found' && duplicates.typed === typed && (
        <div ref={duplicatesRef} tabIndex={-1} role="alert" aria-labelledby="duplicates-title" class="alert alert-warning duplicates" data-testid="duplicates">
          <h2 id="duplicates-title">{t('duplicates.title')}</h2>
          <p>{t('duplicates.intro')}</p>
          <ul data-testid="duplicates-list">
            {duplicates.items.map((d) => (
              <li key={d.code} data-testid="duplicate">
                {t('duplicates.item', { code: d.code, date: formatDateTime(d.received_at) })}
              </li>
            ))}
          </ul>
          <p>{t('duplicates.choose')}</p>
          <div class="actions">
            <button type="button" class="btn btn-secondary" onClick={stop} data-testid="duplicates-stop">
              {t('duplicates.stop')}
            </button>
            <button type="button" class="btn btn-primary" onClick={() => void register(duplicates.items)} data-testid="duplicates-register">
              {t('duplicates.registerAnyway')}
            </button>
          </div>
        </div>
      )}
      {duplicates.kind === 'failed' && (
        <div ref={duplicatesRef} tabIndex={-1} role="alert" class="alert alert-error duplicates" data-testid="duplicates-failed">
          <p>{t('duplicates.checkFailed', { reason: problemMessage(duplicates.error, t) })}</p>
          <div class="actions">
            <button type="button" class="btn btn-secondary" onClick={() => void checkThenRegister()} data-testid="duplicates-retry">
              {t('duplicates.retry')}
            </button>
            <button type="button" class="btn btn-primary" onClick={() => void register([])} data-testid="duplicates-register">
              {t('duplicates.registerAnyway')}
            </button>
          </div>
        </div>
      )}

      <DraftOffer draft={draft} />

      <form class="form" onSubmit={onSubmit} noValidate data-testid="reception-form">
        <section class="card" aria-labelledby="sec-reception">
          <h2 id="sec-reception">{t('reception.section.reception')}</h2>
          <ReceptionFields value={reception} onChange={partChanger(setReception, cleared)} errors={errors} />
        </section>

        <section class="card" aria-labelledby="sec-person">
          <h2 id="sec-person">{t('reception.section.person')}</h2>
          <PersonFields value={person} onChange={partChanger(setPerson, cleared)} errors={errors} />
        </section>

        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={submitting !== null} aria-busy={submitting !== null} data-testid="reception-submit">
            {submitting && <span class="spinner spinner-inline" aria-hidden="true" />}
            {submitting === 'checking' ? t('duplicates.checking') : submitting === 'saving' ? t('reception.submitting') : t('reception.submit')}
          </button>
          <DraftState draft={draft} />
          <Link href="/cases" class="btn btn-link">
            {t('reception.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
