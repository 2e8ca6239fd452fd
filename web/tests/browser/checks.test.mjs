// Checks before typing (issue 18), in Chromium: on a new case the record picker marks what cannot be
// recorded yet, and choosing the identification interview shows, above its form and before anything
// is typed, every rule that refuses it (II.1.e: a health check and counselling first; I.2.d for
// someone without the qualification), with its fields and its save closed. Once the health check
// and the counselling are recorded (the case file read again after each save), II.1.e is gone and
// the form opens. The centre head, who may pass over the referral's refusals that allow judgement
// (II.6.a, II.6.b), gets the form open with the reason to give, and records it with her reason.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiClient,
  assertAccessible,
  BASE_URL,
  HEAD_USER,
  launch,
  newCaseBody,
  newPage,
  pickerName,
  pickRecord,
  randomWord,
  seeOnTimeline,
  requireEnv,
  screenshot,
  signIn,
  USER,
} from './helpers.mjs';

describe('checks before typing', { timeout: 180_000 }, () => {
  let browser;
  let worker;
  let head;

  before(async () => {
    requireEnv();
    worker = await apiClient(USER);
    head = await apiClient(HEAD_USER);
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
  });

  /** A case registered by `client`, opened in a new browser signed in as `username`. */
  async function openCase(client, username, name) {
    const created = await client.post('/cases', newCaseBody(name));
    const ctx = await newPage(browser);
    await ctx.page.goto(`${BASE_URL}/cases/${created.id}?section=record`);
    await ctx.page.waitForURL(/\/signin/);
    await signIn(ctx.page, { username });
    await ctx.page.getByTestId('record-form').waitFor();
    return { ...ctx, caseId: created.id };
  }

  const optionText = pickerName;
  const clauses = (page) => page.getByTestId('record-checks').getByTestId('check-clause').allTextContents();

  it('shows what refuses the identification interview before anything is typed, with its fields closed, until care is recorded', async () => {
    const { page, problems, caseId } = await openCase(worker, USER, `Hoàng Thị Nga ${randomWord(4)}`);
    assert.equal(await optionText(page, 'identification_interview'), 'Phỏng vấn xác minh nạn nhân (chưa ghi được lúc này)');
    assert.equal(await optionText(page, 'health_check'), 'Khám sức khỏe');

    await pickRecord(page, 'identification_interview');
    await page.getByTestId('form-identification_interview').waitFor();
    const checks = page.getByTestId('record-checks');
    await checks.waitFor();
    // A qualified case worker (setup.mjs): the order of care is all that stands in the way.
    assert.deepEqual(await clauses(page), ['II.1.e']);
    assert.match(await checks.textContent(), /^Chưa thể ghi bản ghi này lúc này, vì:/);
    assert.match(await checks.getByTestId('check-item').textContent(), /khám sức khỏe/i);
    assert.equal(await page.getByTestId('record-form-title').getAttribute('aria-describedby'), 'rf-checks');
    for (const field of ['#rf-place', '#rf-people_present', '#rf-occurred-at']) assert.ok(await page.locator(field).isDisabled(), `${field} closed`);
    assert.ok(await page.getByTestId('record-submit').isDisabled(), 'nothing to save');
    await assertAccessible(page, 'a record refused before typing');
    await screenshot(page, '93-checks-before-typing');

    await page.getByRole('button', { name: 'English' }).click();
    assert.match(await checks.textContent(), /^This record cannot be added now, because:/);
    assert.equal(await optionText(page, 'identification_interview'), 'Identification interview (not possible yet)');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();

    // Care, recorded through its forms: the file is read again after each save, and its checks with it.
    await pickRecord(page, 'health_check');
    await page.locator('#rf-by_medical_staff').check();
    await page.locator('#rf-findings').fill('Không có bệnh cấp tính');
    await page.getByTestId('record-submit').click();
    await seeOnTimeline(page, 'record-health_check');
    await pickRecord(page, 'identification_interview');
    await checks.waitFor();
    assert.deepEqual(await clauses(page), ['II.1.e'], 'counselling still to come');
    await pickRecord(page, 'counselling_session');
    await page.locator('#rf-condition_observed').fill('Bình tĩnh hơn, ngủ được');
    await page.getByTestId('record-submit').click();
    await seeOnTimeline(page, 'record-counselling_session');
    await pickRecord(page, 'identification_interview');
    await page.waitForFunction(() => !document.querySelector('[data-testid="pick-identification_interview"]')?.textContent.includes('chưa ghi được'));

    await pickRecord(page, 'identification_interview');
    await page.getByTestId('form-identification_interview').waitFor();
    assert.equal(await checks.count(), 0, 'nothing refuses it now');
    assert.ok(await page.locator('#rf-place').isEnabled());
    assert.ok(await page.getByTestId('record-submit').isEnabled());
    await page.locator('#rf-place').fill('Phòng tư vấn số 2');
    await page.locator('#rf-people_present').fill('Cán bộ xã hội');
    await page.getByTestId('record-submit').click();
    await seeOnTimeline(page, 'record-identification_interview');
    assert.equal((await worker.get(`/cases/${caseId}/records`)).items.filter((r) => r.type === 'identification_interview').length, 1);
    assert.deepEqual(problems, []);
  });

  it('names every rule at once: the centre head, not qualified to interview, reads I.2.d beside II.1.e', async () => {
    const { page } = await openCase(head, HEAD_USER, `Lò Thị Sen ${randomWord(4)}`);
    await pickRecord(page, 'identification_interview');
    await page.getByTestId('record-checks').waitFor();
    assert.deepEqual((await clauses(page)).sort(), ['I.2.d', 'II.1.e']);
    // Neither allows judgement: closed to the head too.
    assert.ok(await page.locator('#rf-place').isDisabled());
    assert.ok(await page.getByTestId('record-submit').isDisabled());
    assert.equal(await page.getByTestId('field-override_reason').count(), 0);
  });

  it('opens a referral to the centre head, who may pass over what refuses it, with the reason asked first, and records it with her reason', async () => {
    const { page, problems, caseId } = await openCase(head, HEAD_USER, `Vàng Thị Dính ${randomWord(4)}`);
    assert.equal(await optionText(page, 'referral'), 'Chuyển gửi dịch vụ (chỉ ghi được khi có lý do bỏ qua)');
    await pickRecord(page, 'referral');
    const checks = page.getByTestId('record-checks');
    await checks.waitFor();
    const refusing = await clauses(page);
    assert.ok(refusing.includes('II.6.a') && refusing.includes('II.6.b'), `II.6.a and II.6.b: ${refusing}`);
    assert.match(await checks.textContent(), /^Theo tiêu chuẩn, bản ghi này chưa được ghi lúc này\. Giám đốc có thể bỏ qua với lý do/);
    assert.equal(await checks.getByText('Các mục của biểu mẫu được khóa', { exact: false }).count(), 0);
    assert.ok(await page.getByTestId('record-submit').isEnabled());
    const reason = page.getByLabel('Lý do bỏ qua yêu cầu (giám đốc; được ghi lại và tính là không đạt)');
    assert.ok(await reason.isEnabled());
    const fields = page.getByTestId('form-referral').locator('input:not([type="hidden"]), textarea, select');
    for (const el of await fields.all()) assert.ok(await el.isEnabled());
    await page.getByTestId('record-submit').click();
    assert.equal(await page.locator('#rf-override-error').textContent(), 'Hãy ghi lý do bỏ qua yêu cầu.');
    assert.ok(await reason.evaluate((el) => el === document.activeElement), 'the reason is focused');
    await assertAccessible(page, 'a refusal the head may pass over');

    // With her reason, the referral is recorded, and the override beside it.
    await page.locator('#rf-provider').fill('Hội Liên hiệp Phụ nữ huyện');
    await page.locator('#rf-victim_opinion').fill('Muốn học nghề gần nhà');
    await page.locator('#rf-victim_agreed').check();
    await reason.fill('Chị cần được hỗ trợ pháp lý ngay trong tuần này');
    await page.getByTestId('record-submit').click();
    await seeOnTimeline(page, 'record-referral');
    const types = (await head.get(`/cases/${caseId}/records`)).items.map((r) => r.type);
    assert.ok(types.includes('referral') && types.includes('guard_override'), `recorded with its override: ${types}`);
    assert.deepEqual(problems, []);
  });
});
