// The centre's self-assessment (II.4.a) as the centre head reads it: a clause counts a case as
// overdue, and reads "not met", once a task of the standard went overdue on it; printable on A4; in
// English too.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { apiClient, assertAccessible, BASE_URL, HEAD_USER, launch, newCaseBody, newPage, randomWord, requireEnv, screenshot, signIn, USER, pickRecord } from './helpers.mjs';

const WORKER_ROLE = 'Cán bộ quản lý hồ sơ';
const iso = (hoursAgo) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z');

describe('the self-assessment', { timeout: 120_000 }, () => {
  let browser;
  let ctx;
  let page;
  let worker;
  let caseId;

  before(async () => {
    requireEnv();
    worker = await apiClient(USER);
    const body = newCaseBody(`Đinh Thị Thu ${randomWord(4)}`);
    body.reception.received_at = iso(72);
    caseId = (await worker.post('/cases', body)).id;
    browser = await launch();
    ctx = await newPage(browser);
    page = ctx.page;
    await page.goto(`${BASE_URL}/signin`);
    await signIn(page, { username: HEAD_USER });
    await page.getByTestId('my-work').waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  const overdue = async (clause) => Number(await page.getByTestId(`line-${clause}`).locator('td').nth(3).textContent());

  it('shows a clause not met once a task of it went overdue', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Tự đánh giá' }).click();
    await page.getByTestId('line-II.3.b').waitFor();
    const before = await overdue('II.3.b');

    // Two days ago a counselling session saw a crisis; no intervention was recorded since.
    await worker.post(`/cases/${caseId}/records`, {
      type: 'counselling_session', occurred_at: iso(48), body: { condition_observed: 'Hoảng loạn, có ý định tự hại', crisis: true },
    });
    await page.getByTestId('assessment-run').click();
    await page.waitForFunction((n) => {
      const cell = document.querySelector('[data-testid="line-II.3.b"] td:nth-of-type(4)');
      return cell && Number(cell.textContent) === n;
    }, before + 1);
    assert.equal(await page.getByTestId('line-II.3.b').getByTestId('verdict').textContent(), 'Chưa đạt');
    await assertAccessible(page, 'self-assessment');
    await screenshot(page, '40-self-assessment');
    const artifacts = process.env.HAVEN_ARTIFACTS;
    if (artifacts) {
      mkdirSync(artifacts, { recursive: true });
      writeFileSync(join(artifacts, '41-self-assessment-a4.pdf'), await page.pdf({ format: 'A4', printBackground: false }));
    }
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByTestId('site-header').isVisible(), false, 'the print is the assessment alone');
    assert.equal(await page.getByTestId('assessment-run').isVisible(), false);
    await page.emulateMedia({ media: 'screen' });
  });

  it("keeps the centre's staff records: a supervision check-in shows on the worker's row", async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Trung tâm', exact: true }).click();
    const row = page.getByTestId('centre-staff-row').filter({ hasText: 'Trần Văn Minh' });
    await row.waitFor();
    assert.match(await row.textContent(), /Tư vấn tâm lý/, 'her qualifications (I.2.d)');
    await pickRecord(page, 'supervision_check_in');
    const form = page.getByTestId('form-supervision_check_in');
    await form.locator('#rf-subject').selectOption({ label: `Trần Văn Minh (${WORKER_ROLE})` });
    await form.locator('#rf-notes').fill('Mệt sau ca trực đêm, đã sắp xếp nghỉ bù');
    await form.locator('#rf-support_offered').check();
    await page.getByTestId('record-submit').click();
    await page.getByTestId('record-saved').waitFor();
    await page.getByTestId('centre-records').getByTestId('record-supervision_check_in').first().waitFor();
    assert.doesNotMatch(await row.locator('td').nth(2).textContent(), /Chưa có/);
    await assertAccessible(page, 'the centre');
    await screenshot(page, '42-centre');
  });

  it('reads in English', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Tự đánh giá' }).click();
    await page.getByTestId('line-II.3.b').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: /Self-assessment against the standard/ }).waitFor();
    assert.equal(await page.getByTestId('line-II.3.b').getByTestId('verdict').textContent(), 'Not met');
    await assertAccessible(page, 'self-assessment (English)');
    assert.deepEqual(ctx.problems, []);
  });
});
