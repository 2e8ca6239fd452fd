// Thin fetch wrapper for the Haven JSON API (/api/v1).
// Sends Accept-Language, parses RFC 9457 problem+json. A request refused because the session ended
// (401) waits for the person to sign in again in the dialog over the page, and is then sent once more.
import type { Lang } from './i18n';
// Record type names and record bodies come from the server's OpenAPI document (`npm run gen:types`).
import type { CaseRecordType, CentreRecordBodies, CentreRecordType, NewCaseRecordType, NewCentreRecordType } from './generated/records';
import { limitsFrom } from './session/deadlines';
import { noteEnded, noteLimits, noteRefused, noteRequestSent, noteSignedOut, sessionGeneration, signedInAgain } from './session/tracker';
import type { Submitted } from './submission';

export type { CaseRecordType, CentreRecordType, NewCaseRecordType, NewCentreRecordType };

export type Role = 'case_worker' | 'centre_head' | 'counsellor' | 'administrator' | 'auditor' | 'external_provider';
export type Sex = 'female' | 'male' | 'other' | 'unknown';
export type StaffGender = 'female' | 'male' | 'any';
export type Stage =
  | 'received'
  | 'in_care'
  | 'identification'
  | 'assessment'
  | 'planning'
  | 'reintegration'
  | 'monitoring'
  | 'closed'
  | 'repatriation';
export type ReferralChannel =
  | 'police'
  | 'border_guard'
  | 'social_welfare'
  | 'ngo'
  | 'hotline'
  | 'self'
  | 'family'
  | 'other';

export interface User {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  /** None for an administrator, who manages accounts and sees no case content. */
  centre: { id: string; name: string } | null;
  /** False for an account made through the API that nobody else has confirmed yet: it may only set up its sign-in. */
  confirmed: boolean;
}

export interface CaseSummary {
  id: string;
  code: string;
  /** Whether the reader is on the case (I.3.c); a head's list shows other cases without the person. */
  on_case: boolean;
  name: string | null;
  name_is_alias: boolean | null;
  sex: Sex | null;
  treated_as_child: boolean;
  stage: Stage;
  received_at: string;
}

export interface CaseListFilter {
  stage?: Stage;
  /** The centre head's own cases only. */
  mine?: boolean;
  child?: boolean;
  overdue?: boolean;
}

export interface CaseList {
  items: CaseSummary[];
  total: number;
}

export interface ReceptionInput {
  received_at: string;
  referral_channel: ReferralChannel;
  referring_authority: string;
  legal_basis: string;
  documents: string[];
}

export interface PersonInput {
  name: string;
  name_is_alias: boolean;
  sex: Sex;
  birth_date: string | null;
  estimated_age: number | null;
  suspected_child: boolean;
  nationality: string;
  languages: string[];
  preferred_staff_gender: StaffGender;
}

export interface NewCase {
  reception: ReceptionInput;
  person: PersonInput;
  /** The codes of the earlier cases the worker was shown as possibly the same person, and went on
   * despite (POST /cases/possible-duplicates); the server records the warning in the audit log. */
  possible_duplicates_seen?: string[];
}

/** What reception is asked before a registration: the name typed, and the birth date when known. */
export interface DuplicateQuery {
  name: string;
  birth_date?: string;
}

/** An earlier case of the reader's centre that may be the same person: its code and reception date only. */
export interface PossibleDuplicate {
  code: string;
  received_at: string;
}

export interface CaseDetail {
  id: string;
  code: string;
  stage: Stage;
  version: number;
  created_at: string;
  person: PersonInput & { treated_as_child: boolean };
  reception: ReceptionInput & { recorded_by: { id: string; display_name: string } };
  /** Why the reader may open the case (I.3.c); break_glass until a time. */
  access: { via: 'on_case' | 'received' | 'break_glass'; until: string | null } | null;
  /** Staff IDs on the case now and the one the victim designated (II.1.d), as the server reads the records. */
  staff_on_case: string[];
  designated_staff: string | null;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  field?: string;
  clause?: string;
  refusals?: { clause: string; message: string; overridable?: boolean }[];
}

/** Error thrown for every non-2xx answer and for network failures (status 0, code "network"). */
export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? problem.code ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
  get code(): string | undefined {
    return this.problem.code;
  }
  get isNetwork(): boolean {
    return this.problem.status === 0;
  }
}

