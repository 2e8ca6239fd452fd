// Every record of a case or of the centre in words, as the timeline shows it: its type's name, then
// a sentence, labelled lines, or both, in the UI's language. Nobody reads a field's name, a record's
// or a staff member's ID, or an ISO time: a record another points at reads by its gist and date, a
// member of staff by name, a time as dd/mm/yyyy HH:mm. Records staff post read through their forms'
// labels (schema.ts); those the server writes itself, and disclosures (released as packages, not
// posted through a form), each have their own reading below. Pure, so that a unit test walks every
// record type the server's OpenAPI document knows.
import { ACTION_LABEL } from '../casefile/labels';
import { decisionWords, kindText, requestWords } from '../disclosures/terms';
import { countryName, formatDateOnly, formatDateTime, languageName } from '../format';
import type { Lang, MessageKey, Params } from '../i18n';
import { STAGE_LABEL } from '../labels';
import { recordGist, type RecordLike } from './caseState';
import { correctionSentence } from './correction';
import { formFor, optionText, recordLabel, type FieldSpec } from './schema';

export type Translate = (key: MessageKey, params?: Params) => string;

/** A record as the timeline reads it; a centre record carries the staff member it is about beside its body. */
export type DescribedRecord = RecordLike & { subject?: string };

export interface Line {
  label: string;
  value: string;
}

export interface RecordWords {
  /** The type's name, or "another kind of record" for a type this UI does not know yet. */
  title: string;
  sentence?: string;
  lines: Line[];
}

