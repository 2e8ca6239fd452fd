// Case-level access (I.3.c): a case worker cannot open a case she is not assigned to; the centre
// head may break the glass, with a reason and a time limit, and the case then says so.
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
} from './helpers.mjs';

describe('case-level access', { timeout: 90_000 }, () => {
  let browser;
  let headsCase; // registered by the head: the worker is not on it
  let workersCase; // registered by the worker: the head is not on it

  before(async () => {
    requireEnv();
    assert.ok(HEAD_USER, 'HAVEN_TEST_HEAD names the centre head account');
    const head = await apiClient(HEAD_USER);
    const worker = await apiClient(process.env.HAVEN_TEST_USER);
    headsCase = await head.post('/cases', newCaseBody(`Hà Thị Kín ${randomWord()}`));
    workersCase = await worker.post('/cases', newCaseBody(`Vũ Thị Khẩn ${randomWord()}`));
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
  });

  it('a case worker cannot open a case she is not assigned to, and is told whom to ask', async () => {
    const { page, problems } = await newPage(browser);
    await page.goto(`${BASE_URL}/signin`);
    await signIn(page);
    await page.getByTestId('my-work').waitFor();
    await page.goto(`${BASE_URL}/cases`);
    // Not in her list either.
    await page.getByTestId('cases-count').waitFor();
    assert.equal(await page.getByText(headsCase.person.name).count(), 0);
    await page.goto(`${BASE_URL}/cases/${headsCase.id}`);
    const error = page.getByTestId('case-error');
    await error.waitFor();
    const text = await error.innerText();
    assert.match(text, /I\.3\.c/);
    assert.match(text, /Giám đốc/);
    assert.equal(await page.getByText(headsCase.person.name).count(), 0, 'no part of the file is shown');
    assert.equal(await page.getByTestId('break-glass-form').count(), 0, 'only the head may break the glass');
    await assertAccessible(page, 'case refused (I.3.c)');
    await screenshot(page, 'access-refused');
    assert.deepEqual(problems, []);
  });

  it("the centre head's break-glass needs a reason, opens the case and shows on it", async () => {
    const { page, problems } = await newPage(browser);
    await page.goto(`${BASE_URL}/signin`);
    await signIn(page, { username: HEAD_USER });
    await page.getByTestId('my-work').waitFor();
    await page.goto(`${BASE_URL}/cases`);
    // Her list holds the case by its code, without the person's name.
    const row = page.getByTestId('case-row').filter({ hasText: workersCase.code });
    await row.waitFor();
    assert.match(await row.getByTestId('not-on-case').innerText(), /không được phân công/i);
    await row.getByRole('link', { name: workersCase.code }).click();
    const form = page.getByTestId('break-glass-form');
    await form.waitFor();
    await assertAccessible(page, 'break-glass form');
    await screenshot(page, 'break-glass-form');
    await page.getByTestId('break-glass-submit').click();
    await page.getByText('Hãy ghi lý do bạn cần mở hồ sơ này ngay bây giờ.').waitFor();
    await page.getByTestId('break-glass-reason').fill('Mẹ nạn nhân báo bị đe doạ lúc 21 giờ; cán bộ phụ trách nghỉ ốm');
    await page.getByTestId('break-glass-submit').click();
    const banner = page.getByTestId('break-glass-banner');
    await banner.waitFor();
    assert.match(await banner.innerText(), /khẩn cấp/i);
    assert.equal(await page.getByTestId('header-name').innerText().then((t) => t.includes(workersCase.person.name)), true);
    await assertAccessible(page, 'case opened by break-glass');
    await screenshot(page, 'break-glass-opened');
    assert.deepEqual(problems, []);
  });
});
