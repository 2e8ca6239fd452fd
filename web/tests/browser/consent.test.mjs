// Consent and disclosures in the case file, as the centre head works them: a referral package that
// carries only what the victim consented to (I.3.b, II.6.d), and a child's information that leaves
// only once the child and a guardian have both agreed (I.3.d), until a consent is withdrawn.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { apiClient, assertAccessible, BASE_URL, HEAD_USER, launch, newCaseBody, newPage, openSection, randomWord, requireEnv, screenshot, signIn, USER, waitUntil } from './helpers.mjs';

const PROVIDER = 'Bệnh viện Sản Nhi tỉnh An Giang';
const COMMUNE = 'Ủy ban nhân dân xã An Phú';
const iso = (minutesAgo) => new Date(Date.now() - minutesAgo * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');

describe('consent and disclosures', { timeout: 180_000 }, () => {
  let browser;
  let page;
  let ctx;
  let worker;
  let head;
  let adultCase;
  let childCase;

  before(async () => {
    requireEnv();
    worker = await apiClient(USER);
    head = await apiClient(HEAD_USER);
    const record = (caseId, type, body, minutesAgo) => worker.post(`/cases/${caseId}/records`, { type, occurred_at: iso(minutesAgo), body });
    const act = async (caseId, action) => {
      const { version } = await worker.get(`/cases/${caseId}`);
      await worker.post(`/cases/${caseId}/actions`, { action, version });
    };
    // The head puts the worker who received the person on the case (I.3.c: the receiver's access
    // lasts only until the first assignment) and, since nobody puts themselves on a case, opens it
    // herself by break-glass to approve what leaves it.
    const withHead = async (caseId) => {
      await head.post(`/cases/${caseId}/records`, {
        type: 'staff_assignment', occurred_at: iso(1), body: { staff_id: worker.user.id, no_conflict_of_interest: true, matching_reason: 'Phù hợp giới tính và ngôn ngữ' },
      });
      await head.post(`/cases/${caseId}/break-glass`, { reason: 'Phê duyệt gói chuyển gửi; cán bộ phụ trách vắng mặt', minutes: 240 });
    };

    // An adult in care, referred to a hospital, who agreed that her health information may go there.
    adultCase = (await worker.post('/cases', newCaseBody(`Phạm Thị Hoa ${randomWord(4)}`))).id;
    await act(adultCase, 'begin_care');
    await record(adultCase, 'health_check', { by_medical_staff: true, findings: 'Thiếu máu nhẹ' }, 50);
    await record(adultCase, 'counselling_session', { condition_observed: 'Lo âu, mất ngủ' }, 45);
    await record(adultCase, 'provider_list_given', { language: 'vi' }, 40);
    await record(adultCase, 'recovery_assessment', { findings: 'Cần khám chuyên khoa' }, 35);
    await record(adultCase, 'referral', { provider: PROVIDER, services: 'Khám phụ khoa', victim_opinion: 'Muốn đi khám', victim_agreed: true }, 30);
    await record(adultCase, 'consent', { given_by: 'victim', categories: ['health'], recipient: PROVIDER, purposes: ['referral'], informed: true }, 25);
    await withHead(adultCase);

    // A child of uncertain age, in care.
    const child = newCaseBody(`Lò Thị Nga ${randomWord(4)}`);
    child.person.birth_date = null;
    child.person.estimated_age = 15;
    child.person.suspected_child = true;
    childCase = (await worker.post('/cases', child)).id;
    await act(childCase, 'begin_care');
    await withHead(childCase);

    browser = await launch();
    ctx = await newPage(browser);
    page = ctx.page;
    await page.goto(`${BASE_URL}/cases/${adultCase}`);
    await page.waitForURL(/\/signin/);
    await signIn(page, { username: HEAD_USER });
    await page.getByTestId('case-detail').waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  // Waits for this preview's answer to be shown: the one before stays on the page meanwhile (the same
  // request asked again), so seeing a preview is not enough.
  async function preview() {
    const answered = page.waitForResponse((r) => r.url().includes('/disclosure-packages/preview'));
    await page.getByTestId('disclosure-preview').click();
    await answered;
    await page.waitForFunction(() => document.querySelector('[data-testid="disclosure-preview"]')?.getAttribute('aria-busy') !== 'true');
    await page.getByTestId('package-preview').waitFor();
  }

  it('names the staff on the case in its header, as the server reads the records', async () => {
    const assigned = page.getByTestId('header-assigned');
    await waitUntil(async () => {
      const text = (await assigned.textContent()) ?? '';
      return text.includes(worker.user.display_name) && !text.includes(head.user.display_name);
    }, 'the worker named as on the case, the head not (she opened it by break-glass)');
    assert.match(await page.getByTestId('header-designated').textContent(), /Chưa có/);  // nobody designated
    await page.getByTestId('break-glass-banner').waitFor();
  });

  it('sends a referral package with only the consented content', async () => {
    // Consents and what leaves the centre are the case file's consent section.
    await openSection(page, 'consent');
    await page.getByTestId('consent-in-force').filter({ hasText: PROVIDER }).waitFor();
    await page.locator('#dp-referral').selectOption({ index: 1 });
    assert.equal(await page.locator('#dp-recipient').inputValue(), PROVIDER);
    await page.locator('#dp-purpose').selectOption('referral');
    await page.locator('#dp-cat-health').check();
    await page.locator('#dp-cat-psychological').check();
    await preview();
    // Psychological information was not consented to: the gate says so and the release waits.
    assert.match(await page.getByTestId('package-refusals').textContent(), /I\.3\.b/);
    assert.equal(await page.getByTestId('disclosure-release').isDisabled(), true);
    await screenshot(page, '30-referral-preview-refused');

    await page.locator('#dp-cat-psychological').uncheck();
    assert.equal(await page.getByTestId('disclosure-release').isDisabled(), true, 'a changed request must be previewed again');
    await preview();
    assert.equal(await page.getByTestId('package-refusals').count(), 0);
    const leaving = page.getByTestId('package-records');
    assert.equal(await leaving.getByTestId('record-health_check').count(), 1);
    assert.equal(await leaving.getByTestId('record-counselling_session').count(), 0, 'nothing psychological leaves');
    assert.equal(await page.getByTestId('package-person').count(), 0, 'identity was not asked for');
    await assertAccessible(page, 'disclosure preview');
    await screenshot(page, '31-referral-preview');

    await page.getByTestId('disclosure-release').click();
    await page.getByTestId('package-released').waitFor();
    const disclosures = (await worker.get(`/cases/${adultCase}/records`)).items.filter((r) => r.type === 'disclosure');
    assert.equal(disclosures.length, 1);
    assert.deepEqual(disclosures[0].body.categories, ['health']);
    assert.equal(disclosures[0].body.recipient, PROVIDER);
    await screenshot(page, '32-referral-released');
  });

  it("needs both the child's and a guardian's consent before a child's information leaves", async () => {
    await page.goto(`${BASE_URL}/cases/${childCase}`);
    await openSection(page, 'consent');
    assert.match(await page.getByTestId('consent-child-rule').textContent(), /I\.3\.d/);

    // "Record a consent" opens its form in the record section; the consents are read back in theirs.
    const recordConsent = async (givenBy) => {
      await page.getByTestId('consent-add').click();
      const form = page.getByTestId('form-consent');
      await form.waitFor();
      await form.locator('#rf-given_by').selectOption(givenBy);
      await form.locator('#rf-recipient').fill(COMMUNE);
      await form.locator('#rf-categories-identity').check();
      await form.locator('#rf-purposes-family_reunification').check();
      await form.locator('#rf-informed').check();
      await page.getByTestId('record-submit').click();
      await page.getByTestId('record-saved').waitFor();
      await openSection(page, 'consent');
    };
    // The family's information, asked for: the package is prepared in the consent section.
    const prepareFamilyPackage = async () => {
      await page.locator('#dp-kind').selectOption('family_information');
      await page.locator('#dp-recipient').fill(COMMUNE);
      await page.locator('#dp-purpose').selectOption('family_reunification');
      await page.locator('#dp-cat-identity').check();
    };
    await recordConsent('victim');
    await page.getByTestId('consent-in-force').first().waitFor();

    await prepareFamilyPackage();
    await preview();
    assert.match(await page.getByTestId('package-refusals').textContent(), /I\.3\.d/);
    await screenshot(page, '33-child-needs-guardian');

    await recordConsent('guardian');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="consent-in-force"]').length === 2);
    await prepareFamilyPackage();
    await preview();
    assert.equal(await page.getByTestId('package-refusals').count(), 0);
    assert.equal(await page.getByTestId('package-person').count(), 1, 'identity was consented to');
    await page.getByTestId('disclosure-release').click();
    await page.getByTestId('package-released').waitFor();
    await assertAccessible(page, 'child consent and release');

    // The child withdraws her consent: nothing more may leave.
    await page.getByTestId('consent-in-force').filter({ hasText: 'Nạn nhân' }).getByRole('button', { name: 'Rút lại' }).click();
    await page.getByTestId('consent-withdraw-confirm').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="consent-in-force"]').length === 1);
    await preview();
    assert.match(await page.getByTestId('package-refusals').textContent(), /I\.3\.d/);
    await screenshot(page, '34-child-consent-withdrawn');
    assert.deepEqual(ctx.problems, []);
  });
});
