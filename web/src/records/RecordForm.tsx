// Adding a record to a case file: choose its type, fill in its fields, save. The server's guards
// decide (II.1.e, II.6.b, I.4.c...). What refuses a type whatever is typed is known before typing
// (the case file's record_types, checks.ts): the type is marked in the picker, and its form shows
// every refusing rule above its fields, which stay closed, unless the centre head may pass over all
// of them with a reason. A refusal at saving shows every rule that refused, a bad field its message
// beside the field, and what was typed stays until it is saved. On a
// case, what is typed is kept as the form's draft on the server (drafts/), and each save is one
// submission (submission.ts): sent again, it is never stored twice.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, type CaseRecord, type Colleague, type NewRecord, type RecordTypeChecks, type Role } from '../api';
import { DateTimeInput, dateTimeProblemMessage } from '../components/DateTimeInput';
import { dateProblem, dateTimeProblem, localInputToUtcIso, parseLocalInputValue, toUtcIsoSeconds } from '../datetime';
import { useI18n, type MessageKey } from '../i18n';
import { DraftOffer, DraftState } from '../drafts/DraftNotice';
import { keptOr, useDraft } from '../drafts/useDraft';
import { problemMessage } from '../problems';
import { Submission, type Submitted } from '../submission';
import { useUnsavedGuard } from '../unsaved';
import { recordGist } from './caseState';
import { valuesAbout } from '../casefile/nextSteps';
import { isBlocked, standingOf } from './checks';
import { FieldInput, fieldDomId, newPlanActionRow, type FieldValue, type PlanActionRow } from './FieldInput';
import { formParts, isBlank, partClauses, partFilled, partsProgress } from './formParts';
import type { CaseFacts } from './picker';
import { RecordPicker } from './RecordPicker';
import { PARTS, type FieldSpec, type RecordForm as Form } from './schema';

type Values = Record<string, FieldValue>;
/** A catalog key (re-translated when the language changes) or the server's words. */
type Message = { key: MessageKey; params?: Record<string, string | number> } | { text: string };

function initialValue(spec: FieldSpec): FieldValue {
  switch (spec.kind) {
    case 'bool': return false;
    case 'choices': return [];
    case 'languages': return ['vi'];
    case 'plan_actions': return [newPlanActionRow()];
    case 'language': return 'vi';
    case 'country': return 'VN';
    default: return '';
  }
}

function initialValues(form: Form): Values {
  return Object.fromEntries(form.fields.map((f) => [f.name, initialValue(f)]));
}

/** A field's value as a draft kept it: taken when it has the field's shape, else the blank one. */
function restoredValue(spec: FieldSpec, kept: unknown): FieldValue {
  const value = keptOr(kept, initialValue(spec));
  // New row keys: the page that kept them counted its own.
  if (spec.kind === 'plan_actions') return (value as PlanActionRow[]).map((r) => ({ ...newPlanActionRow(), need_id: String(r.need_id ?? ''), action: String(r.action ?? '') }));
  return value;
}

/** The body the server's codec reads: blanks left out, lists split, times in UTC. */
export function toBody(form: Form, values: Values, records: CaseRecord[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of form.fields) {
    const v = values[f.name];
    switch (f.kind) {
      case 'bool': body[f.name] = v === true; break;
      case 'choices':
      case 'languages': body[f.name] = v; break;
      case 'lines': {
        const items = String(v).split('\n').map((s) => s.trim()).filter(Boolean);
        if (items.length) body[f.name] = items;
        break;
      }
      case 'integer': if (String(v).trim() !== '') body[f.name] = Number(v); break;
      case 'datetime': if (v) body[f.name] = localInputToUtcIso(String(v)) ?? String(v); break;
      case 'plan_actions': {
        const rows = (v as PlanActionRow[]).filter((r) => r.action.trim() || r.need_id);
        if (rows.length) {
          body[f.name] = rows.map((r) => {
            const need = records.find((n) => n.id === r.need_id);
            return r.need_id ? { need_id: r.need_id, need: need ? recordGist(need) : '', action: r.action.trim() } : { action: r.action.trim() };
          });
        }
        break;
      }
      default: {
        const s = String(v).trim();
        if (s) body[f.name] = s;
      }
    }
  }
  return body;
}

