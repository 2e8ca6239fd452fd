// Phone, tablet and laptop in Chromium: every main screen without sideways scrolling, the phone's
// header one compact bar with its menu behind a button, tables as cards (tests/browser/layout.mjs).
import { assertAccessible, launch, newPage, screenshot, sessionCookieOf } from './helpers.mjs';
import { layoutSuite } from './layout.mjs';

layoutSuite('Chromium', {
  start: launch,
  /** A page in a context of its own, in the session of `user`'s API client. */
  open: async (browser, user) => {
    const { context, page, problems } = await newPage(browser);
    await context.addCookies([await sessionCookieOf(user)]);
    return {
      page,
      problems,
      resize: (width, height) => page.setViewportSize({ width, height }),
      waitFor: (selector) => page.waitForSelector(selector),
      shot: (name) => screenshot(page, name),
      accessible: (label) => assertAccessible(page, label),
    };
  },
});