export interface Context {
  t: Translate;
  lang: Lang;
  /** The records a field may point at: the case's, or those of the package shown. */
  records: ReadonlyMap<string, DescribedRecord>;
  /** A member of staff's name; undefined for someone the reader's list does not hold. */
  staffName: (id: string) => string | undefined;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
/** A map's own entry: a name the server sends is never taken for one of Object's ("constructor"). */
const own = <T>(map: Record<string, T>, key: string): T | undefined => (Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A record a field points at, by its gist and date; one outside what is shown (a package carries only its categories) says so. */
export function pointedRecord(id: string, cx: Context): string {
  const r = cx.records.get(id);
  if (!r) return cx.t('timeline.recordNotShown');
  const label = recordLabel(r.type);
  const gist = recordGist(r) || (label ? cx.t(label) : cx.t('timeline.otherRecord'));
  return cx.t('timeline.recordRef', { gist, date: formatDateTime(r.occurred_at) });
}

const staffName = (id: unknown, cx: Context): string => cx.staffName(text(id)) ?? cx.t('timeline.someone');

/** A field of a form, read as its kind says; '' when it holds nothing. */
function fieldValue(spec: FieldSpec, v: unknown, cx: Context): string {
  if (v === undefined || v === null || v === '') return '';
  const { t, lang } = cx;
  switch (spec.kind) {
    case 'bool': return v === true ? t('timeline.yes') : t('timeline.no');
    case 'enum': return optionText(t, spec.options, v);
    case 'choices': return list(v).map((x) => optionText(t, spec.options, x)).join(', ');
    case 'lines': return list(v).map(String).join(', ');
    case 'languages': return list(v).map((c) => languageName(String(c), lang)).join(', ');
    case 'language': return languageName(String(v), lang);
    case 'country': return countryName(String(v), lang);
    case 'date': return formatDateOnly(String(v));
    case 'datetime': return formatDateTime(String(v));
    case 'staff': return staffName(v, cx);
    case 'record': return pointedRecord(String(v), cx);
    case 'plan_actions':
      // Each action with the need it answers (II.5.c), by the need's words as the plan kept them.
      return list(v)
        .map((a) => {
          const { need, need_id, action } = (a ?? {}) as { need?: string; need_id?: string; action?: string };
          const answers = need || (need_id ? pointedRecord(need_id, cx) : '');
          return answers ? t('timeline.planAction', { need: answers, action: action ?? '' }) : action ?? '';
        })
        .join('; ');
    default: return String(v);
  }
}

/** A form's fields as labelled lines, the empty ones left out. The staff member a centre record is
 *  about travels beside its body (api.addCentreRecord), so `subject` is read from there. */
function formLines(fields: FieldSpec[], r: DescribedRecord, cx: Context): Line[] {
  return fields
    .map((f) => ({ label: cx.t(f.label), value: fieldValue(f, f.name === 'subject' ? r.body.subject ?? r.subject : r.body[f.name], cx) }))
    .filter((line) => line.value !== '');
}

const line = (label: MessageKey, value: string, cx: Context): Line[] => (value ? [{ label: cx.t(label), value }] : []);

/** What a guard override let through: a record type or a lifecycle move, by its name. */
function overridden(what: string, t: Translate): string {
  const key = recordLabel(what) ?? own(ACTION_LABEL, what);
  return key ? t(key) : t('timeline.anotherStep');
}

const stage = (v: unknown, t: Translate): string => t(own(STAGE_LABEL, text(v)) ?? 'timeline.otherStage');

type Reader = (r: DescribedRecord, cx: Context) => Omit<RecordWords, 'title'>;

/** The terms of a disclosure, as the disclosure that left and the request for one both carry them. */
function disclosureTerms(body: DescribedRecord['body'], cx: Context): Line[] {
  return [
    ...line('disclosure.kind', kindText(body.kind, cx.t), cx),
    ...line('disclosure.recipient', text(body.recipient), cx),
    ...line('disclosure.purpose', optionText(cx.t, 'purpose', body.purpose), cx),
    ...line('disclosure.categories', list(body.categories).map((c) => optionText(cx.t, 'category', c)).join(', '), cx),
    ...line('disclosure.referral', body.referral_id ? pointedRecord(text(body.referral_id), cx) : '', cx),
    ...line('disclosure.reason', text(body.reason), cx),
  ];
}

/** The records with no form: those the server writes itself, and disclosures. */
const READERS: Record<string, Reader> = {
  disclosure: ({ body }, cx) => ({ lines: disclosureTerms(body, cx) }),
  // Someone on the case asked the centre head to approve a release (I.3.a), and her answer: who asked,
  // for whom, what; who decided, and why (disclosures/terms.ts).
  disclosure_request: requestWords,
  disclosure_decision: decisionWords,
  guard_override: ({ body }, cx) => ({
    sentence: cx.t('timeline.override', { clauses: list(body.clauses).map(String).join(', '), what: overridden(text(body.what), cx.t) }),
    lines: line('rf.reason', text(body.reason), cx),
  }),
  break_glass: ({ body }, cx) => ({
    sentence: cx.t('timeline.breakGlass', { until: formatDateTime(text(body.until)) }),
    lines: line('rf.reason', text(body.reason), cx),
  }),
  legal_hold: ({ body }, cx) => ({
    lines: [...line('timeline.authority', text(body.authority), cx), ...line('rf.reason', text(body.reason), cx)],
  }),
  legal_hold_lifted: ({ body }, cx) => ({
    lines: [...line('timeline.hold', pointedRecord(text(body.hold_id), cx), cx), ...line('rf.reason', text(body.reason), cx)],
  }),
  // A lifecycle move, by the stages' names; the move itself tells a closure from a lost contact's.
  stage_move: ({ body }, cx) => ({
    sentence: cx.t('timeline.stageMove', { from: stage(body.from, cx.t), to: stage(body.to, cx.t) }),
    lines: line('timeline.moveAction', cx.t(own(ACTION_LABEL, text(body.action)) ?? 'timeline.anotherStep'), cx),
  }),
  correction: ({ body }, cx) => ({
    sentence: correctionSentence(body as unknown as Parameters<typeof correctionSentence>[0], cx.t, cx.lang),
    lines: [],
  }),
};

/** Whether this UI has words for a record type (the unit test asks it of every type the server knows). */
export function hasWords(type: string): boolean {
  return own(READERS, type) !== undefined || formFor(type) !== undefined;
}

/** Only the named fields of a record's form, as labelled lines: the essentials the case summary prints. */
export function describeFields(r: DescribedRecord, names: readonly string[], cx: Context): Line[] {
  const form = formFor(r.type);
  return form ? formLines(form.fields.filter((f) => names.includes(f.name)), r, cx) : [];
}

export function describeRecord(r: DescribedRecord, cx: Context): RecordWords {
  const label = recordLabel(r.type);
  const title = label ? cx.t(label) : cx.t('timeline.otherRecord');
  const reader = own(READERS, r.type);
  if (reader) return { title, ...reader(r, cx) };
  const form = formFor(r.type);
  // A type newer than this UI: its name and fields would be the server's spelling, so only its time shows.
  return { title, lines: form ? formLines(form.fields, r, cx) : [] };
}
