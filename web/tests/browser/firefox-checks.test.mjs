// Checks before typing (issue 18), in Firefox ESR: on a new case, choosing the identification
// interview shows II.1.e (a health check and counselling first) above its form before anything is
// typed, its fields and its save closed; once both are recorded through their forms, the refusal is
// gone and the form opens.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessibleInFirefox, firefoxScreenshot, launchFirefox, openSectionInFirefox, pickRecordInFirefox, signInAt } from './firefox.mjs';
import { apiClient, newCaseBody, randomWord, requireEnv, USER } from './helpers.mjs';

const NAME = `Giàng Thị Máy ${randomWord(4)}`;

describe('Firefox ESR: checks before typing', { timeout: 120_000 }, () => {
  let browser;
  let page;
  let problems;
  let caseId;

  before(async () => {
    requireEnv();
    const worker = await apiClient(USER);
    caseId = (await worker.post('/cases', newCaseBody(NAME))).id;
    ({ browser, page, problems } = await launchFirefox());
  });

  after(async () => {
    await browser?.close();
  });

  const closed = (selector) => page.$eval(selector, (e) => e.matches(':disabled'));
  const clauses = () => page.$$eval('[data-testid="record-checks"] [data-testid="check-clause"]', (els) => els.map((e) => e.textContent));
  const optionText = (type) => page.$eval(`[data-testid="pick-${type}"] .pick-name`, (e) => e.textContent);

  async function save(type, fill, shown) {
    await pickRecordInFirefox(page, type);
    await page.waitForSelector(`[data-testid="form-${type}"]`);
    await fill();
    await page.locator('[data-testid="record-submit"]').click();
    await page.waitForSelector('[data-testid="record-saved"]');
    await openSectionInFirefox(page, 'timeline');
    await page.waitForSelector(`[data-testid="record-${shown}"]`);
  }

  it('shows II.1.e before typing with the form closed, and opens it once the health check and counselling are recorded', async () => {
    await signInAt(page, `/cases/${caseId}?section=record`, '[data-testid="record-form"]');
    assert.equal(await optionText('identification_interview'), 'Phỏng vấn xác minh nạn nhân (chưa ghi được lúc này)');
    await pickRecordInFirefox(page, 'identification_interview');
    await page.waitForSelector('[data-testid="record-checks"]');
    assert.deepEqual(await clauses(), ['II.1.e']);
    for (const field of ['#rf-place', '#rf-people_present', '[data-testid="record-submit"]']) assert.ok(await closed(field), `${field} closed`);
    await assertAccessibleInFirefox(page, 'a record refused before typing');
    await firefoxScreenshot(page, '94-firefox-checks-before-typing');

    await save('health_check', async () => {
      await page.locator('#rf-by_medical_staff').click();
      await page.locator('#rf-findings').fill('Huyết áp bình thường');
    }, 'health_check');
    await save('counselling_session', () => page.locator('#rf-condition_observed').fill('Đã bình tĩnh hơn'), 'counselling_session');
    await openSectionInFirefox(page, 'record');
    await page.waitForFunction(() => document.querySelector('[data-testid="pick-identification_interview"] .pick-name')?.textContent === 'Phỏng vấn xác minh nạn nhân');

    await pickRecordInFirefox(page, 'identification_interview');
    await page.waitForSelector('[data-testid="form-identification_interview"]');
    assert.equal(await page.$('[data-testid="record-checks"]'), null, 'nothing refuses it now');
    assert.equal(await closed('#rf-place'), false);
    assert.equal(await closed('[data-testid="record-submit"]'), false);
    assert.deepEqual(problems, []);
  });
});
