// Prints on A4 with only pages that have something on them, measured on the PDF Chromium prints: a
// released referral package of one page of content prints as one page (it printed 1 page and 8
// blank ones, the case file's height kept under the hidden rest of the page); the case file with a
// package's preview, a victim's sheets and the self-assessment print no blank page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiClient, BASE_URL, HEAD_USER, launch, newCaseBody, newPage, pdfPages, randomWord, requireEnv, sessionCookieOf, USER } from './helpers.mjs';

const PROVIDER = 'Bệnh viện Đa khoa tỉnh Lào Cai';
const iso = (minutesAgo) => new Date(Date.now() - minutesAgo * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');

describe('prints without blank pages', { timeout: 180_000 }, () => {
  let browser;
  let page;
  let caseId;

  before(async () => {
    requireEnv();
    const worker = await apiClient(USER);
    const head = await apiClient(HEAD_USER);
    // A woman in care, referred to a hospital, who agreed that her health information may go there;
    // the head opens the case by break-glass to release the package (nobody puts herself on a case).
    caseId = (await worker.post('/cases', newCaseBody(`Vàng Thị Mai ${randomWord(4)}`))).id;
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
});
