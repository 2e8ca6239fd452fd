// Possible duplicates at reception (issue 18), in Chromium: a woman registered as "Đặng Thị Hoa", born
// 2001, comes back, and a worker starts her registration again as "đặng thị HOA" born in 2001. Before
// anything is registered the page says that this centre may already have her, by case code and
// reception date (dd/mm/yyyy HH:mm, in Vietnamese and in English); "stop" registers nothing and keeps
// the form as typed, its draft too; "register anyway" registers her, telling the server the codes
// she was shown. When the check itself cannot be made, the page says so, and the worker checks again
// or registers anyway, with nothing typed lost.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiClient,
  assertAccessible,
  BASE_URL,
  launch,
  newCaseBody,
  newPage,
  randomWord,
  requireEnv,
  screenshot,
  signIn,
  USER,
  vietnamDateTime,
  waitUntil,
} from './helpers.mjs';

const WORD = randomWord(6);
const FIRST = `Đặng Thị Hoa ${WORD}`;
const AGAIN = `đặng thị HOA ${WORD.toLowerCase()}`;
const AUTHORITY = 'Đồn Biên phòng cửa khẩu Lào Cai';
const LEGAL_BASIS = 'Biên bản tiếp nhận số 21/BB-BP';

describe('possible duplicates at reception', { timeout: 180_000 }, () => {
  let browser;
  let ctx;
  let page;
  let worker;
  let first;
  const registrations = [];

  before(async () => {
    requireEnv();
    worker = await apiClient(USER);
    // One reception draft a person: another test's left unsaved would be offered first.
    await worker.del('/drafts/reception').catch(() => undefined);
    const body = newCaseBody(FIRST);
    first = await worker.post('/cases', { ...body, person: { ...body.person, birth_date: '2001-03-04' } });
    browser = await launch();
    ctx = await newPage(browser);
    page = ctx.page;
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/cases') registrations.push(r.postDataJSON());
    });
    await page.goto(`${BASE_URL}/reception`);
    await page.waitForURL(/\/signin/);
    await signIn(page);
    await page.getByTestId('reception-form').waitFor();
  });

  after(async () => {
    await browser?.close();
    await worker?.del('/drafts/reception').catch(() => undefined);
  });

  const casesNamed = async () => (await worker.get(`/cases?q=${encodeURIComponent(WORD)}`)).total;
  const receivedOn = (c) => vietnamDateTime(Date.parse(c.reception.received_at));
  const panel = () => page.getByTestId('duplicates');
  const listed = async () => page.getByTestId('duplicate').allTextContents();

  it('warns, before registering, that the centre may already have her, by code and reception date, and stops when asked', async () => {
    await page.getByLabel('Cơ quan, tổ chức chuyển đến').fill(AUTHORITY);
    await page.getByLabel('Căn cứ pháp lý').fill(LEGAL_BASIS);
    await page.getByLabel('Họ tên hoặc bí danh').fill(AGAIN);
    await page.locator('#f-person-birth_date').fill('15/08/2001');
    await page.getByTestId('reception-submit').click();

    await panel().waitFor();
    assert.equal(await panel().getByRole('heading').textContent(), 'Có thể người này đã có hồ sơ trước đây tại trung tâm');
    assert.deepEqual(await listed(), [`Hồ sơ ${first.code}, tiếp nhận lúc ${receivedOn(first)}`]);
    assert.ok(await panel().evaluate((el) => el === document.activeElement), 'the warning takes the focus');
    assert.equal(registrations.length, 0, 'nothing sent to be registered');
    assert.equal(await casesNamed(), 1);
    assert.match(page.url(), /\/reception$/);
    await assertAccessible(page, 'the warning of possible earlier cases');
    await screenshot(page, '90-reception-possible-duplicates');

    await page.getByRole('button', { name: 'Dừng lại, chưa lưu' }).click();
    await panel().waitFor({ state: 'detached' });
    assert.equal(await page.getByLabel('Họ tên hoặc bí danh').inputValue(), AGAIN, 'the form as typed');
    assert.equal(await page.locator('#f-person-birth_date').inputValue(), '15/08/2001');
    assert.equal(await page.getByLabel('Cơ quan, tổ chức chuyển đến').inputValue(), AUTHORITY);
    assert.equal(await page.getByLabel('Căn cứ pháp lý').inputValue(), LEGAL_BASIS);
    assert.ok(await page.getByLabel('Họ tên hoặc bí danh').evaluate((el) => el === document.activeElement), 'back at the name');
    // Its draft is kept as for any text typed.
    await waitUntil(async () => (await worker.get('/drafts/reception')).content.person.name === AGAIN, 'the draft of the form kept');
    assert.equal(registrations.length, 0);
    assert.equal(await casesNamed(), 1, 'nothing registered');
  });

  it('says it in English too, dates day first, and registers her anyway, naming the case she was shown', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Save reception record' }).click();
    await panel().waitFor();
    assert.equal(await panel().getByRole('heading').textContent(), 'Possible earlier cases of this person at this centre');
    assert.deepEqual(await listed(), [`Case ${first.code}, received ${receivedOn(first)}`]);
    assert.match(receivedOn(first), /^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);
    await assertAccessible(page, 'the warning of possible earlier cases, in English');

    await page.getByRole('button', { name: 'Register anyway' }).click();
    await page.getByTestId('case-created').waitFor();
    assert.equal(registrations.length, 1);
    assert.deepEqual(registrations[0].possible_duplicates_seen, [first.code]);
    assert.equal(registrations[0].person.name, AGAIN);
    assert.equal(registrations[0].person.birth_date, '2001-08-15');
    assert.equal(await casesNamed(), 2, 'registered');
    await assert.rejects(worker.get('/drafts/reception'), / 404 /, 'the draft went with the registration');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  });

  it('says when the check cannot be made, keeps the form, and checks again: the same words in any order', async () => {
    const second = (await worker.get(`/cases?q=${encodeURIComponent(WORD)}`)).items.find((c) => c.code !== first.code);
    await page.goto(`${BASE_URL}/reception`);
    await page.getByTestId('reception-form').waitFor();
    await page.route('**/api/v1/cases/possible-duplicates', (route) => route.abort('connectionreset'));
    await page.getByLabel('Cơ quan, tổ chức chuyển đến').fill(AUTHORITY);
    await page.getByLabel('Căn cứ pháp lý').fill(LEGAL_BASIS);
    // No birth date: every earlier case of the name.
    const name = `${WORD} Hoa Thị ĐẶNG`;
    await page.getByLabel('Họ tên hoặc bí danh').fill(name);
    await page.getByTestId('reception-submit').click();
    const failed = page.getByTestId('duplicates-failed');
    await failed.waitFor();
    assert.match(await failed.textContent(), /^Chưa kiểm tra được các hồ sơ trước đây của người này: Không kết nối được tới máy chủ/);
    assert.equal(await page.getByLabel('Họ tên hoặc bí danh').inputValue(), name, 'nothing typed is lost');
    assert.equal(registrations.length, 1, 'nothing sent to be registered');
    await assertAccessible(page, 'the check of earlier cases failed');
    await screenshot(page, '91-reception-duplicates-check-failed');

    await page.unroute('**/api/v1/cases/possible-duplicates');
    await failed.getByRole('button', { name: 'Kiểm tra lại' }).click();
    await panel().waitFor();
    const items = await listed();
    assert.equal(items.length, 2);
    for (const c of [first, second]) {
      assert.ok(items.some((text) => text.startsWith(`Hồ sơ ${c.code}, tiếp nhận lúc `)), `${c.code} listed: ${items}`);
    }
    await page.getByRole('button', { name: 'Dừng lại, chưa lưu' }).click();
    await panel().waitFor({ state: 'detached' });
    assert.equal(registrations.length, 1);
    assert.equal(await casesNamed(), 2);
    assert.deepEqual(ctx.problems, []);
  });
});
