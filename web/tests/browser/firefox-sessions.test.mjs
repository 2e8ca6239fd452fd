// Sessions that respect the work (issue 18), in Firefox ESR: a counselling note typed while the
// session ended is saved once its writer signs in again in the dialog over the page; leaving the
// form with the note unsaved asks first; typing sends a keep-alive (and its draft once it stops), and
// two minutes before the idle limit a warning comes whose "stay signed in" keeps the session, in English.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessibleInFirefox, firefoxScreenshot, launchFirefox, openSectionInFirefox, pickRecordInFirefox, shiftableClock, shiftClock } from './firefox.mjs';
import { apiClient, BASE_URL, caseInCare, endSessionOf, PASSWORD, randomWord, requireEnv, sessionChecksOf, USER, waitUntil } from './helpers.mjs';

const NAME = `Giàng Thị Mai ${randomWord(4)}`;
const MINUTE = 60_000;

describe('Firefox ESR: sessions that keep the work', { timeout: 180_000 }, () => {
  let browser;
  let page;
  let problems;
  let worker;
  let caseId;
  let sessionChecks;

  before(async () => {
    requireEnv();
    worker = await apiClient(USER);
    caseId = await caseInCare(worker, NAME);
    ({ browser, page, problems } = await launchFirefox());
    await page.evaluateOnNewDocument(shiftableClock, 0);
    sessionChecks = sessionChecksOf(page);
    await page.goto(`${BASE_URL}/signin`);
    await page.locator('#signin-username').fill(USER);
    await page.locator('#signin-password').fill(PASSWORD);
    await page.locator('[data-testid="signin-submit"]').click();
    await page.waitForSelector('[data-testid="my-work"]');
    // Opened by a link, as a person does: the back button then stays in the page.
    await page.locator(`a[href="/cases/${caseId}"]`).click();
    await page.waitForSelector('[data-testid="case-detail"]');
  });

  after(async () => {
    await browser?.close();
  });

  const value = (selector) => page.$eval(selector, (e) => e.value);
  const notes = async (text) => (await worker.get(`/cases/${caseId}/records`)).items.filter((r) => r.body.condition_observed === text);
  const isShown = (selector) => page.$eval(selector, (e) => e.checkVisibility()).catch(() => false);

  async function openCounselling() {
    await pickRecordInFirefox(page, 'counselling_session');
    await page.waitForSelector('[data-testid="form-counselling_session"]');
  }

  it('saves a note typed while the session ended, once its writer signs in again in the dialog', async () => {
    const text = `Chị kể về những tháng làm việc ở xưởng may ${randomWord(5)}`;
    await openCounselling();
    await page.locator('#rf-condition_observed').fill(text);
    await endSessionOf(await page.cookies());
    await page.locator('[data-testid="record-submit"]').click();
    await page.waitForSelector('[data-testid="session-dialog"]', { visible: true });
    assert.equal(await page.$eval('#session-ended-title', (e) => e.textContent), 'Phiên làm việc đã kết thúc');
    assert.equal(await value('#rf-condition_observed'), text, 'what was typed is still in the form');
    assert.equal(await value('#again-username'), USER);
    assert.ok(await page.$eval('#again-username', (e) => e.readOnly));
    assert.ok(await page.$eval('#again-password', (e) => e === document.activeElement), 'the password is asked first');
    await assertAccessibleInFirefox(page, 'the sign-in dialog');
    await firefoxScreenshot(page, '92-firefox-session-dialog');

    await page.locator('#again-password').fill(PASSWORD);
    await page.locator('[data-testid="again-submit"]').click();
    await page.waitForSelector('[data-testid="record-saved"]');
    assert.equal(await isShown('[data-testid="session-dialog"]'), false);
    await openSectionInFirefox(page, 'timeline');
    await page.waitForFunction((t) => [...document.querySelectorAll('[data-testid="record-counselling_session"]')].some((e) => e.textContent.includes(t)), {}, text);
    assert.equal((await notes(text)).length, 1, 'stored once');
  });

  it('asks before leaving the form with the note unsaved', async () => {
    await openCounselling();
    await page.locator('#rf-condition_observed').fill('Chưa lưu');
    const asked = [];
    const onDialog = (d) => {
      asked.push([d.type(), d.message()]);
      return d.dismiss();
    };
    page.on('dialog', onDialog);
    await page.$eval('nav a[href="/cases"]', (a) => a.click());
    await waitUntil(() => asked.length === 1, 'asked before leaving');
    page.off('dialog', onDialog);
    assert.deepEqual(asked, [['confirm', 'Nội dung bạn đã nhập ở trang này chưa được lưu. Vẫn rời trang?']]);
    // Still at the form, its address unchanged.
    assert.match(page.url(), new RegExp(`/cases/${caseId}\\?section=record&form=counselling_session$`));
    assert.equal(await value('#rf-condition_observed'), 'Chưa lưu');
    await page.locator('#rf-condition_observed').fill('');
  });

  it('sends a keep-alive while someone types, and warns two minutes before the idle limit, in English', async () => {
    await page.$eval('[data-testid="lang-en"]', (b) => b.click());
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const idle = sessionChecks.length;
    await shiftClock(page, 90_000);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(sessionChecks.length, idle, 'nothing sent while nobody types');
    const drafted = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/drafts/'));
    await page.locator('#rf-condition_observed').fill('Ngủ được');
    await waitUntil(() => sessionChecks.length === idle + 1, 'a keep-alive while typing');
    // Its draft goes once the typing has stopped: the page's last request, which the idle limit counts from.
    await drafted;

    await shiftClock(page, 12 * MINUTE + 30_000);
    await page.waitForSelector('[data-testid="session-warning"]', { visible: true });
    assert.match(await page.$eval('[data-testid="session-warning-idle"]', (e) => e.textContent), /^Nothing has been done for a while: your session will end at \d{2}:\d{2}\.$/);
    await assertAccessibleInFirefox(page, 'the idle warning');
    await firefoxScreenshot(page, '93-firefox-session-warning');
    const before = sessionChecks.length;
    await page.locator('[data-testid="session-stay"]').click();
    await page.waitForSelector('[data-testid="session-warning"]', { hidden: true });
    assert.equal(sessionChecks.length, before + 1, 'one keep-alive');
    assert.equal(await value('#rf-condition_observed'), 'Ngủ được');
    assert.deepEqual(problems, []);
  });
});
