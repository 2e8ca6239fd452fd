// The reception form's two parts, the reception record (II.1.a) and the person, as a form holds them
// and as the API takes them: blank at reception, from the case for a correction (casefile/), checked
// before they are sent, and as a draft keeps them. Errors are keyed by the API's field paths
// ("person.birth_date"), so that the server's and the form's land beside the same field.
import type { PersonInput, ReceptionInput, ReferralChannel, Sex, StaffGender } from '../api';
import { dateTimeProblemMessage } from '../components/DateTimeInput';
import { dateProblem, dateTimeProblem, isFutureDate, localInputToUtcIso, parseLocalInputValue, toLocalInputValue, toUtcIsoSeconds } from '../datetime';
import { keptOr } from '../drafts/useDraft';
import { k, type MessageKey, type Params } from '../i18n';

export interface Doc {
  key: number;
  text: string;
}

export interface ReceptionState {
  /** Local "YYYY-MM-DDTHH:MM"; empty at reception until typed: the moment of saving (issue 18). */
  receivedAt: string;
  channel: ReferralChannel;
  authority: string;
  legalBasis: string;
  documents: Doc[];
}

export interface PersonState {
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

/** An error is either a catalog key (re-translated on language switch) or the server's text. */
export type FieldError = { key: MessageKey; params?: Params } | { text: string };
export type Errors = Record<string, FieldError>;

// API field paths in form (DOM) order: the first invalid one takes the focus.
export const RECEPTION_FIELDS = [
  'reception.received_at',
  'reception.referral_channel',
  'reception.referring_authority',
  'reception.legal_basis',
  'reception.documents',
];
export const PERSON_FIELDS = [
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

let docSeq = 1;

/** A document line with a key of this page's own. */
export function newDoc(text = ''): Doc {
  return { key: docSeq++, text };
}

export function blankReception(): ReceptionState {
  return { receivedAt: '', channel: 'police', authority: '', legalBasis: '', documents: [] };
}

export function blankPerson(): PersonState {
  return {
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

/** The reception record as the case holds it, to correct. */
export function receptionOf(r: ReceptionInput): ReceptionState {
  return {
    receivedAt: toLocalInputValue(new Date(r.received_at)),
    channel: r.referral_channel,
    authority: r.referring_authority,
    legalBasis: r.legal_basis,
    documents: r.documents.map((text) => newDoc(text)),
  };
}

/** The person as the case holds her, to correct. */
export function personOf(p: PersonInput): PersonState {
  return {
    name: p.name,
    nameIsAlias: p.name_is_alias,
    sex: p.sex,
    birthDate: p.birth_date ?? '',
    estimatedAge: p.estimated_age === null || p.estimated_age === undefined ? '' : String(p.estimated_age),
    suspectedChild: p.suspected_child,
    nationality: p.nationality,
    languages: p.languages,
    staffGender: p.preferred_staff_gender,
  };
}

export function checkReception(s: ReceptionState): Errors {
  const e: Errors = {};
  const received = parseLocalInputValue(s.receivedAt);
  const receivedTypo = dateTimeProblem(s.receivedAt);
  if (receivedTypo) e['reception.received_at'] = dateTimeProblemMessage(receivedTypo);
  else if (received && received.getTime() > Date.now() + 5 * 60 * 1000) e['reception.received_at'] = { key: k('validation.receivedAtFuture') };
  if (!s.authority.trim()) e['reception.referring_authority'] = { key: k('validation.required') };
  if (!s.legalBasis.trim()) e['reception.legal_basis'] = { key: k('validation.required') };
  return e;
}

export function checkPerson(s: PersonState): Errors {
  const e: Errors = {};
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

/**
 * The reception record to send. An empty time is the moment of saving; a correction's time left as
 * the case had it keeps its seconds, which the form's minutes cannot say (`recorded`: the case's).
 */
export function toReception(s: ReceptionState, recorded?: ReceptionInput): ReceptionInput {
  const unchanged = recorded && s.receivedAt === toLocalInputValue(new Date(recorded.received_at));
  return {
    received_at: unchanged ? recorded.received_at : s.receivedAt ? localInputToUtcIso(s.receivedAt) ?? '' : toUtcIsoSeconds(new Date()),
    referral_channel: s.channel,
    referring_authority: s.authority.trim(),
    legal_basis: s.legalBasis.trim(),
    documents: s.documents.map((d) => d.text.trim()).filter(Boolean),
  };
}

export function toPerson(s: PersonState): PersonInput {
  return {
    name: s.name.trim(),
    name_is_alias: s.nameIsAlias,
    sex: s.sex,
    birth_date: s.birthDate || null,
    estimated_age: s.estimatedAge === '' ? null : Number(s.estimatedAge),
    suspected_child: s.suspectedChild,
    nationality: s.nationality,
    languages: s.languages,
    preferred_staff_gender: s.staffGender,
  };
}

/** A server field path ("reception.documents[1]") as one of the form's (`order`), or null for none. */
export function formField(field: string, order: string[], docs: Doc[]): string | null {
  const f = field.replace(/\[(\d+)\]/g, '.$1');
  const m = /^reception\.documents\.(\d+)$/.exec(f);
  if (m && order.includes('reception.documents')) return Number(m[1]) < docs.length ? f : 'reception.documents';
  if (order.includes(f)) return f;
  return order.find((p) => f.startsWith(`${p}.`)) ?? null;
}

/** The reception record as its draft keeps it: the documents' texts (their keys are the page's own). */
export type ReceptionDraft = Omit<ReceptionState, 'documents'> & { documents: string[] };

export function receptionDraft(s: ReceptionState): ReceptionDraft {
  return { ...s, documents: s.documents.map((d) => d.text) };
}

export function receptionFromDraft(kept: unknown): ReceptionState {
  const saved = keptOr<Record<string, unknown>>(kept, {});
  const texts = keptOr<unknown[]>(saved.documents, []).filter((d): d is string => typeof d === 'string');
  return { ...fromDraft(saved, blankReception()), documents: texts.map((text) => newDoc(text)) };
}

export function personFromDraft(kept: unknown): PersonState {
  return fromDraft(keptOr<Record<string, unknown>>(kept, {}), blankPerson());
}

/** Each of `blank`'s fields from a draft, when it kept one of the same shape. */
function fromDraft<S extends object>(kept: Record<string, unknown>, blank: S): S {
  return Object.fromEntries(Object.entries(blank).map(([name, value]) => [name, keptOr(kept[name], value)])) as S;
}

/** Whether the reception record holds anything a blank one has not (an empty document line is nothing). */
export function receptionTyped(s: ReceptionState, from: ReceptionState = blankReception()): boolean {
  const typed = (r: ReceptionState) => JSON.stringify({ ...r, documents: r.documents.map((d) => d.text.trim()).filter(Boolean) });
  return typed(s) !== typed(from);
}

export function personTyped(s: PersonState, from: PersonState = blankPerson()): boolean {
  return JSON.stringify(s) !== JSON.stringify(from);
}