function validate(form: Form, values: Values, occurredAt: string, overrideReason: string | null): Record<string, Message> {
  const e: Record<string, Message> = {};
  // Passing over a refusal known before typing needs its reason (null: nothing to pass over).
  if (overrideReason !== null && !overrideReason.trim()) e.override_reason = { key: 'record.overrideReasonRequired' };
  // Empty is the moment of saving; a time typed must be one, and not ahead of the server's clock
  // by more than its five minutes' tolerance.
  const typo = dateTimeProblem(occurredAt);
  const when = parseLocalInputValue(occurredAt);
  if (typo) e.occurred_at = dateTimeProblemMessage(typo);
  else if (when && when.getTime() > Date.now() + 5 * 60 * 1000) e.occurred_at = { key: 'record.whenFuture' };
  for (const f of form.fields) {
    const v = values[f.name];
    if ((f.kind === 'date' || f.kind === 'datetime') && typeof v === 'string') {
      const problem = f.kind === 'date' ? dateProblem(v) : dateTimeProblem(v);
      if (problem) e[f.name] = dateTimeProblemMessage(problem);
    }
    if (f.kind === 'integer' && String(v).trim() !== '') {
      const n = Number(v);
      if (!Number.isInteger(n) || n < f.min || n > f.max) e[f.name] = { key: 'record.integerRange', params: { min: f.min, max: f.max } };
    }
    if (f.required && isBlank(v)) e[f.name] = { key: 'record.fieldRequired' };
  }
  return e;
}

/** Whether anything was typed or chosen that the blank form has not: what saving would keep. */
function hasUnsaved(form: Form | undefined, values: Values, occurredAt: string, overrideReason: string, records: CaseRecord[]): boolean {
  if (!form) return false;
  if (occurredAt || overrideReason.trim()) return true;
  return JSON.stringify(toBody(form, values, records)) !== JSON.stringify(toBody(form, initialValues(form), records));
}

/** The element of a field's name: the time's, the override reason's, or a body field's. */
function domIdOf(name: string): string {
  if (name === 'occurred_at') return 'rf-occurred-at';
  if (name === 'override_reason') return 'rf-override';
  return fieldDomId(name);
}

