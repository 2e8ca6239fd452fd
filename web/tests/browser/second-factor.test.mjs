// Two-step sign-in in the browser: an administrator (a role that must use it) signs in for the first
// time and sees only the set-up; sets it up with the QR code's secret and a code; signs in again with
// a code from the app. The head's sign-in with a code is covered wherever a test signs her in.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertAccessible,
  BASE_URL,
  launch,
  newPage,
  PASSWORD,
  rememberSecondFactor,
  requireEnv,
  screenshot,
  signIn,
  totpCode,
  totpStep,
} from './helpers.mjs';

const ADMIN_USER = process.env.HAVEN_TEST_ADMIN ?? '';

describe('two-step sign-in', { timeout: 120_000 }, () => {
  let browser;

  before(async () => {
    requireEnv();
    assert.ok(ADMIN_USER, 'HAVEN_TEST_ADMIN names an administrator account without two-step sign-in');
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
  });

  it('an administrator without it is shown only the set-up, and turns it on with a code from the app', async () => {
    const { page, problems } = await newPage(browser);
    await page.goto(`${BASE_URL}/signin`);
    await signIn(page, { username: ADMIN_USER });
    await page.getByTestId('second-factor-required').waitFor();
    assert.equal(await page.getByRole('navigation', { name: 'Điều hướng chính' }).count(), 0, 'no way to other screens');
    await assertAccessible(page, 'two-step sign-in: set-up required');
    await screenshot(page, 'second-factor-required');

    // The password is asked again; a wrong one is refused in words.
    await page.getByLabel('Mật khẩu của bạn').fill('not the password at all');
    await page.getByTestId('second-factor-begin').click();
    await page.getByTestId('second-factor-error').getByText('Mật khẩu không đúng').waitFor();
    await page.getByLabel('Mật khẩu của bạn').fill(PASSWORD);
    await page.getByTestId('second-factor-begin').click();
    await page.getByTestId('second-factor-qr').waitFor();
    const secret = (await page.getByTestId('second-factor-secret').innerText()).replace(/\s+/g, '');
    assert.match(secret, /^[A-Z2-7]{32}$/, 'a 160-bit secret in base32');
    assert.match(await page.getByRole('link', { name: /Mở thẳng/ }).getAttribute('href'), /^otpauth:\/\/totp\/Haven:/);
    await assertAccessible(page, 'two-step sign-in: scan');
    await screenshot(page, 'second-factor-scan');

    await page.getByLabel('Mã xác thực (6 chữ số)').fill('000000');
    await page.getByTestId('second-factor-submit').click();
    await page.getByTestId('second-factor-error').getByText('Mã không đúng').waitFor();
    const step = totpStep();
    await page.getByLabel('Mã xác thực (6 chữ số)').fill(totpCode(secret, step));
    await page.getByTestId('second-factor-submit').click();
    await page.getByTestId('second-factor-on').waitFor();
    rememberSecondFactor(ADMIN_USER, secret, step);
    await screenshot(page, 'second-factor-on');
    assert.deepEqual(problems, []);

    // Signed out and in again: now the code is asked for, after the password.
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/signin/);
    await page.getByLabel('Tên đăng nhập').fill(ADMIN_USER);
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('signin-code-step').waitFor();
    await assertAccessible(page, 'sign-in: code step');
    await screenshot(page, 'signin-code-step');
    await page.getByLabel('Mã xác thực (6 chữ số)').fill(totpCode(secret, step)); // the code already used
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('signin-error').getByText('đã được dùng').waitFor();
    await page.getByLabel('Mã xác thực (6 chữ số)').fill(totpCode(secret, step + 1));
    rememberSecondFactor(ADMIN_USER, secret, step + 1);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    await page.getByTestId('user-name').waitFor();
    assert.deepEqual(problems, []);
  });
});
