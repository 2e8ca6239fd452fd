// Notifications in words and where they lead (notifications/items.ts): each kind a sentence in
// Vietnamese and English naming the case by its code and the moment day first and 24-hour, never a
// key, an ID or an ISO time; the case's overview, the head's queue or the case's consent section;
// the clause shown when there is one. And when the page reads the unread count on its own
// (notifications/reading.ts): every two minutes while visible and in use, never while hidden, and at
// most once after the person's last request, so that an unattended session still reaches its idle limit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DISCLOSURE_QUEUE_HREF, notificationClause, notificationHref, notificationSentence } from './.build/notifications.mjs';
import { backgroundReadDue, READ_EVERY_MS } from './.build/reading.mjs';
import { formatDateTime } from './.build/format.mjs';
import { vi } from './.build/vi.mjs';
import { en } from './.build/en.mjs';

const translator = (catalog) => (key, params = {}) => {
  assert.ok(key in catalog, `the catalog has ${key}`);
  return catalog[key].replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
};

const CASE_ID = '01JH8Z3M4R5T6V7W8X9Y0ZABCD';
const REQUEST_ID = '01JH8Z3M4R5T6V7W8X9Y0ZRQST';
const AT = '2026-01-15T05:00:00Z';
const NOW = Date.parse('2026-01-16T00:00:00Z');
const base = { case_id: CASE_ID, case_code: 'HV-1234-5678', record_id: null, at: AT, read: false };
const N = {
  assignment: { ...base, key: `assignment:${CASE_ID}:1768453200`, kind: 'assignment', clause: null },
  crisis: { ...base, key: `crisis:${CASE_ID}:II.3.b:1768453200`, kind: 'crisis', clause: 'II.3.b' },
  overdue: { ...base, key: `overdue:${CASE_ID}:II.2.a:1768453200`, kind: 'overdue', clause: 'II.2.a' },
  disclosure_request: { ...base, key: `disclosure_request:${REQUEST_ID}`, kind: 'disclosure_request', clause: 'I.3.a', record_id: REQUEST_ID },
  approved: { ...base, key: `disclosure_decision:${REQUEST_ID}`, kind: 'disclosure_decision', clause: 'I.3.a', record_id: REQUEST_ID, verdict: 'approve' },
  declined: { ...base, key: `disclosure_decision:${REQUEST_ID}`, kind: 'disclosure_decision', clause: 'I.3.a', record_id: REQUEST_ID, verdict: 'decline' },
};
/** What a sentence never shows: a key, an ID or an ISO time. */
const RAW = new RegExp(`${CASE_ID}|${REQUEST_ID}|\\d{4}-\\d\\d-\\d\\dT|assignment:|disclosure_|overdue:|crisis:`);
const at = formatDateTime(AT);

test('the moment is written day first and 24-hour, whatever the machine\'s zone', () => {
  assert.match(at, /^1[45]\/01\/2026 \d\d:\d\d$/);
});

test('each kind reads as a sentence in Vietnamese, with the case code and the moment', () => {
  const t = translator(vi);
  const say = (n) => notificationSentence(n, t, NOW);
  assert.equal(say(N.assignment), `Bạn được phân công phụ trách hồ sơ HV-1234-5678 lúc ${at}.`);
  assert.equal(say(N.crisis), `Hồ sơ HV-1234-5678 cần can thiệp khủng hoảng, đã quá hạn từ ${at}.`);
  assert.equal(say(N.overdue), `Hồ sơ HV-1234-5678 có việc đã quá hạn từ ${at}.`);
  assert.equal(say(N.disclosure_request), `Đề nghị cung cấp thông tin của hồ sơ HV-1234-5678 đang chờ bạn phê duyệt (gửi lúc ${at}).`);
  assert.equal(say(N.approved), `Giám đốc đã phê duyệt đề nghị cung cấp thông tin của bạn về hồ sơ HV-1234-5678 lúc ${at}.`);
  assert.equal(say(N.declined), `Giám đốc không phê duyệt đề nghị cung cấp thông tin của bạn về hồ sơ HV-1234-5678 (lúc ${at}).`);
  for (const n of Object.values(N)) assert.doesNotMatch(say(n), RAW, n.kind);
});

test('each kind reads as a sentence in English', () => {
  const t = translator(en);
  const say = (n) => notificationSentence(n, t, NOW);
  assert.equal(say(N.assignment), `You were assigned to case HV-1234-5678 on ${at}.`);
  assert.equal(say(N.overdue), `Case HV-1234-5678 has a task overdue since ${at}.`);
  assert.equal(say(N.disclosure_request), `A request to disclose information from case HV-1234-5678 waits for your decision (asked on ${at}).`);
  assert.equal(say(N.approved), `The centre head approved your disclosure request for case HV-1234-5678 on ${at}.`);
  assert.equal(say(N.declined), `The centre head declined your disclosure request for case HV-1234-5678 (on ${at}).`);
  for (const n of Object.values(N)) assert.doesNotMatch(say(n), RAW, n.kind);
});