/** "body.actions[0].action" -> "actions"; "occurred_at" and "subject" stay. */
function formField(path: string): string {
  return path.replace(/^body\./, '').split(/[.[]/)[0];
}

interface Props<T extends string> {
  /** The forms to choose from: a case's records, or the centre's. */
  forms: Form<T>[];
  /** Writes the record (POST /cases/{id}/records or /centre/records) under its submission's key; throws ApiError. */
  save: (record: Submitted<NewRecord<T>>) => Promise<unknown>;
  /** The case whose forms' drafts are kept on the server (the centre's forms have none). */
  draftsOf?: string;
  role: Role;
  records: CaseRecord[];
  staff: Colleague[];
  onSaved: () => void;
  /** Another part of the file asks for a form ("record a consent", a next step); n changes with each
   * asking; `about`, the earlier record the new one follows, filled in where the form names it. */
  request?: { type: string; n: number; about?: string };
  /** A form was chosen in the picker (the page keeps it in its address). */
  onChosen?: (type: string) => void;
  /** The case, for the picker: what makes no sense for it is not offered (picker.ts). */
  facts?: CaseFacts;
  /** The record types the case's open tasks call for, offered first. */
  calledFor?: string[];
  /** The signed-in member of staff: never offered where nobody may name themselves. */
  selfId?: string;
  /** Which types the reader may add now, and what refuses the others (the case file's record_types). */
  checks?: RecordTypeChecks | null;
  /** The reader may pass over a refusal that allows it, with a reason (the file's actions.may_override);
   * by default the centre head. */
  mayOverride?: boolean;
}

export function RecordForm<T extends string>({ forms, save, draftsOf, role, records, staff, onSaved, request, onChosen, facts, calledFor, selfId, checks, mayOverride }: Props<T>) {
  const { t } = useI18n();
  const [type, setType] = useState('');
  const [values, setValues] = useState<Values>({});
  // "" until someone types when it happened: the record then carries the moment it is saved, not
  // the moment the page was opened (ten notes typed over three minutes once shared one time, and a
  // closure checklist corrected a minute later kept the time it was refused at, II.8.c).
  const [occurredAt, setOccurredAt] = useState('');
  const [errors, setErrors] = useState<Record<string, Message>>({});
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [overrideReason, setOverrideReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const formFor = (name: string) => forms.find((f) => f.type === name);
  const form = formFor(type);
  const isHead = role === 'centre_head';
  const canOverride = mayOverride ?? isHead;
  const standingFor = (name: string) => standingOf(checks, name, canOverride);
  // What refuses the chosen type whatever is typed, known before anyone types.
  const standing = standingFor(type);
  const blocked = isBlocked(standing);
  const overriding = standing.kind === 'refused' && standing.overridable;
  const unsaved = useMemo(() => hasUnsaved(form, values, occurredAt, overrideReason, records), [form, values, occurredAt, overrideReason, records]);
  const draft = useDraft(
    draftsOf && form ? { caseId: draftsOf, form: `record.${form.type}` } : null,
    unsaved ? { values, occurred_at: occurredAt } : null,
    (kept) => {
      if (!form) return;
      const keptValues = (typeof kept.values === 'object' && kept.values !== null ? kept.values : {}) as Record<string, unknown>;
      setValues(Object.fromEntries(form.fields.map((f) => [f.name, restoredValue(f, keptValues[f.name])])));
      setOccurredAt(typeof kept.occurred_at === 'string' ? kept.occurred_at : '');
    },
  );
  useUnsavedGuard(unsaved, draft.kept);
  const submission = useRef(new Submission<NewRecord<T>>()).current;

  useEffect(() => {
    if (refusal || failure) alertRef.current?.focus();
  }, [refusal, failure]);

  /** Opens another form, which starts blank: not over typed text unless the person says so. */
  const choose = (next: string): boolean => {
    if (next === type) return true;
    if (unsaved && !window.confirm(t(draft.kept ? 'unsaved.changeFormDraftKept' : 'unsaved.changeForm'))) return false;
    setType(next);
    const f = formFor(next);
    setValues(f ? initialValues(f) : {});
    setErrors({});
    setRefusal(null);
    setFailure(null);
    setOverrideReason('');
    setSaved(null);
    return true;
  };

  useEffect(() => {
    if (!request || !choose(request.type)) return;
    const f = formFor(request.type);
    if (f && request.about) setValues({ ...initialValues(f), ...valuesAbout(f, request.about, records) });
  }, [request?.n]);

  // A form opened from elsewhere (a next step) is where the reader is taken: its title, read out.
  useEffect(() => {
    if (request && form?.type === request.type) {
      titleRef.current?.scrollIntoView({ block: 'start' });
      titleRef.current?.focus();
    }
  }, [request?.n, form?.type]);

  const render = (m: Message) => ('key' in m ? t(m.key, m.params) : m.text);
  const parts = form ? formParts(form.fields) : [];
  const progress = partsProgress(parts, values);
  const field = (f: FieldSpec) => (
    <FieldInput key={`${form?.type}-${f.name}`} spec={f} value={values[f.name] ?? initialValue(f)}
      error={errors[f.name] ? render(errors[f.name]) : undefined}
      onChange={(v) => setValues((old) => ({ ...old, [f.name]: v }))} records={records} staff={staff} selfId={selfId} />
  );

  const onSubmit = async (ev: Event) => {
    ev.preventDefault();
    if (!form || saving) return;
    if (blocked) return;
    const found = validate(form, values, occurredAt, overriding ? overrideReason : null);
    setErrors(found);
    setRefusal(null);
    setFailure(null);
    setSaved(null);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(domIdOf(first))?.focus();
      return;
    }
    setSaving(true);
    draft.saving();
    // The form unchanged since a save whose answer never came: the same submission again.
    const submitted = submission.next({ type: form.type, values, occurredAt, overrideReason }, () => ({
      type: form.type,
      occurred_at: occurredAt ? localInputToUtcIso(occurredAt) ?? occurredAt : toUtcIsoSeconds(new Date()),
      body: toBody(form, values, records),
      ...(overrideReason.trim() ? { override_reason: overrideReason.trim() } : {}),
    }));
    try {
      await save(submitted);
      submission.answered();
      setSaved(t(form.label));
      setValues(initialValues(form));
      setOccurredAt('');
      setOverrideReason('');
      draft.saved();
      onSaved();
    } catch (e) {
      submission.answered(e instanceof ApiError ? e.status : 0);
      draft.notSaved();
      if (e instanceof ApiError && e.problem.clause && e.code === 'guard_refused') setRefusal(e);
      else if (e instanceof ApiError && e.problem.field) {
        const name = formField(e.problem.field);
        setErrors({ [name]: { text: problemMessage(e, t) } });
        window.setTimeout(() => document.getElementById(domIdOf(name))?.focus(), 0);
      } else setFailure(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="card record-form" aria-labelledby="sec-add-record" data-testid="record-form">
      <h2 id="sec-add-record">{t('record.add')}</h2>
      <RecordPicker input={{ forms, checks, isHead, facts, calledFor }} chosen={type} standingFor={standingFor}
        onChoose={(next) => {
          if (choose(next)) onChosen?.(next);
        }} />
      {saved && (
        <p class="alert alert-success" role="status" data-testid="record-saved">
          {t('record.saved', { type: saved })}
        </p>
      )}
      {form && (
        <h3 ref={titleRef} id="rf-title" class="record-form-title" tabIndex={-1} aria-describedby={standing.kind === 'refused' ? 'rf-checks' : undefined}
          data-testid="record-form-title">
          {t(form.label)}
        </h3>
      )}
      {form && standing.kind === 'refused' && (
        <div id="rf-checks" class="alert alert-warning record-checks" role="status" data-testid="record-checks">
          <p>{t(overriding ? 'record.notYetOverridable' : 'record.notYet')}</p>
          <RefusalList refusals={standing.refusals} testid="check" />
          {blocked && <p class="record-checks-closed">{t('record.fieldsClosed')}</p>}
        </div>
      )}
      {form && (
        <form class="form" onSubmit={onSubmit} noValidate data-testid={`form-${form.type}`}>
          <p class="clause">{t('record.clauses', { clauses: form.clauses })}</p>
          <DraftOffer draft={draft} />
          <div ref={alertRef} tabIndex={-1} role="alert" class={refusal || failure ? 'alert alert-error' : 'alert-empty'} data-testid="record-error">
            {refusal && (
              <>
                <strong>{t('record.refused')}</strong>
                {/* Every rule that refused it, the first being the problem's clause and detail. */}
                <RefusalList refusals={refusal.problem.refusals?.length ? refusal.problem.refusals : [{ clause: refusal.problem.clause ?? '', message: refusal.problem.detail ?? '' }]}
                  testid="refusal" />
              </>
            )}
            {failure !== null && problemMessage(failure, t)}
          </div>
          {/* Closed while a rule refuses the record whatever is typed: nothing to type in vain. */}
          <fieldset class="record-fields" disabled={blocked} data-testid="record-fields">
            <legend class="visually-hidden">{t(form.label)}</legend>
            <div class={`field${errors.occurred_at ? ' field-invalid' : ''}`} data-testid="field-occurred_at">
              <label for="rf-occurred-at">{t('record.occurredAt')}</label>
              <p class="hint" id="rf-occurred-at-hint">
                {t('record.occurredAtHint')}
              </p>
              <DateTimeInput id="rf-occurred-at" label={t('record.occurredAt')} value={occurredAt} onChange={setOccurredAt} invalid={!!errors.occurred_at}
                describedBy={errors.occurred_at ? 'rf-occurred-at-hint rf-occurred-at-error' : 'rf-occurred-at-hint'} />
              {errors.occurred_at && (
                <p class="field-error" id="rf-occurred-at-error">
                  {render(errors.occurred_at)}
                </p>
              )}
            </div>
            {progress.total > 0 && (
              <p class="form-progress" data-testid="form-progress">
                <progress max={progress.total} value={progress.done} aria-hidden="true" />{' '}
                {t('part.progress', progress)}
              </p>
            )}
            {parts.map((p) =>
              p.name === null ? (
                p.fields.map(field)
              ) : (
                <fieldset key={p.name} class="form-part" data-testid={`part-${p.name}`}>
                  <legend>
                    {t(PARTS[p.name].label)} <span class="clause-tag">{partClauses(p.name)}</span>
                    {partFilled(p, values) && <span class="part-filled"> ✓ {t('part.filled')}</span>}
                  </legend>
                  {p.fields.map(field)}
                </fieldset>
              ),
            )}
            {((refusal && canOverride) || overriding) && (
              <div class={`field${errors.override_reason ? ' field-invalid' : ''}`} data-testid="field-override_reason">
                <label for="rf-override">{t('record.overrideReason')}</label>
                <textarea id="rf-override" rows={2} value={overrideReason} onInput={(e) => setOverrideReason(e.currentTarget.value)}
                  aria-invalid={errors.override_reason ? 'true' : undefined} aria-describedby={errors.override_reason ? 'rf-override-error' : undefined} />
                {errors.override_reason && <p class="field-error" id="rf-override-error">{render(errors.override_reason)}</p>}
              </div>
            )}
          </fieldset>
          <div class="actions">
            <button type="submit" class={`btn btn-primary${blocked ? ' btn-blocked' : ''}`} disabled={saving || blocked} aria-busy={saving} data-testid="record-submit">
              {saving && <span class="spinner spinner-inline" aria-hidden="true" />}
              {saving ? t('record.saving') : t('record.save')}
            </button>
            <DraftState draft={draft} />
          </div>
        </form>
      )}
    </section>
  );
}

/** Each rule that refuses a record: its clause and what must happen first, in the server's words. */
function RefusalList({ refusals, testid }: { refusals: { clause: string; message: string }[]; testid: string }) {
  return (
    <ul class="refusal-list">
      {refusals.map((r) => (
        <li key={r.clause + r.message} data-testid={`${testid}-item`}>
          <span class="clause-tag" data-testid={`${testid}-clause`}>{r.clause}</span> {r.message}
        </li>
      ))}
    </ul>
  );
}
