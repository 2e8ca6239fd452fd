// Firefox ESR for the browser tests (Debian's firefox-esr, driven over WebDriver BiDi by
// puppeteer-core; no browser is downloaded), and what its tests share: the page's problems, axe-core,
// screenshots and a hand on the page's clock.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { BASE_URL, HEAD_USER, nextCode, PASSWORD, USER } from './helpers.mjs';

const require = createRequire(import.meta.url);
const FIREFOX = process.env.HAVEN_FIREFOX ?? '/usr/bin/firefox-esr';
const ARTIFACTS = process.env.HAVEN_ARTIFACTS ?? '';

/**
 * An American Firefox, whose own date boxes showed "12/06/2026, 04:28 PM" to a Vietnamese worker; in
 * Việt Nam's time zone, which the expected times are written in. Its page collects CSP violations
 * and uncaught errors in `problems`.
 */
export async function launchFirefox() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    env: { ...process.env, TZ: 'Asia/Ho_Chi_Minh' },
    extraPrefsFirefox: { 'intl.locale.requested': 'en-US', 'intl.accept_languages': 'en-US, en', 'intl.regional_prefs.use_os_locales': false },
  });
  const { page, problems } = await newFirefoxPage(browser);
  return { browser, page, problems };
}

/** A page of `owner` (the browser, or a context of its own: another window's cookies), collecting its problems. */
export async function newFirefoxPage(owner) {
  const page = await owner.newPage();
  page.setDefaultTimeout(15_000);
  await page.setViewport({ width: 1366, height: 768 });
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content[- ]Security[- ]Policy|CSP/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { page, problems };
}

/** Opens `path`, signs in on the sign-in page it sends to, and waits for `ready` (a selector) there. */
export async function signInAt(page, path, ready) {
  await page.goto(`${BASE_URL}${path}`);
  await page.waitForSelector('#signin-username');
  await page.locator('#signin-username').fill(USER);
  await page.locator('#signin-password').fill(PASSWORD);
  await page.locator('[data-testid="signin-submit"]').click();
  await page.waitForSelector(ready);
}

/** The same as the centre head, whose role signs in in two steps: her password, then her app's next code. */
export async function signInAsHeadAt(page, path, ready) {
  await page.goto(`${BASE_URL}${path}`);
  await page.waitForSelector('#signin-username');
  await page.locator('#signin-username').fill(HEAD_USER);
  await page.locator('#signin-password').fill(PASSWORD);
  await page.locator('[data-testid="signin-submit"]').click();
  await page.waitForSelector('#signin-code');
  await page.locator('#signin-code').fill(await nextCode(HEAD_USER));
  await page.locator('[data-testid="signin-submit"]').click();
  await page.waitForSelector(ready);
}

export async function assertAccessibleInFirefox(page, label) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!hasAxe) await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const bad = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target}`);
  });
  assert.deepEqual(bad, [], `serious or critical accessibility violations on ${label} in Firefox`);
}

export async function firefoxScreenshot(page, name) {
  if (!ARTIFACTS) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

// Puppeteer has no clock of its own: this runs in the page before its scripts and moves its Date by
// an offset, which window.__havenTestShiftClock(ms) changes (the tests' hand on the page's clock).
// Timers keep real time: what the page looks at on a timer is seen at its next look.
export function shiftableClock(offsetMs) {
  const Real = Date;
  let offset = offsetMs;
  class Shifted extends Real {
    constructor(...args) {
      if (args.length === 0) super(Real.now() + offset);
      else super(...args);
    }
    static now() {
      return Real.now() + offset;
    }
  }
  window.Date = Shifted;
  window.__havenTestShiftClock = (ms) => {
    offset += ms;
  };
}

/** Moves the page's clock (installed with shiftableClock) on by `ms`. */
export const shiftClock = (page, ms) => page.evaluate((by) => window.__havenTestShiftClock(by), ms);

/** Opens a section of the case file through its link (helpers.mjs openSection, in Puppeteer). */
export async function openSectionInFirefox(page, section) {
  await page.locator(`[data-testid="section-${section}"]`).click();
  await page.waitForSelector(`[data-testid="case-section-${section}"]`);
}

/** Chooses a record type in the case file's picker: its section, its group unfolded, its button. */
export async function pickRecordInFirefox(page, type) {
  if (!(await page.$('[data-testid="case-section-record"]'))) await openSectionInFirefox(page, 'record');
  const button = `[data-testid="pick-${type}"]`;
  await page.waitForSelector(button);
  // A folded group's buttons are not shown: unfold it as the worker would, by its summary.
  if (!(await page.$eval(button, (b) => b.closest('details').open))) await page.$eval(button, (b) => b.closest('details').querySelector('summary').click());
  await page.locator(button).click();
  await page.waitForSelector(`[data-testid="form-${type}"]`);
}
