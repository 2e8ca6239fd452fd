// The centre head keeps her own centre's staff accounts (issue 19), in Chromium: on "Staff accounts"
// she is offered only the roles she may add (no centre head, no administrator) and no centre to
// choose, and her list holds no administrator; she adds a case worker, whose activation code shows
// once (a new one only from her, its maker); its owner activates it himself; she cannot confirm what
// she made (the administrator does); she disables it after saying yes (his session ends, he cannot
// sign in) and enables it again. A head's account she may not add is refused in words, in Vietnamese
// and in English. The page fits a phone (390×844) and a tablet without sideways scrolling.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiClient,
  assertAccessible,
  BASE_URL,
  HEAD_USER,
  launch,
  newPage,
  randomWord,
  requireEnv,
  screenshot,
  signIn,
} from './helpers.mjs';

const suffix = randomWord(5);
const USERNAME = `canbo.${suffix.toLowerCase()}`;
const NAME = `Phạm Văn Đức ${suffix}`;
const OWN_PASSWORD = `Đức tự đặt mật khẩu ${randomWord(8)}`;
// The administrator who set the centre up (setup.mjs): the other meets two-step sign-in in second-factor.test.mjs.
const SETUP_ADMIN = process.env.HAVEN_TEST_SETUP_ADMIN ?? 'admin2';