let currentLang: Lang = 'vi';
/** The session's anti-forgery token, sent with every change; told by the sign-in and GET /session. */
let csrfToken = '';

export function setApiLang(lang: Lang): void {
  currentLang = lang;
}

/** For a caller that asked for 401s back (a wrong password is one too) and found the session gone. */
export function reportUnauthenticated(): void {
  noteEnded();
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH';
  /** The answer's language when not the reader's: a sheet for the victim, in theirs. */
  lang?: Lang;
  body?: unknown;
  /** When false, a 401 is the caller's (a wrong password is one too): nothing waits for a sign-in. */
  awaitSignIn?: boolean;
  signal?: AbortSignal;
  /** The same for every sending of one submission of a form (submission.ts): the server stores it once. */
  idempotencyKey?: string;
  /**
   * Sent by the page on its own (the unread notifications read every two minutes), not because
   * someone did something: not counted as her activity, so that a page nobody touches still reaches
   * the idle limit (docs/security.md), and a 401 is the caller's: nothing waits for a sign-in.
   */
  background?: boolean;
}

/** An answer as it came: its status and its body's text. */
interface Answer {
  status: number;
  text: string;
}

/**
 * How a request leaves, given the headers every request carries: fetch for JSON, an XMLHttpRequest
 * for a file whose upload shows its progress (attachDocument). Rejects with an AbortError when the
 * person cancelled it, and with a network ApiError when no answer came.
 */
type Transport = (headers: Record<string, string>) => Promise<Answer>;

const networkError = () => new ApiError({ status: 0, code: 'network' });

/** A refusal's problem+json; a body that is not one (a proxy's error page) leaves its status, and a code by it. */
function problemOf({ status, text }: Answer): Problem {
  let problem: Problem = { status };
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object') problem = { ...(body as Problem), status };
  } catch {
    /* not JSON (e.g. a proxy error page) */
  }
  if (!problem.code) {
    if (status === 401) problem.code = 'unauthenticated';
    else if (status === 404) problem.code = 'not_found';
    else if (status >= 500) problem.code = 'server';
  }
  return problem;
}

/**
 * Sends a request through `transport` with the reader's language (or `opts.lang`) and, on a change,
 * the session's anti-forgery token; the answer's JSON, or an ApiError with its problem.
 */
async function exchange<T>(transport: Transport, opts: RequestOptions, sentAgain = false): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': opts.lang ?? currentLang,
  };
  if ((opts.method ?? 'GET') !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;
  const sentAt = Date.now();
  const sentIn = sessionGeneration();
  const res = await transport(headers);
  if (res.status !== 401 && !opts.background) noteRequestSent(sentAt);
  // Refused before its handler ran, so sending it again cannot do it twice; the anti-forgery token
  // is read again, since the new session has its own.
  if (res.status === 401 && opts.awaitSignIn !== false && !opts.background && noteRefused(sentIn) && !sentAgain) {
    await signedInAgain();
    return exchange<T>(transport, opts, true);
  }
  if (res.status >= 200 && res.status < 300) return (res.status === 204 || !res.text ? undefined : JSON.parse(res.text)) as T;
  throw new ApiError(problemOf(res));
}

function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  return exchange<T>(async (headers) => {
    const init: RequestInit = { method: opts.method ?? 'GET', headers, credentials: 'same-origin', cache: 'no-store' };
    if (opts.signal) init.signal = opts.signal;
    if (opts.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(opts.body);
    }
    try {
      const res = await fetch(`/api/v1${path}`, init);
      return { status: res.status, text: await res.text() };
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      throw networkError();
    }
  }, opts);
}

/**
 * POSTs a file's raw bytes (its own Content-Type, not JSON, not multipart) through an XMLHttpRequest,
 * since fetch cannot tell how much of a request's body has left: `onProgress` hears the share sent,
 * 0 to 1. Aborted with `signal` (an AbortError, as fetch's).
 */
function sendFile<T>(
  path: string,
  file: Blob,
  extraHeaders: Record<string, string>,
  onProgress: (sent: number) => void,
  signal?: AbortSignal,
): Promise<T> {
  return exchange<T>(
    (headers) =>
      new Promise<Answer>((resolve, reject) => {
        const aborted = () => new DOMException('The upload was cancelled.', 'AbortError');
        if (signal?.aborted) return reject(aborted());
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `/api/v1${path}`);
        for (const [name, value] of Object.entries({ ...headers, ...extraHeaders })) xhr.setRequestHeader(name, value);
        xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
        xhr.upload.onprogress = (e) => e.lengthComputable && e.total > 0 && onProgress(e.loaded / e.total);
        xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
        xhr.onerror = () => reject(networkError());
        xhr.onabort = () => reject(aborted());
        signal?.addEventListener('abort', () => xhr.abort(), { once: true });
        xhr.send(file);
      }),
    { method: 'POST' },
  );
}

