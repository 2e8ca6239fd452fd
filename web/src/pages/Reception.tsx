// Reception (II.1.a): the reception record and the person received, which open the case. What is
// typed is kept as the form's draft on the server before there is a case (drafts/), and saving again
// after a lost answer registers the person once (submission.ts).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, ApiError, type NewCase } from '../api';
import { Link } from '../components/Link';
import { markCreated } from '../created';
import { DraftOffer, DraftState } from '../drafts/DraftNotice';
import { useDraft } from '../drafts/useDraft';
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
import { focusField, partChanger, PersonFields, ReceptionFields, useFieldErrors } from '../reception/fields';
import { navigate } from '../router';
import { Submission } from '../submission';
import { useUnsavedGuard } from '../unsaved';

const CLAUSE = 'II.1.a';
const RECEPTION_DRAFT = { caseId: null, form: 'reception' };
const FIELD_ORDER = [...RECEPTION_FIELDS, ...PERSON_FIELDS];

export function ReceptionPage() {
  const { t } = useI18n();
  const [reception, setReception] = useState<ReceptionState>(blankReception);
  const [person, setPerson] = useState<PersonState>(blankPerson);
  const { errors, setErrors, cleared } = useFieldErrors();
  const [formError, setFormError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const [focusTarget, setFocusTarget] = useState<{ path: string } | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

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
    setSubmitting(true);
    draft.saving();
    try {
      const created = await api.createCase(
        submission.next({ reception, person }, () => ({ reception: toReception(reception), person: toPerson(person) })),
      );
      submission.answered();
      draft.saved();
      markCreated(created.id);
      navigate(`/cases/${encodeURIComponent(created.id)}`, { discardUnsaved: true });
    } catch (e) {
      submission.answered(e instanceof ApiError ? e.status : 0);
      draft.notSaved();
      setSubmitting(false);
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
          <button type="submit" class="btn btn-primary" disabled={submitting} aria-busy={submitting} data-testid="reception-submit">
            {submitting && <span class="spinner spinner-inline" aria-hidden="true" />}
            {submitting ? t('reception.submitting') : t('reception.submit')}
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
