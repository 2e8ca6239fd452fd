// A disclosure asked for and decided, in words: the terms of a request (kind, recipient, purpose,
// categories, with the labels of the consent form's checkboxes), the timeline's sentences for the
// request and the head's decision (who asked, to whom, what; who approved or declined, and why), and
// the requests of a case still waiting for her. Never an ID or an ISO time: people by name, the
// request a decision answers by who made it and when. Pure, unit-tested.
import { formatDateTime } from '../format';
import { k, type MessageKey, type Params } from '../i18n';
import { OPTION_LABEL, optionText } from '../records/schema';

type Translate = (key: MessageKey, params?: Params) => string;

/** A record as these words need it: the timeline's, the queue's and a package's alike. Who wrote it
 * and when come with every record the server sends. */
export interface RecordLike {
  id: string;
  type: string;
  occurred_at: string;
  recorded_at?: string;
  recorded_by?: string;
  body: Record<string, unknown>;
}

export interface WordsContext {
  t: Translate;
  /** The case's records, by ID: a decision reads the request it answers. */
  records: ReadonlyMap<string, RecordLike>;
  /** A member of staff's name; undefined for someone the reader's list does not hold. */
  staffName: (id: string) => string | undefined;
}

export interface Line {
  label: string;
  value: string;
}

export interface Words {
  sentence: string;
  lines: Line[];
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const who = (id: string | undefined, cx: WordsContext) => (id && cx.staffName(id)) || cx.t('timeline.someone');

/** Every kind of disclosure, with the transfer of a whole case (its own route, so not among the panel's kinds). */
const KIND: Record<string, MessageKey> = { ...OPTION_LABEL.disclosure_kind, case_transfer: k('opt.disclosure_kind.case_transfer') };

/** A disclosure's kind in words; one newer than this UI as "another kind", never in the API's spelling. */
export function kindText(kind: unknown, t: Translate): string {
  const key = typeof kind === 'string' && Object.prototype.hasOwnProperty.call(KIND, kind) ? KIND[kind] : undefined;
  return t(key ?? 'timeline.anotherKind');
}

export const categoriesText = (body: Record<string, unknown>, t: Translate): string =>
  list(body.categories).map((c) => optionText(t, 'category', c)).join(', ');

export type Term = 'kind' | 'recipient' | 'purpose' | 'categories' | 'reason';

const TERMS: Record<Term, { label: MessageKey; read: (body: Record<string, unknown>, t: Translate) => string }> = {
  kind: { label: k('disclosure.kind'), read: (b, t) => kindText(b.kind, t) },
  recipient: { label: k('disclosure.recipient'), read: (b) => text(b.recipient) },
  purpose: { label: k('disclosure.purpose'), read: (b, t) => optionText(t, 'purpose', b.purpose) },
  categories: { label: k('disclosure.categories'), read: (b, t) => categoriesText(b, t) },
  reason: { label: k('disclosure.reason'), read: (b) => text(b.reason) },
};

/** The terms of a disclosure asked for, those named and in their order, as labelled lines; a reason
 * only when one was given. */
export function termsLines(body: Record<string, unknown>, t: Translate, terms: readonly Term[]): Line[] {
  return terms.map((term) => ({ label: t(TERMS[term].label), value: TERMS[term].read(body, t) })).filter((l) => l.value !== '');
}

/** "Trần Văn Minh asked the centre head to approve a disclosure to … of: Health." */
export function requestWords(r: RecordLike, cx: WordsContext): Words {
  const { t } = cx;
  return {
    sentence: t('release.requestSentence', { who: who(r.recorded_by, cx), recipient: text(r.body.recipient), categories: categoriesText(r.body, t) }),
    lines: termsLines(r.body, t, ['kind', 'purpose', 'reason']),
  };
}

/** "Nguyễn Thị Lan approved the request Trần Văn Minh made on 10/06/2026 14:02: …", with her reason. */
export function decisionWords(r: RecordLike, cx: WordsContext): Words {
  const { t } = cx;
  const request = cx.records.get(text(r.body.request_id));
  const approved = r.body.approved === true;
  const params = { who: who(r.recorded_by, cx) };
  const sentence = request
    ? t(approved ? 'release.approvedSentence' : 'release.declinedSentence', {
        ...params,
        asker: who(request.recorded_by, cx),
        at: formatDateTime(request.recorded_at ?? request.occurred_at),
        recipient: text(request.body.recipient),
        categories: categoriesText(request.body, t),
      })
    : t(approved ? 'release.approvedUnknown' : 'release.declinedUnknown', params);
  const reason = text(r.body.reason);
  return { sentence, lines: reason ? [{ label: t('disclosure.reason'), value: reason }] : [] };
}

/** The case's requests no decision has answered yet, oldest first. */
export function waitingRequests<R extends RecordLike>(records: readonly R[]): R[] {
  const decided = new Set(records.filter((r) => r.type === 'disclosure_decision').map((r) => text(r.body.request_id)));
  return records.filter((r) => r.type === 'disclosure_request' && !decided.has(r.id));
}
