// A disclosure approved without break-glass (issue 19), in Firefox ESR: the case worker previews a
// consented referral package and asks the head to approve it; the head, in another window and not on
// the case, opens it from her queue, is refused a decline without a reason, and approves; the worker
// reads the decision on the timeline in words, then prints its referral letter from the disclosure on
// the timeline: one A4 page in Firefox too.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessibleInFirefox, firefoxScreenshot, launchFirefox, newFirefoxPage, openSectionInFirefox, signInAsHeadAt, signInAt } from './firefox.mjs';
import { apiClient, HEAD_USER, newCaseBody, pdfPages, randomWord, requireEnv, USER } from './helpers.mjs';

const PROVIDER = 'Trung tâm Y tế huyện Mường Tè';
const iso = (minutesAgo) => new Date(Date.now() - minutesAgo * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');

describe('Firefox ESR: a disclosure asked for and approved', { timeout: 180_000 }, () => {
  let browser;
  let page;
  let headPage;
  let problems;
  let headProblems;
  let worker;
  let head;
  let c;

  before(async () => {
    requireEnv();
    worker = await apiClient(USER);
    head = await apiClient(HEAD_USER);
    c = await worker.post('/cases', newCaseBody(`Lò Thị Én ${randomWord(4)}`));
    await worker.post(`/cases/${c.id}/actions`, { action: 'begin_care', version: c.version });
    const record = (type, body, minutesAgo) => worker.post(`/cases/${c.id}/records`, { type, occurred_at: iso(minutesAgo), body });
    await record('health_check', { by_medical_staff: true, findings: 'Sốt nhẹ' }, 30);
    await record('consent', { given_by: 'victim', categories: ['health'], recipient: PROVIDER, purposes: ['referral'], informed: true }, 20);
    await head.post(`/cases/${c.id}/records`, { type: 'staff_assignment', occurred_at: iso(1), body: { staff_id: worker.user.id, no_conflict_of_interest: true } });
    ({ browser, page, problems } = await launchFirefox());
  });

  after(async () => {
    await browser?.close();
  });

  const text = (p, selector) => p.$eval(selector, (e) => e.textContent);
  /** A timeline sentence once it names `naming` (the staff's names are read beside the case file). */
  const sentence = async (selector, naming) => {
    await page.waitForFunction((sel, name) => document.querySelector(sel)?.textContent.includes(name), {}, selector, naming);
    return text(page, selector);
  };

  it('the worker asks, the head declines only with a reason and approves, and the worker reads the decision', async () => {
    await signInAt(page, `/cases/${c.id}?section=consent`, '[data-testid="disclosure"]');
    await page.select('#dp-kind', 'agency_information');
    await page.locator('#dp-recipient').fill(PROVIDER);
    await page.select('#dp-purpose', 'referral');
    await page.locator('#dp-cat-health').click();
    await page.locator('[data-testid="disclosure-preview"]').click();
    await page.waitForSelector('[data-testid="package-preview"]');
    await page.locator('[data-testid="disclosure-ask"]').click();
    await page.waitForSelector('[data-testid="disclosure-asked"]');
    await assertAccessibleInFirefox(page, 'the case file, a release asked for');
    await openSectionInFirefox(page, 'timeline');
    await page.waitForSelector('[data-testid="timeline"] [data-testid="record-disclosure_request"]');
    assert.equal(await sentence('[data-testid="timeline"] [data-testid="record-disclosure_request"] [data-testid="record-text"]', worker.user.display_name),
      `${worker.user.display_name} đề nghị Giám đốc phê duyệt việc cung cấp cho ${PROVIDER} các thông tin: Sức khỏe.`);

    // The head, in a window of her own (her own cookies), in front while she works.
    ({ page: headPage, problems: headProblems } = await newFirefoxPage(await browser.createBrowserContext()));
    const item = `[data-testid="approval"][data-code="${c.code}"]`;
    await signInAsHeadAt(headPage, '/centre/disclosures', item);
    await headPage.locator(`${item} [data-testid="approval-open"]`).click();
    await headPage.waitForSelector(`${item} [data-testid="package-preview"]`);
    await headPage.locator(`${item} [data-testid="review-decline"]`).click();
    await headPage.waitForSelector(`${item} [data-testid="review-reason-error"]`);
    assert.equal(await text(headPage, `${item} [data-testid="review-reason-error"]`), 'Hãy ghi lý do không phê duyệt.');
    await assertAccessibleInFirefox(headPage, 'the head reviewing a request');
    await firefoxScreenshot(headPage, '104-firefox-disclosure-review');
    await headPage.locator(`${item} [data-testid="review-approve"]`).click();
    await headPage.waitForSelector('[data-testid="approvals-released"] [data-testid="package-released"]');
    assert.equal(await headPage.$(item), null, 'it left the queue');

    await page.bringToFront();
    await page.reload();
    const decision = '[data-testid="timeline"] [data-testid="record-disclosure_decision"] [data-testid="record-text"]';
    await page.waitForSelector(decision);
    assert.match(await sentence(decision, head.user.display_name),
      new RegExp(`^${head.user.display_name} đã phê duyệt đề nghị của ${worker.user.display_name} \\(\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d\\): ${PROVIDER} được cung cấp các thông tin: Sức khỏe\\.$`));
    const records = (await worker.get(`/cases/${c.id}/records`)).items;
    assert.equal(records.some((r) => r.type === 'break_glass'), false, 'no break-glass');
    assert.deepEqual([...problems, ...headProblems], []);
  });

  it('the worker prints the referral letter of what the head approved, on one A4 page', async () => {
    await page.locator('[data-testid="timeline"] [data-testid="record-disclosure"] [data-testid="letter-link"]').click();
    await page.waitForSelector('[data-testid="referral-letter"] [data-testid="letter-signatures"]');
    assert.equal(await text(page, '[data-testid="letter-recipient"]'), `Kính gửi: ${PROVIDER}`);
    assert.equal(await text(page, '[data-testid="letter-sender"] dd'), `${head.user.display_name} (Giám đốc cơ sở)`);
    assert.deepEqual(await page.$$eval('[data-testid="letter-categories"] li', (li) => li.map((x) => x.textContent)), ['Sức khỏe']);
    assert.deepEqual(await page.$$eval('[data-testid="letter-signatures"] .sign-role', (r) => r.map((x) => x.textContent)),
      ['Người chuyển gửi', 'Giám đốc cơ sở', 'Đại diện bên nhận']);
    await assertAccessibleInFirefox(page, 'the referral letter');
    const pages = pdfPages(Buffer.from(await page.pdf({ format: 'A4' })));
    assert.deepEqual(pages.map((p) => p.drawn), [true], `one A4 page in Firefox, not ${pages.length}`);
    assert.deepEqual(problems, []);
  });
});
