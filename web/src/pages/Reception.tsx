import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, ApiError, type NewCase, type ReferralChannel, type Sex, type StaffGender } from '../api';
import { Link } from '../components/Link';
import { DateInput, DateTimeInput, dateTimeProblemMessage } from '../components/DateTimeInput';
import { dateProblem, dateTimeProblem, isFutureDate, localInputToUtcIso, parseLocalInputValue, toUtcIsoSeconds } from '../datetime';
import { markCreated } from '../created';
import { DraftOffer, DraftState } from '../drafts/DraftNotice';
import { keptOr, useDraft } from '../drafts/useDraft';
import { countryName, languageName, LANGUAGE_CODES, OTHER_COUNTRIES, PRIMARY_COUNTRIES } from '../format';
import { k, useI18n, type MessageKey, type Params } from '../i18n';
import { CHANNEL_LABEL, CHANNELS, SEX_LABEL, SEXES, STAFF_GENDER_LABEL, STAFF_GENDERS } from '../labels';
import { problemMessage } from '../problems';
import { navigate } from '../router';
import { Submission } from '../submission';
import { useUnsavedGuard } from '../unsaved';

const CLAUSE = 'II.1.a';
const RECEPTION_DRAFT = { caseId: null, form: 'reception' };

interface Doc {
  key: number;
  text: string;
}

interface FormState {
  receivedAt: string;
  channel: ReferralChannel;
  authority: string;
  legalBasis: string;
  documents: Doc[];
  name: string;
  nameIsAlias: boolean;
  sex: Sex;
  birthDate: string;
  estimatedAge: string;
  suspectedChild: boolean;
  nationality: string;
  languages: string[];
  staffGender: StaffGender;
}

/** An error is either a catalog key (re-translated on language switch) or server text. */
type FieldError = { key: MessageKey; params?: Params } | { text: string };
type Errors = Record<string, FieldError>;

// API field paths in form (DOM) order; used to pick the first invalid field to focus.
const FIELD_ORDER = [
  'reception.received_at',
  'reception.referral_channel',
  'reception.referring_authority',
  'reception.legal_basis',
  'reception.documents',
  'person.name',
  'person.name_is_alias',
  'person.sex',
  'person.birth_date',
  'person.estimated_age',
  'person.suspected_child',
  'person.nationality',
  'person.languages',
  'person.preferred_staff_gender',
];

function domId(path: string): string {
  return `f-${path.replace(/[^a-zA-Z0-9_]+/g, '-')}`;
}

function errId(path: string): string {
  return `${domId(path)}-error`;
}

function hintId(path: string): string {
  return `${domId(path)}-hint`;
}

let docSeq = 1;

function initialState(): FormState {
  return {
    // Empty until someone types it: the reception is then the moment of saving, not the moment the
    // form was opened (issue 18).
    receivedAt: '',
    channel: 'police',
    authority: '',
    legalBasis: '',
    documents: [],
    name: '',
    nameIsAlias: false,
    sex: 'unknown',
    birthDate: '',
    estimatedAge: '',
    suspectedChild: false,
    nationality: 'VN',
    languages: ['vi'],
    staffGender: 'any',
  };
}

/** The form as its draft keeps it on the server: the documents' texts (their keys are the page's own). */
type DraftContent = Omit<FormState, 'documents'> & { documents: string[] };

function toDraft(s: FormState): DraftContent {
  return { ...s, documents: s.documents.map((d) => d.text) };
}

function fromDraft(kept: Record<string, unknown>): FormState {
  const blank = initialState();
  const state = Object.fromEntries(Object.entries(blank).map(([name, value]) => [name, keptOr(kept[name], value)])) as unknown as FormState;
  const texts = keptOr<unknown[]>(kept.documents, []).filter((d): d is string => typeof d === 'string');
  return { ...state, documents: texts.map((text) => ({ key: docSeq++, text })) };
}

/** Normalise a server field path ("reception.documents[1]") to one of ours. */
function normaliseField(field: string, docs: Doc[]): string | null {
  const f = field.replace(/\[(\d+)\]/g, '.$1');
  const m = /^reception\.documents\.(\d+)$/.exec(f);
  if (m) return Number(m[1]) < docs.length ? f : 'reception.documents';
  if (FIELD_ORDER.includes(f)) return f;
  const parent = FIELD_ORDER.find((p) => f.startsWith(`${p}.`));
  return parent ?? null;
}

