// Prints on A4 with only pages that have something on them, measured on the PDF Chromium prints: a
// released referral package of one page of content prints as one page (it printed 1 page and 8
// blank ones, the case file's height kept under the hidden rest of the page); the case file with a
// package's preview, a victim's sheets and the self-assessment print no blank page. The referral
// letter of the released package, opened again later from the disclosure on the case file, says
// what left, to whom and by whom, in Vietnamese and in English, on exactly one page; the case summary
// prints its timeline in words with no blank page (issue 19).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiClient, assertAccessible, BASE_URL, HEAD_USER, launch, newCaseBody, newPage, pdfPages, randomWord, requireEnv, sessionCookieOf, USER } from './helpers.mjs';

const PROVIDER = 'Bệnh viện Đa khoa tỉnh Lào Cai';
const iso = (minutesAgo) => new Date(Date.now() - minutesAgo * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');

describe('prints without blank pages', { timeout: 180_000 }, () => {
  let browser;
  let page;
  let caseId;
  let worker;
  let head;
  const name = `Vàng Thị Mai ${randomWord(4)}`;

  before(async () => {
    requireEnv();
    worker = await apiClient(USER);
    head = await apiClient(HEAD_USER);
    // A woman in care, referred to a hospital, who agreed that her health information may go there;
    // the head opens the case by break-glass to release the package (nobody puts herself on a case).
    caseId = (await worker.post('/cases', newCaseBody(name))).id;
    const { version } = await worker.get(`/cases/${caseId}`);
    await worker.post(`/cases/${caseId}/actions`, { action: 'begin_care', version });
    const record = (type, body, minutesAgo) => worker.post(`/cases/${caseId}/records`, { type, occurred_at: iso(minutesAgo), body });
    await record('health_check', { by_medical_staff: true, findings: 'Thiếu máu nhẹ, cần xét nghiệm thêm' }, 50);
    await record('counselling_session', { condition_observed: 'Lo âu, mất ngủ' }, 45);
    await record('provider_list_given', { language: 'vi' }, 40);
    await record('recovery_assessment', { findings: 'Cần khám chuyên khoa' }, 35);
    await record('referral', { provider: PROVIDER, services: 'Khám nội khoa', victim_opinion: 'Muốn đi khám', victim_agreed: true }, 30);
    await record('consent', { given_by: 'victim', categories: ['health'], recipient: PROVIDER, purposes: ['referral'], informed: true }, 25);
    await head.post(`/cases/${caseId}/records`, {
      type: 'staff_assignment', occurred_at: iso(1), body: { staff_id: worker.user.id, no_conflict_of_interest: true, matching_reason: 'Cùng ngôn ngữ' },
    });
    await head.post(`/cases/${caseId}/break-glass`, { reason: 'Phê duyệt gói chuyển gửi', minutes: 60 });

    browser = await launch();
    const opened = await newPage(browser);
    page = opened.page;
    await opened.context.addCookies([await sessionCookieOf(HEAD_USER)]);
  });

  after(async () => {
    await browser?.close();
  });

  /** The page as Chromium prints it on A4, kept in $HAVEN_ARTIFACTS; its pages. */
  async function printed(name) {
    const pdf = await page.pdf({ format: 'A4' });
    const artifacts = process.env.HAVEN_ARTIFACTS;
    if (artifacts) {
      mkdirSync(artifacts, { recursive: true });
      writeFileSync(join(artifacts, `${name}.pdf`), pdf);
    }
    return pdfPages(pdf);
  }

  const blank = (pages) => pages.map((p, i) => (p.drawn ? null : i + 1)).filter(Boolean);

  it('prints the case file with a preview shown, and a released package of one page as one page', async () => {
    // What leaves the case file is prepared in its consent section.
    await page.goto(`${BASE_URL}/cases/${caseId}?section=consent`);
    await page.getByTestId('disclosure').waitFor();
    await page.locator('#dp-referral').selectOption({ index: 1 });
    await page.locator('#dp-cat-health').check();
    await page.getByTestId('disclosure-preview').click();
    await page.getByTestId('package-preview').waitFor();
    const file = await printed('print-case-with-preview');
    assert.deepEqual(blank(file), [], `the case file prints ${file.length} pages, none blank`);

    await page.getByTestId('disclosure-release').click();
    await page.getByTestId('package-released').waitFor();
    // The print button marks the page for the print, then opens the browser's print dialog, which a
    // headless browser has not: the PDF is what that dialog would print.
    await page.evaluate(() => { window.print = () => undefined; });
    await page.getByTestId('package-print').click();
    const pkg = await printed('print-referral-package');
    assert.deepEqual(pkg.map((p) => p.drawn), [true], `one A4 page with the package on it, not ${pkg.length}`);
  });

  it("prints a victim's progress and services sheets, and the self-assessment, without a blank page", async () => {
    for (const sheet of ['progress', 'services']) {
      await page.goto(`${BASE_URL}/cases/${caseId}/${sheet}`);
      await page.getByTestId('victim-sheet').waitFor();
      const pages = await printed(`print-sheet-${sheet}`);
      assert.deepEqual(pages.map((p) => p.drawn), [true], `the ${sheet} sheet is one page, not ${pages.length}`);
    }
    await page.goto(`${BASE_URL}/centre/self-assessment`);
    await page.getByTestId('assessment-lines').waitFor();
    const assessment = await printed('print-self-assessment');
    assert.deepEqual(blank(assessment), [], `the self-assessment prints ${assessment.length} pages, none blank`);
  });

  /** The page as it prints: no header, no menu, no "Back" or "Print" (screen chrome hidden in print). */
  async function chromeHiddenInPrint() {
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '[data-testid="back-to-case"]', '[data-testid="print-button"]']) {
      assert.equal(await page.locator(selector).isVisible(), false, `${selector} does not print`);
    }
    await page.emulateMedia({ media: null });
  }

  /** The Print button opens the browser's print dialog (a headless browser has none: it is counted). */
  async function printButtonPrints() {
    await page.evaluate(() => {
      window.__printed = 0;
      window.print = () => { window.__printed += 1; };
    });
    await page.getByTestId('print-button').click();
    assert.equal(await page.evaluate(() => window.__printed), 1, 'the Print button calls window.print()');
  }

  it('prints the referral letter again later, from the disclosure on the timeline and in the consent section, on one page in vi and en', async () => {
    // Later: the case file read afresh, the package long gone from the screen.
    await page.goto(`${BASE_URL}/cases/${caseId}?section=timeline`);
    const disclosure = page.getByTestId('timeline').getByTestId('record-disclosure');
    await disclosure.getByTestId('letter-link').click();
    const letter = page.getByTestId('referral-letter');
    await letter.waitFor();
    assert.match(page.url(), new RegExp(`/cases/${caseId}/print/referral/[^/]+$`));
    await page.getByTestId('letter-signatures').waitFor();

    const centre = head.user.centre.name;
    assert.equal(await letter.getByTestId('letter-letterhead').locator('.letterhead-centre').textContent(), centre);
    assert.match(await letter.getByTestId('letter-letterhead').textContent(), /Ngày \d{2} tháng \d{2} năm \d{4}/);
    assert.equal(await letter.locator('h1').textContent(), 'Phiếu chuyển gửi');
    assert.equal(await letter.getByTestId('letter-recipient').textContent(), `Kính gửi: ${PROVIDER}`);
    assert.deepEqual(await letter.getByTestId('letter-categories').locator('li').allTextContents(), ['Sức khỏe']);
    assert.equal(await letter.getByTestId('letter-sender').locator('dd').textContent(), `${head.user.display_name} (Giám đốc cơ sở)`);
    assert.match(await letter.getByTestId('letter-contact').locator('dd').textContent(), new RegExp(`^${worker.user.display_name} \\(Cán bộ quản lý hồ sơ\\)`));
    assert.deepEqual(await letter.getByTestId('letter-signatures').locator('.sign-role').allTextContents(),
      ['Người chuyển gửi', 'Giám đốc cơ sở', 'Đại diện bên nhận']);
    // Her identity was not consented to: the letter names the case, never the person.
    assert.equal(await letter.getByTestId('letter-person').count(), 0);
    assert.doesNotMatch(await letter.textContent(), new RegExp(name));
    await assertAccessible(page, 'the referral letter');
    await chromeHiddenInPrint();
    const vi = await printed('print-referral-letter-vi');
    assert.deepEqual(vi.map((p) => p.drawn), [true], `the letter is one A4 page, not ${vi.length}`);
    await printButtonPrints();

    // Back to the case's consent section, whose list of what left prints the same letter.
    await page.getByTestId('back-to-case').click();
    await page.getByTestId('released').waitFor();
    const released = page.getByTestId('released-item');
    assert.equal(await released.count(), 1);
    assert.match(await released.textContent(), new RegExp(`${PROVIDER} \\(Sức khỏe\\), do ${head.user.display_name} phê duyệt`));
    await released.getByTestId('letter-link').click();
    await letter.getByTestId('letter-signatures').waitFor();

    await page.getByTestId('lang-en').click();
    await letter.locator('h1', { hasText: 'Referral letter' }).waitFor();
    assert.equal(await letter.getByTestId('letter-recipient').textContent(), `To: ${PROVIDER}`);
    assert.match(await letter.getByTestId('letter-letterhead').textContent(), /Date: \d{2}\/\d{2}\/\d{4}/);
    assert.deepEqual(await letter.getByTestId('letter-categories').locator('li').allTextContents(), ['Health']);
    assert.equal(await letter.getByTestId('letter-sender').locator('dd').textContent(), `${head.user.display_name} (Centre head)`);
    assert.deepEqual(await letter.getByTestId('letter-signatures').locator('.sign-role').allTextContents(),
      ['Sender', 'Centre head', 'Received by (recipient)']);
    assert.equal(await page.getByTestId('back-to-case').textContent(), `← Back to case ${await caseCode()}`);
    const en = await printed('print-referral-letter-en');
    assert.deepEqual(en.map((p) => p.drawn), [true], `the English letter is one A4 page, not ${en.length}`);
    await page.getByTestId('lang-vi').click();
  });

  const caseCode = async () => (await head.get(`/cases/${caseId}`)).code;

  it('prints the case summary from the overview: the case, its plan, tasks and standards, and its timeline in words, with no blank page', async () => {
    await page.goto(`${BASE_URL}/cases/${caseId}`);
    await page.getByTestId('link-print-summary').click();
    const summary = page.getByTestId('case-summary');
    await summary.getByTestId('summary-timeline').waitFor();
    assert.match(page.url(), new RegExp(`/cases/${caseId}/print/summary$`));
    const text = await summary.textContent();
    const code = await caseCode();
    for (const expected of [head.user.centre.name, 'Tóm tắt hồ sơ', `Hồ sơ ${code}`, name, 'Ngày sinh04/03/2000 (', 'Việt Nam',
      'Bộ đội biên phòng', 'Đồn Biên phòng cửa khẩu Tịnh Biên', 'Chưa có kế hoạch tái hòa nhập.', 'Việc cần làm', 'Tuân thủ tiêu chuẩn']) {
      assert.ok(text.includes(expected), `the summary says "${expected}"`);
    }
    assert.equal(await summary.getByTestId('summary-stage').locator('dd').textContent(), 'Đang chăm sóc');
    // The timeline in words: the records' names, what they say, staff by name; never an ID, an API name or an ISO time.
    const timeline = await summary.getByTestId('summary-timeline').textContent();
    for (const words of ['Thiếu máu nhẹ, cần xét nghiệm thêm', 'Lo âu, mất ngủ', PROVIDER, 'Sức khỏe', head.user.display_name, worker.user.display_name]) {
      assert.ok(timeline.includes(words), `the timeline says "${words}"`);
    }
    assert.doesNotMatch(timeline, /\d{4}-\d{2}-\d{2}T|health_check|referral_package|[0-9a-f]{8}-[0-9a-f]{4}-/);
    await assertAccessible(page, 'the case summary');
    await chromeHiddenInPrint();
    const vi = await printed('print-case-summary-vi');
    assert.deepEqual(blank(vi), [], `the case summary prints ${vi.length} pages, none blank`);
    await printButtonPrints();

    await page.getByTestId('lang-en').click();
    await summary.locator('h1', { hasText: 'Case summary' }).waitFor();
    assert.equal(await summary.getByTestId('summary-stage').locator('dd').textContent(), 'In care');
    assert.ok((await summary.getByTestId('summary-timeline').textContent()).includes('Thiếu máu nhẹ, cần xét nghiệm thêm'));
    const en = await printed('print-case-summary-en');
    assert.deepEqual(blank(en), [], `the English case summary prints ${en.length} pages, none blank`);
    await page.getByTestId('lang-vi').click();
    await page.getByTestId('back-to-case').click();
    await page.getByTestId('case-header').waitFor();
  });
});
