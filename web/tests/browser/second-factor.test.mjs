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
  randomWord,
  rememberSecondFactor,
  HEAD_USER,
  requireEnv,
  screenshot,
  signIn,
  totpCode,
  totpStep,
} from './helpers.mjs';

const ADMIN_USER = process.env.HAVEN_TEST_ADMIN ?? '';

describe('two-step sign-in', { timeout: 120_000 }, () => {
  let browser;
  let adminPage;

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
    adminPage = { page, problems };
  });

  it("the administrator's screen: adds an account, its owner activates it, the head confirms it, he disables it", async () => {
    const { page, problems } = adminPage;
    // An administrator works no case: his home is administration.
    await page.waitForURL(/\/admin$/);
    await page.getByRole('heading', { level: 1, name: 'Quản trị hệ thống' }).waitFor();
    const username = `yen.${randomWord(5).toLowerCase()}`;
    const form = page.getByTestId('account-form');
    await form.locator('#acc-role').selectOption('case_worker');
    await form.locator('#acc-display_name').fill('Hoàng Thị Yến');
    await form.locator('#acc-username').fill('Yến!');
    await page.getByTestId('account-submit').click();
    await form.locator('.field-invalid #acc-username').waitFor();  // refused beside the field, nothing lost
    assert.equal(await form.locator('#acc-display_name').inputValue(), 'Hoàng Thị Yến');
    assert.equal(await form.locator('#acc-password').count(), 0, 'the administrator never chooses a password');
    await form.locator('#acc-username').fill(username);
    await page.getByTestId('account-submit').click();
    // The one-time code, shown once, to hand over in person.
    const code = (await page.getByTestId('activation-code-value').textContent()).trim();
    assert.match(code, /^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    await screenshot(page, '61-activation-code');
    const row = page.getByTestId('account-row').filter({ hasText: username });
    await row.getByTestId('account-state').getByText('Chờ chủ tài khoản kích hoạt', { exact: false }).waitFor();

    // Its owner activates it from the sign-in page: her own password, typed twice.
    const owner = await newPage(browser);
    await owner.page.goto(`${BASE_URL}/signin`);
    await owner.page.getByTestId('signin-activate-link').click();
    await owner.page.getByRole('heading', { level: 1, name: 'Kích hoạt tài khoản' }).waitFor();
    const ownPassword = `Yến tự đặt ${randomWord(8)}`;
    await owner.page.getByLabel('Tên đăng nhập').fill(username);
    await owner.page.getByLabel('Mã kích hoạt').fill(code.toLowerCase());
    await owner.page.getByLabel('Mật khẩu mới', { exact: true }).fill(ownPassword);
    await owner.page.getByLabel('Nhập lại mật khẩu mới').fill(`${ownPassword}x`);
    await owner.page.getByTestId('activate-submit').click();
    await owner.page.getByTestId('activate-error').getByText('không giống nhau').waitFor();
    await owner.page.getByLabel('Nhập lại mật khẩu mới').fill(ownPassword);
    await assertAccessible(owner.page, 'account activation');
    await screenshot(owner.page, '62-activation');
    await owner.page.getByTestId('activate-submit').click();
    await owner.page.getByTestId('signin-activated').waitFor();
    await signIn(owner.page, { username, password: ownPassword });
    // Nobody has confirmed it: she is told so, and can only set up her sign-in.
    await owner.page.getByTestId('awaiting-confirmation').waitFor();
    await assertAccessible(owner.page, 'account awaiting confirmation');

    // The head confirms it on her centre's page, once the owner told her she activated it herself.
    const head = await newPage(browser);
    await head.page.goto(`${BASE_URL}/centre`);
    await head.page.waitForURL(/\/signin/);
    await signIn(head.page, { username: HEAD_USER });
    const waiting = head.page.getByTestId('waiting-account').filter({ hasText: username });
    await waiting.getByTestId('account-confirm').click();
    await waiting.getByTestId('account-confirm-yes').click();
    await head.page.getByTestId('centre-waiting').getByText('đã được xác nhận').waitFor();
    // Each step is in her centre's audit log, in words.
    await head.page.goto(`${BASE_URL}/centre/audit`);
    for (const action of ['staff.create', 'account.activate', 'account.confirm']) {
      await head.page.locator(`[data-testid="audit-entry"][data-action="${action}"]`).first().waitFor();
    }
    await assertAccessible(head.page, 'centre audit log');
    await screenshot(head.page, '63-centre-audit');
    assert.deepEqual(head.problems, []);
    await owner.page.getByTestId('awaiting-check').click();
    await owner.page.getByTestId('page-work').waitFor();
    await owner.page.getByTestId('awaiting-confirmation').waitFor({ state: 'detached' });
    assert.deepEqual(owner.problems, []);

    await page.reload();
    await row.getByTestId('account-state').getByText('Đang hoạt động').waitFor();
    // Disabling asks first: it ends the account's sessions at once.
    await row.getByTestId('account-disable').click();
    await row.getByTestId('account-disable-yes').click();
    await page.getByTestId('accounts-notice').waitFor();
    await page.waitForFunction((u) => [...document.querySelectorAll('[data-testid="account-row"]')]
      .some((r) => r.textContent.includes(u) && r.getAttribute('data-disabled') === 'true'), username);

    await page.getByTestId('audit-verify').click();
    await page.getByTestId('audit-result').filter({ hasText: 'Nhật ký nguyên vẹn' }).waitFor();
    assert.ok((await page.getByTestId('parameters').locator('tbody tr').count()) > 10);
    await assertAccessible(page, 'administration');
    await screenshot(page, '60-administration');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    assert.match(await page.getByTestId('audit-result').textContent(), /The log is intact/);
    assert.deepEqual(problems, []);
  });
});
