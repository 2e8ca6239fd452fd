// Corrections of what reception recorded (issue 18), in Firefox ESR and in English: a birth date that
// papers establish, entered through the case page's "correct" action with its reason, takes the girl
// out of "treated as a child" (II.2.d) at once, and the timeline says what changed and why.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessibleInFirefox, firefoxScreenshot, launchFirefox, openSectionInFirefox, signInAt } from './firefox.mjs';
import { apiClient, childCaseBody, randomWord, requireEnv, USER } from './helpers.mjs';

const NAME = `Lầu Thị Pàng ${randomWord(4)}`;
const REASON = 'Birth certificate brought by her mother';

describe('Firefox ESR: correcting the person', { timeout: 120_000 }, () => {
  let browser;
  let page;
  let problems;
  let worker;
  let caseId;

  before(async () => {
    requireEnv();
    worker = await apiClient(USER);
    caseId = (await worker.post('/cases', childCaseBody(NAME, 16))).id;
    ({ browser, page, problems } = await launchFirefox());
  });

  after(async () => {
    await browser?.close();
  });

  const isShown = (selector) => page.$eval(selector, (e) => e.checkVisibility()).catch(() => false);

  it('enters a birth date with its reason: no longer treated as a child, and the correction on the timeline', async () => {
    // The person and the reception record are the case file's details.
    await signInAt(page, `/cases/${caseId}?section=details`, '[data-testid="person-summary"]');
    await page.$eval('[data-testid="lang-en"]', (b) => b.click());
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.ok(await isShown('[data-testid="treated-as-child"]'));

    assert.equal(await page.$eval('[data-testid="correct-person"]', (b) => b.getAttribute('aria-label')), 'Correct the person\'s details');
    await page.locator('[data-testid="correct-person"]').click();
    await page.waitForSelector('[data-testid="correct-person-form"]');
    assert.equal(await page.$eval('#f-person-name', (e) => e.value), NAME);
    await page.locator('#f-person-birth_date').fill('14/03/2001');
    await page.locator('#f-person-reason').fill(REASON);
    await assertAccessibleInFirefox(page, 'the person correction form');
    await page.locator('[data-testid="correct-person-save"]').click();
    await page.waitForSelector('[data-testid="corrected-person"]');
    assert.equal(await isShown('[data-testid="treated-as-child"]'), false, 'no longer treated as a child');
    await openSectionInFirefox(page, 'timeline');
    await page.waitForSelector('[data-testid="correction-text"]');
    assert.equal(
      await page.$eval('[data-testid="correction-text"]', (e) => e.textContent),
      `Correction of the person's details — Date of birth: (empty) → 14/03/2001. Reason: ${REASON}`,
    );
    assert.equal((await worker.get(`/cases/${caseId}`)).person.treated_as_child, false);
    await firefoxScreenshot(page, '69-firefox-person-corrected');
    assert.deepEqual(problems, []);
  });
});