test('a crisis intervention still ahead reads "by", one passed "overdue since"', () => {
  const t = translator(en);
  assert.equal(notificationSentence(N.crisis, t, Date.parse(AT) - 60_000), `Case HV-1234-5678 needs a crisis intervention by ${at}.`);
  assert.equal(notificationSentence(N.crisis, t, Date.parse(AT)), `Case HV-1234-5678 needs a crisis intervention, overdue since ${at}.`);
});

test('a kind or a verdict newer than this UI still reads in words, never in the API\'s spelling', () => {
  for (const catalog of [vi, en]) {
    const t = translator(catalog);
    const other = notificationSentence({ ...N.assignment, kind: 'case_transferred' }, t, NOW);
    assert.equal(other, catalog['notifications.other'].replace('{code}', 'HV-1234-5678').replace('{at}', at));
    const decided = notificationSentence({ ...N.approved, verdict: 'constructor' }, t, NOW);
    assert.equal(decided, catalog['notifications.decided'].replace('{code}', 'HV-1234-5678').replace('{at}', at));
    assert.equal(notificationSentence({ ...N.approved, verdict: undefined }, t, NOW), decided);
    assert.doesNotMatch(other + decided, /case_transferred|constructor/);
  }
});

test('each leads where the work is', () => {
  const overview = `/cases/${CASE_ID}`;
  assert.equal(notificationHref(N.assignment), overview);
  assert.equal(notificationHref(N.crisis), overview, 'the overview, with its next steps');
  assert.equal(notificationHref(N.overdue), overview);
  assert.equal(notificationHref(N.disclosure_request), '/centre/disclosures');
  assert.equal(DISCLOSURE_QUEUE_HREF, '/centre/disclosures');
  assert.equal(notificationHref(N.approved), `/cases/${CASE_ID}?section=consent`);
  assert.equal(notificationHref(N.declined), `/cases/${CASE_ID}?section=consent`);
  assert.equal(notificationHref({ ...N.assignment, kind: 'case_transferred' }), overview, 'a newer kind: the case');
  assert.equal(notificationHref({ ...N.assignment, case_id: 'a/b c' }), '/cases/a%2Fb%20c', 'the ID is escaped');
});

test('the clause is shown when there is one', () => {
  assert.equal(notificationClause(N.assignment), null);
  assert.equal(notificationClause(N.crisis), 'II.3.b');
  assert.equal(notificationClause(N.overdue), 'II.2.a');
  assert.equal(notificationClause(N.declined), 'I.3.a');
  assert.equal(notificationClause({ clause: '  ' }), null);
  assert.equal(notificationClause({}), null);
});

test('every notification key the page uses is in both catalogs', () => {
  const keys = Object.keys(vi).filter((key) => key.startsWith('notifications.') || key === 'nav.notifications' || key === 'title.notifications');
  assert.ok(keys.length >= 20);
  for (const key of keys) assert.ok(key in en, key);
  assert.equal(vi['notifications.markAll'], 'Đánh dấu tất cả là đã đọc');
  assert.equal(vi['notifications.title'], 'Thông báo');
});

const state = (change = {}) => ({
  visible: true,
  sessionAlive: true,
  lastActivityAt: 10_000,
  lastBackgroundReadAt: 0,
  lastReadAt: 5_000,
  now: 5_000 + READ_EVERY_MS,
  ...change,
});

test('a visible page in use reads the count every two minutes', () => {
  assert.equal(READ_EVERY_MS, 120_000);
  assert.equal(backgroundReadDue(state(), 'tick'), true);
});

test('a hidden page, or one whose session ended, never reads it', () => {
  assert.equal(backgroundReadDue(state({ visible: false }), 'tick'), false);
  assert.equal(backgroundReadDue(state({ visible: false }), 'shown'), false);
  assert.equal(backgroundReadDue(state({ sessionAlive: false }), 'tick'), false);
});

test('a page nobody touches reads it once after the last request, then no more: the idle limit still holds', () => {
  // Read on its own after her last request at 10 s…
  const after = state({ lastBackgroundReadAt: 5_000 + READ_EVERY_MS, lastReadAt: 5_000 + READ_EVERY_MS, now: 5_000 + 2 * READ_EVERY_MS });
  // …nothing more until she does something.
  assert.equal(backgroundReadDue(after, 'tick'), false);
  assert.equal(backgroundReadDue({ ...after, now: after.now + 10 * READ_EVERY_MS }, 'shown'), false);
  assert.equal(backgroundReadDue({ ...after, lastActivityAt: after.lastBackgroundReadAt + 1 }, 'tick'), true);
});

test('a tick right after a new screen read the count sends nothing', () => {
  assert.equal(backgroundReadDue(state({ lastReadAt: 5_000 + READ_EVERY_MS - 30_000 }), 'tick'), false);
  assert.equal(backgroundReadDue(state({ lastReadAt: 5_000 + READ_EVERY_MS - 60_000 }), 'tick'), true);
});

test('a page shown again reads the count once its last reading is two minutes old', () => {
  assert.equal(backgroundReadDue(state(), 'shown'), true);
  assert.equal(backgroundReadDue(state({ lastReadAt: 6_000 }), 'shown'), false);
});
