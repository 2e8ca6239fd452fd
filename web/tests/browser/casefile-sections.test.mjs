// The case file organised by the service (issue 19), in Chromium: its sections jumped between through
// their links and the browser's back and forward, each in the address; a next step (II.3.a) followed
// to its form, saved, and the task gone; a referral's follow-up (II.6.e) opening its update with the
// referral filled in; the picker's search finding a type typed without accents; no repatriation
// offered for a Vietnamese citizen; a phone-size case file without sideways scrolling; axe-core on
// each section.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { apiClient, assertAccessible, BASE_URL, caseInCare, launch, newPage, openSection, randomWord, referViaApi, requireEnv, screenshot, signIn, USER } from './helpers.mjs';

describe('the case file in sections', { timeout: 240_000 }, () => {
  let browser;
  let ctx;
  let page;
  let worker;
  let caseId;

  before(async () => {
    requireEnv();
    worker = await apiClient(USER);
    caseId = await caseInCare(worker, `Phạm Thị Hằng ${randomWord(4)}`);
    browser = await launch();
    ctx = await newPage(browser, { viewport: { width: 1366, height: 768 } });
    page = ctx.page;
    await page.goto(`${BASE_URL}/cases/${caseId}`);
    await page.waitForURL(/\/signin/);
    await signIn(page);
    await page.getByTestId('case-section-overview').waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  const current = () => page.getByTestId('section-nav').locator('[aria-current="page"]').getAttribute('data-testid');

  it('jumps between sections, each in the address, back and forward included', async () => {
    assert.equal(await current(), 'section-overview');
    await page.getByTestId('next-steps').waitFor();
    await assertAccessible(page, 'case file: overview');
    for (const section of ['timeline', 'record', 'consent', 'documents', 'tasks', 'details']) {
      await openSection(page, section);
      assert.equal(new URL(page.url()).searchParams.get('section'), section);
      assert.equal(await current(), `section-${section}`);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(height < 2500, `${section} is no long scroll (${height}px)`);
      await assertAccessible(page, `case file: ${section}`);
    }
    await page.goBack();
    await page.getByTestId('case-section-tasks').waitFor();
    await page.goBack();
    await page.getByTestId('case-section-documents').waitFor();
    await page.goForward();
    await page.getByTestId('case-section-tasks').waitFor();
    // A link to a section opens there.
    await page.goto(`${BASE_URL}/cases/${caseId}?section=timeline`);
    await page.getByTestId('case-section-timeline').waitFor();
    assert.equal(await current(), 'section-timeline');
    // From the keyboard: the section links are in the tab order.
    await page.getByTestId('section-details').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('case-section-details').waitFor();
  });

  it('finds a record type by a Vietnamese word typed without accents, and offers no repatriation to a Vietnamese citizen', async () => {
    await openSection(page, 'record');
    assert.equal(await page.getByTestId('pick-repatriation_wish').count(), 0, 'I.5.a: repatriation is for a foreign victim');
    assert.equal(await page.getByTestId('pick-contact_attempt').count(), 0, 'no lost-contact attempt while she is in the centre');
    assert.equal(await page.getByTestId('pick-referral_update').count(), 0, 'no referral to update');
    await page.getByTestId('picker-search').fill('hoi huong');
    await page.getByText('Tìm thấy 0 loại').waitFor();
    await page.getByTestId('picker-search').fill('tu van tam ly');
    await page.getByTestId('pick-counselling_session').waitFor();
    assert.equal(await page.locator('.pick').count(), 1, 'only the counselling session');
    await page.getByTestId('pick-counselling_session').click();
    await page.getByTestId('form-counselling_session').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('form'), 'counselling_session', 'the chosen form in the address');
    await assertAccessible(page, 'picker searched');
  });

  it('follows a next step to its form, saves it, and the task is gone', async () => {
    await openSection(page, 'overview');
    const step = page.getByTestId('next-steps').getByTestId('task-link').and(page.locator('[data-task="task.first_counselling"]'));
    await step.click();
    await page.getByTestId('form-counselling_session').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('form'), 'counselling_session');
    assert.ok(await page.getByTestId('record-form-title').evaluate((h) => h === document.activeElement), 'the form is where the reader is taken');
    await page.locator('#rf-condition_observed').fill('Bình tĩnh hơn, ngủ được');
    await page.getByTestId('record-submit').click();
    await page.getByTestId('record-saved').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-task="task.first_counselling"]'));
    assert.ok(!(await worker.get(`/cases/${caseId}/tasks`)).items.some((t) => t.task === 'task.first_counselling'), 'the server agrees');
  });

  it("opens a referral's follow-up (II.6.e) as its update, the referral filled in", async () => {
    const referral = await referViaApi(worker, caseId, 'Hội Liên hiệp Phụ nữ huyện');
    const tasks = (await worker.get(`/cases/${caseId}/tasks`)).items;
    const followUp = tasks.find((t) => t.clause === 'II.6.e' && t.about_record_id === referral.id);
    assert.ok(followUp, 'a follow-up task about the referral');
    await page.goto(`${BASE_URL}/cases/${caseId}?section=tasks`);
    await page.getByTestId('tasks').getByTestId('task-link').and(page.locator(`[href*="about=${referral.id}"]`)).click();
    await page.getByTestId('form-referral_update').waitFor();
    assert.equal(await page.locator('#rf-referral_id').inputValue(), referral.id);
    await page.locator('#rf-status').selectOption('accepted');
    await page.getByTestId('record-submit').click();
    await page.getByTestId('record-saved').waitFor();
  });

  it('fits a phone (390×844) and a tablet (768×1024) without sideways scrolling', async () => {
    for (const [width, height] of [[390, 844], [768, 1024]]) {
      await page.setViewportSize({ width, height });
      for (const section of ['overview', 'record']) {
        await openSection(page, section);
        const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(wide <= 0, `${section} at ${width}px: ${wide}px too wide`);
      }
      await assertAccessible(page, `case file at ${width}px`);
      await screenshot(page, `30-casefile-sections-${width}`);
    }
    assert.deepEqual(ctx.problems, []);
  });
});