/** Two-step sign-in: on for this account; and whether the session must set it up before anything else. */
export interface SecondFactorState {
  enabled: boolean;
  setup_required: boolean;
}

export interface SessionAnswer {
  user: User;
  csrf_token: string;
  second_factor: SecondFactorState;
  /** Its limits: idle seconds, and the moment it ends whatever the activity. */
  session: { idle_timeout_seconds: number; ends_at: string };
}

export interface SecondFactorEnrolment {
  /** Base32, to type into the app by hand. */
  secret: string;
  /** otpauth://totp/… for the QR code. */
  otpauth_uri: string;
}

function forgetSession(): void {
  csrfToken = '';
  noteSignedOut();
}

function remember(answer: SessionAnswer): SessionAnswer {
  csrfToken = answer.csrf_token;
  noteLimits(limitsFrom(answer.session));
  return answer;
}

/** A record of a case file after reception; `body` holds the type's fields (records/schema.ts). */
// GET /cases/{id}/records: a page of them, and the record to go on after when more follow.
export interface RecordPage {
  items: CaseRecord[];
  total: number;
  next?: string;
}

/** What a record carries whatever its type; a form reads its body by field name (records/schema.ts). */
interface RecordEnvelope {
  id: string;
  occurred_at: string;
  recorded_at: string;
  recorded_by: string;
  version: number;
  body: Record<string, unknown>;
}

export interface CaseRecord extends RecordEnvelope {
  type: CaseRecordType;
}

/** A record to post: a case's (NewCaseRecordType) or the centre's (NewCentreRecordType). */
export interface NewRecord<T extends string = NewCaseRecordType> {
  type: T;
  occurred_at: string;
  body: Record<string, unknown>;
  override_reason?: string;
}

export interface Refusal {
  clause: string;
  message: string;
  overridable: boolean;
}

/** Whether the reader may add a record of a type now, and, if not, every rule that refuses it. */
export interface RecordTypeCheck {
  type: NewCaseRecordType;
  allowed: boolean;
  refusals: Refusal[];
}

/** GET /cases/{id}/record-types, and the case file's `record_types`: `may_add` false when the
 * reader's role adds no records at all. */
export interface RecordTypeChecks {
  may_add: boolean;
  items: RecordTypeCheck[];
}

export interface LifecycleMove {
  action: string;
  to: Stage;
  allowed: boolean;
  refusals: Refusal[];
}

export interface CaseMoves {
  version: number;
  may_act: boolean;
  may_override: boolean;
  items: LifecycleMove[];
}

export interface Task {
  clause: string;
  task: string;
  what: string;
  due_at: string;
  overdue: boolean;
  about_record_id: string;
  /** The record type that fulfils the task (e.g. counselling_session for II.3.a); its form is the next step. */
  record_type: string;
}

export type ClauseState = 'met' | 'pending' | 'overdue' | 'not_met' | 'not_applicable';

export interface ClauseCompliance {
  clause: string;
  title: string;
  state: ClauseState;
  evidence: string[];
  reason?: string;
}

export interface Colleague {
  id: string;
  display_name: string;
  role: Role;
  disabled: boolean;
}

export interface DisclosureRequest {
  kind: string;
  recipient: string;
  purpose: string;
  categories: string[];
  reason?: string;
  referral_id?: string;
}

/** The kinds of file a case accepts, as the server tells them by their first bytes. */
export type DocumentMediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

/**
 * A scanned paper or a photo attached to a case (an ID paper, an authority's decision, a signed
 * consent form, a medical report). Its bytes are read only when someone opens it: every opening is
 * audited (documentHref). `category` is an information category, as consent names them: it decides
 * whether the document may leave with a disclosure (I.3.b).
 */
export interface CaseDocument {
  id: string;
  name: string;
  category: string;
  media_type: DocumentMediaType;
  byte_size: number;
  /** The record it belongs to; null: the case as a whole. */
  record_id: string | null;
  /** A staff ID: the name comes from the centre's staff. */
  recorded_by: string;
  recorded_at: string;
}

