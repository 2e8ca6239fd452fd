// A disclosure asked for and decided, in words (disclosures/terms.ts): the request's terms with the
// consent form's labels, and the timeline's sentences for the request and the head's decision, in
// Vietnamese and English, naming people, never an ID or an ISO time; and the requests still waiting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decisionWords, requestWords, termsLines, waitingRequests } from './.build/terms.mjs';
import { vi } from './.build/vi.mjs';
import { en } from './.build/en.mjs';

const translator = (catalog) => (key, params = {}) => {
  assert.ok(key in catalog, `the catalog has ${key}`);
  return catalog[key].replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
};
const STAFF = { w1: 'Trần Văn Minh', h1: 'Nguyễn Thị Lan' };
const request = {
  id: 'rq1',
  type: 'disclosure_request',
  recorded_at: '2026-06-10T07:02:00Z',
  recorded_by: 'w1',
  body: { kind: 'referral_package', recipient: 'Bệnh viện Sản Nhi tỉnh An Giang', purpose: 'referral', categories: ['health', 'identity'], referral_id: 'rf1' },
};
const decision = (approved, reason) => ({
  id: 'dc1',
  type: 'disclosure_decision',
  recorded_at: '2026-06-10T09:30:00Z',
  recorded_by: 'h1',
  body: { request_id: 'rq1', approved, ...(reason ? { reason } : {}), disclosure_id: approved ? 'ds1' : '' },
});
const context = (catalog, records = [request]) => ({
  t: translator(catalog),
  records: new Map(records.map((r) => [r.id, r])),
  staffName: (id) => STAFF[id],
});
// The machine's zone is not Việt Nam's: the times are checked by what formatDateTime makes of them.
const NOT_RAW = /\b(rq1|dc1|rf1|ds1|w1|h1)\b|\d{4}-\d\d-\d\dT/;

const ALL = ['kind', 'recipient', 'purpose', 'categories', 'reason'];

test("a request's terms read with the consent form's labels, those asked for in their order", () => {
  assert.deepEqual(termsLines({ ...request.body, reason: ' Khám chuyên khoa ' }, translator(vi), ALL), [
    { label: 'Loại', value: 'Hồ sơ chuyển gửi dịch vụ' },
    { label: 'Người nhận', value: 'Bệnh viện Sản Nhi tỉnh An Giang' },
    { label: 'Mục đích', value: 'Chuyển gửi dịch vụ' },
    { label: 'Loại thông tin', value: 'Sức khỏe, Nhân thân' },
    { label: 'Lý do', value: 'Khám chuyên khoa' },
  ]);
  assert.equal(termsLines(request.body, translator(en), ALL).some((l) => l.label === 'Reason'), false, 'no empty reason');
  assert.deepEqual(termsLines(request.body, translator(en), ['categories', 'recipient']), [
    { label: 'Categories of information', value: 'Health, Identity' },
    { label: 'Recipient', value: 'Bệnh viện Sản Nhi tỉnh An Giang' },
  ]);
  assert.deepEqual(termsLines({ ...request.body, kind: 'case_transfer' }, translator(en), ['kind']), [{ label: 'Kind', value: en['opt.disclosure_kind.case_transfer'] }]);
  assert.deepEqual(termsLines({ ...request.body, kind: 'constructor' }, translator(en), ['kind']), [{ label: 'Kind', value: en['timeline.anotherKind'] }], 'a kind newer than this UI');
});

test('the request reads as who asked, for whom, and which categories', () => {
  const words = requestWords(request, context(vi));
  assert.equal(words.sentence, 'Trần Văn Minh đề nghị Giám đốc phê duyệt việc cung cấp cho Bệnh viện Sản Nhi tỉnh An Giang các thông tin: Sức khỏe, Nhân thân.');
  assert.deepEqual(words.lines.map((l) => l.label), ['Loại', 'Mục đích']);
  assert.equal(requestWords(request, context(en)).sentence,
    'Trần Văn Minh asked the centre head to approve giving Bệnh viện Sản Nhi tỉnh An Giang this information: Health, Identity.');
});

test('an approval names the head, the request it answers by who asked and when, and what was given', () => {
  const words = decisionWords(decision(true), context(en));
  assert.match(words.sentence, /^Nguyễn Thị Lan approved the request Trần Văn Minh made on \d\d\/\d\d\/2026 \d\d:\d\d: Bệnh viện Sản Nhi tỉnh An Giang is given this information: Health, Identity\.$/);
  assert.deepEqual(words.lines, []);
  assert.doesNotMatch(words.sentence, NOT_RAW);
});

test('a decline names the head and gives her reason', () => {
  const words = decisionWords(decision(false, 'Chưa có giấy giới thiệu của bệnh viện'), context(vi));
  assert.match(words.sentence, /^Nguyễn Thị Lan không phê duyệt đề nghị của Trần Văn Minh \(\d\d\/\d\d\/2026 \d\d:\d\d\) về việc cung cấp cho Bệnh viện Sản Nhi tỉnh An Giang các thông tin: /);
  assert.deepEqual(words.lines, [{ label: 'Lý do', value: 'Chưa có giấy giới thiệu của bệnh viện' }]);
  assert.doesNotMatch(words.sentence, NOT_RAW);
});

test('a decision whose request is not among the records shown, or by someone the list does not name, still reads in words', () => {
  assert.equal(decisionWords(decision(true), context(en, [])).sentence, 'Nguyễn Thị Lan approved a request for a disclosure.');
  const stranger = { ...decision(false, 'Không đủ căn cứ'), recorded_by: 'someone-else' };
  assert.equal(decisionWords(stranger, context(vi, [])).sentence, `${vi['timeline.someone']} không phê duyệt một đề nghị cung cấp thông tin.`);
});

test('a request waits until a decision answers it', () => {
  const other = { ...request, id: 'rq2' };
  assert.deepEqual(waitingRequests([request, other]).map((r) => r.id), ['rq1', 'rq2']);
  assert.deepEqual(waitingRequests([request, other, decision(false, 'Không')]).map((r) => r.id), ['rq2']);
  assert.deepEqual(waitingRequests([{ ...request, type: 'consent' }]), []);
});
