// Sign-in page: Vietnamese by default, wrong password, language switch, accessibility.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, BASE_URL, launch, newPage, requireEnv, screenshot, USER } from './helpers.mjs';

describe('sign-in page', { timeout: 60_000 }, () => {
  let browser;
  let ctx;
  let page;

  before(async () => {
    requireEnv();
    browser = await launch();
    ctx = await newPage(browser);
    page = ctx.page;
  });

  after(async () => {
    await browser?.close();
  });

  it('shows the sign-in form in Vietnamese by default, with <html lang="vi">', async () => {
    await page.goto(`${BASE_URL}/cases`);
    await page.waitForURL(/\/signin/);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
    assert.ok(await page.getByLabel('Tên đăng nhập').isVisible());
    assert.ok(await page.getByLabel('Mật khẩu').isVisible());
    assert.ok(await page.getByRole('button', { name: 'Tiếng Việt' }).isVisible());
    assert.ok(await page.getByRole('button', { name: 'English' }).isVisible());
    await screenshot(page, '01-signin');
    await assertAccessible(page, 'sign-in');
  });

  it('refuses a wrong password with a message beside the form', async () => {
    await page.getByLabel('Tên đăng nhập').fill(USER);
    await page.getByLabel('Mật khẩu').fill('definitely-not-the-password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const alert = page.getByTestId('signin-error');
    await assert.doesNotReject(alert.filter({ hasText: /\S/ }).waitFor());
    const text = (await alert.textContent()).trim();
    assert.match(text, /mật khẩu/i, `expected a Vietnamese error, got: ${text}`);
    assert.equal(await page.getByLabel('Mật khẩu').getAttribute('aria-invalid'), 'true');
    assert.match(page.url(), /\/signin/);
    // The username typed is kept.
    assert.equal(await page.getByLabel('Tên đăng nhập').inputValue(), USER);
    await screenshot(page, '02-signin-error');
    await assertAccessible(page, 'sign-in with error');
  });

  it('switches to English and back, updating <html lang> and the stored choice', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.ok(await page.getByLabel('Username').isVisible());
    assert.ok(await page.getByLabel('Password').isVisible());
    assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');
    // The error follows the language too.
    assert.match((await page.getByTestId('signin-error').textContent()).trim(), /password/i);
    assert.equal(await page.evaluate(() => localStorage.getItem('haven.lang')), 'en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await assertAccessible(page, 'sign-in (English)');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  });

  it('caused no CSP violation or script error', () => {
    assert.deepEqual(ctx.problems, []);
  });
});
