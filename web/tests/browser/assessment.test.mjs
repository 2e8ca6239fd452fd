// The centre's self-assessment (II.4.a) as the centre head reads it: a clause counts a case as
// overdue, and reads "not met", once a task of the standard went overdue on it; printable on A4; an
// item the data cannot show assessed by the head with what it rests on (refused without a verdict
// or a note), kept after a reload with who assessed it and when, counted in the summary by part,
// and assessed again; in English too.
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
  let head;
  let caseId;

  before(async () => {
    requireEnv();
    worker = await apiClient(USER);
    head = await apiClient(HEAD_USER);
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

  it('lets the head assess an item the data cannot show, with a note, kept after a reload and counted in the summary', async () => {
    const lines = (await head.get('/centre/self-assessment')).lines;
    const line = lines.find((l) => l.basis === 'manual' && !l.assessed) ?? lines.find((l) => l.basis === 'manual');
    assert.ok(line, 'the standard has items the data cannot show');
    await page.getByRole('navigation').getByRole('link', { name: 'Tự đánh giá' }).click();
    const row = page.getByTestId(`line-${line.clause}`);
    await row.waitFor();
    const enforced = lines.find((l) => l.basis === 'enforced');
    if (enforced) assert.equal(await page.getByTestId(`line-${enforced.clause}`).getByTestId('verdict').textContent(), 'Haven bảo đảm');
    const summary = page.getByTestId(`summary-${line.clause.split('.')[0]}`);
    const count = async (state) => Number(await summary.locator(`td[data-state="${state}"]`).textContent());
    const before = { met: await count('met'), not_met: await count('not_met'), manual: await count('manual') };
    const was = await row.getByTestId('verdict').textContent();

    await row.getByTestId('manual-open').click();
    const form = page.getByTestId('manual-form');
    await form.getByTestId('manual-save').click();
    await form.getByText('Chọn Đạt hoặc Chưa đạt.').waitFor();
    await form.getByLabel('Đạt', { exact: true }).check();
    await form.getByTestId('manual-save').click();
    const noteBox = form.getByLabel('Căn cứ đánh giá (bắt buộc)');
    await form.getByText('Cần ghi căn cứ đánh giá.').waitFor();
    assert.equal(await noteBox.evaluate((e) => e === document.activeElement), true, 'the note has the focus');
    await assertAccessible(page, 'the self-assessment, assessing an item');
    const note = `Đã xem biên bản họp giao ban tháng 11 và sổ theo dõi ${randomWord(4)}`;
    await noteBox.fill(note);
    await form.getByTestId('manual-save').click();
    const saved = page.getByTestId('assessment-saved');
    await saved.waitFor();
    assert.equal(await saved.textContent(), `Đã lưu đánh giá điều khoản ${line.clause}.`);

    await page.reload();
    await row.waitFor();
    assert.equal(await row.getByTestId('verdict').textContent(), 'Đạt');
    assert.match(await row.getByTestId('assessed').textContent(), new RegExp(`^${note} — Nguyễn Thị Lan đánh giá lúc \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d$`));
    // Counted as met in its part, no longer among those waiting for an assessment.
    const wasMet = was === 'Đạt';
    const wasNotMet = was === 'Chưa đạt';
    assert.equal(await count('met'), before.met + (wasMet ? 0 : 1));
    assert.equal(await count('not_met'), before.not_met - (wasNotMet ? 1 : 0));
    assert.equal(await count('manual'), before.manual - (wasMet || wasNotMet ? 0 : 1));
    const stored = (await head.get('/centre/self-assessment')).lines.find((l) => l.clause === line.clause).assessed;
    assert.deepEqual([stored.verdict, stored.note, stored.recorded_by], ['met', note, head.user.id]);

    // Assessed again: not met, and why. Times are kept to the second and the later assessment stands,
    // so the second is typed in a later second, as a person's would be.
    await page.waitForTimeout(1100);
    await row.getByRole('button', { name: `Đánh giá lại ${line.clause}` }).click();
    await form.getByLabel('Chưa đạt', { exact: true }).check();
    await noteBox.fill('Chưa có biên bản họp tháng 12');
    await form.getByTestId('manual-save').click();
    await saved.waitFor();
    await row.getByTestId('assessed').getByText('Chưa có biên bản họp tháng 12', { exact: false }).waitFor();
    assert.equal(await row.getByTestId('verdict').textContent(), 'Chưa đạt');
    assert.equal(await count('not_met'), before.not_met + (wasNotMet ? 0 : 1));
    await screenshot(page, '43-self-assessment-manual');
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
