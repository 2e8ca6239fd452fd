// A disclosure approved without break-glass (issue 19), in Chromium. The case worker previews a
// referral package the victim consented to and asks the head to approve it (she may not release it,
// I.3.a); the head, who is not on the case, sees it in her queue with a count on her link, its terms
// in words, opens exactly what would leave, approves, and prints what left; the worker reads the
// decision on the timeline in words. The case file is in sections: what leaves it is prepared in
// its consent section (`?section=consent`), and read back in the timeline's. A decline needs a reason, which the worker reads too; a request
// someone decided first is said so, and the queue read again. Both pages fit a phone.
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
  randomWord,
  requireEnv,
  screenshot,
  signIn,
  USER,
} from './helpers.mjs';

const PROVIDER = 'Bệnh viện Sản Nhi tỉnh An Giang';
const iso = (minutesAgo) => new Date(Date.now() - minutesAgo * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
const DAY_AND_TIME = String.raw`\d\d/\d\d/\d{4} \d\d:\d\d`;
/** A record's or a member of staff's ID, or an ISO time: what the timeline never shows. */
const RAW = /\b[0-9a-z]{26}\b|\d{4}-\d\d-\d\dT\d\d/;
/** What the worker asks for through the API: the package of the case's referral (II.6.d). */
const terms = (c) => ({ kind: 'referral_package', recipient: PROVIDER, purpose: 'referral', categories: ['health'], referral_id: c.referralId });

/** A woman in care whose health information she agreed may go to the hospital she is referred to,
 * with the case worker who received her assigned to her case by the head (who is not on it). */
async function consentedCase(worker, head) {
  const c = await worker.post('/cases', newCaseBody(`Hà Thị Lụa ${randomWord(4)}`));
  await worker.post(`/cases/${c.id}/actions`, { action: 'begin_care', version: c.version });
  const record = (type, body, minutesAgo) => worker.post(`/cases/${c.id}/records`, { type, occurred_at: iso(minutesAgo), body });
  await record('health_check', { by_medical_staff: true, findings: 'Thiếu máu nhẹ' }, 50);
  await record('counselling_session', { condition_observed: 'Lo âu, mất ngủ' }, 45);
  await record('provider_list_given', { language: 'vi' }, 40);
  await record('recovery_assessment', { findings: 'Cần khám chuyên khoa' }, 35);
  const referral = await record('referral', { provider: PROVIDER, services: 'Khám phụ khoa', victim_opinion: 'Muốn đi khám', victim_agreed: true }, 30);
  await record('consent', { given_by: 'victim', categories: ['health'], recipient: PROVIDER, purposes: ['referral'], informed: true }, 25);
  await head.post(`/cases/${c.id}/records`, {
    type: 'staff_assignment', occurred_at: iso(1), body: { staff_id: worker.user.id, no_conflict_of_interest: true },
  });
  return { ...c, referralId: referral.id };
}

describe('disclosures approved by the head without break-glass', { timeout: 300_000 }, () => {
  let browser;
  let workerPage;
  let headPage;
  let worker;
  let head;
  let approved;
  let declined;
  let taken;
  const problems = [];

  before(async () => {
    requireEnv();
    worker = await apiClient(USER);
    head = await apiClient(HEAD_USER);
    approved = await consentedCase(worker, head);
    declined = await consentedCase(worker, head);
    taken = await consentedCase(worker, head);
    browser = await launch();
    // Two people, two browsers' worth of cookies.
    const w = await newPage(browser);
    const h = await newPage(browser);
    workerPage = w.page;
    headPage = h.page;
    problems.push(w.problems, h.problems);
    await workerPage.goto(`${BASE_URL}/cases/${approved.id}?section=consent`);
    await workerPage.waitForURL(/\/signin/);
    await signIn(workerPage);
    await workerPage.getByTestId('disclosure').waitFor();
    await headPage.goto(`${BASE_URL}/`);
    await headPage.waitForURL(/\/signin/);
    await signIn(headPage, { username: HEAD_USER });
    await headPage.getByTestId('site-header').waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  const item = (c) => headPage.getByTestId('approval').filter({ hasText: c.code });
  const waitingFor = async (c) => (await head.get('/centre/disclosure-requests')).items.filter((i) => i.case_id === c.id);
  /** The newest record of a type on the timeline, in words, once the staff's names have come (they are
   * read beside the case file, and "a member of staff" stands in for them until then). */
  const timelineText = async (page, type, naming) => {
    const sentence = page.getByTestId('timeline').getByTestId(`record-${type}`).first().getByTestId('record-text');
    await sentence.filter({ hasText: naming }).waitFor();
    return sentence.textContent();
  };

  it('lets the case worker ask for the release of what she previewed, and shows the request on the timeline in words', async () => {
    const page = workerPage;
    assert.equal(await page.getByTestId('disclosure-release').count(), 0, 'no release for her (I.3.a)');
    const ask = page.getByTestId('disclosure-ask');
    await page.locator('#dp-referral').selectOption({ index: 1 });
    assert.equal(await page.locator('#dp-recipient').inputValue(), PROVIDER);
    await page.locator('#dp-purpose').selectOption('referral');
    await page.locator('#dp-cat-health').check();
    assert.equal(await ask.isDisabled(), true, 'asked only for what she has previewed');
    await page.getByTestId('disclosure-preview').click();
    await page.getByTestId('package-preview').waitFor();
    assert.equal(await page.getByTestId('package-records').getByTestId('record-health_check').count(), 1);
    assert.equal(await page.getByTestId('package-records').getByTestId('record-counselling_session').count(), 0);
    await ask.click();
    assert.equal(await page.getByTestId('disclosure-asked').textContent(), 'Đã gửi đề nghị. Giám đốc sẽ thấy đề nghị này trong danh sách chờ phê duyệt.');
    assert.equal(await ask.isDisabled(), true, 'not asked twice');
    await page.getByTestId('disclosure-waiting').waitFor();
    assert.match(await page.getByTestId('disclosure-waiting').textContent(),
      new RegExp(`Hồ sơ chuyển gửi dịch vụ cho ${PROVIDER} \\(Sức khỏe\\), ${worker.user.display_name} đề nghị lúc ${DAY_AND_TIME}`));
    await assertAccessible(page, 'the case file, a release asked for');
    await screenshot(page, '100-disclosure-asked');
    await openSection(page, 'timeline');
    await page.getByTestId('timeline').getByTestId('record-disclosure_request').waitFor();
    assert.equal(await timelineText(page, 'disclosure_request', worker.user.display_name),
      `${worker.user.display_name} đề nghị Giám đốc phê duyệt việc cung cấp cho ${PROVIDER} các thông tin: Sức khỏe.`);
    assert.doesNotMatch(await page.getByTestId('timeline').getByTestId('record-disclosure_request').textContent(), RAW);
    assert.equal((await waitingFor(approved)).length, 1);
  });

  it("shows the head the request in her queue, with its terms in words, and exactly what would leave; she approves and prints what left", async () => {
    const page = headPage;
    await page.reload();
    const link = page.getByRole('navigation').getByRole('link', { name: /^Phê duyệt cung cấp thông tin/ });
    assert.match(await link.getByTestId('nav-count-disclosures').textContent(), /^[1-9]\d*$/, 'a count on her link');
    await link.click();
    await item(approved).waitFor();
    assert.match(await item(approved).textContent(), new RegExp(`${worker.user.display_name} đề nghị lúc ${DAY_AND_TIME}`));
    const terms = await item(approved).getByTestId('approval-terms').locator('.dl-item').evaluateAll((items) =>
      items.map((i) => [i.querySelector('dt').textContent, i.querySelector('dd').textContent]));
    assert.match(await item(approved).locator('h3').first().textContent(), new RegExp(`^${approved.code}\\s*Hồ sơ chuyển gửi dịch vụ$`));
    assert.deepEqual(terms, [['Người nhận', PROVIDER], ['Mục đích', 'Chuyển gửi dịch vụ'], ['Loại thông tin', 'Sức khỏe']]);

    await item(approved).getByTestId('approval-open').click();
    const review = item(approved).getByTestId('review');
    await review.getByTestId('package-preview').waitFor();
    assert.equal(await review.getByTestId('package-records').getByTestId('record-health_check').count(), 1);
    assert.equal(await review.getByTestId('package-records').getByTestId('record-counselling_session').count(), 0, 'nothing psychological leaves');
    assert.equal(await review.getByTestId('package-refusals').count(), 0);
    assert.equal(await review.getByTestId('package-person').count(), 0, 'identity was not asked for');
    await assertAccessible(page, 'the head reviewing a request');
    await screenshot(page, '101-disclosure-review');

    await review.getByTestId('review-approve').click();
    const released = page.getByTestId('approvals-released');
    await released.getByTestId('package-released').waitFor();
    await item(approved).waitFor({ state: 'detached' }); // decided, it left the queue
    // The print view of the case file's panel: the package alone.
    await page.evaluate(() => {
      window.print = () => {
        window.__printed = document.body.dataset.printing;
      };
    });
    await released.getByTestId('package-print').click();
    assert.equal(await page.evaluate(() => window.__printed), 'package');
    await screenshot(page, '102-disclosure-approved');

    const records = (await worker.get(`/cases/${approved.id}/records`)).items;
    const decision = records.find((r) => r.type === 'disclosure_decision');
    assert.equal(decision.body.approved, true);
    assert.equal(decision.recorded_by, head.user.id);
    const disclosure = records.find((r) => r.type === 'disclosure');
    assert.deepEqual(disclosure.body.categories, ['health']);
    assert.equal(records.some((r) => r.type === 'break_glass'), false, 'no break-glass');
  });

  it('shows the worker the decision on the timeline, in words', async () => {
    const page = workerPage;
    await page.reload();
    await page.getByTestId('timeline').getByTestId('record-disclosure_decision').waitFor();
    const stillWaiting = async () => {
      await openSection(page, 'consent');
      return page.getByTestId('disclosure-waiting').count();
    };
    assert.match(await timelineText(page, 'disclosure_decision', head.user.display_name),
      new RegExp(`^${head.user.display_name} đã phê duyệt đề nghị của ${worker.user.display_name} \\(${DAY_AND_TIME}\\): ${PROVIDER} được cung cấp các thông tin: Sức khỏe\\.$`));
    assert.doesNotMatch(await page.getByTestId('timeline').getByTestId('record-disclosure_decision').textContent(), RAW);
    assert.equal(await stillWaiting(), 0, 'nothing waits any more');
  });

  it('needs a reason to decline, which the worker then reads on the timeline', async () => {
    await worker.post(`/cases/${declined.id}/disclosure-requests`, { disclosure: terms(declined) });
    const page = headPage;
    await page.goto(`${BASE_URL}/centre/disclosures`);
    await item(declined).getByTestId('approval-open').click();
    const review = item(declined).getByTestId('review');
    await review.getByTestId('package-preview').waitFor();
    await review.getByTestId('review-decline').click();
    const said = review.getByTestId('review-reason-error');
    await said.waitFor();
    assert.equal(await said.textContent(), 'Hãy ghi lý do không phê duyệt.');
    const reason = review.getByLabel('Lý do', { exact: true });
    assert.equal(await reason.evaluate((e) => e === document.activeElement), true, 'the reason has the focus');
    assert.equal((await waitingFor(declined)).length, 1, 'nothing decided');

    await reason.fill('Bệnh viện chưa gửi giấy tiếp nhận; đề nghị lại khi có');
    await review.getByTestId('review-decline').click();
    const done = page.getByTestId('approvals-done');
    await done.waitFor();
    assert.equal(await done.textContent(), `Đã không phê duyệt đề nghị của hồ sơ ${declined.code}. ${worker.user.display_name} sẽ đọc lý do trong diễn biến hồ sơ.`);
    assert.equal(await item(declined).count(), 0);

    await workerPage.goto(`${BASE_URL}/cases/${declined.id}?section=timeline`);
    const entry = workerPage.getByTestId('timeline').getByTestId('record-disclosure_decision');
    await entry.waitFor();
    assert.match(await timelineText(workerPage, 'disclosure_decision', head.user.display_name), new RegExp(`^${head.user.display_name} không phê duyệt đề nghị của ${worker.user.display_name}`));
    assert.match(await entry.textContent(), /Lý doBệnh viện chưa gửi giấy tiếp nhận; đề nghị lại khi có/);
    assert.equal((await worker.get(`/cases/${declined.id}/records`)).items.some((r) => r.type === 'disclosure'), false, 'nothing left');
  });

  it('says so when the request was decided meanwhile, and reads the queue again', async () => {
    await worker.post(`/cases/${taken.id}/disclosure-requests`, { disclosure: terms(taken) });
    const page = headPage;
    await page.goto(`${BASE_URL}/centre/disclosures`);
    await item(taken).getByTestId('approval-open').click();
    await item(taken).getByTestId('package-preview').waitFor();
    const [request] = await waitingFor(taken);
    // Decided elsewhere (another window, another head) while the page shows it.
    await head.post(`/cases/${taken.id}/disclosure-requests/${request.request.id}/decision`, { decision: 'decline', reason: 'Đã xử lý ở cửa sổ khác' });
    await item(taken).getByTestId('review-approve').click();
    const done = page.getByTestId('approvals-done');
    await done.waitFor();
    assert.equal(await done.textContent(), `Đề nghị của hồ sơ ${taken.code} đã được người khác quyết định trước. Danh sách đã được tải lại.`);
    assert.equal(await item(taken).count(), 0);
    assert.equal((await worker.get(`/cases/${taken.id}/records`)).items.filter((r) => r.type === 'disclosure_decision').length, 1, 'one decision');
  });

  it('fits a phone, a tablet and a laptop without sideways scrolling, and reads in English', async () => {
    await worker.post(`/cases/${approved.id}/disclosure-requests`, { disclosure: terms(approved) });
    const page = headPage;
    for (const [width, height] of [[390, 844], [768, 1024], [1366, 768]]) {
      await page.setViewportSize({ width, height });
      await page.goto(`${BASE_URL}/centre/disclosures`);
      await item(approved).getByTestId('approval-open').click();
      await item(approved).getByTestId('package-preview').waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no sideways scrolling at ${width}×${height} (${overflow}px too wide)`);
      // The menu folded on a phone still says that something waits behind it.
      if (width === 390) assert.match(await page.getByTestId('menu-count').textContent(), /^[1-9]\d*$/);
      await screenshot(page, `103-disclosures-${width}`);
    }
    await workerPage.setViewportSize({ width: 390, height: 844 });
    await workerPage.goto(`${BASE_URL}/cases/${approved.id}?section=consent`);
    await workerPage.getByTestId('disclosure-waiting').waitFor();
    const overflow = await workerPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the case file with a request waiting fits a phone (${overflow}px too wide)`);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Disclosures to approve' }).waitFor();
    const english = await item(approved).getByTestId('approval-terms').textContent();
    assert.equal(english, `Recipient${PROVIDER}PurposeReferralCategories of informationHealth`);
    await assertAccessible(page, 'the queue in English');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    assert.deepEqual(problems.flat(), []);
  });
});
