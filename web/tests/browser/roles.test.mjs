// Only what the role allows (issue 18), in Chromium: a counsellor, who records the service but
// neither registers a person nor moves a case nor corrects what reception recorded, is offered none
// of these (no "register" on her day or in the case list, the reception page says whose work it is,
// no lifecycle moves, no "correct" on the case page), while her record form says before typing what
// refuses an identification interview to her (I.2.d: she is not qualified for it, II.1.e). A case file
// that says records may not be added (record_types.may_add false) shows no way to add one.
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
  openSection,
  PASSWORD,
  randomWord,
  requireEnv,
  screenshot,
  signIn,
  pickRecord,
} from './helpers.mjs';

const COUNSELLOR = `tuvan.${randomWord(5).toLowerCase()}`;
const NAME = `Sầm Thị Liên ${randomWord(4)}`;

/**
 * A counsellor of the head's centre, as a centre gets one: made by an administrator, activated by
 * its owner, confirmed by the head (not its maker), screened (III.1.b), matched (I.2.b) and qualified
 * to counsel (I.2.d), and put on a case the head registered. Returns the case's ID.
 */
async function counsellorOnACase() {
  const head = await apiClient(HEAD_USER);
  // The administrator who set the centre up (setup.mjs): the other one must meet two-step sign-in
  // for the first time in second-factor.test.mjs.
  const admin = await apiClient(process.env.HAVEN_TEST_SETUP_ADMIN ?? 'admin2');
  const made = await admin.post('/accounts', {
    centre_id: head.user.centre.id,
    username: COUNSELLOR,
    display_name: 'Đinh Thị Thu',
    role: 'counsellor',
  });
  const activated = await fetch(`${BASE_URL}/api/v1/account-activation`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: COUNSELLOR, code: made.activation.code, password: PASSWORD }),
  });
  assert.ok(activated.ok, `activated (${activated.status} ${await activated.text()})`);
  await head.post(`/accounts/${made.id}/confirm`, {});
  const at = new Date(Date.now() - 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
  await head.post('/centre/records', {
    type: 'recruitment_screening',
    occurred_at: at,
    subject: made.id,
    body: { ability: true, qualifications: true, moral_standing: true, judicial_record_checked: true, notes: '' },
  });
  await head.post('/centre/records', { type: 'staff_matching', occurred_at: at, subject: made.id, body: { sex: 'female', languages: ['vi'] } });
  // Qualified to counsel (I.2.d), not to interview for identification.
  await head.post('/centre/records', {
    type: 'staff_qualification',
    occurred_at: at,
    subject: made.id,
    body: { qualification: 'counselling', title: 'Chứng chỉ tư vấn tâm lý', issued_by: 'Trường Đại học Lao động - Xã hội' },
  });
  // Her first sign-in sets up what her role needs (two-step sign-in, when it does), as the app would.
  await apiClient(COUNSELLOR);
  const created = await head.post('/cases', newCaseBody(NAME));
  await head.post(`/cases/${created.id}/records`, {
    type: 'staff_assignment',
    occurred_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    body: { staff_id: made.id, no_conflict_of_interest: true, matching_reason: 'Tư vấn viên nữ, nói tiếng Việt' },
  });
  return created.id;
}

describe('only what the role allows', { timeout: 150_000 }, () => {
  let browser;
  let ctx;
  let page;
  let caseId;

  before(async () => {
    requireEnv();
    caseId = await counsellorOnACase();
    browser = await launch();
    ctx = await newPage(browser);
    page = ctx.page;
    await page.goto(`${BASE_URL}/signin`);
    await signIn(page, { username: COUNSELLOR });
    await page.getByTestId('my-work').waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  const registerLinks = () => page.getByRole('link', { name: 'Tiếp nhận người mới' });

  it('offers a counsellor no registration: not on her day, not in the case list, and the reception page says whose work it is', async () => {
    await page.getByTestId('work-case').filter({ hasText: NAME }).waitFor();
    assert.equal(await registerLinks().count(), 0, 'nothing on my work');
    assert.equal(await page.getByTestId('new-case').count(), 0);
    await page.getByRole('navigation').getByRole('link', { name: 'Danh sách hồ sơ' }).click();
    await page.getByTestId('cases-count').waitFor();
    assert.equal(await registerLinks().count(), 0, 'nothing in the case list');
    assert.equal(await page.getByTestId('new-case').count(), 0);

    await page.goto(`${BASE_URL}/reception`);
    const said = page.getByTestId('reception-not-your-role');
    await said.waitFor();
    assert.equal(await said.textContent(), 'Vai trò của bạn không tiếp nhận người mới; cán bộ quản lý hồ sơ hoặc giám đốc cơ sở sẽ làm việc này.');
    assert.equal(await page.getByTestId('reception-form').count(), 0, 'no form to fill in and be refused');
    await assertAccessible(page, 'reception, for a counsellor');
  });

  it('shows a counsellor no lifecycle moves and no corrections on the case page, and what refuses her an interview before typing', async () => {
    await page.goto(`${BASE_URL}/cases/${caseId}`);
    await page.getByTestId('case-section-overview').waitFor();
    assert.equal(await page.getByTestId('moves').count(), 0, 'no lifecycle moves');
    assert.equal(await page.locator('[data-testid^="move-button-"]').count(), 0);
    await openSection(page, 'details');
    await page.getByTestId('person-name').waitFor();
    assert.equal(await page.getByTestId('correct-person').count(), 0);
    assert.equal(await page.getByTestId('correct-reception').count(), 0);

    await pickRecord(page, 'identification_interview');
    await page.getByTestId('record-checks').waitFor();
    const clauses = await page.getByTestId('record-checks').getByTestId('check-clause').allTextContents();
    assert.deepEqual(clauses.sort(), ['I.2.d', 'II.1.e']);
    assert.ok(await page.locator('#rf-place').isDisabled());
    await assertAccessible(page, 'the case page, for a counsellor');
    await screenshot(page, '95-case-page-counsellor');
    // What she may record stays open to her: counselling, for which she is qualified.
    await pickRecord(page, 'counselling_session');
    assert.equal(await page.getByTestId('record-checks').count(), 0);
    assert.ok(await page.locator('#rf-condition_observed').isEnabled());
    assert.deepEqual(ctx.problems, []);
  });

  it('shows no way to add a record when the case file says the reader may add none', async () => {
    await page.route('**/api/v1/cases/*/file?*', async (route) => {
      const response = await route.fetch();
      const json = await response.json();
      await route.fulfill({ response, json: { ...json, record_types: { ...json.record_types, may_add: false } } });
    });
    await page.reload();
    await page.getByTestId('case-detail').waitFor();
    await page.getByTestId('record-none').waitFor();
    assert.equal(await page.getByTestId('record-form').count(), 0);
    await openSection(page, 'consent');
    await page.getByTestId('consents').waitFor();
    assert.equal(await page.getByTestId('consent-add').count(), 0);
    await openSection(page, 'timeline');
    await page.getByTestId('timeline').waitFor();
    await page.unroute('**/api/v1/cases/*/file?*');
  });
});