/** Whether `username` can open a session with `password` (the answer's status). */
async function signInStatus(username, password) {
  const res = await fetch(`${BASE_URL}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return res.status;
}

describe("the head's staff accounts", { timeout: 240_000 }, () => {
  let browser;
  let head;
  let owner;

  before(async () => {
    requireEnv();
    browser = await launch();
    head = await newPage(browser);
    await head.page.goto(`${BASE_URL}/centre/accounts`);
    await head.page.waitForURL(/\/signin/);
    await signIn(head.page, { username: HEAD_USER });
    await head.page.waitForURL(/\/centre\/accounts$/);
  });

  after(async () => {
    await browser?.close();
  });

  const row = () => head.page.getByTestId('account-row').filter({ hasText: USERNAME });
  const waitDisabled = (disabled) => head.page.waitForFunction(([u, d]) => [...document.querySelectorAll('[data-testid="account-row"]')]
    .some((r) => r.textContent.includes(u) && r.getAttribute('data-disabled') === String(d)), [USERNAME, disabled]);

  it('offers her only the roles she may add and her own centre, and lists no administrator', async () => {
    const { page, problems } = head;
    await page.getByRole('heading', { level: 1, name: 'Tài khoản cán bộ của trung tâm' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Tài khoản cán bộ' }).getAttribute('aria-current'), 'page');
    assert.match(await page.getByTestId('staff-accounts-intro').textContent(), /do chính chủ tài khoản kích hoạt .*bạn không tự dùng mã đó/);
    const form = page.getByTestId('account-form');
    const roles = await form.locator('#acc-role option').evaluateAll((options) => options.map((o) => o.value));
    assert.deepEqual(roles, ['case_worker', 'counsellor', 'external_provider']);
    assert.equal(await form.locator('#acc-centre').count(), 0, 'no centre to choose: hers');
    await page.getByTestId('accounts').waitFor();
    const listed = await page.getByTestId('account-row').evaluateAll((rows) => rows.map((r) => r.dataset.role));
    assert.ok(listed.includes('centre_head') && listed.includes('case_worker'), `her centre's staff (${listed})`);
    assert.ok(!listed.includes('administrator'), 'no administrator');
    assert.equal(await page.getByRole('columnheader', { name: 'Trung tâm' }).count(), 0, 'no centre column');
    // Nobody's own account, nor a head's, can be disabled from here.
    const heads = page.locator('[data-testid="account-row"][data-role="centre_head"]');
    assert.ok((await heads.count()) >= 1);
    assert.equal(await heads.getByTestId('account-disable').count(), 0, "no way to disable a head's account");
    // None of the administrator's own actions.
    assert.equal(await page.getByRole('button', { name: 'Kết thúc các phiên' }).count(), 0);
    assert.equal(await page.getByTestId('account-screening').count(), 0);
    assert.equal(await page.getByTestId('audit-verify').count(), 0);
    assert.equal(await page.getByTestId('parameters').count(), 0);
    await assertAccessible(page, "the head's staff accounts");
    assert.deepEqual(problems, []);
  });

  it('a case worker she adds activates his account with the code she hands over; someone else confirms it', async () => {
    const { page, problems } = head;
    const form = page.getByTestId('account-form');
    await form.locator('#acc-role').selectOption('case_worker');
    await form.locator('#acc-display_name').fill(NAME);
    await form.locator('#acc-username').fill(USERNAME);
    await page.getByTestId('account-submit').click();
    const first = (await page.getByTestId('activation-code-value').textContent()).trim();
    assert.match(first, /^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    await row().getByTestId('account-state').getByText('Chờ chủ tài khoản kích hoạt', { exact: false }).waitFor();
    await screenshot(page, '110-head-accounts-code');

    // Shown once: read again, the page has no code; she, its maker, may give a new one.
    await page.reload();
    await row().waitFor();
    assert.equal(await page.getByTestId('activation-code').count(), 0, 'the code is not shown again');
    await row().getByTestId('account-new-code').click();
    const code = (await page.getByTestId('activation-code-value').textContent()).trim();
    assert.notEqual(code, first);

    owner = await newPage(browser);
    await owner.page.goto(`${BASE_URL}/activate`);
    await owner.page.getByRole('heading', { level: 1, name: 'Kích hoạt tài khoản' }).waitFor();
    await owner.page.getByLabel('Tên đăng nhập').fill(USERNAME);
    await owner.page.getByLabel('Mã kích hoạt').fill(first);
    await owner.page.getByLabel('Mật khẩu mới', { exact: true }).fill(OWN_PASSWORD);
    await owner.page.getByLabel('Nhập lại mật khẩu mới').fill(OWN_PASSWORD);
    await owner.page.getByTestId('activate-submit').click();
    // The first code stopped working when she gave a new one.
    await owner.page.getByTestId('activate-error').getByText('Mã kích hoạt không đúng, đã được dùng hoặc đã hết hạn', { exact: false }).waitFor();
    await owner.page.getByLabel('Mã kích hoạt').fill(code);
    await owner.page.getByTestId('activate-submit').click();
    await owner.page.getByTestId('signin-activated').waitFor();
    await signIn(owner.page, { username: USERNAME, password: OWN_PASSWORD });
    await owner.page.getByTestId('awaiting-confirmation').waitFor();

    // She made it: she cannot confirm it, and is told who does; the administrator, once the owner told him.
    await page.reload();
    await row().getByTestId('account-state').getByText('Chờ xác nhận').waitFor();
    assert.equal(await row().getByTestId('account-confirm').count(), 0, 'its maker does not confirm it');
    await row().getByTestId('account-admin-confirms').getByText('Chờ Quản trị viên xác nhận').waitFor();
    const admin = await apiClient(SETUP_ADMIN);
    const made = (await admin.get('/accounts')).items.find((a) => a.username === USERNAME);
    const headUser = (await apiClient(HEAD_USER)).user;
    assert.equal(made.centre_id, headUser.centre.id, 'in her own centre, which she did not name');
    assert.equal(made.created_by, headUser.id);
    await admin.post(`/accounts/${made.id}/confirm`, {});
    await owner.page.getByTestId('awaiting-check').click();
    await owner.page.getByTestId('page-work').waitFor();
    await page.reload();
    await row().getByTestId('account-state').getByText('Đang hoạt động').waitFor();
    assert.deepEqual(problems, []);
    assert.deepEqual(owner.problems, []);
  });

  it('she disables it after saying yes (his session ends) and enables it again', async () => {
    const { page, problems } = head;
    await row().getByTestId('account-disable').click();
    const ask = row().getByTestId('account-disable-ask');
    assert.match(await ask.textContent(), new RegExp(`Khóa tài khoản của ${NAME}\\? Mọi phiên đăng nhập`));
    await assertAccessible(page, 'disabling an account, asked');
    await ask.getByRole('button', { name: 'Thôi' }).click();
    assert.equal(await row().getAttribute('data-disabled'), 'false', 'nothing done on "no"');
    await row().getByTestId('account-disable').click();
    await row().getByTestId('account-disable-yes').click();
    await page.getByTestId('accounts-notice').getByText(`Đã khóa tài khoản của ${NAME}`).waitFor();
    await waitDisabled(true);
    await row().getByText('Đã khóa').waitFor();
    assert.equal(await signInStatus(USERNAME, OWN_PASSWORD), 401, 'a disabled account cannot sign in');
    // His open page finds its session gone.
    await owner.page.reload();
    await owner.page.waitForURL(/\/signin/);

    await row().getByTestId('account-enable').click();
    assert.match(await row().getByTestId('account-disable-ask').textContent(), /Mở khóa tài khoản của/);
    await row().getByTestId('account-disable-yes').click();
    await page.getByTestId('accounts-notice').getByText(`Đã mở khóa tài khoản của ${NAME}`).waitFor();
    await waitDisabled(false);
    await signIn(owner.page, { username: USERNAME, password: OWN_PASSWORD });
    await owner.page.getByTestId('page-work').waitFor();
    assert.deepEqual(problems, []);
  });

  it("a head's account, which she may not add, is refused in her language", async () => {
    const { page, problems } = head;
    const form = page.getByTestId('account-form');
    // A form the page did not offer (an old page, a changed one): the server refuses it in words.
    const tryHead = async () => {
      await form.locator('#acc-role').evaluate((select) => select.add(new Option('centre_head', 'centre_head')));
      await form.locator('#acc-role').selectOption('centre_head');
      await form.locator('#acc-display_name').fill(`Giám đốc ${suffix}`);
      await form.locator('#acc-username').fill(`giamdoc.${suffix.toLowerCase()}`);
      await page.getByTestId('account-submit').click();
    };
    await tryHead();
    await page.getByTestId('account-form-error')
      .getByText('Giám đốc trung tâm quản lý tài khoản của cán bộ trung tâm mình', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: "Your centre's staff accounts" }).waitFor();
    await tryHead();
    await page.getByTestId('account-form-error')
      .getByText("A centre head manages her own centre's staff accounts", { exact: false }).waitFor();
    const admin = await apiClient(SETUP_ADMIN);
    assert.ok(!(await admin.get('/accounts')).items.some((a) => a.username.startsWith('giamdoc.')), 'nothing was made');
    assert.deepEqual(problems, []);
  });

  it('reads in English and fits a phone and a tablet without sideways scrolling', async () => {
    const { page, problems } = head;
    await page.reload();
    await page.getByRole('heading', { level: 1, name: "Your centre's staff accounts" }).waitFor();
    assert.match(await page.getByTestId('staff-accounts-intro').textContent(), /activated by its owner with the one-time code.*you do not use that code yourself/);
    const labels = await page.locator('#acc-role option').evaluateAll((options) => options.map((o) => o.textContent));
    assert.ok(!labels.some((l) => /head|administrator/i.test(l)), `no head or administrator among ${labels}`);
    await row().getByText('Active').waitFor();
    for (const [width, height] of [[768, 1024], [390, 844]]) {
      await page.setViewportSize({ width, height });
      await page.reload();
      await row().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no sideways scrolling at ${width}×${height} (${overflow}px too wide)`);
      await screenshot(page, `111-head-accounts-${width}`);
    }
    // On the phone the page is behind the folded menu, under its own name.
    await page.getByTestId('menu-toggle').click();
    await page.getByRole('link', { name: 'Staff accounts' }).waitFor();
    await page.keyboard.press('Escape');
    await assertAccessible(page, "the head's staff accounts on a phone, in English");
    await page.getByTestId('menu-toggle').click();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tài khoản cán bộ của trung tâm' }).waitFor();
    assert.deepEqual(problems, []);
  });
});