/** What is sent with a document's bytes (POST /cases/{id}/documents?name=…&category=…). */
export interface NewDocument {
  name: string;
  category: string;
}

/** Exactly what a disclosure carries (POST .../disclosure-packages[/preview]). */
export interface DisclosurePackage {
  preview: boolean;
  ready: boolean;
  refusals: { clause: string; message: string }[];
  disclosure_id: string | null;
  language: 'vi' | 'en';
  title: string;
  notice: string;
  kind: string;
  recipient: string;
  purpose: string;
  categories: { id: string; label: string }[];
  generated_at: string;
  case: { code: string; person?: CaseDetail['person']; reception?: ReceptionInput; stage?: Stage };
  records: (CaseRecord & { categories: string[] })[];
  /**
   * The documents whose category the consent covers, in a package that carries the person's identity
   * (a scan shows who it is about); without who attached them. Absent from a server without documents.
   */
  documents?: Omit<CaseDocument, 'recorded_by' | 'record_id'>[];
}

/** Everything the case page shows, from one reading of the case (GET /cases/{id}/file); the prints
 * read it the same way. */
export interface CaseFile {
  detail: CaseDetail;
  records: CaseRecord[];
  moves: CaseMoves;
  tasks: Task[];
  compliance: ClauseCompliance[];
  /** Which records the reader may add now, and what refuses the others; read again with the file. */
  recordTypes: RecordTypeChecks | null;
  /** The documents attached to the case, oldest first. */
  documents: CaseDocument[];
}

/** A worker's request that the centre head approve a disclosure (POST .../disclosure-requests): the
 * disclosure_request record, its body the terms asked for. */
export interface ReleaseRequest {
  case_id: string;
  case_code: string;
  request: CaseRecord;
}

/** The head's decision on a request, and the package that left when she approved it. */
export interface ReleaseDecision {
  decision: CaseRecord;
  package: DisclosurePackage | null;
}

/** The two roles every open case needs besides whoever received the person. */
export type CaseStaffRole = 'case_worker' | 'counsellor';

/** An open case short of staff, by code only: the head is not on it (I.3.c). */
export interface ShortStaffedCase {
  id: string;
  code: string;
  stage: Stage;
  received_at: string;
  /** Enabled accounts on the case; 0: only whoever received the person can open it. */
  staff_on_case: number;
  missing: CaseStaffRole[];
}

/** A member of staff the head may put on a case, with what matching and screening need (II.1.b, III.1.b). */
export interface StaffCandidate {
  id: string;
  display_name: string;
  role: Role;
  screened: boolean;
  sex: Sex;
  languages: string[];
  open_cases: number;
}

/** GET /centre/staffing: the cases longest waiting first (at most 200 of `total`), the staff least loaded first. */
export interface StaffingQueue {
  cases: ShortStaffedCase[];
  total: number;
  staff: StaffCandidate[];
}

/** A case the reader is on, with its open tasks (GET /my-work). */
export interface MyCase {
  id: string;
  code: string;
  name: string;
  name_is_alias: boolean;
  treated_as_child: boolean;
  stage: Stage;
  received_at: string;
  tasks: Task[];
}

export interface MyWork {
  cases: MyCase[];
  more_cases: number;
  recent: { case_id: string; case_code: string; record_id: string; type: CaseRecordType; recorded_at: string; recorded_by: string }[];
}

/** The head's own verdict on a clause the data cannot show (a manual_assessment centre record). */
export interface ManualAssessment {
  record_id: string;
  verdict: 'met' | 'not_met';
  note: string;
  /** A staff ID: the name comes from the centre's staff. */
  recorded_by: string;
  occurred_at: string;
}

export interface SelfAssessmentLine {
  clause: string;
  title: string;
  /** `enforced`: the data shows nothing, but a guard of Haven refuses what would break the clause. */
  basis: 'cases' | 'staff' | 'centre' | 'manual' | 'enforced';
  met: number;
  pending: number;
  overdue: number;
  not_met: number;
  not_applicable: number;
  /** The latest manual assessment of the clause; null when it has none. */
  assessed?: ManualAssessment | null;
}

