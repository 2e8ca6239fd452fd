// Nothing typed is lost, nothing stored twice (issue 18), in Chromium. What is typed into a record
// form or the reception form is kept on the server as a draft a couple of seconds after the typing
// stops (one request, never the browser's storage), survives closing the tab, is offered back in a
// new one after signing in again, restored, and gone once the form is saved; each record type keeps
// its own; a draft too long to keep is said plainly with the text still there. A save whose answer
// was lost, sent again, is stored once (the same Idempotency-Key), and the UI arrives compressed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerNextQuestion,
  apiClient,
  assertAccessible,
  BASE_URL,
  caseInCare,
  launch,
  newPage,
  openSection,
  randomWord,
  requireEnv,
  screenshot,
  signIn,
  USER,
  vietnamDateTime,
  waitUntil,
  pickRecord,
} from './helpers.mjs';

const NAME = `Vừ Thị Dợ ${randomWord(4)}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** What the page may write ("dd/mm/yyyy HH:mm") for a moment between `from` and now. */
const momentsSince = (from) => [vietnamDateTime(from), vietnamDateTime(Date.now())];

describe('drafts on the server, and no duplicate from a retry', { timeout: 240_000 }, () => {
  let browser;
  let worker;
  let caseId;
  const contexts = [];

  before(async () => {
    requireEnv();
    worker = await apiClient(USER);
    caseId = await caseInCare(worker, NAME);
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
  });

  /** A new browser context (nothing of the last one's but what the server keeps), signed in, at `path`. */
  async function freshTab(path, ready) {
    const ctx = await newPage(browser);
    contexts.push(ctx);
    await ctx.page.goto(`${BASE_URL}${path}`);
    await ctx.page.waitForURL(/\/signin/);
    await signIn(ctx.page);
    await ctx.page.getByTestId(ready).waitFor();
    return ctx;
  }

  const myDrafts = async () => (await worker.get(`/cases/${caseId}/drafts`)).items.map((d) => d.form);
  const recordsSaying = async (text) => (await worker.get(`/cases/${caseId}/records`)).items.filter((r) => r.body.condition_observed === text);
  const draftAnswer = (page, form, method) => page.waitForResponse((r) => r.request().method() === method && new URL(r.url()).pathname.endsWith(`/drafts/${form}`));

  async function chooseForm(page, type) {
    await pickRecord(page, type);
    await page.getByTestId(`form-${type}`).waitFor();
  }

  it('keeps a note as a draft on the server once the typing stops, in one request and nothing in the browser', async () => {
    const { page, context } = await freshTab(`/cases/${caseId}?section=record`, 'record-form');
    const sent = [];
    page.on('request', (r) => r.method() === 'PUT' && r.url().includes('/drafts/') && sent.push(r.url()));
    await chooseForm(page, 'counselling_session');
    const text = `Chị kể về đêm vượt biên qua sông, tay vẫn run ${randomWord(5)}`;
    const typedAt = Date.now();
    await page.locator('#rf-condition_observed').pressSequentially(text, { delay: 15 });
    const said = page.getByTestId('draft-saved');
    await said.waitFor();
    const saidText = await said.textContent();
    assert.ok(momentsSince(typedAt).some((moment) => saidText === `Bản nháp đã lưu lúc ${moment.split(' ')[1]}`), saidText);
    assert.equal(sent.length, 1, 'one request once the typing stopped, not one a key');
    assert.deepEqual(sent.map((u) => new URL(u).pathname), [`/api/v1/cases/${caseId}/drafts/record.counselling_session`]);
    assert.deepEqual(await myDrafts(), ['record.counselling_session']);
    // Never in the browser, where a shelter's shared computer would keep it in clear.
    const stored = await page.evaluate(async () => ({
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      databases: (await indexedDB.databases()).length,
    }));
    assert.ok(!stored.local.includes(text) && !stored.session.includes(text), 'not in localStorage or sessionStorage');
    assert.equal(stored.databases, 0, 'no IndexedDB database');
    await assertAccessible(page, 'a record form whose draft is kept');
    await screenshot(page, '64-draft-saved');
    // The tab closes with the note unsaved as a record.
    await context.close();

    const next = await freshTab(`/cases/${caseId}?section=record`, 'record-form');
    await chooseForm(next.page, 'counselling_session');
    const offer = next.page.getByTestId('draft-offer');
    await offer.waitFor();
    const offered = await offer.textContent();
    assert.ok(momentsSince(typedAt).some((moment) => offered.startsWith(`Bạn có một bản nháp của biểu mẫu này, lưu lúc ${moment}.`)), offered);
    assert.equal(await next.page.locator('#rf-condition_observed').inputValue(), '', 'offered, not put in the form unasked');
    await assertAccessible(next.page, 'a draft offered back');
    await screenshot(next.page, '65-draft-offered');
    await next.page.getByTestId('draft-restore').click();
    await offer.waitFor({ state: 'hidden' });
    assert.equal(await next.page.locator('#rf-condition_observed').inputValue(), text);

    const discarded = draftAnswer(next.page, 'record.counselling_session', 'DELETE');
    await next.page.getByTestId('record-submit').click();
    await next.page.getByTestId('record-saved').waitFor();
    await openSection(next.page, 'timeline');
    await next.page.getByTestId('record-counselling_session').filter({ hasText: text }).waitFor();
    assert.equal((await recordsSaying(text)).length, 1);
    assert.equal((await discarded).status(), 204);
    assert.deepEqual(await myDrafts(), [], 'the draft went with the save');
    // Opened again, the form has nothing to offer.
    await chooseForm(next.page, 'health_check');
    const looked = draftAnswer(next.page, 'record.counselling_session', 'GET');
    await chooseForm(next.page, 'counselling_session');
    assert.equal((await looked).status(), 404);
    assert.equal(await next.page.getByTestId('draft-offer').count(), 0);
  });

  it('keeps each form its own draft, says so when switching or leaving, and discards one when asked, in English', async () => {
    const { page } = contexts.at(-1);
    await page.getByRole('button', { name: 'English' }).click();
    const note = `She slept better, still afraid of motorbikes ${randomWord(5)}`;
    await page.locator('#rf-condition_observed').fill(note);
    await page.getByText(/^Draft saved at \d\d:\d\d$/).waitFor();

    let asked = answerNextQuestion(page);
    await chooseForm(page, 'health_check');
    assert.equal(
      (await asked).message,
      'This form has text that is not saved, but it is kept as a draft: you can restore it when you open this form again. Switch to another form?',
    );
    const findings = `Bruise on the left arm, healing ${randomWord(5)}`;
    await page.locator('#rf-findings').fill(findings);
    await page.getByText(/^Draft saved at \d\d:\d\d$/).waitFor();
    assert.deepEqual(await myDrafts(), ['record.health_check', 'record.counselling_session'], 'each type its own, newest first');

    // Leaving asks still, and says the draft is kept.
    asked = answerNextQuestion(page, false);
    await page.getByRole('navigation').getByRole('link', { name: 'Cases' }).click();
    assert.equal(
      (await asked).message,
      'What you typed on this page is not saved, but it is kept as a draft: you can restore it when you open the form again. Leave anyway?',
    );
    assert.equal(await page.locator('#rf-findings').inputValue(), findings);

    asked = answerNextQuestion(page);
    await chooseForm(page, 'counselling_session');
    await asked;
    const offer = page.getByTestId('draft-offer');
    await offer.waitFor();
    assert.match(await offer.textContent(), /^You have a draft of this form from \d\d\/\d\d\/\d{4} \d\d:\d\d\./);
    const discarded = draftAnswer(page, 'record.counselling_session', 'DELETE');
    await page.getByRole('button', { name: 'Discard the draft' }).click();
    assert.equal((await discarded).status(), 204);
    await offer.waitFor({ state: 'hidden' });
    assert.equal(await page.locator('#rf-condition_observed').inputValue(), '');
    assert.deepEqual(await myDrafts(), ['record.health_check']);
  });

  it('says when a draft is too long to keep, with the text still on the screen', async () => {
    const { page } = contexts.at(-1);
    const long = `${'Lời kể rất dài. '.repeat(20_000)}${randomWord(5)}`;
    const refused = draftAnswer(page, 'record.counselling_session', 'PUT');
    await page.locator('#rf-condition_observed').fill(long);
    assert.equal((await refused).status(), 413);
    const failed = page.getByTestId('draft-failed');
    await failed.waitFor();
    assert.equal(await failed.textContent(), 'The draft was not saved: The draft is too long to keep (at most 256 KiB); what you typed is still on the screen.');
    assert.equal(await failed.getAttribute('role'), 'status', 'said without taking the focus');
    assert.equal(await page.locator('#rf-condition_observed').inputValue(), long);
    await assertAccessible(page, 'a draft too long to keep');
    await page.locator('#rf-condition_observed').fill('');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  });

  it('keeps the reception form as a draft before there is a case, offered back in a new tab and gone once saved', async () => {
    const name = `Sùng Thị Xí ${randomWord(4)}`;
    // One reception draft a person: another test's left unsaved would be offered first.
    await worker.del('/drafts/reception');
    const first = await freshTab('/reception', 'reception-form');
    const { page } = first;
    await page.getByLabel('Cơ quan, tổ chức chuyển đến').fill('Đồn Biên phòng Bát Xát');
    await page.getByLabel('Căn cứ pháp lý').fill('Biên bản 07/BB-BP');
    await page.getByRole('button', { name: 'Thêm giấy tờ' }).click();
    await page.getByLabel('Giấy tờ số 1', { exact: true }).fill('Biên bản bàn giao');
    await page.getByLabel('Họ tên hoặc bí danh').fill(name);
    await page.locator('#f-person-birth_date').fill('14/03/2009');
    await page.locator('#lang-opt-hmn').check();
    await page.getByTestId('draft-saved').waitFor();
    // Kept as typed last (a pause in the typing may have kept a part of it first).
    await waitUntil(async () => (await worker.get('/drafts/reception')).content.person.languages.includes('hmn'), 'the whole form kept');
    assert.equal((await worker.get('/drafts/reception')).content.person.name, name);
    await first.context.close();

    const { page: again } = await freshTab('/reception', 'reception-form');
    await again.getByTestId('draft-offer').waitFor();
    assert.equal(await again.getByLabel('Họ tên hoặc bí danh').inputValue(), '');
    await again.getByTestId('draft-restore').click();
    assert.equal(await again.getByLabel('Họ tên hoặc bí danh').inputValue(), name);
    assert.equal(await again.getByLabel('Giấy tờ số 1', { exact: true }).inputValue(), 'Biên bản bàn giao');
    assert.equal(await again.locator('#f-person-birth_date').inputValue(), '14/03/2009');
    assert.ok(await again.locator('#lang-opt-hmn').isChecked());
    await again.getByTestId('reception-submit').click();
    await again.getByTestId('case-created').waitFor();
    await openSection(again, 'details');
    assert.match(await again.getByTestId('person-summary').textContent(), new RegExp(name));
    await assert.rejects(worker.get('/drafts/reception'), / 404 /, 'the draft went with the save');
  });

  it('stores a record once when its answer was lost and it is saved again, with the same Idempotency-Key', async () => {
    const { page } = contexts.at(-1);
    await page.goto(`${BASE_URL}/cases/${caseId}`);
    await chooseForm(page, 'counselling_session');
    const keys = [];
    let lost = 0;
    await page.route('**/api/v1/cases/*/records', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push(await route.request().headerValue('idempotency-key'));
      if (lost > 0) return route.continue();
      // The server stores it; its answer never reaches the page.
      lost += 1;
      assert.equal((await route.fetch()).status(), 201);
      return route.abort('connectionreset');
    });
    const text = `Buổi tư vấn sau phiên tòa ${randomWord(5)}`;
    await page.locator('#rf-condition_observed').fill(text);
    await page.getByTestId('record-submit').click();
    await page.getByTestId('record-error').getByText('Không kết nối được tới máy chủ', { exact: false }).waitFor();
    assert.equal(await page.locator('#rf-condition_observed').inputValue(), text, 'the note is still there');
    assert.equal((await recordsSaying(text)).length, 1, 'the first was stored');

    await page.getByTestId('record-submit').click();
    await page.getByTestId('record-saved').waitFor();
    assert.equal(keys.length, 2);
    assert.match(keys[0], UUID);
    assert.equal(keys[1], keys[0], 'sent again under the same key');
    assert.equal((await recordsSaying(text)).length, 1, 'stored once');
    await openSection(page, 'timeline');
    const onTimeline = page.getByTestId('record-counselling_session').filter({ hasText: text });
    await onTimeline.first().waitFor();
    assert.equal(await onTimeline.count(), 1, 'once on the timeline');

    // The next note is another submission.
    await chooseForm(page, 'counselling_session');
    await page.locator('#rf-condition_observed').fill(`${text} (2)`);
    await page.getByTestId('record-submit').click();
    await page.getByTestId('record-saved').waitFor();
    assert.equal(keys.length, 3);
    assert.match(keys[2], UUID);
    assert.notEqual(keys[2], keys[0], 'a new key for a new submission');
    await page.unroute('**/api/v1/cases/*/records');
  });

  it('registers a person once when the answer to her registration was lost and it is saved again', async () => {
    const { page } = contexts.at(-1);
    const surname = randomWord(6);
    await page.goto(`${BASE_URL}/reception`);
    await page.getByTestId('reception-form').waitFor();
    const keys = [];
    await page.route('**/api/v1/cases', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push(await route.request().headerValue('idempotency-key'));
      if (keys.length > 1) return route.continue();
      assert.equal((await route.fetch()).status(), 201);
      return route.abort('connectionreset');
    });
    await page.getByLabel('Cơ quan, tổ chức chuyển đến').fill('Công an tỉnh Lào Cai');
    await page.getByLabel('Căn cứ pháp lý').fill('Quyết định 31/QĐ-CA');
    await page.getByLabel('Họ tên hoặc bí danh').fill(`Lý Thị Mỷ ${surname}`);
    await page.getByTestId('reception-submit').click();
    await page.getByTestId('form-error').getByText('Không kết nối được tới máy chủ', { exact: false }).waitFor();
    await page.getByTestId('reception-submit').click();
    await page.getByTestId('case-created').waitFor();
    assert.equal(keys.length, 2);
    assert.match(keys[0], UUID);
    assert.equal(keys[1], keys[0]);
    assert.equal((await worker.get(`/cases?q=${surname}`)).total, 1, 'one case, not two');
    await page.unroute('**/api/v1/cases');
  });

  it('gets the UI compressed', async () => {
    const { page } = await newPage(browser);
    const script = page.waitForResponse((r) => /\/assets\/index-[^/]+\.js$/.test(new URL(r.url()).pathname));
    await page.goto(`${BASE_URL}/signin`);
    const headers = await (await script).allHeaders();
    assert.ok(['br', 'gzip'].includes(headers['content-encoding']), `content-encoding ${headers['content-encoding']}`);
    assert.match(headers.vary ?? '', /accept-encoding/i);
  });
});
