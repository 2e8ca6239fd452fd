// Corrections of what reception recorded (issue 18), in Chromium: a girl's birth date, established by
// papers after reception, is entered through the case page's "correct" action with its reason; the
// page shows it at once, she is no longer treated as a child (II.2.d), and the timeline says what
// changed, from what, and why, in Vietnamese and in English. The reception record is corrected the
// same way, a case changed meanwhile is refused and read again, a correction without a reason is
// refused beside the field, and a counsellor is not offered the action.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { apiClient, assertAccessible, BASE_URL, childCaseBody, launch, newPage, openSection, randomWord, requireEnv, screenshot, signIn, USER } from './helpers.mjs';

const NAME = `Hờ Thị Mỷ ${randomWord(4)}`;
const REASON = 'Giấy khai sinh bản sao do gia đình mang đến';

describe('corrections of the person and the reception record', { timeout: 120_000 }, () => {
  let browser;
  let page;
  let problems;
  let worker;
  let caseId;

  before(async () => {
    requireEnv();
    worker = await apiClient(USER);
    // Received without papers: aged about fifteen, so treated as a child (II.2.d).
    const created = await worker.post('/cases', childCaseBody(NAME, 15));
    caseId = created.id;
    assert.equal(created.person.treated_as_child, true);
    browser = await launch();
    ({ page, problems } = await newPage(browser));
    await page.goto(`${BASE_URL}/cases/${caseId}`);
    await page.waitForURL(/\/signin/);
    await signIn(page);
    await page.getByTestId('case-detail').waitFor();
    // The person and the reception record, and their corrections, are the case file's details.
    await openSection(page, 'details');
  });

  after(async () => {
    await browser?.close();
  });

  const person = () => page.getByTestId('person-summary');
  const corrections = () => page.getByTestId('record-correction').getByTestId('correction-text');

  it('enters a birth date that papers establish, with its reason: no longer treated as a child, and the correction on the timeline', async () => {
    assert.ok(await page.getByTestId('treated-as-child').isVisible());
    await page.getByRole('button', { name: 'Sửa thông tin người được hỗ trợ' }).click();
    const form = page.getByTestId('correct-person-form');
    await form.waitFor();
    // Filled with what the case holds.
    assert.equal(await form.getByLabel('Họ tên hoặc bí danh').inputValue(), NAME);
    assert.equal(await form.getByLabel('Tuổi ước tính').inputValue(), '15');
    assert.ok(await form.getByLabel('Nghi là trẻ em').isChecked());
    assert.equal(await form.locator('#f-person-birth_date').inputValue(), '');
    await assertAccessible(page, 'the person correction form');

    // No reason: refused beside it, nothing sent.
    await form.locator('#f-person-birth_date').fill('14/03/2001');
    await page.getByTestId('correct-person-save').click();
    assert.equal(await page.getByTestId('error-person.reason').textContent(), 'Hãy ghi lý do sửa.');
    assert.ok(await page.locator('#f-person-reason').evaluate((el) => el === document.activeElement));
    assert.equal((await worker.get(`/cases/${caseId}`)).person.birth_date, null);

    await page.getByLabel('Lý do sửa').fill(REASON);
    await screenshot(page, '67-correct-person');
    await page.getByTestId('correct-person-save').click();
    await page.getByTestId('corrected-person').waitFor();
    assert.equal(await page.getByTestId('treated-as-child').count(), 0, 'no longer treated as a child');
    assert.equal(await page.locator('.page-head .badge-child').count(), 0);
    assert.match(await person().textContent(), /Ngày sinh14\/03\/2001/);
    await openSection(page, 'timeline');
    await corrections().first().waitFor();
    assert.equal(await corrections().first().textContent(), `Sửa thông tin người được hỗ trợ — Ngày sinh: (trống) → 14/03/2001. Lý do: ${REASON}`);
    const stored = await worker.get(`/cases/${caseId}`);
    assert.equal(stored.person.birth_date, '2001-03-14');
    assert.equal(stored.person.treated_as_child, false);
    await assertAccessible(page, 'a corrected person');
    await screenshot(page, '68-person-corrected');

    await page.getByRole('button', { name: 'English' }).click();
    assert.equal(await corrections().first().textContent(), `Correction of the person's details — Date of birth: (empty) → 14/03/2001. Reason: ${REASON}`);
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await openSection(page, 'details');
  });

  it('corrects the reception record, and reads the case again when someone changed it meanwhile', async () => {
    await page.getByRole('button', { name: 'Sửa biên bản tiếp nhận' }).click();
    const form = page.getByTestId('correct-reception-form');
    await form.waitFor();
    await form.getByLabel('Căn cứ pháp lý').fill('Biên bản tiếp nhận số 12/BB-BP (bản gốc)');
    await form.getByLabel('Lý do sửa').fill('Ghi thiếu');
    // Someone else corrects the case first.
    const read = await worker.get(`/cases/${caseId}`);
    await worker.put(`/cases/${caseId}/reception`, { version: read.version, reception: { ...read.reception, recorded_by: undefined, referring_authority: 'Đồn Biên phòng Tịnh Biên' }, reason: 'Tên đồn' });
    await page.getByTestId('correct-reception-save').click();
    const refused = page.getByTestId('correct-reception-error');
    await refused.getByText('Hồ sơ vừa được người khác thay đổi', { exact: false }).waitFor();
    assert.equal(await form.getByLabel('Căn cứ pháp lý').inputValue(), 'Biên bản tiếp nhận số 12/BB-BP (bản gốc)', 'what was typed is still there');
    await refused.getByRole('button', { name: 'Đọc lại hồ sơ (bỏ phần đang sửa)' }).click();
    await page.getByTestId('referring-authority').getByText('Đồn Biên phòng Tịnh Biên').waitFor();

    await page.getByRole('button', { name: 'Sửa biên bản tiếp nhận' }).click();
    await form.getByLabel('Căn cứ pháp lý').fill('Biên bản tiếp nhận số 12/BB-BP (bản gốc)');
    await form.getByLabel('Lý do sửa').fill('Ghi thiếu');
    await page.getByTestId('correct-reception-save').click();
    await page.getByTestId('corrected-reception').waitFor();
    assert.equal(await page.getByTestId('legal-basis').locator('dd').textContent(), 'Biên bản tiếp nhận số 12/BB-BP (bản gốc)');
    await openSection(page, 'timeline');
    // Two corrections within a second of each other may be listed either way round.
    const mine = corrections().filter({ hasText: 'Căn cứ pháp lý' });
    await mine.waitFor();
    assert.equal(
      await mine.textContent(),
      'Sửa biên bản tiếp nhận — Căn cứ pháp lý: Biên bản tiếp nhận số 12/BB-BP → Biên bản tiếp nhận số 12/BB-BP (bản gốc). Lý do: Ghi thiếu',
    );
    assert.equal(await corrections().count(), 3, 'the person\'s, the other\'s and this one');

    // Nothing changed but a reason: said, and nothing written.
    await openSection(page, 'details');
    await page.getByRole('button', { name: 'Sửa thông tin người được hỗ trợ' }).click();
    await page.getByTestId('correct-person-form').getByLabel('Lý do sửa').fill('Kiểm tra lại');
    await page.getByTestId('correct-person-save').click();
    await page.getByTestId('correct-person-error').getByText('Chưa có gì thay đổi so với thông tin đang lưu.').waitFor();
    await page.getByTestId('correct-person-cancel').click();
    await openSection(page, 'timeline');
    assert.equal(await corrections().count(), 3);
    assert.deepEqual(problems, []);
  });

  it('offers a counsellor no correction, since she may not make one', async () => {
    await page.route('**/api/v1/session', async (route) => {
      const response = await route.fetch();
      const json = await response.json();
      await route.fulfill({ response, json: { ...json, user: { ...json.user, role: 'counsellor' } } });
    });
    // Where the corrections would be offered: the details, read in full.
    await page.goto(`${BASE_URL}/cases/${caseId}?section=details`);
    await page.getByTestId('person-summary').waitFor();
    await page.getByTestId('reception-record').waitFor();
    assert.equal(await page.getByTestId('correct-person').count(), 0);
    assert.equal(await page.getByTestId('correct-reception').count(), 0);
    await page.unroute('**/api/v1/session');
  });
});