export interface StaffIndicators {
  staff_id: string;
  screened: boolean;
  direct_support: boolean;
  last_supervision: string | null;
  supervision_overdue: boolean;
  trained_in_recovery: boolean;
  trained_in_law: boolean;
  caseload: number;
}

export interface SelfAssessment {
  from: string;
  to: string;
  cases: number;
  lines: SelfAssessmentLine[];
  staff: StaffIndicators[];
  centre: { facilities: ClauseState; providers: number; stale_providers: string[] };
}

/** Deadlines that fell due in a month: kept on time, done late, still overdue. */
export interface DeadlineCounts {
  kept: number;
  late: number;
  overdue: number;
}

/** GET /centre/dashboard: the centre head's figures of her centre now, and of the last twelve months. */
export interface Dashboard {
  generated_at: string;
  open_cases: number;
  /** Every stage, in the order of the service. */
  by_stage: { stage: Stage; cases: number }[];
  /** Only the clauses with overdue tasks; `title` in the request's language. */
  overdue_by_clause: { clause: string; title: string; tasks: number }[];
  /** Overdue on open cases nobody is assigned to yet (the one who received the person works them). */
  overdue_unassigned: number;
  /** The enabled case workers, counsellors and heads, by name. */
  staff: { id: string; display_name: string; role: Role; open_cases: number; overdue: number }[];
  trend: {
    /** Twelve calendar months ("YYYY-MM", UTC), the last the current one. */
    months: string[];
    total: DeadlineCounts[];
    /** Only the clauses with any deadline in the twelve months. */
    clauses: { clause: string; title: string; months: DeadlineCounts[] }[];
  };
  referrals: { provider: string; status: ReferralStatus; referrals: number }[];
}

export type ReferralStatus = 'sent' | 'accepted' | 'declined' | 'completed';

export interface ProgressSummary {
  stage: string;
  done: { date: string; text: string }[];
  next: string;
}

export interface ProviderEntry {
  id: string;
  occurred_at: string;
  body: CentreRecordBodies['service_provider'];
  stale: boolean;
}

export interface CentreRecord extends RecordEnvelope {
  type: CentreRecordType;
  /** The member of staff a staff record is about; empty for the centre's own. */
  subject: string;
}

export interface Account {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  centre_id: string | null;
  organisation: string;
  disabled: boolean;
  second_factor: boolean;
  created_at: string;
  /** Who made it through the API; null: at the server's command line. */
  created_by: string | null;
  /** Its owner has set the password with the activation code. */
  activated: boolean;
  activation_expires_at: string | null;
  /** Someone other than its maker confirmed it (or it was made at the command line). */
  confirmed: boolean;
  confirmed_by: string | null;
  confirmed_at: string | null;
}

export interface NewAccount {
  centre_id?: string;
  username: string;
  display_name: string;
  role: Role;
  organisation?: string;
}

/** A one-time code that lets the owner of a new account set its password; shown once. */
export interface ActivationCode {
  code: string;
  expires_at: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor_id: string | null;
  action: string;
  case_id: string | null;
  case_code: string | null;
  subject_id: string | null;
  detail: string;
}

export interface AuditCheck {
  intact: boolean;
  chained: number;
  unchained: number;
  problem: 'none' | 'altered' | 'broken_link' | 'unchained_in_chain' | 'last_entries_missing';
  first_bad_id: number | null;
  checked_at: string;
}

export type NotificationKind = 'assignment' | 'crisis' | 'overdue' | 'disclosure_request' | 'disclosure_decision';

/**
 * Something for the reader on one of her cases (GET /notifications), by the case's code only, never
 * the person's name: she was assigned to it, a crisis intervention (II.3.b) or another task of it is
 * due or overdue, a disclosure request waits for the head's decision (I.3.a), or the head decided the
 * reader's request.
 */
export interface Notification {
  /** Stable while the notification is listed: what marks it read. */
  key: string;
  kind: NotificationKind;
  case_id: string;
  case_code: string;
  /** The task's clause, or I.3.a for a disclosure; null for an assignment. */
  clause: string | null;
  /** The disclosure request a disclosure_request or disclosure_decision is about; null otherwise. */
  record_id: string | null;
  /** An assignment's or a request's or decision's moment; a task's deadline. */
  at: string;
  read: boolean;
  /** A disclosure_decision's: what the head decided. */
  verdict?: 'approve' | 'decline';
}

/** The newest first, at most 100; `unread` counts every unread one, listed or not. */
export interface NotificationList {
  unread: number;
  items: Notification[];
}

