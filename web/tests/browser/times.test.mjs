// Times and dates (issue 18), in a browser whose own locale is American and a UI in Vietnamese:
// a record saved minutes after its page was opened carries the moment it was saved, a second one a
// minute later its own, and the timeline says when each happened and when it was recorded; every
// date reads dd/mm/yyyy on the 24-hour clock, and the date boxes take dd/mm/yyyy, naming a mistake.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerNextQuestion,
  apiClient,
  caseInCare,
  assertAccessible,
  BASE_URL,
  vietnamDateTime,
  launch,
  LEAVE_UNSAVED,
  newPage,
  randomWord,
  requireEnv,
  screenshot,
  signIn,
  USER,
  openSection,
  pickRecord,
} from './helpers.mjs';

const NAME = `Vì Thị Sương ${randomWord(4)}`;
const MINUTE = 60_000;

describe('times and dates', { timeout: 120_000 }, () => {
  let browser;
  let ctx;
  let page;
  let worker;
  let caseId;

  before(async () => {
    requireEnv();
    worker = await apiClient(USER);
    caseId = await caseInCare(worker, NAME);
    browser = await launch();
    ctx = await newPage(browser, { locale: 'en-US' });
    page = ctx.page;
    // The page's clock starts three minutes behind; it is set right again before saving, as if the
    // worker had typed for three minutes.
    await ctx.context.clock.install({ time: Date.now() - 3 * MINUTE });
    await page.goto(`${BASE_URL}/cases/${caseId}`);
    await page.waitForURL(/\/signin/);
    await signIn(page);
    await page.getByTestId('case-detail').waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  const records = async () => (await worker.get(`/cases/${caseId}/records`)).items;
  const browserNow = () => page.evaluate(() => Date.now());

  async function saveHealthCheck(findings, beforeSaving = async () => {}) {
    await pickRecord(page, 'health_check');
    await page.getByTestId('form-health_check').waitFor();
    await page.locator('#rf-findings').fill(findings);
    await beforeSaving();
    const from = await browserNow();
    await page.getByTestId('record-submit').click();
    await page.getByTestId('record-saved').waitFor();
    const to = await browserNow();
    assert.equal(await page.locator('#rf-occurred-at').inputValue(), '', 'the time is left empty for the next record');
    await openSection(page, 'timeline');
    await page.getByTestId('record-health_check').filter({ hasText: findings }).waitFor();
    const record = (await records()).find((r) => r.body.findings === findings);
    assert.ok(record, `the record "${findings}" was stored`);
    return { record, from, to };
  }

  it('is a browser with an American locale and a UI in Vietnamese', async () => {
    assert.equal(await page.evaluate(() => navigator.language), 'en-US');
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
    assert.equal(await page.locator('input[type="date"], input[type="datetime-local"]').count(), 0, 'no box in the browser\'s format');
  });

  it('stamps a record with the moment it is saved, three minutes after the page was opened, and again a minute later', async () => {
    const opened = await browserNow();
    const first = await saveHealthCheck('Huyết áp 110/70', () => page.clock.setSystemTime(Date.now()));
    const firstAt = Date.parse(first.record.occurred_at);
    // Seconds are kept, milliseconds are not.
    assert.ok(firstAt >= first.from - 1000 && firstAt <= first.to, `occurred_at ${first.record.occurred_at} is the moment of saving`);
    assert.ok(firstAt - opened >= 3 * MINUTE - 5000, `occurred_at ${first.record.occurred_at} is not the moment the page was opened`);
    const recordedAt = Date.parse(first.record.recorded_at);
    assert.ok(Math.abs(recordedAt - firstAt) < MINUTE, 'happened and recorded at one moment');
    const when = page.getByTestId('record-health_check').filter({ hasText: 'Huyết áp 110/70' }).getByTestId('record-when');
    assert.equal((await when.textContent()).trim(), `Xảy ra và ghi lúc ${vietnamDateTime(firstAt)}`);
    assert.match(await page.getByTestId('record-health_check').filter({ hasText: 'Huyết áp 110/70' }).textContent(), /bởi Trần Văn Minh/);

    // The form stays open; the next record, saved a minute later, is not stamped with the first's time.
    const second = await saveHealthCheck('Đã hết sốt', () => page.clock.fastForward('01:00'));
    assert.ok(Date.parse(second.record.occurred_at) - firstAt >= MINUTE, `${second.record.occurred_at} is a minute after ${first.record.occurred_at}`);
  });

  it('takes a time typed dd/mm/yyyy hh:mm and shows when it happened and when it was recorded', async () => {
    // After the reception (an hour ago, newCaseBody), which no record may come before.
    const happened = Math.floor((Date.now() - 30 * MINUTE) / MINUTE) * MINUTE;
    const [date, time] = vietnamDateTime(happened).split(' ');
    const { record } = await saveHealthCheck('Khám lại buổi sáng', async () => {
      await page.getByLabel('Thời điểm diễn ra', { exact: true }).fill(date);
      await page.getByLabel('Thời điểm diễn ra: giờ').fill(time);
    });
    assert.equal(Date.parse(record.occurred_at), happened);
    const when = page.getByTestId('record-health_check').filter({ hasText: 'Khám lại buổi sáng' }).getByTestId('record-when');
    assert.equal((await when.textContent()).trim(), `Xảy ra lúc ${vietnamDateTime(happened)}, ghi lúc ${vietnamDateTime(Date.parse(record.recorded_at))}`);
    await assertAccessible(page, 'case file with both times');
    await screenshot(page, '80-times-timeline');
  });

  it('refuses a time that is not on the clock and one in the future, naming what is wrong', async () => {
    await pickRecord(page, 'health_check');
    await page.locator('#rf-findings').fill('Chưa lưu');
    await page.getByLabel('Thời điểm diễn ra', { exact: true }).fill('12/06/2026');
    await page.getByLabel('Thời điểm diễn ra: giờ').fill('24:00');
    // Said when the boxes are left, and again when saving.
    await page.getByTestId('picker-search').focus();
    assert.equal((await page.locator('#rf-occurred-at-problem').textContent()).trim(), 'Không có giờ 24: giờ từ 00 đến 23.');
    await page.getByTestId('record-submit').click();
    const error = page.locator('#rf-occurred-at-error');
    assert.equal((await error.textContent()).trim(), 'Không có giờ 24: giờ từ 00 đến 23.');
    assert.equal(await page.locator('#rf-occurred-at-time').getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('#rf-occurred-at-time').getAttribute('aria-describedby'), /rf-occurred-at-error/);
    const tomorrow = vietnamDateTime(Date.now() + 26 * 3600_000).split(' ')[0];
    await page.getByLabel('Thời điểm diễn ra', { exact: true }).fill(tomorrow);
    await page.getByLabel('Thời điểm diễn ra: giờ').fill('08:00');
    await page.getByTestId('record-submit').click();
    await page.locator('#rf-occurred-at-error').filter({ hasText: 'tương lai' }).waitFor();
    assert.equal(await page.locator('#rf-findings').inputValue(), 'Chưa lưu', 'nothing typed is lost');
    assert.equal((await records()).filter((r) => r.body.findings === 'Chưa lưu').length, 0, 'nothing stored');
  });

  it('shows every date day first on the 24-hour clock, in Vietnamese and in English', async () => {
    // In a second tab of the same browser: the first keeps the refused health check in its form.
    const tab = await ctx.context.newPage();
    await tab.goto(`${BASE_URL}/cases/${caseId}?section=details`);
    const detail = await worker.get(`/cases/${caseId}`);
    const received = vietnamDateTime(Date.parse(detail.reception.received_at));
    await tab.getByTestId('reception-record').waitFor();
    assert.match(await tab.getByTestId('reception-record').textContent(), new RegExp(received.replace(/\//g, '\\/')));
    assert.match(await tab.getByTestId('person-summary').textContent(), /04\/03\/2000/, 'the birth date 2000-03-04');
    assert.doesNotMatch(await tab.getByTestId('case-detail').textContent(), /\b(AM|PM|SA|CH)\b/);
    await tab.getByRole('button', { name: 'English' }).click();
    assert.match(await tab.getByTestId('person-summary').textContent(), /04\/03\/2000/);
    await openSection(tab, 'timeline');
    await tab.getByRole('heading', { level: 2, name: 'Timeline' }).first().waitFor();
    const first = (await records()).find((r) => r.body.findings === 'Huyết áp 110/70');
    const when = tab.getByTestId('record-health_check').filter({ hasText: 'Huyết áp 110/70' }).getByTestId('record-when');
    assert.equal((await when.textContent()).trim(), `Happened and recorded ${vietnamDateTime(Date.parse(first.occurred_at))}`);
    await tab.getByRole('button', { name: 'Tiếng Việt' }).click();
    await tab.getByRole('heading', { level: 2, name: 'Diễn biến hồ sơ' }).first().waitFor();
    await tab.close();
  });

  it('registers a person with a birth date and a reception time typed dd/mm/yyyy, naming a date not on the calendar', async () => {
    // The refused health check is still in its form, unsaved: leaving it is asked first.
    const asked = answerNextQuestion(page);
    await page.getByRole('navigation').getByRole('link', { name: 'Tiếp nhận người mới' }).click();
    assert.equal((await asked).message, LEAVE_UNSAVED);
    await page.waitForURL(/\/reception/);
    await page.getByLabel('Cơ quan, tổ chức chuyển đến').fill('Công an huyện Mường Tè');
    await page.getByLabel('Căn cứ pháp lý').fill('Biên bản 7/BB-CA');
    const name = `${NAME} Hai`;
    await page.getByLabel('Họ tên hoặc bí danh').fill(name);
    const birth = page.getByLabel('Ngày sinh');
    assert.equal(await birth.getAttribute('placeholder'), 'dd/mm/yyyy');
    assert.equal(await birth.getAttribute('inputmode'), 'numeric');
    await birth.fill('31/02/2009');
    await birth.blur();
    const birthProblem = page.locator('#f-person-birth_date-problem');
    assert.equal((await birthProblem.textContent()).trim(), 'Tháng 02/2009 không có ngày 31.');
    assert.equal(await birth.getAttribute('aria-invalid'), 'true');
    await page.getByTestId('reception-submit').click();
    assert.equal((await page.getByTestId('error-person.birth_date').textContent()).trim(), 'Tháng 02/2009 không có ngày 31.');
    assert.ok(await birth.evaluate((el) => el === document.activeElement), 'the birth date is focused');
    await assertAccessible(page, 'reception with a date not on the calendar');
    await screenshot(page, '81-times-reception-refused');

    // Typed on a phone's keypad, without "/": shown back day first.
    await birth.fill('05092009');
    await birth.blur();
    assert.equal(await birth.inputValue(), '05/09/2009');
    const receivedAt = Math.floor((Date.now() - 90 * MINUTE) / MINUTE) * MINUTE;
    const [date, time] = vietnamDateTime(receivedAt).split(' ');
    await page.getByLabel('Thời điểm tiếp nhận', { exact: true }).fill(date);
    await page.getByLabel('Thời điểm tiếp nhận: giờ').fill(time.replace(':', 'h'));
    await page.getByTestId('reception-submit').click();
    await page.waitForURL(/\/cases\/[^/]+$/);
    await page.getByTestId('case-detail').waitFor();
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
    const detail = await worker.get(`/cases/${id}`);
    assert.equal(detail.person.birth_date, '2009-09-05');
    assert.equal(Date.parse(detail.reception.received_at), receivedAt);
    await openSection(page, 'details');
    assert.match(await page.getByTestId('person-summary').textContent(), /05\/09\/2009/);
    assert.match(await page.getByTestId('reception-record').textContent(), new RegExp(vietnamDateTime(receivedAt).replace(/\//g, '\\/')));
    assert.deepEqual(ctx.problems, []);
  });
});
