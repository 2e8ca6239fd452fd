// Phone, tablet and laptop in Firefox: the same walk as layout.test.mjs (tests/browser/layout.mjs).
import puppeteer from 'puppeteer-core';
import { BASE_URL, sessionCookieOf } from './helpers.mjs';
import { assertAccessibleInFirefox, firefoxScreenshot, newFirefoxPage } from './firefox.mjs';
import { layoutSuite } from './layout.mjs';

layoutSuite('Firefox', {
  start: () => puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.HAVEN_FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
    protocol: 'webDriverBiDi',
    env: { ...process.env, TZ: 'Asia/Ho_Chi_Minh' },
  }),
  /** A page in a browser context of its own (its own cookies), in the session of `user`'s API client. */
  open: async (browser, user) => {
    const { page, problems } = await newFirefoxPage(await browser.createBrowserContext());
    // Firefox sends a cookie set over WebDriver BiDi only once the page is on its site, and only as the
    // server sets it (HttpOnly, SameSite=Strict: one with SameSite=None would need Secure).
    await page.goto(`${BASE_URL}/signin`);
    await page.setCookie({ ...(await sessionCookieOf(user)), httpOnly: true, sameSite: 'Strict' });
    return {
      page,
      problems,
      resize: (width, height) => page.setViewport({ width, height }),
      waitFor: (selector) => page.waitForSelector(selector, { visible: true }),
      shot: (name) => firefoxScreenshot(page, name),
      accessible: (label) => assertAccessibleInFirefox(page, label),
    };
  },
});
