// In-app notifications, in Chromium: the head assigns the case worker to a case she received, and the
// worker's bell counts it once she moves to another screen; the notifications page says it in a
// sentence with the case's code and the moment day first (never a key, an ID, an ISO time or the
// person's name), marked unread in words; following it leads to the case and marks it read, and back
// on the page it reads as read and the bell counts less; the page fits a phone with the bell on the
// compact bar, in English too; "mark all read" clears the bell.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiClient,
  assertAccessible,
  BASE_URL,
  HEAD_USER,
  launch,
  newCaseBody,
  newPage,
  randomWord,
  requireEnv,
  screenshot,
  signIn,
  USER,
  waitUntil,
} from './helpers.mjs';

const suffix = randomWord(4);
const iso = (minutesAgo) => new Date(Date.now() - minutesAgo * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
const DAY_AND_TIME = String.raw`\d\d/\d\d/\d{4} \d\d:\d\d`;
/** The most of a phone's 844 px the collapsed header may take (as layout.mjs). */
const PHONE_HEADER_MAX = 120;

describe('in-app notifications', { timeout: 240_000 }, () => {
  let browser;
  let ctx;
  let page;
  let worker;
  let head;
  let first;
  let second;
  const names = [`Mùa Thị Dua ${suffix}`, `Giàng Thị Súa ${suffix}`];

  /** The head puts the worker on a case she received herself (the worker was not on it). */
  const assignWorker = (c) => head.post(`/cases/${c.id}/records`, {
    type: 'staff_assignment', occurred_at: iso(1), body: { staff_id: worker.user.id, no_conflict_of_interest: true },
  });
  /** The count on the bell; 0 when it shows none. */
  const badge = async () => {
    const count = page.getByTestId('notifications-count');
    return (await count.count()) ? Number(await count.textContent()) : 0;
  };
  const assignmentOf = (c) => page.locator(`[data-testid="notification"][data-kind="assignment"][data-code="${c.code}"]`);
  const listedFor = async (c) => (await worker.get('/notifications')).items.find((n) => n.kind === 'assignment' && n.case_id === c.id);
  const fitsWithoutSidewaysScrolling = async (what) => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scrolling ${what} (${overflow}px too wide)`);
  };

  before(async () => {
    requireEnv();
    worker = await apiClient(USER);
    head = await apiClient(HEAD_USER);
    first = await head.post('/cases', newCaseBody(names[0]));
    second = await head.post('/cases', newCaseBody(names[1]));
    browser = await launch();
    ctx = await newPage(browser);
    page = ctx.page;
    await page.goto(`${BASE_URL}/`);
    await page.waitForURL(/\/signin/);
    await signIn(page);
    await page.getByTestId('my-work').waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  it("counts the worker's assignment on the bell once she moves to another screen", async () => {
    const bell = page.getByTestId('notifications-link');
    await bell.waitFor();
    await waitUntil(async () => (await badge()) === (await worker.get('/notifications')).unread, 'the bell agrees with the server');
    const before = await badge();
    assert.equal(await listedFor(first), undefined, 'nothing about the case yet');

    await assignWorker(first);
    await page.getByRole('navigation').getByRole('link', { name: 'Danh sách hồ sơ' }).click();
    await page.getByTestId('cases-count').waitFor();
    await waitUntil(async () => (await badge()) > before, 'the count on the bell went up');
    const n = await badge();
    // Heard with the link: how many are unread, in words.
    assert.equal(await page.getByRole('link', { name: `Thông báo (${n} chưa đọc)`, exact: true }).count(), 1);
    assert.deepEqual(ctx.problems, []);
  });

  it('says the assignment in a sentence with the case code, leads to the case, and marks it read', async () => {
    await page.getByTestId('notifications-link').click();
    await page.getByTestId('notifications').waitFor();
    assert.equal(await page.locator('h1').textContent(), 'Thông báo');
    assert.equal(await page.getByTestId('notifications-link').getAttribute('aria-current'), 'page');
    const item = assignmentOf(first);
    await item.waitFor();
    assert.equal(await item.getAttribute('data-read'), 'false');
    assert.equal(await item.getByTestId('notification-unread').textContent(), 'Chưa đọc', 'unread, said in words');
    assert.match(await item.getByTestId('notification-link').textContent(),
      new RegExp(`^Bạn được phân công phụ trách hồ sơ ${first.code} lúc ${DAY_AND_TIME}\\.$`));
    assert.equal(await item.getByTestId('notification-clause').count(), 0, 'an assignment has no clause');
    for (const clause of await page.getByTestId('notification-clause').allTextContents()) assert.match(clause, /^[IV]+\.\d+\.[a-z]$/);
    // Never a key, an ID, an ISO time or a name in the list.
    const all = await page.getByTestId('notification-list').textContent();
    assert.doesNotMatch(all, new RegExp(`${first.id}|${second.id}|\\d{4}-\\d\\d-\\d\\dT\\d\\d|assignment:|overdue:|crisis:|disclosure_`));
    for (const name of names) assert.equal(all.includes(name), false, 'no name of a person');
    await assertAccessible(page, 'the notifications');
    await screenshot(page, '110-notifications');

    const before = await badge();
    assert.ok(before >= 1);
    await item.getByTestId('notification-link').click();
    await page.waitForURL(new RegExp(`/cases/${first.id}$`));
    await page.getByTestId('case-section-overview').waitFor();
    assert.match(await page.getByTestId('case-code').textContent(), new RegExp(first.code));
    assert.equal((await listedFor(first)).read, true, 'read on the server');

    await page.goBack();
    await page.getByTestId('notifications').waitFor();
    await item.waitFor();
    assert.equal(await item.getAttribute('data-read'), 'true');
    assert.equal(await item.getByTestId('notification-unread').count(), 0);
    await waitUntil(async () => (await badge()) < before, 'the count on the bell went down');
    assert.deepEqual(ctx.problems, []);
  });

  it('fits a phone with the bell and its count on the compact bar, in English too', async () => {
    await assignWorker(second);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${BASE_URL}/notifications`);
    const item = assignmentOf(second);
    await item.waitFor();
    assert.equal(await page.getByTestId('menu-toggle').getAttribute('aria-expanded'), 'false', 'the menu is folded');
    assert.equal(await page.getByTestId('notifications-link').isVisible(), true, 'the bell stays on the bar');
    await waitUntil(async () => (await badge()) >= 1, 'a count on the bell');
    assert.equal(await page.getByTestId('notifications-count').isVisible(), true);
    const header = await page.getByTestId('site-header').evaluate((e) => e.getBoundingClientRect().height);
    assert.ok(header <= PHONE_HEADER_MAX, `the compact header is ${header}px high`);
    await fitsWithoutSidewaysScrolling('at 390×844');
    await screenshot(page, '111-notifications-390');

    await page.getByTestId('menu-toggle').click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await page.keyboard.press('Escape');
    assert.match(await item.getByTestId('notification-link').textContent(),
      new RegExp(`^You were assigned to case ${second.code} on ${DAY_AND_TIME}\\.$`));
    assert.equal(await item.getByTestId('notification-unread').textContent(), 'Unread');
    const n = await badge();
    assert.equal(await page.getByRole('link', { name: `Notifications (${n} unread)`, exact: true }).count(), 1);
    await fitsWithoutSidewaysScrolling('at 390×844 in English');
    await assertAccessible(page, 'the notifications on a phone, in English');
    await screenshot(page, '112-notifications-390-en');
  });

  it('"mark all read" clears the bell', async () => {
    assert.ok((await badge()) >= 1);
    await page.getByRole('button', { name: 'Mark all read' }).click();
    const said = page.getByTestId('notifications-all-marked');
    await said.waitFor();
    assert.equal(await said.textContent(), 'Every notification is marked read.');
    assert.equal(await said.evaluate((e) => e === document.activeElement), true, 'what happened has the focus');
    await page.getByTestId('notifications-count').waitFor({ state: 'detached' });
    assert.equal(await page.getByRole('link', { name: 'Notifications', exact: true }).count(), 1, 'the bell says nothing is unread');
    assert.equal(await page.locator('[data-testid="notification"][data-read="false"]').count(), 0);
    assert.equal(await page.getByTestId('notifications-mark-all').count(), 0);
    assert.equal((await listedFor(second)).read, true, 'read on the server');
    await fitsWithoutSidewaysScrolling('once all are read');
    await page.getByTestId('menu-toggle').click();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    assert.deepEqual(ctx.problems, []);
  });
});