const casePath = (id: string) => `/cases/${encodeURIComponent(id)}`;

/**
 * Where a document's bytes are read, for a link the person follows (never fetched by the page: each
 * opening is audited); `download`, as an attachment rather than shown in the browser.
 */
export const documentHref = (caseId: string, documentId: string, download = false): string =>
  `/api/v1${casePath(caseId)}/documents/${encodeURIComponent(documentId)}/content${download ? '?download=1' : ''}`;

/** What someone typed into a form and has not saved, kept on the server (docs/security.md, "Drafts"). */
export interface Draft {
  form: string;
  content: unknown;
  saved_at: string;
}

/**
 * Where a form's draft is kept: a case's forms (`record.<type>`) under the case, the reception form,
 * before there is a case, on its own (`caseId` null).
 */
const draftPath = (caseId: string | null, form: string) =>
  `${caseId === null ? '' : casePath(caseId)}/drafts/${encodeURIComponent(form)}`;

/** A draft is sent only into its writer's session: after it ended, once she has signed in again. */
const whenSignedIn = <T>(send: () => Promise<T>): Promise<T> => signedInAgain().then(send);

async function recordPages(id: string, from: string): Promise<CaseRecord[]> {
  const all: CaseRecord[] = [];
  for (let after = from; ; ) {
    const p = new URLSearchParams({ limit: '500' });
    if (after) p.set('after', after);
    const page = await request<RecordPage>(`${casePath(id)}/records?${p.toString()}`);
    all.push(...page.items);
    if (!page.next) return all;
    after = page.next;
  }
}

