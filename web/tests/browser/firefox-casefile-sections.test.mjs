// The case file organised by the service (issue 19), in an American Firefox ESR: its sections jumped
// between through their links and the browser's back and forward, each in the address; the picker's
// search finding a type typed without accents, and no repatriation offered for a Vietnamese citizen;
// a next step (II.3.a) followed to its form, which takes the focus, saved, and the task gone; a
// referral's follow-up (II.6.e) opening its update with the referral filled in; phone and tablet
// widths without sideways scrolling; axe-core on each section.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessibleInFirefox, firefoxScreenshot, launchFirefox, openSectionInFirefox, signInAt } from './firefox.mjs';
import { apiClient, BASE_URL, caseInCare, randomWord, referViaApi, requireEnv, USER } from './helpers.mjs';

describe('Firefox ESR: the case file in sections', { timeout: 180_000 }, () => {
  let browser;
  let page;
  let problems;
  let worker;
  let caseId;

  before(async () => {
    requireEnv();
    worker = await apiClient(USER);
    caseId = await caseInCare(worker, `Sùng Thị Pà ${randomWord(4)}`);
    ({ browser, page, problems } = await launchFirefox());
    await signInAt(page, `/cases/${caseId}`, '[data-testid="case-section-overview"]');
  });

  after(async () => {
    await browser?.close();
  });

  const current = () => page.$eval('[data-testid="section-nav"] [aria-current="page"]', (a) => a.dataset.testid);
  const asked = (name) => new URL(page.url()).searchParams.get(name);
  const count = (selector) => page.$$eval(selector, (els) => els.length);
  /** The browser's own back and forward, as its buttons do (the page hears a popstate). */
  const history = (step) => page.evaluate((n) => window.history.go(n), step);

  it('jumps between sections, each in the address, back and forward included', async () => {
    assert.equal(await current(), 'section-overview');
    await page.waitForSelector('[data-testid="next-steps"]');
    await assertAccessibleInFirefox(page, 'case file: overview');
    for (const section of ['timeline', 'record', 'consent', 'documents', 'tasks', 'details']) {
      await openSectionInFirefox(page, section);
      assert.equal(asked('section'), section);
      assert.equal(await current(), `section-${section}`);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(height < 2500, `${section} is no long scroll (${height}px)`);
      await assertAccessibleInFirefox(page, `case file: ${section}`);
    }
    await history(-1);
    await page.waitForSelector('[data-testid="case-section-tasks"]');
    await history(-1);
    await page.waitForSelector('[data-testid="case-section-documents"]');
    await history(1);
    await page.waitForSelector('[data-testid="case-section-tasks"]');
    assert.equal(await current(), 'section-tasks');
    // A link to a section opens there.
    await page.goto(`${BASE_URL}/cases/${caseId}?section=timeline`);
    await page.waitForSelector('[data-testid="case-section-timeline"]');
    assert.equal(await current(), 'section-timeline');
  });

  it('finds a record type by a Vietnamese word typed without accents, and offers no repatriation to a Vietnamese citizen', async () => {
    await openSectionInFirefox(page, 'record');
    await page.waitForSelector('[data-testid="record-picker"]');
    assert.equal(await count('[data-testid="pick-repatriation_wish"]'), 0, 'I.5.a: repatriation is for a foreign victim');
    assert.equal(await count('[data-testid="pick-contact_attempt"]'), 0, 'no lost-contact attempt while she is in the centre');
    assert.equal(await count('[data-testid="pick-referral_update"]'), 0, 'no referral to update');
    await page.locator('[data-testid="picker-search"]').fill('hoi huong');
    await page.waitForFunction(() => document.getElementById('rp-found')?.textContent === 'Tìm thấy 0 loại');
    await page.locator('[data-testid="picker-search"]').fill('tu van tam ly');
    await page.waitForSelector('[data-testid="pick-counselling_session"]');
    assert.equal(await count('.pick'), 1, 'only the counselling session');
    await page.locator('[data-testid="pick-counselling_session"]').click();
    await page.waitForSelector('[data-testid="form-counselling_session"]');
    assert.equal(asked('form'), 'counselling_session', 'the chosen form in the address');
    await assertAccessibleInFirefox(page, 'picker searched');
  });

  it('follows a next step to its form, saves it, and the task is gone', async () => {
    await openSectionInFirefox(page, 'overview');
    await page.locator('[data-testid="next-steps"] [data-testid="task-link"][data-task="task.first_counselling"]').click();
    await page.waitForSelector('[data-testid="form-counselling_session"]');
    assert.equal(asked('form'), 'counselling_session');
    await page.waitForFunction(() => document.activeElement?.dataset.testid === 'record-form-title', { timeout: 2000 });
    await page.locator('#rf-condition_observed').fill('Bình tĩnh hơn, ngủ được');
    await page.locator('[data-testid="record-submit"]').click();
    await page.waitForSelector('[data-testid="record-saved"]');
    await page.waitForFunction(() => !document.querySelector('[data-task="task.first_counselling"]'));
    assert.ok(!(await worker.get(`/cases/${caseId}/tasks`)).items.some((t) => t.task === 'task.first_counselling'), 'the server agrees');
  });

  it("opens a referral's follow-up (II.6.e) as its update, the referral filled in", async () => {
    const referral = await referViaApi(worker, caseId, 'Trung tâm dạy nghề huyện');
    await page.goto(`${BASE_URL}/cases/${caseId}?section=tasks`);
    await page.locator(`[data-testid="tasks"] [data-testid="task-link"][href*="about=${referral.id}"]`).click();
    await page.waitForSelector('[data-testid="form-referral_update"]');
    assert.equal(await page.$eval('#rf-referral_id', (s) => s.value), referral.id);
    await page.select('#rf-status', 'accepted');
    await page.locator('[data-testid="record-submit"]').click();
    await page.waitForSelector('[data-testid="record-saved"]');
    const update = (await worker.get(`/cases/${caseId}/records`)).items.find((r) => r.type === 'referral_update');
    assert.equal(update?.body.referral_id, referral.id, 'the update follows that referral');
  });

  it('fits a phone (390×844) and a tablet (768×1024) without sideways scrolling', async () => {
    for (const [width, height] of [[390, 844], [768, 1024]]) {
      await page.setViewport({ width, height });
      for (const section of ['overview', 'record']) {
        await openSectionInFirefox(page, section);
        const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(wide <= 0, `${section} at ${width}px: ${wide}px too wide`);
      }
      await assertAccessibleInFirefox(page, `case file at ${width}px`);
      await firefoxScreenshot(page, `95-firefox-casefile-sections-${width}`);
    }
    assert.deepEqual(problems, []);
  });
});
