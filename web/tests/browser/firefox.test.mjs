// The day's work in Firefox ESR (Debian's firefox-esr, driven over WebDriver BiDi by puppeteer-core;
// no browser is downloaded): sign in, my work, the case file with a record saved through its form, a
// refused move with its clause, the language switch; axe-core and the CSP hold in Firefox too.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { apiClient, BASE_URL, newCaseBody, PASSWORD, randomWord, requireEnv, USER } from './helpers.mjs';

const require = createRequire(import.meta.url);
const FIREFOX = process.env.HAVEN_FIREFOX ?? '/usr/bin/firefox-esr';
const ARTIFACTS = process.env.HAVEN_ARTIFACTS ?? '';
const NAME = `Mùa Thị Dế ${randomWord(4)}`;

describe('Firefox ESR', { timeout: 180_000 }, () => {
  let browser;
  let page;
  let caseId;
  const problems = [];

  before(async () => {
    requireEnv();
    const worker = await apiClient(USER);
    caseId = (await worker.post('/cases', newCaseBody(NAME))).id;
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      protocol: 'webDriverBiDi',
      extraPrefsFirefox: { 'intl.accept_languages': 'vi-VN, vi' },
    });
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    await page.setViewport({ width: 1366, height: 768 });
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content[- ]Security[- ]Policy|CSP/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  });

  after(async () => {
    await browser?.close();
  });

  const text = (selector) => page.$eval(selector, (e) => e.textContent);
  const shot = async (name) => {
    if (!ARTIFACTS) return;
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  };
  async function assertAccessible(label) {
    const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
    if (!hasAxe) await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const bad = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target}`);
    });
    assert.deepEqual(bad, [], `serious or critical accessibility violations on ${label} in Firefox`);
  }

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
    await page.select('#rf-type', 'health_check');
    await page.waitForSelector('[data-testid="form-health_check"]');
    await page.locator('#rf-by_medical_staff').click();
    await page.locator('#rf-findings').fill('Huyết áp bình thường');
    await page.locator('[data-testid="record-submit"]').click();
    await page.waitForSelector('[data-testid="record-saved"]');
    await page.waitForSelector('[data-testid="record-health_check"]');
    assert.match(await text('[data-testid="record-health_check"]'), /Huyết áp bình thường/);
    await assertAccessible('case file');
    await shot('71-firefox-case-file');
  });

  it('switches to English', async () => {
    await page.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'English').click());
    await page.waitForFunction(() => document.documentElement.lang === 'en' && document.body.textContent.includes('Timeline'));
    assert.match(await text('[data-testid="record-health_check"]'), /Health check/);
    await shot('72-firefox-english');
    assert.deepEqual(problems, []);
  });
});
