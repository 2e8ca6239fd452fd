// Nothing typed is lost, nothing stored twice (issue 18), in Firefox ESR: a note kept as a draft on
// the server survives closing the tab, is offered back in a new window after signing in again,
// restored, and gone once saved; a record whose answer was lost, saved again, is stored once under the
// same Idempotency-Key; and the UI arrives compressed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessibleInFirefox, firefoxScreenshot, launchFirefox, newFirefoxPage, openSectionInFirefox, pickRecordInFirefox, signInAt } from './firefox.mjs';
import { apiClient, BASE_URL, caseInCare, randomWord, requireEnv, USER, waitUntil } from './helpers.mjs';

const NAME = `Thào Thị Súa ${randomWord(4)}`;

/**
 * Runs in the page before its own scripts: the first POST to a path matching `pattern` reaches the
 * server, whose answer is then lost as a dropped connection would lose it; every such POST's
 * Idempotency-Key is noted in window.__havenTestKeys.
 */
function loseFirstAnswer(pattern) {
  const send = window.fetch.bind(window);
  let lost = false;
  window.__havenTestKeys = [];
  window.fetch = async (input, init = {}) => {
    if (init.method === 'POST' && new RegExp(pattern).test(String(input))) {
      window.__havenTestKeys.push(init.headers?.['Idempotency-Key']);
      if (!lost) {
        lost = true;
        await send(input, init);
        throw new TypeError('NetworkError when attempting to fetch resource.');
      }
    }
    return send(input, init);
  };
}

describe('Firefox ESR: drafts on the server, and no duplicate from a retry', { timeout: 180_000 }, () => {
  let browser;
  let page;
  let problems;
  let worker;
  let caseId;

  before(async () => {
    requireEnv();
    worker = await apiClient(USER);
    caseId = await caseInCare(worker, NAME);
    ({ browser, page, problems } = await launchFirefox());
  });

  after(async () => {
    await browser?.close();
  });

  const recordsSaying = async (text) => (await worker.get(`/cases/${caseId}/records`)).items.filter((r) => r.body.condition_observed === text);
  const textOf = (selector) => page.$eval(selector, (e) => e.textContent);

  /** Signs in at the sign-in page the case file sends to, and opens the counselling form. */
  async function signInToCounselling() {
    await signInAt(page, `/cases/${caseId}?section=record`, '[data-testid="record-form"]');
    await pickRecordInFirefox(page, 'counselling_session');
    await page.waitForSelector('[data-testid="form-counselling_session"]');
  }

  it('keeps a note as a draft that outlives its tab, offered back after signing in again, restored, and gone once saved', async () => {
    await signInToCounselling();
    const text = `Chị nhớ con, hỏi khi nào được gọi điện về nhà ${randomWord(5)}`;
    await page.locator('#rf-condition_observed').fill(text);
    await page.waitForSelector('[data-testid="draft-saved"]');
    assert.match(await textOf('[data-testid="draft-saved"]'), /^Bản nháp đã lưu lúc \d\d:\d\d$/);
    assert.deepEqual((await worker.get(`/cases/${caseId}/drafts`)).items.map((d) => d.form), ['record.counselling_session']);
    const kept = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    assert.ok(!kept.includes(text), 'nothing of it in the browser\'s storage');
    assert.deepEqual(problems, []);
    await page.close();

    // Another window, whose cookies are its own: signed in again.
    ({ page, problems } = await newFirefoxPage(await browser.createBrowserContext()));
    await page.evaluateOnNewDocument(loseFirstAnswer, '/api/v1/cases/[^/]+/records$');
    await signInToCounselling();
    await page.waitForSelector('[data-testid="draft-offer"]');
    assert.match(await textOf('[data-testid="draft-offer"]'), /^Bạn có một bản nháp của biểu mẫu này, lưu lúc \d\d\/\d\d\/\d{4} \d\d:\d\d\./);
    assert.equal(await page.$eval('#rf-condition_observed', (e) => e.value), '');
    await assertAccessibleInFirefox(page, 'a draft offered back');
    await firefoxScreenshot(page, '66-firefox-draft-offered');
    await page.locator('[data-testid="draft-restore"]').click();
    await page.waitForSelector('[data-testid="draft-offer"]', { hidden: true });
    assert.equal(await page.$eval('#rf-condition_observed', (e) => e.value), text);

    // Its save reaches the server, and the answer is lost: saved again, it is stored once.
    await page.locator('[data-testid="record-submit"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="record-error"]')?.textContent.includes('Không kết nối được tới máy chủ'));
    assert.equal((await recordsSaying(text)).length, 1, 'the first was stored');
    assert.equal(await page.$eval('#rf-condition_observed', (e) => e.value), text, 'the note is still there');
    await page.locator('[data-testid="record-submit"]').click();
    await page.waitForSelector('[data-testid="record-saved"]');
    const keys = await page.evaluate(() => window.__havenTestKeys);
    assert.equal(keys.length, 2);
    assert.match(keys[0], /^[0-9a-f-]{36}$/);
    assert.equal(keys[1], keys[0], 'the same key when sent again');
    assert.equal((await recordsSaying(text)).length, 1, 'stored once');
    await openSectionInFirefox(page, 'timeline');
    await page.waitForFunction((t) => [...document.querySelectorAll('[data-testid="record-counselling_session"]')].filter((e) => e.textContent.includes(t)).length === 1, {}, text);
    await waitUntil(async () => (await worker.get(`/cases/${caseId}/drafts`)).items.length === 0, 'the draft went with the save');
    assert.deepEqual(problems, []);
  });

  it('gets the UI compressed', async () => {
    // A window of its own, whose cache holds nothing yet.
    ({ page } = await newFirefoxPage(await browser.createBrowserContext()));
    const script = page.waitForResponse((r) => /\/assets\/index-[^/]+\.js$/.test(new URL(r.url()).pathname));
    await page.goto(`${BASE_URL}/signin`);
    const headers = (await script).headers();
    assert.ok(['br', 'gzip'].includes(headers['content-encoding']), `content-encoding ${headers['content-encoding']}`);
  });
});
