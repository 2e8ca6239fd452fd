// Possible duplicates at reception (issue 18), in an American Firefox ESR and in English: starting
// the registration of a woman the centre already received ("ĐẶNG thị hoa", born in 2001, as
// "Đặng Thị Hoa" born 2001-03-04), the worker is told of the earlier case by its code and reception
// date, day first on the 24-hour clock whatever the browser's locale; "Stop" registers nothing and
// keeps the form, "Register anyway" registers her and names the case she was shown.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessibleInFirefox, firefoxScreenshot, launchFirefox, signInAt } from './firefox.mjs';
import { apiClient, newCaseBody, randomWord, requireEnv, USER, vietnamDateTime } from './helpers.mjs';

const WORD = randomWord(6);
const FIRST = `Đặng Thị Hoa ${WORD}`;
const AGAIN = `${WORD.toUpperCase()} ĐẶNG thị hoa`;

/** Runs in the page before its scripts: notes the body of every registration it sends in window.__havenTestRegistrations. */
function noteRegistrations() {
  const send = window.fetch.bind(window);
  window.__havenTestRegistrations = [];
  window.fetch = (input, init = {}) => {
    if (init.method === 'POST' && /\/api\/v1\/cases$/.test(String(input))) window.__havenTestRegistrations.push(JSON.parse(init.body));
    return send(input, init);
  };
}

describe('Firefox ESR: possible duplicates at reception', { timeout: 120_000 }, () => {
  let browser;
  let page;
  let problems;
  let worker;
  let first;

  before(async () => {
    requireEnv();
    worker = await apiClient(USER);
    await worker.del('/drafts/reception').catch(() => undefined);
    const body = newCaseBody(FIRST);
    first = await worker.post('/cases', { ...body, person: { ...body.person, birth_date: '2001-03-04' } });
    ({ browser, page, problems } = await launchFirefox());
    await page.evaluateOnNewDocument(noteRegistrations);
  });

  after(async () => {
    await browser?.close();
    await worker?.del('/drafts/reception').catch(() => undefined);
  });

  const text = (selector) => page.$eval(selector, (e) => e.textContent);
  const value = (selector) => page.$eval(selector, (e) => e.value);
  const registrations = () => page.evaluate(() => window.__havenTestRegistrations);
  const casesNamed = async () => (await worker.get(`/cases?q=${encodeURIComponent(WORD)}`)).total;

  it('lists the earlier case by code and reception date, stops without registering, then registers anyway', async () => {
    await signInAt(page, '/reception', '[data-testid="reception-form"]');
    await page.$eval('[data-testid="lang-en"]', (b) => b.click());
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.locator('#f-reception-referring_authority').fill('Công an tỉnh Hà Giang');
    await page.locator('#f-reception-legal_basis').fill('Quyết định 44/QĐ-CA');
    await page.locator('#f-person-name').fill(AGAIN);
    await page.locator('#f-person-birth_date').fill('01/01/2001');
    await page.locator('[data-testid="reception-submit"]').click();

    await page.waitForSelector('[data-testid="duplicates"]');
    assert.equal(await text('[data-testid="duplicates"] h2'), 'Possible earlier cases of this person at this centre');
    const items = await page.$$eval('[data-testid="duplicate"]', (els) => els.map((e) => e.textContent));
    const received = vietnamDateTime(Date.parse(first.reception.received_at));
    assert.deepEqual(items, [`Case ${first.code}, received ${received}`]);
    assert.match(received, /^\d\d\/\d\d\/\d{4} \d\d:\d\d$/, 'day first, 24-hour, never the browser\'s American order');
    assert.deepEqual(await registrations(), [], 'nothing sent to be registered');
    await assertAccessibleInFirefox(page, 'the warning of possible earlier cases');
    await firefoxScreenshot(page, '92-firefox-possible-duplicates');

    await page.locator('[data-testid="duplicates-stop"]').click();
    await page.waitForSelector('[data-testid="duplicates"]', { hidden: true });
    assert.equal(await value('#f-person-name'), AGAIN, 'the form as typed');
    assert.equal(await value('#f-person-birth_date'), '01/01/2001');
    assert.equal(await value('#f-reception-legal_basis'), 'Quyết định 44/QĐ-CA');
    assert.equal(await casesNamed(), 1, 'nothing registered');

    await page.locator('[data-testid="reception-submit"]').click();
    await page.waitForSelector('[data-testid="duplicates"]');
    await page.locator('[data-testid="duplicates-register"]').click();
    await page.waitForSelector('[data-testid="case-created"]');
    const sent = await registrations();
    assert.equal(sent.length, 1);
    assert.deepEqual(sent[0].possible_duplicates_seen, [first.code]);
    assert.equal(await casesNamed(), 2, 'registered');
    assert.deepEqual(problems, []);
  });
});