export const api = {
  getSession: () => request<SessionAnswer>('/session', { awaitSignIn: false }).then(remember),
  /** Any request is activity: this one, sent while someone types, keeps the session alive. */
  keepAlive: () => request<SessionAnswer>('/session').then(remember),
  /** `code`: the authenticator app's 6 digits, once the server has answered second_factor_required. */
  signIn: (username: string, password: string, code?: string) =>
    request<SessionAnswer>('/session', {
      method: 'POST',
      body: code === undefined ? { username, password } : { username, password, code },
      awaitSignIn: false,
    }).then(remember),
  startSecondFactor: (password: string) =>
    request<SecondFactorEnrolment>('/session/second-factor', { method: 'POST', body: { password }, awaitSignIn: false }),
  confirmSecondFactor: (code: string) =>
    request<{ second_factor: SecondFactorState }>('/session/second-factor/confirm', { method: 'POST', body: { code } }),
  signOut: () =>
    request<void>('/session', { method: 'DELETE', awaitSignIn: false }).then(forgetSession, (e: unknown) => {
      // Already ended: signed out all the same.
      if (e instanceof ApiError && e.status === 401) forgetSession();
      throw e;
    }),
  listCases: (q: string, offset = 0, limit = 50, signal?: AbortSignal, filter: CaseListFilter = {}) => {
    const p = new URLSearchParams({ q, limit: String(limit), offset: String(offset) });
    if (filter.stage) p.set('stage', filter.stage);
    if (filter.mine) p.set('mine', 'true');
    if (filter.child) p.set('child', 'true');
    if (filter.overdue) p.set('overdue', 'true');
    return request<CaseList>(`/cases?${p.toString()}`, signal ? { signal } : {});
  },
  createCase: ({ body, key }: Submitted<NewCase>) => request<CaseDetail>('/cases', { method: 'POST', body, idempotencyKey: key }),
  getCase: (id: string) => request<CaseDetail>(`/cases/${encodeURIComponent(id)}`),
  /** Corrects what reception recorded of the person, with a reason (the case's version as read). */
  correctPerson: (id: string, body: { version: number; person: PersonInput; reason: string }) =>
    request<CaseDetail>(`${casePath(id)}/person`, { method: 'PUT', body }),
  correctReception: (id: string, body: { version: number; reception: ReceptionInput; reason: string }) =>
    request<CaseDetail>(`${casePath(id)}/reception`, { method: 'PUT', body }),
  // Every page of a case's records, oldest first: the consent in force and the release gate read them
  // all. The server caps a case's size, so the pages end.
  // Everything the case page shows, read once and audited once (GET /cases/{id}/file); a file longer
  // than one page of records reads the rest as /records pages.
  getCaseFile: async (id: string): Promise<CaseFile> => {
    const file = await request<{
      case: CaseDetail;
      records: RecordPage;
      actions: CaseMoves;
      tasks: { items: Task[] };
      compliance: { items: ClauseCompliance[] };
      record_types?: RecordTypeChecks;
      documents?: CaseDocument[];
    }>(`${casePath(id)}/file?limit=500`);
    const records = [...file.records.items];
    if (file.records.next) records.push(...(await recordPages(id, file.records.next)));
    return {
      detail: file.case,
      records,
      moves: file.actions,
      tasks: file.tasks.items,
      compliance: file.compliance.items,
      // Which records may be added now, and what refuses the others (null from a server without it).
      recordTypes: file.record_types ?? null,
      // None from a server without documents.
      documents: file.documents ?? [],
    };
  },
  /** Attaches a file to the case, its bytes as they are; `onProgress` hears the share sent (0 to 1). */
  attachDocument: (id: string, file: Blob, doc: NewDocument, onProgress: (sent: number) => void, signal?: AbortSignal) =>
    // The name in a header, percent-encoded: never in the address, which proxies write to their logs.
    sendFile<CaseDocument>(
      `${casePath(id)}/documents?${new URLSearchParams({ category: doc.category }).toString()}`,
      file,
      { 'Document-Name': encodeURIComponent(doc.name) },
      onProgress,
      signal,
    ),
  /** The same as the case file's `record_types`, on its own. */
  listRecordTypes: (id: string) => request<RecordTypeChecks>(`${casePath(id)}/record-types`),
  /** Earlier cases of the reader's centre that may be the same person, asked before registering one. */
  findPossibleDuplicates: (query: DuplicateQuery) =>
    request<{ items: PossibleDuplicate[] }>('/cases/possible-duplicates', { method: 'POST', body: query }).then((r) => r.items),
  // Every page of a case's records, oldest first: the consent in force and the release gate read them
  // all. The server caps a case's size, so the pages end.
  listRecords: (id: string) => recordPages(id, ''),
  addRecord: (id: string, { body, key }: Submitted<NewRecord>) =>
    request<CaseRecord>(`${casePath(id)}/records`, { method: 'POST', body, idempotencyKey: key }),
  /** The reader's draft of a form, or null when there is none. */
  getDraft: (caseId: string | null, form: string) =>
    request<Draft>(draftPath(caseId, form)).catch((e: unknown) => {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }),
  saveDraft: (caseId: string | null, form: string, content: unknown) =>
    whenSignedIn(() => request<Omit<Draft, 'content'>>(draftPath(caseId, form), { method: 'PUT', body: { content } })),
  discardDraft: (caseId: string | null, form: string) =>
    whenSignedIn(() => request<void>(draftPath(caseId, form), { method: 'DELETE' })),
  takeAction: (id: string, action: string, version: number, overrideReason?: string) =>
    request<CaseDetail>(`${casePath(id)}/actions`, {
      method: 'POST',
      body: overrideReason ? { action, version, override_reason: overrideReason } : { action, version },
    }),
  previewPackage: (id: string, disclosure: DisclosureRequest, language: 'vi' | 'en') =>
    request<DisclosurePackage>(`${casePath(id)}/disclosure-packages/preview`, { method: 'POST', body: { disclosure, language } }),
  releasePackage: (id: string, disclosure: DisclosureRequest, language: 'vi' | 'en') =>
    request<DisclosurePackage>(`${casePath(id)}/disclosure-packages`, { method: 'POST', body: { disclosure, language } }),
  getSelfAssessment: (from: string, to: string) =>
    request<SelfAssessment>(`/centre/self-assessment?${new URLSearchParams({ from, to }).toString()}`),
  /** The centre head's dashboard (read_centre_dashboard): the centre's figures now and over twelve months. */
  getDashboard: () => request<Dashboard>('/centre/dashboard'),
  getProgress: (id: string, lang: Lang) => request<ProgressSummary>(`${casePath(id)}/progress`, { lang }),
  listProviders: () => request<{ items: ProviderEntry[]; stale_after_days: number }>('/centre/providers'),
  listCentreRecords: () => request<{ items: CentreRecord[] }>('/centre/records').then((r) => r.items),
  /** A staff record carries its subject among the form's fields; it travels beside the body. */
  addCentreRecord: ({ type, occurred_at, body }: NewRecord<NewCentreRecordType>) => {
    const { subject, ...rest } = body;
    return request<CentreRecord>('/centre/records', {
      method: 'POST',
      body: { type, occurred_at, body: rest, ...(typeof subject === 'string' ? { subject } : {}) },
    });
  },
  listAccounts: () => request<{ centres: { id: string; name: string }[]; items: Account[] }>('/accounts'),
  addAccount: (body: NewAccount) => request<Account & { activation: ActivationCode }>('/accounts', { method: 'POST', body }),
  issueActivation: (id: string) => request<ActivationCode>(`/accounts/${encodeURIComponent(id)}/activation`, { method: 'POST', body: {} }),
  confirmAccount: (id: string) => request<unknown>(`/accounts/${encodeURIComponent(id)}/confirm`, { method: 'POST', body: {} }),
  recordHeadScreening: (id: string, body: { occurred_at: string; body: Record<string, unknown> }) =>
    request<CentreRecord>(`/accounts/${encodeURIComponent(id)}/screening`, { method: 'POST', body }),
  activateAccount: (body: { username: string; code: string; password: string }) =>
    request<{ username: string }>('/account-activation', { method: 'POST', body, awaitSignIn: false }),
  listCentreAccounts: () => request<{ items: Account[] }>('/centre/accounts').then((r) => r.items),
  getCentreAudit: (before?: number) =>
    request<{ items: AuditEntry[]; next_before: number | null }>(`/centre/audit${before ? `?before=${before}` : ''}`),
  setAccountDisabled: (id: string, disabled: boolean) =>
    request<unknown>(`/accounts/${encodeURIComponent(id)}/${disabled ? 'disable' : 'enable'}`, { method: 'POST', body: {} }),
  endSessions: (id: string) => request<{ ended: number }>(`/staff/${encodeURIComponent(id)}/sessions`, { method: 'DELETE' }),
  resetSecondFactor: (id: string) => request<void>(`/staff/${encodeURIComponent(id)}/second-factor`, { method: 'DELETE' }),
  listParameters: () => request<{ items: { clause: string; name: string; value: number; title: string }[] }>('/parameters'),
  verifyAuditLog: () => request<AuditCheck>('/audit/verification'),
  getMyWork: () => request<MyWork>('/my-work'),
  listStaff: () => request<{ items: Colleague[] }>('/centre/staff').then((r) => r.items),
  /** The head's staffing queue: cases short of a case worker or a counsellor, and whom she may put on them. */
  getStaffing: () => request<StaffingQueue>('/centre/staffing'),
  /** A worker on the case asks the head to approve a disclosure she previewed; refused (409) when
   * anything but the head's approval stands in its way. */
  askForRelease: (id: string, disclosure: DisclosureRequest, language: 'vi' | 'en') =>
    request<CaseRecord>(`${casePath(id)}/disclosure-requests`, { method: 'POST', body: { disclosure, language } }),
  /** The requests waiting for the head's decision, oldest first. */
  listReleaseRequests: () => request<{ items: ReleaseRequest[] }>('/centre/disclosure-requests').then((r) => r.items),
  /** Exactly what would leave if the head approved the request now; audited as a reading of it. */
  getRequestedPackage: (id: string, requestId: string, language: 'vi' | 'en') =>
    request<DisclosurePackage>(`${casePath(id)}/disclosure-requests/${encodeURIComponent(requestId)}/package`, { lang: language }),
  decideRelease: (id: string, requestId: string, decision: { decision: 'approve' | 'decline'; reason?: string; language: 'vi' | 'en' }) =>
    request<ReleaseDecision>(`${casePath(id)}/disclosure-requests/${encodeURIComponent(requestId)}/decision`, { method: 'POST', body: decision }),
  /** The reader's notifications (case staff); `background` when the page reads them on its own (RequestOptions). */
  listNotifications: (background = false) => request<NotificationList>('/notifications', background ? { background } : {}),
  /** Marks some of the reader's notifications read (1..200 keys; those no longer listed are ignored), or
   * all of them; the unread count after it. */
  markNotificationsRead: (keys: readonly string[] | 'all') =>
    request<{ unread: number }>('/notifications/read', { method: 'POST', body: keys === 'all' ? { all: true } : { keys } }),
  breakGlass: (id: string, reason: string, minutes: number) =>
    request<unknown>(`/cases/${encodeURIComponent(id)}/break-glass`, { method: 'POST', body: { reason, minutes } }),
};