function focusField(path: string): void {
  let el = document.getElementById(domId(path));
  if (el && el.tagName === 'FIELDSET') {
    el = el.querySelector<HTMLElement>('input, select, textarea, button') ?? el;
  }
  el?.focus();
}

function validate(s: FormState): Errors {
  const e: Errors = {};
  const received = parseLocalInputValue(s.receivedAt);
  const receivedTypo = dateTimeProblem(s.receivedAt);
  if (receivedTypo) e['reception.received_at'] = dateTimeProblemMessage(receivedTypo);
  else if (received && received.getTime() > Date.now() + 5 * 60 * 1000) e['reception.received_at'] = { key: k('validation.receivedAtFuture') };
  if (!s.authority.trim()) e['reception.referring_authority'] = { key: k('validation.required') };
  if (!s.legalBasis.trim()) e['reception.legal_basis'] = { key: k('validation.required') };
  if (!s.name.trim()) e['person.name'] = { key: k('validation.required') };
  const birthTypo = dateProblem(s.birthDate);
  if (birthTypo) e['person.birth_date'] = dateTimeProblemMessage(birthTypo);
  else if (s.birthDate && isFutureDate(s.birthDate)) e['person.birth_date'] = { key: k('validation.birthDateFuture') };
  if (s.estimatedAge !== '') {
    const n = Number(s.estimatedAge);
    if (!Number.isInteger(n) || n < 0 || n > 120) e['person.estimated_age'] = { key: k('validation.ageRange') };
  }
  if (s.languages.length === 0) e['person.languages'] = { key: k('validation.languages') };
  return e;
}

/** Whether anything was typed or chosen that a blank form has not (an empty document line is nothing). */
function hasUnsaved(s: FormState): boolean {
  const typed = (f: FormState) => JSON.stringify({ ...f, documents: f.documents.map((d) => d.text.trim()).filter(Boolean) });
  return typed(s) !== typed(initialState());
}

function toPayload(s: FormState): NewCase {
  return {
    reception: {
      received_at: s.receivedAt ? localInputToUtcIso(s.receivedAt) ?? '' : toUtcIsoSeconds(new Date()),
      referral_channel: s.channel,
      referring_authority: s.authority.trim(),
      legal_basis: s.legalBasis.trim(),
      documents: s.documents.map((d) => d.text.trim()).filter(Boolean),
    },
    person: {
      name: s.name.trim(),
      name_is_alias: s.nameIsAlias,
      sex: s.sex,
      birth_date: s.birthDate || null,
      estimated_age: s.estimatedAge === '' ? null : Number(s.estimatedAge),
      suspected_child: s.suspectedChild,
      nationality: s.nationality,
      languages: s.languages,
      preferred_staff_gender: s.staffGender,
    },
  };
}

function RequiredMark({ text }: { text: string }) {
  return (
    <span class="required">
      <span aria-hidden="true"> *</span>
      <span class="visually-hidden"> ({text})</span>
    </span>
  );
}

function ErrorMsg({ path, text }: { path: string; text: string | undefined }) {
  return text ? (
    <p class="field-error" id={errId(path)} data-testid={`error-${path}`}>
      {text}
    </p>
  ) : null;
}

interface FieldProps {
  path: string;
  label: string;
  hint?: string;
  required?: string;
  error: string | undefined;
  children: ComponentChildren;
}

function Field({ path, label, hint, required, error, children }: FieldProps) {
  return (
    <div class={`field${error ? ' field-invalid' : ''}`} data-testid={`field-${path}`}>
      <label for={domId(path)}>
        {label}
        {required && <RequiredMark text={required} />}
      </label>
      {hint && (
        <p class="hint" id={hintId(path)}>
          {hint}
        </p>
      )}
      {children}
      <ErrorMsg path={path} text={error} />
    </div>
  );
}

