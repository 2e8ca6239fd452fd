// The day's work in Firefox ESR (Debian's firefox-esr, driven over WebDriver BiDi by puppeteer-core;
// no browser is downloaded): sign in, my work, the case file with a record saved through its form, a
// refused move with its clause, the language switch; axe-core and the CSP hold in Firefox too. The
// browser's own locale is American and the UI Vietnamese (issue 18): a record carries the moment it
// is saved, the timeline says when it happened and when it was recorded, and dates read and are
// typed dd/mm/yyyy on the 24-hour clock.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessibleInFirefox, firefoxScreenshot, launchFirefox, openSectionInFirefox, pickRecordInFirefox, shiftableClock, shiftClock } from './firefox.mjs';
import { apiClient, BASE_URL, vietnamDateTime, newCaseBody, PASSWORD, randomWord, requireEnv, USER } from './helpers.mjs';

const NAME = `Mùa Thị Dế ${randomWord(4)}`;
const MINUTE = 60_000;

describe('Firefox ESR', { timeout: 180_000 }, () => {
  let browser;
  let page;
  let problems;
  let worker;
  let caseId;

  before(async () => {
    requireEnv();
    worker = await apiClient(USER);
    caseId = (await worker.post('/cases', newCaseBody(NAME))).id;
    ({ browser, page, problems } = await launchFirefox());
  });

  after(async () => {
    await browser?.close();
  });

  const text = (selector) => page.$eval(selector, (e) => e.textContent);
  /** Saves a health check through the form (`beforeSaving` runs last), and returns its stored record. */
  async function saveHealthCheck(findings, beforeSaving = async () => {}) {
    await pickRecordInFirefox(page, 'health_check');
    await page.waitForSelector('[data-testid="form-health_check"]');
    await page.locator('#rf-findings').fill(findings);
    await beforeSaving();
    const from = await page.evaluate(() => Date.now());
    await page.locator('[data-testid="record-submit"]').click();
    await page.waitForSelector('[data-testid="record-saved"]');
    const to = await page.evaluate(() => Date.now());
    await openSectionInFirefox(page, 'timeline');
    await page.waitForFunction((f) => [...document.querySelectorAll('[data-testid="record-health_check"]')].some((e) => e.textContent.includes(f)), {}, findings);
    const record = (await worker.get(`/cases/${caseId}/records`)).items.find((r) => r.body.findings === findings);
    assert.ok(record, `the record "${findings}" was stored`);
    return { record, from, to };
  }
  /** What the timeline says of when the record with these findings happened and was recorded. */
  const when = (findings) => page.$$eval('[data-testid="record-health_check"]', (items, f) =>
    items.find((e) => e.textContent.includes(f))?.querySelector('[data-testid="record-when"]')?.textContent.trim(), findings);
  const shot = (name) => firefoxScreenshot(page, name);
  const assertAccessible = (label) => assertAccessibleInFirefox(page, label);

  it('signs in and opens my work, then the case file', async () => {
    await page.goto(`${BASE_URL}/signin`);
    await page.locator('#signin-username').fill(USER);
    await page.locator('#signin-password').fill(PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.waitForSelector('[data-testid="my-work"]');
    await page.waitForSelector('[data-testid="work-case"]');
    assert.match(await text('[data-testid="work-cases"]'), new RegExp(NAME));
    await assertAccessible('my work');
    await shot('70-firefox-my-work');
    await page.goto(`${BASE_URL}/cases/${caseId}`);
    await page.waitForSelector('[data-testid="moves"]');
  });

  it('saves a record through its form and shows a refused move with its clause', async () => {
    await page.locator('[data-testid="move-button-begin_care"]').click();
    await page.waitForSelector('[data-testid="move-why-begin_identification"]');
    assert.match(await text('[data-testid="move-why-begin_identification"]'), /II\.1\.e/);
    await pickRecordInFirefox(page, 'health_check');
    await page.waitForSelector('[data-testid="form-health_check"]');
    await page.locator('#rf-by_medical_staff').click();
    await page.locator('#rf-findings').fill('Huyết áp bình thường');
    await page.locator('[data-testid="record-submit"]').click();
    await page.waitForSelector('[data-testid="record-saved"]');
    await openSectionInFirefox(page, 'timeline');
    await page.waitForSelector('[data-testid="record-health_check"]');
    assert.match(await text('[data-testid="record-health_check"]'), /Huyết áp bình thường/);
    await assertAccessible('case file');
    await shot('71-firefox-case-file');
  });

  it('stamps a record with the moment it is saved, three minutes after the page was opened', async () => {
    assert.equal(await page.evaluate(() => navigator.language), 'en-US');
    const clock = await page.evaluateOnNewDocument(shiftableClock, -3 * MINUTE);
    await page.goto(`${BASE_URL}/cases/${caseId}?section=record`);
    await page.waitForSelector('[data-testid="record-form"]');
    const opened = await page.evaluate(() => Date.now());
    const { record, from, to } = await saveHealthCheck('Đã ngủ được', () => shiftClock(page, 3 * MINUTE));
    await page.removeScriptToEvaluateOnNewDocument(clock.identifier);
    const at = Date.parse(record.occurred_at);
    assert.ok(at >= from - 1000 && at <= to, `occurred_at ${record.occurred_at} is the moment of saving`);
    assert.ok(at - opened >= 3 * MINUTE - 5000, `occurred_at ${record.occurred_at} is not the moment the page was opened`);
    assert.equal(await when('Đã ngủ được'), `Xảy ra và ghi lúc ${vietnamDateTime(at)}`);
  });

  it('shows dates day first on the 24-hour clock and takes a time typed dd/mm/yyyy hh:mm', async () => {
    const detail = await worker.get(`/cases/${caseId}`);
    await openSectionInFirefox(page, 'details');
    assert.ok((await text('[data-testid="reception-record"]')).includes(vietnamDateTime(Date.parse(detail.reception.received_at))));
    assert.match(await text('[data-testid="person-summary"]'), /04\/03\/2000/);
    assert.equal((await page.$$('input[type="date"], input[type="datetime-local"]')).length, 0);

    await pickRecordInFirefox(page, 'health_check');
    await page.locator('#rf-occurred-at').fill('31/02/2026');
    // Leaving the date for another field checks it.
    await page.focus('#rf-findings');
    assert.equal((await text('#rf-occurred-at-problem')).trim(), 'Tháng 02/2026 không có ngày 31.');
    // After the reception (an hour ago, newCaseBody), which no record may come before.
    const happened = Math.floor((Date.now() - 30 * MINUTE) / MINUTE) * MINUTE;
    const [date, time] = vietnamDateTime(happened).split(' ');
    const { record } = await saveHealthCheck('Khám lại', async () => {
      await page.locator('#rf-occurred-at').fill(date);
      await page.locator('#rf-occurred-at-time').fill(time);
    });
    assert.equal(Date.parse(record.occurred_at), happened);
    assert.equal(await when('Khám lại'), `Xảy ra lúc ${vietnamDateTime(happened)}, ghi lúc ${vietnamDateTime(Date.parse(record.recorded_at))}`);
    await assertAccessible('case file with both times');
    await shot('73-firefox-times');
  });

  it('switches to English', async () => {
    await page.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'English').click());
    await page.waitForFunction(() => document.documentElement.lang === 'en' && document.body.textContent.includes('Timeline'));
    assert.match(await text('[data-testid="record-health_check"]'), /Health check/);
    await shot('72-firefox-english');
    assert.deepEqual(problems, []);
  });
});
