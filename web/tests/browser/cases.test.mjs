// Main flow: sign in, register a person, case page, accent-insensitive search,
// refused future birth date, English switch, sign out. axe-core on every page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerNextQuestion,
  assertAccessible,
  BASE_URL,
  foldVietnamese,
  launch,
  newPage,
  openSection,
  randomWord,
  requireEnv,
  screenshot,
  signIn,
  waitUntil,
} from './helpers.mjs';

const SUFFIX = randomWord(4);
const NAME = `Đặng Thị Đức Hạnh ${SUFFIX}`;
const AUTHORITY = 'Công an tỉnh An Giang';
const LEGAL_BASIS = `Quyết định ${Math.floor(Math.random() * 900 + 100)}/QĐ-CA`;
const DOC1 = 'Biên bản bàn giao';
const DOC2 = 'Giấy xác nhận của Bộ đội biên phòng';

/** A date two days ahead, typed as the UI takes it: dd/mm/yyyy. */
function tomorrow() {
  const [y, m, d] = new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString().slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

describe('case work', { timeout: 90_000 }, () => {
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

  it('signs in (Vietnamese by default) and lands on the case list', async () => {
    await page.goto(`${BASE_URL}/`);
    await page.waitForURL(/\/signin/);
    await signIn(page);
    // The day starts at "my work"; the case list is one link away.
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Danh sách hồ sơ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Danh sách hồ sơ' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
    assert.ok((await page.getByTestId('user-name').textContent()).trim().length > 0);
    assert.ok((await page.getByTestId('centre-name').textContent()).trim().length > 0);
    assert.ok(await page.getByRole('button', { name: 'Đăng xuất' }).isVisible());
    assert.ok(await page.getByRole('banner').isVisible());
    assert.ok(await page.getByRole('navigation').isVisible());
    // Table or empty state, once loaded.
    await page.locator('[data-testid="cases-table"], [data-testid="cases-empty"]').first().waitFor();
    await screenshot(page, '03-case-list');
    await assertAccessible(page, 'case list');
  });

  it('registers a person with a Vietnamese name and shows the case page with the reception record', async () => {
    await page.getByTestId('new-case').click();
    await page.waitForURL(/\/reception/);
    await page.getByRole('heading', { level: 1, name: /Tiếp nhận người mới/ }).waitFor();
    assert.match(await page.getByTestId('clause').textContent(), /II\.1\.a/);
    await assertAccessible(page, 'reception form');
    await screenshot(page, '04-reception-form');

    // Defaults. The reception time is left empty: it is then the moment of saving, not of opening.
    assert.equal(await page.locator('#f-reception-received_at').inputValue(), '');
    assert.equal(await page.locator('#f-reception-received_at-time').inputValue(), '');
    assert.equal(await page.locator('#f-person-nationality').inputValue(), 'VN');
    assert.equal(await page.locator('#f-person-preferred_staff_gender').inputValue(), 'any');
    assert.ok(await page.locator('#lang-opt-vi').isChecked());

    await page.getByLabel('Kênh chuyển đến').selectOption('border_guard');
    await page.getByLabel('Cơ quan, tổ chức chuyển đến').fill(AUTHORITY);
    await page.getByLabel('Căn cứ pháp lý').fill(LEGAL_BASIS);
    await page.getByRole('button', { name: 'Thêm giấy tờ' }).click();
    await page.getByLabel('Giấy tờ số 1', { exact: true }).fill(DOC1);
    await page.getByRole('button', { name: 'Thêm giấy tờ' }).click();
    await page.getByLabel('Giấy tờ số 2', { exact: true }).fill(DOC2);
    await page.getByRole('button', { name: 'Thêm giấy tờ' }).click();
    await page.getByRole('button', { name: 'Xóa giấy tờ số 3' }).click();
    assert.equal(await page.getByTestId('document-input').count(), 2);

    await page.getByLabel('Họ tên hoặc bí danh').fill(NAME);
    await page.locator('#f-person-sex').selectOption('female');
    await page.getByLabel('Tuổi ước tính').fill('15');
    await page.getByLabel('Nghi là trẻ em').check();
    await page.locator('#f-person-preferred_staff_gender').selectOption('female');
    await page.locator('#lang-opt-km').check();

    await page.getByTestId('reception-submit').click();
    await page.waitForURL(/\/cases\/[^/]+$/);
    const heading = page.getByTestId('case-code');
    await heading.waitFor();
    assert.match(await heading.textContent(), /HV-/);

    // The person and the reception record are the case file's details.
    await openSection(page, 'details');
    const person = page.getByTestId('person-summary');
    assert.match(await person.textContent(), new RegExp(NAME));
    assert.ok(await page.getByTestId('treated-as-child').isVisible(), 'treated-as-child badge shown');
    assert.match(await person.textContent(), /Nữ/);
    assert.match(await person.textContent(), /15 tuổi/);
    assert.match(await person.textContent(), /Việt Nam/);

    const rec = page.getByTestId('reception-record');
    const recText = await rec.textContent();
    assert.match(recText, /Bộ đội biên phòng/);
    assert.ok(recText.includes(AUTHORITY));
    assert.ok(recText.includes(LEGAL_BASIS));
    assert.ok(recText.includes(DOC1));
    assert.ok(recText.includes(DOC2));
    assert.ok((await page.getByTestId('recorded-by').textContent()).trim().length > 'Người lập biên bản'.length);
    await screenshot(page, '05-case-page');
    await assertAccessible(page, 'case page');
  });

  it('finds the person from the list with unaccented searches', async () => {
    await page.getByTestId('back-to-list').click();
    await page.waitForURL((u) => u.pathname === '/cases');
    const search = page.getByLabel('Tìm theo tên hoặc mã hồ sơ');

    await search.fill('dang');
    await page.waitForURL(/q=dang/);
    await waitUntil(async () => (await page.locator('[data-testid="case-row"] td.case-name mark').count()) > 0, 'rows for "dang"');
    const names = await page.locator('[data-testid="case-row"] td.case-name').allTextContents();
    assert.ok(names.length > 0, 'search "dang" returned rows');
    for (const n of names) assert.ok(foldVietnamese(n).includes('dang'), `row "${n}" matches "dang"`);

    const q = `duc hanh ${SUFFIX.toLowerCase()}`;
    await search.fill(q);
    const row = page.getByTestId('case-row').filter({ hasText: NAME });
    await waitUntil(
      async () => (await page.getByTestId('case-row').count()) === 1 && (await row.count()) === 1 && (await row.locator('mark').count()) > 0 &&
        (await row.locator('mark').allTextContents()).join('') === `Đức Hạnh ${SUFFIX}`,
      `exactly one row for "${q}" with the matched words highlighted`,
    );
    // Waits, as a person would: isVisible() answers at once, and lost a race with a re-render once in CI.
    await row.getByTestId('child-badge').waitFor({ state: 'visible' });
    await screenshot(page, '06-case-search');
    await assertAccessible(page, 'case list with search');

    // The children filter keeps her (she is 15); the overdue filter does not: she was received minutes ago.
    await page.getByTestId('filter-child').check();
    await page.waitForURL(/child=true/);
    await row.getByTestId('child-badge').waitFor({ state: 'visible' });
    await page.getByTestId('filter-overdue').check();
    await page.waitForURL(/overdue=true/);
    await page.getByTestId('cases-empty').waitFor();
    await page.getByTestId('filter-overdue').uncheck();
    await page.getByTestId('filter-child').uncheck();
    await page.waitForURL((u) => !u.search.includes('child='));

    await search.fill('zzqx no such person');
    await page.getByTestId('cases-empty').waitFor();
  });

  it('refuses a future birth date with a message beside the field, losing nothing', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Tiếp nhận người mới' }).click();
    await page.waitForURL(/\/reception/);
    await page.getByLabel('Cơ quan, tổ chức chuyển đến').fill(AUTHORITY);
    await page.getByLabel('Căn cứ pháp lý').fill(LEGAL_BASIS);
    await page.getByRole('button', { name: 'Thêm giấy tờ' }).click();
    await page.getByLabel('Giấy tờ số 1', { exact: true }).fill(DOC1);
    await page.getByLabel('Họ tên hoặc bí danh').fill(`${NAME} B`);
    const birth = page.getByLabel('Ngày sinh');
    await birth.fill(tomorrow());
    await page.getByTestId('reception-submit').click();

    const msg = page.getByTestId('error-person.birth_date');
    await msg.waitFor();
    assert.match(await msg.textContent(), /tương lai/);
    assert.equal(await birth.getAttribute('aria-invalid'), 'true');
    const describedBy = (await birth.getAttribute('aria-describedby')) ?? '';
    const msgId = await msg.getAttribute('id');
    assert.ok(describedBy.split(/\s+/).includes(msgId), 'birth date is described by its error message');
    assert.ok(await birth.evaluate((el) => el === document.activeElement), 'birth date field focused');
    assert.match(page.url(), /\/reception/);
    // Nothing typed is lost.
    assert.equal(await page.getByLabel('Họ tên hoặc bí danh').inputValue(), `${NAME} B`);
    assert.equal(await page.getByLabel('Cơ quan, tổ chức chuyển đến').inputValue(), AUTHORITY);
    assert.equal(await page.getByLabel('Căn cứ pháp lý').inputValue(), LEGAL_BASIS);
    assert.equal(await page.getByLabel('Giấy tờ số 1', { exact: true }).inputValue(), DOC1);
    assert.equal(await birth.inputValue(), tomorrow());
    await screenshot(page, '07-reception-error');
    await assertAccessible(page, 'reception form with error');
  });

  it('switches to English: labels, messages and <html lang> follow, typed values stay', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: /Register a new person/ }).waitFor();
    // Waited for, not sampled: the page re-renders in the new language in steps.
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.getByLabel('Date of birth').waitFor();
    await page.getByLabel('Referring authority or organisation').waitFor();
    assert.match(await page.getByTestId('error-person.birth_date').textContent(), /future/);
    assert.equal(await page.getByLabel('Name or alias').inputValue(), `${NAME} B`);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await screenshot(page, '08-reception-english');
    await assertAccessible(page, 'reception form (English)');

    // The refused registration is still in its form, unsaved: leaving it is asked first.
    const asked = answerNextQuestion(page);
    await page.getByRole('navigation').getByRole('link', { name: 'Cases' }).click();
    assert.equal((await asked).message, 'What you typed on this page is not saved. Leave anyway?');
    await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
    await page.getByRole('columnheader', { name: 'Case code' }).waitFor();
    await assertAccessible(page, 'case list (English)');
  });

  it('signs out and lands on the sign-in page', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    // The session is gone: protected pages send us back to sign-in.
    await page.goto(`${BASE_URL}/cases`);
    await page.waitForURL(/\/signin/);
    await page.getByLabel('Username').waitFor();
    await screenshot(page, '09-signed-out');
  });

  it('caused no CSP violation or script error', () => {
    assert.deepEqual(ctx.problems, []);
  });
});