export function ReceptionPage() {
  const { t, lang } = useI18n();
  const [form, setForm] = useState<FormState>(initialState);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const [focusTarget, setFocusTarget] = useState<{ path: string } | null>(null);
  const addDocRef = useRef<HTMLButtonElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const unsaved = useMemo(() => hasUnsaved(form), [form]);
  // Kept on the server as it is typed, before there is a case; offered back when the form is opened.
  const draft = useDraft(RECEPTION_DRAFT, unsaved ? toDraft(form) : null, (kept) => setForm(fromDraft(kept)));
  useUnsavedGuard(unsaved, draft.kept);
  // Saving again after a lost answer registers the person once (submission.ts).
  const submission = useRef(new Submission<NewCase>()).current;

  useEffect(() => {
    if (focusTarget) focusField(focusTarget.path);
  }, [focusTarget]);

  const countries = useMemo(() => {
    const others = [...OTHER_COUNTRIES].sort((a, b) => countryName(a, lang).localeCompare(countryName(b, lang), lang));
    return [...PRIMARY_COUNTRIES, ...others].map((c) => ({ code: c, name: countryName(c, lang) }));
  }, [lang]);

  const errText = (e: FieldError): string => ('key' in e ? t(e.key, e.params) : e.text);

  const set = <K extends keyof FormState>(key: K, path: string) => (value: FormState[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    if (errors[path]) {
      setErrors((prev) => {
        const next = { ...prev };
        delete next[path];
        return next;
      });
    }
  };

  /** id / aria attributes for an input bound to an API field path. */
  const a11y = (path: string, hasHint = false) => {
    const described = [hasHint ? hintId(path) : '', errors[path] ? errId(path) : ''].filter(Boolean).join(' ');
    return {
      id: domId(path),
      'aria-invalid': errors[path] ? true : undefined,
      'aria-describedby': described || undefined,
    };
  };

  const err = (path: string): string | undefined => (errors[path] ? errText(errors[path]) : undefined);
  const req = t('reception.required');

  const onSubmit = async (ev: Event) => {
    ev.preventDefault();
    if (submitting) return;
    setFormError(null);
    const found = validate(form);
    setErrors(found);
    const first = FIELD_ORDER.find((p) => found[p]);
    if (first) {
      setFocusTarget({ path: first });
      return;
    }
    setSubmitting(true);
    draft.saving();
    try {
      const created = await api.createCase(submission.next(form, () => toPayload(form)));
      submission.answered();
      draft.saved();
      markCreated(created.id);
      navigate(`/cases/${encodeURIComponent(created.id)}`, { discardUnsaved: true });
    } catch (e) {
      submission.answered(e instanceof ApiError ? e.status : 0);
      draft.notSaved();
      setSubmitting(false);
      const field = e instanceof ApiError && e.problem.field ? normaliseField(e.problem.field, form.documents) : null;
      if (field && e instanceof ApiError) {
        setErrors({ [field]: { text: problemMessage(e, t) } });
        setFocusTarget({ path: field });
      } else {
        setFormError(e);
        window.setTimeout(() => summaryRef.current?.focus(), 0);
      }
    }
  };

  const updateDoc = (key: number, text: string) =>
    setForm((f) => ({ ...f, documents: f.documents.map((d) => (d.key === key ? { ...d, text } : d)) }));

  const addDoc = () => {
    const key = docSeq++;
    setForm((f) => ({ ...f, documents: [...f.documents, { key, text: '' }] }));
    window.setTimeout(() => document.getElementById(`doc-${key}`)?.focus(), 0);
  };

  const removeDoc = (key: number) => {
    setForm((f) => ({ ...f, documents: f.documents.filter((d) => d.key !== key) }));
    window.setTimeout(() => addDocRef.current?.focus(), 0);
  };

  const toggleLanguage = (code: string, on: boolean) => {
    const next = on ? [...form.languages.filter((l) => l !== code), code] : form.languages.filter((l) => l !== code);
    set('languages', 'person.languages')(LANGUAGE_CODES.filter((c) => next.includes(c)));
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
          <div class="grid">
            <Field path="reception.received_at" label={t('reception.receivedAt')} hint={t('reception.receivedAtHint')} error={err('reception.received_at')}>
              <DateTimeInput
                id={domId('reception.received_at')}
                label={t('reception.receivedAt')}
                value={form.receivedAt}
                onChange={set('receivedAt', 'reception.received_at')}
                invalid={!!errors['reception.received_at']}
                describedBy={a11y('reception.received_at', true)['aria-describedby']}
              />
            </Field>
            <Field path="reception.referral_channel" label={t('reception.referralChannel')} required={req} error={err('reception.referral_channel')}>
              <select
                required
                value={form.channel}
                onChange={(e) => set('channel', 'reception.referral_channel')(e.currentTarget.value as ReferralChannel)}
                {...a11y('reception.referral_channel')}
              >
                {CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {t(CHANNEL_LABEL[c])}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <Field path="reception.referring_authority" label={t('reception.referringAuthority')} hint={t('reception.referringAuthorityHint')} required={req} error={err('reception.referring_authority')}>
            <input
              type="text"
              required
              autocomplete="off"
              value={form.authority}
              onInput={(e) => set('authority', 'reception.referring_authority')(e.currentTarget.value)}
              {...a11y('reception.referring_authority', true)}
            />
          </Field>
          <Field path="reception.legal_basis" label={t('reception.legalBasis')} hint={t('reception.legalBasisHint')} required={req} error={err('reception.legal_basis')}>
            <input
              type="text"
              required
              autocomplete="off"
              value={form.legalBasis}
              onInput={(e) => set('legalBasis', 'reception.legal_basis')(e.currentTarget.value)}
              {...a11y('reception.legal_basis', true)}
            />
          </Field>

          <fieldset
            class={`field documents${errors['reception.documents'] ? ' field-invalid' : ''}`}
            id={domId('reception.documents')}
            aria-describedby={[hintId('reception.documents'), errors['reception.documents'] ? errId('reception.documents') : ''].filter(Boolean).join(' ')}
            data-testid="documents"
          >
            <legend>{t('reception.documents')}</legend>
            <p class="hint" id={hintId('reception.documents')}>
              {t('reception.documentsHint')}
            </p>
            {form.documents.length === 0 ? (
              <p class="muted">{t('reception.noDocuments')}</p>
            ) : (
              <ol class="doc-list">
                {form.documents.map((d, i) => {
                  const path = `reception.documents.${i}`;
                  return (
                    <li key={d.key} class="doc-row">
                      <label for={`doc-${d.key}`} class="visually-hidden">
                        {t('reception.documentN', { n: i + 1 })}
                      </label>
                      <input
                        id={`doc-${d.key}`}
                        type="text"
                        autocomplete="off"
                        value={d.text}
                        data-testid="document-input"
                        aria-invalid={errors[path] ? true : undefined}
                        aria-describedby={errors[path] ? errId(path) : undefined}
                        onInput={(e) => updateDoc(d.key, e.currentTarget.value)}
                      />
                      <button type="button" class="btn btn-secondary" aria-label={t('reception.removeDocument', { n: i + 1 })} onClick={() => removeDoc(d.key)}>
                        <span aria-hidden="true">✕</span>
                      </button>
                      <ErrorMsg path={path} text={err(path)} />
                    </li>
                  );
                })}
              </ol>
            )}
            <ErrorMsg path="reception.documents" text={err('reception.documents')} />
            <button type="button" class="btn btn-secondary" ref={addDocRef} onClick={addDoc} data-testid="add-document">
              <span aria-hidden="true">+ </span>
              {t('reception.addDocument')}
            </button>
          </fieldset>
        </section>

        <section class="card" aria-labelledby="sec-person">
          <h2 id="sec-person">{t('reception.section.person')}</h2>
          <Field path="person.name" label={t('reception.name')} required={req} error={err('person.name')}>
            <input
              type="text"
              required
              autocomplete="off"
              spellcheck={false}
              value={form.name}
              onInput={(e) => set('name', 'person.name')(e.currentTarget.value)}
              {...a11y('person.name')}
            />
          </Field>
          <div class="check">
            <input
              type="checkbox"
              checked={form.nameIsAlias}
              onChange={(e) => set('nameIsAlias', 'person.name_is_alias')(e.currentTarget.checked)}
              {...a11y('person.name_is_alias')}
            />
            <label for={domId('person.name_is_alias')}>{t('reception.nameIsAlias')}</label>
            <ErrorMsg path="person.name_is_alias" text={err('person.name_is_alias')} />
          </div>
          <div class="grid">
            <Field path="person.sex" label={t('reception.sex')} required={req} error={err('person.sex')}>
              <select value={form.sex} onChange={(e) => set('sex', 'person.sex')(e.currentTarget.value as Sex)} {...a11y('person.sex')}>
                {SEXES.map((s) => (
                  <option key={s} value={s}>
                    {t(SEX_LABEL[s])}
                  </option>
                ))}
              </select>
            </Field>
            <Field path="person.nationality" label={t('reception.nationality')} required={req} error={err('person.nationality')}>
              <select value={form.nationality} onChange={(e) => set('nationality', 'person.nationality')(e.currentTarget.value)} {...a11y('person.nationality')}>
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <div class="grid">
            <Field path="person.birth_date" label={t('reception.birthDate')} hint={t('reception.birthDateHint')} error={err('person.birth_date')}>
              <DateInput
                id={domId('person.birth_date')}
                value={form.birthDate}
                onChange={set('birthDate', 'person.birth_date')}
                invalid={!!errors['person.birth_date']}
                describedBy={a11y('person.birth_date', true)['aria-describedby']}
              />
            </Field>
            <Field path="person.estimated_age" label={t('reception.estimatedAge')} hint={t('reception.estimatedAgeHint')} error={err('person.estimated_age')}>
              <input
                type="number"
                inputMode="numeric"
                min={0}
                max={120}
                step={1}
                value={form.estimatedAge}
                onInput={(e) => set('estimatedAge', 'person.estimated_age')(e.currentTarget.value)}
                {...a11y('person.estimated_age', true)}
              />
            </Field>
          </div>
          <div class="check">
            <input
              type="checkbox"
              checked={form.suspectedChild}
              onChange={(e) => set('suspectedChild', 'person.suspected_child')(e.currentTarget.checked)}
              {...a11y('person.suspected_child', true)}
            />
            <label for={domId('person.suspected_child')}>{t('reception.suspectedChild')}</label>
            <p class="hint" id={hintId('person.suspected_child')}>
              {t('reception.suspectedChildHint')}
            </p>
            <ErrorMsg path="person.suspected_child" text={err('person.suspected_child')} />
          </div>

          <fieldset
            class={`field languages${errors['person.languages'] ? ' field-invalid' : ''}`}
            id={domId('person.languages')}
            aria-describedby={[hintId('person.languages'), errors['person.languages'] ? errId('person.languages') : ''].filter(Boolean).join(' ')}
            data-testid="languages"
          >
            <legend>
              {t('reception.languages')}
              <RequiredMark text={req} />
            </legend>
            <p class="hint" id={hintId('person.languages')}>
              {t('reception.languagesHint')}
            </p>
            <div class="checks">
              {LANGUAGE_CODES.map((code) => (
                <div class="check" key={code}>
                  <input
                    type="checkbox"
                    id={`lang-opt-${code}`}
                    value={code}
                    checked={form.languages.includes(code)}
                    aria-invalid={errors['person.languages'] ? true : undefined}
                    onChange={(e) => toggleLanguage(code, e.currentTarget.checked)}
                  />
                  <label for={`lang-opt-${code}`}>{languageName(code, lang)}</label>
                </div>
              ))}
            </div>
            <ErrorMsg path="person.languages" text={err('person.languages')} />
          </fieldset>

          <Field path="person.preferred_staff_gender" label={t('reception.preferredStaffGender')} hint={t('reception.preferredStaffGenderHint')} error={err('person.preferred_staff_gender')}>
            <select
              value={form.staffGender}
              onChange={(e) => set('staffGender', 'person.preferred_staff_gender')(e.currentTarget.value as StaffGender)}
              {...a11y('person.preferred_staff_gender', true)}
            >
              {STAFF_GENDERS.map((g) => (
                <option key={g} value={g}>
                  {t(STAFF_GENDER_LABEL[g])}
                </option>
              ))}
            </select>
          </Field>
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
