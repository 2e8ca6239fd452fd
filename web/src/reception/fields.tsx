// The reception form's fields, drawn once for the reception page and for the case page's
// corrections: the reception record's (II.1.a) and the person's, each with its label, its hint and
// its error beside it, tied to the input for screen readers. Values and errors: reception/form.ts.
import type { ComponentChildren } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import type { ReferralChannel, Sex, StaffGender } from '../api';
import { DateInput, DateTimeInput } from '../components/DateTimeInput';
import { countryName, languageName, LANGUAGE_CODES, OTHER_COUNTRIES, PRIMARY_COUNTRIES } from '../format';
import { useI18n } from '../i18n';
import { CHANNEL_LABEL, CHANNELS, SEX_LABEL, SEXES, STAFF_GENDER_LABEL, STAFF_GENDERS } from '../labels';
import { newDoc, type Errors, type PersonState, type ReceptionState } from './form';

export function domId(path: string): string {
  return `f-${path.replace(/[^a-zA-Z0-9_]+/g, '-')}`;
}

export function errId(path: string): string {
  return `${domId(path)}-error`;
}

export function hintId(path: string): string {
  return `${domId(path)}-hint`;
}

/** Moves the focus to a field (the first control of a group of them). */
export function focusField(path: string): void {
  let el = document.getElementById(domId(path));
  if (el && el.tagName === 'FIELDSET') {
    el = el.querySelector<HTMLElement>('input, select, textarea, button') ?? el;
  }
  el?.focus();
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

export function Field({ path, label, hint, required, error, children }: FieldProps) {
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

/** A form's errors by field path; a field's goes once it is changed. */
export function useFieldErrors() {
  const [errors, setErrors] = useState<Errors>({});
  const cleared = (path: string) =>
    setErrors((prev) => {
      if (!prev[path]) return prev;
      const next = { ...prev };
      delete next[path];
      return next;
    });
  return { errors, setErrors, cleared };
}

/** The change handler of a part held in `setPart`: the change applied, the field's error gone. */
export function partChanger<S>(setPart: (update: (s: S) => S) => void, cleared: (path: string) => void) {
  return (change: Partial<S>, path: string) => {
    setPart((s) => ({ ...s, ...change }));
    cleared(path);
  };
}

/** A part of the form: its values, each change with the field path it clears the error of, the errors. */
export interface PartProps<S> {
  value: S;
  onChange: (change: Partial<S>, path: string) => void;
  errors: Errors;
}

/** What every field of a form needs: its error in words, and its ids and ARIA attributes. */
export function useErrorWords(errors: Errors) {
  const { t } = useI18n();
  const err = (path: string): string | undefined => {
    const e = errors[path];
    return e ? ('key' in e ? t(e.key, e.params) : e.text) : undefined;
  };
  const a11y = (path: string, hasHint = false) => {
    const described = [hasHint ? hintId(path) : '', errors[path] ? errId(path) : ''].filter(Boolean).join(' ');
    return {
      id: domId(path),
      'aria-invalid': errors[path] ? true : undefined,
      'aria-describedby': described || undefined,
    };
  };
  return { err, a11y };
}

/** What every field of a part needs: its error in words, its ids and ARIA attributes, its change. */
function useFieldAttributes<S>({ value, onChange, errors }: PartProps<S>) {
  const { t } = useI18n();
  const { err, a11y } = useErrorWords(errors);
  const set = <K extends keyof S>(key: K, path: string) => (v: S[K]) => onChange({ [key]: v } as unknown as Partial<S>, path);
  return { value, errors, err, a11y, set, req: t('reception.required') };
}

export function ReceptionFields(props: PartProps<ReceptionState>) {
  const { t } = useI18n();
  const { value, errors, err, a11y, set, req } = useFieldAttributes(props);
  const addDocRef = useRef<HTMLButtonElement>(null);
  const setDocuments = set('documents', 'reception.documents');

  const updateDoc = (key: number, text: string) => setDocuments(value.documents.map((d) => (d.key === key ? { ...d, text } : d)));

  const addDoc = () => {
    const doc = newDoc();
    setDocuments([...value.documents, doc]);
    window.setTimeout(() => document.getElementById(`doc-${doc.key}`)?.focus(), 0);
  };

  const removeDoc = (key: number) => {
    setDocuments(value.documents.filter((d) => d.key !== key));
    window.setTimeout(() => addDocRef.current?.focus(), 0);
  };

  return (
    <>
      <div class="grid">
        <Field path="reception.received_at" label={t('reception.receivedAt')} hint={t('reception.receivedAtHint')} error={err('reception.received_at')}>
          <DateTimeInput
            id={domId('reception.received_at')}
            label={t('reception.receivedAt')}
            value={value.receivedAt}
            onChange={set('receivedAt', 'reception.received_at')}
            invalid={!!errors['reception.received_at']}
            describedBy={a11y('reception.received_at', true)['aria-describedby']}
          />
        </Field>
        <Field path="reception.referral_channel" label={t('reception.referralChannel')} required={req} error={err('reception.referral_channel')}>
          <select
            required
            value={value.channel}
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
          value={value.authority}
          onInput={(e) => set('authority', 'reception.referring_authority')(e.currentTarget.value)}
          {...a11y('reception.referring_authority', true)}
        />
      </Field>
      <Field path="reception.legal_basis" label={t('reception.legalBasis')} hint={t('reception.legalBasisHint')} required={req} error={err('reception.legal_basis')}>
        <input
          type="text"
          required
          autocomplete="off"
          value={value.legalBasis}
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
        {value.documents.length === 0 ? (
          <p class="muted">{t('reception.noDocuments')}</p>
        ) : (
          <ol class="doc-list">
            {value.documents.map((d, i) => {
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
    </>
  );
}

export function PersonFields(props: PartProps<PersonState>) {
  const { t, lang } = useI18n();
  const { value, errors, err, a11y, set, req } = useFieldAttributes(props);

  const countries = useMemo(() => {
    const others = [...OTHER_COUNTRIES].sort((a, b) => countryName(a, lang).localeCompare(countryName(b, lang), lang));
    return [...PRIMARY_COUNTRIES, ...others].map((c) => ({ code: c, name: countryName(c, lang) }));
  }, [lang]);

  const toggleLanguage = (code: string, on: boolean) => {
    const next = on ? [...value.languages.filter((l) => l !== code), code] : value.languages.filter((l) => l !== code);
    set('languages', 'person.languages')(LANGUAGE_CODES.filter((c) => next.includes(c)));
  };

  return (
    <>
      <Field path="person.name" label={t('reception.name')} required={req} error={err('person.name')}>
        <input
          type="text"
          required
          autocomplete="off"
          spellcheck={false}
          value={value.name}
          onInput={(e) => set('name', 'person.name')(e.currentTarget.value)}
          {...a11y('person.name')}
        />
      </Field>
      <div class="check">
        <input
          type="checkbox"
          checked={value.nameIsAlias}
          onChange={(e) => set('nameIsAlias', 'person.name_is_alias')(e.currentTarget.checked)}
          {...a11y('person.name_is_alias')}
        />
        <label for={domId('person.name_is_alias')}>{t('reception.nameIsAlias')}</label>
        <ErrorMsg path="person.name_is_alias" text={err('person.name_is_alias')} />
      </div>
      <div class="grid">
        <Field path="person.sex" label={t('reception.sex')} required={req} error={err('person.sex')}>
          <select value={value.sex} onChange={(e) => set('sex', 'person.sex')(e.currentTarget.value as Sex)} {...a11y('person.sex')}>
            {SEXES.map((s) => (
              <option key={s} value={s}>
                {t(SEX_LABEL[s])}
              </option>
            ))}
          </select>
        </Field>
        <Field path="person.nationality" label={t('reception.nationality')} required={req} error={err('person.nationality')}>
          <select value={value.nationality} onChange={(e) => set('nationality', 'person.nationality')(e.currentTarget.value)} {...a11y('person.nationality')}>
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
            value={value.birthDate}
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
            value={value.estimatedAge}
            onInput={(e) => set('estimatedAge', 'person.estimated_age')(e.currentTarget.value)}
            {...a11y('person.estimated_age', true)}
          />
        </Field>
      </div>
      <div class="check">
        <input
          type="checkbox"
          checked={value.suspectedChild}
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
                checked={value.languages.includes(code)}
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
          value={value.staffGender}
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
    </>
  );
}
