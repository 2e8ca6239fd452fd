// The centre head staffs cases from her queue (issue 19), in Chromium: a case short of a counsellor
// is listed by its code; she assigns a screened counsellor, once she has confirmed the declaration of
// no conflict of interest (III.2.c, refused beside the box without it), without breaking the glass;
// the case then needs a case worker (whoever received the person is on it only until the first
// assignment, I.3.c), and once she has assigned one it leaves the queue; an unscreened counsellor is shown as such and cannot be picked
// (III.1.b); a counsellor who does not match the person's wishes is assigned once she writes why
// (I.2.b, the server's words beside the reason); the page fits a phone, a tablet and a laptop, and
// reads in English.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addStaff } from './staff.mjs';
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
} from './helpers.mjs';

const suffix = randomWord(4);
const daysAgo = (n) => new Date(Date.now() - n * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');

/** A case the case worker registers (so it has her, and lacks a counsellor), received `days` ago:
 * among the longest waiting, whatever the other tests left in the queue. */
async function caseShortOfACounsellor(worker, name, days) {
  const body = newCaseBody(name);
  body.reception.received_at = daysAgo(days);
  return worker.post('/cases', body);
}

describe("the head's staffing queue", { timeout: 240_000 }, () => {
  let browser;
  let ctx;
  let page;
  let worker;
  let head;
  let counsellor;
  let unscreened;
  let man;
  let first;
  let second;
  let third;

  before(async () => {
    requireEnv();
    worker = await apiClient(USER);
    head = await apiClient(HEAD_USER);
    counsellor = await addStaff({ display_name: `Đinh Thị Thu ${suffix}`, role: 'counsellor', qualifications: ['counselling'] });
    unscreened = await addStaff({ display_name: `Lê Thị Tư ${suffix}`, role: 'counsellor', screened: false });
    man = await addStaff({ display_name: `Hoàng Văn Nam ${suffix}`, role: 'counsellor', sex: 'male' });
    first = await caseShortOfACounsellor(worker, `Vàng Thị Mai ${suffix}`, 30);
    second = await caseShortOfACounsellor(worker, `Lù Thị Sen ${suffix}`, 29);
    third = await caseShortOfACounsellor(worker, `Thào Thị Pà ${suffix}`, 28);
    browser = await launch();
    ctx = await newPage(browser);
    page = ctx.page;
    await page.goto(`${BASE_URL}/`);
    await page.waitForURL(/\/signin/);
    await signIn(page, { username: HEAD_USER });
    await page.getByTestId('site-header').waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  const card = (c) => page.getByTestId('staffing-case').filter({ hasText: c.code });
  const openForm = async (c) => {
    await card(c).getByTestId('staffing-open').click();
    const form = card(c).getByTestId('assign-form');
    await form.waitFor();
    return form;
  };
  const candidate = (form, who) => form.getByTestId('candidate').filter({ hasText: who.display_name });
  const inQueue = async (c) => (await head.get('/centre/staffing')).cases.find((x) => x.id === c.id);

  it('assigns a counsellor then a case worker without break-glass, each once the declaration is confirmed, and the case leaves the queue', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Phân công cán bộ' }).click();
    await page.getByTestId('staffing').waitFor();
    assert.equal(await page.locator('h1').textContent(), 'Phân công cán bộ');
    assert.equal(await card(first).getByTestId('staffing-missing').textContent(), 'Tư vấn viên');
    assert.match(await card(first).textContent(), /Chờ từ\d\d\/\d\d\/\d{4} \d\d:\d\d \(30 ngày\)/);

    const form = await openForm(first);
    // What the case lacks comes first: the counsellors, marked as needed.
    const groups = form.locator('[data-testid^="candidates-"]');
    assert.equal(await groups.first().getAttribute('data-testid'), 'candidates-counsellor');
    assert.match(await groups.first().locator('legend').textContent(), /Tư vấn viên\s*hồ sơ đang thiếu/);
    await candidate(form, counsellor).getByLabel(counsellor.display_name).check();
    assert.equal(await candidate(form, counsellor).getByTestId('candidate-screening').textContent(), 'Đã thẩm tra khi tuyển dụng (III.1.b)');
    assert.match(await candidate(form, counsellor).getByTestId('candidate-facts').textContent(), /^Nữ · Ngôn ngữ: [Tt]iếng Việt · \d+ hồ sơ đang mở$/);

    // Without the declaration: said beside its box, nothing stored.
    await form.getByTestId('assign-submit').click();
    const declaration = form.getByLabel(`${counsellor.display_name} đã cam kết với tôi là không có xung đột lợi ích với người được hỗ trợ trong hồ sơ này (III.2.c).`);
    await form.getByText('Cần có cam kết này: không ai được phụ trách hồ sơ khi chưa cam kết (III.2.c).').waitFor();
    assert.equal(await declaration.evaluate((e) => e === document.activeElement), true, 'the box has the focus');
    assert.deepEqual((await inQueue(first))?.missing, ['counsellor'], 'nothing was stored');
    await assertAccessible(page, 'the staffing queue, assigning');
    await screenshot(page, '97-staffing-assign');

    await declaration.check();
    await form.getByTestId('assign-submit').click();
    const done = page.getByTestId('staffing-done');
    await done.waitFor();
    assert.equal(await done.textContent(), `Đã phân công ${counsellor.display_name} cho hồ sơ ${first.code}. Hồ sơ vẫn còn thiếu: Cán bộ quản lý hồ sơ.`);
    assert.equal(await done.evaluate((e) => e === document.activeElement), true, 'what happened has the focus');
    // Whoever received her was on the case until this first assignment: now it needs its case worker.
    assert.equal(await card(first).getByTestId('staffing-missing').textContent(), 'Cán bộ quản lý hồ sơ');

    const again = await openForm(first);
    assert.equal(await again.locator('[data-testid^="candidates-"]').first().getAttribute('data-testid'), 'candidates-case_worker');
    await candidate(again, worker.user).getByLabel(worker.user.display_name).check();
    await again.getByLabel(`${worker.user.display_name} đã cam kết`, { exact: false }).check();
    await again.getByTestId('assign-submit').click();
    await done.filter({ hasText: worker.user.display_name }).waitFor();
    assert.equal(await done.textContent(), `Đã phân công ${worker.user.display_name} cho hồ sơ ${first.code}. Hồ sơ đã đủ cán bộ và không còn trong danh sách.`);
    assert.equal(await card(first).count(), 0, 'the case left the queue');
    assert.equal(await inQueue(first), undefined);

    const records = (await worker.get(`/cases/${first.id}/records`)).items;
    const assigned = records.filter((r) => r.type === 'staff_assignment');
    // Both saved within a second or so: the records' order between them is not the point.
    assert.deepEqual(assigned.map((r) => [r.body.staff_id, r.recorded_by, r.body.no_conflict_of_interest]).sort(), [
      [counsellor.id, head.user.id, true],
      [worker.user.id, head.user.id, true],
    ].sort());
    assert.equal(records.some((r) => r.type === 'break_glass'), false, 'no break-glass');
    assert.deepEqual(ctx.problems, []);
  });

  it('shows an unscreened counsellor as such, and does not let her be picked (III.1.b)', async () => {
    const form = await openForm(second);
    const them = candidate(form, unscreened);
    assert.equal(await them.getByTestId('candidate-screening').textContent(),
      'Chưa thẩm tra khi tuyển dụng (III.1.b): chưa thể phân công cho đến khi việc thẩm tra được ghi nhận ở trang Trung tâm.');
    const radio = them.getByRole('radio');
    assert.equal(await radio.isDisabled(), true);
    await them.locator('label').click({ force: true });
    assert.equal(await radio.isChecked(), false, 'a click on her name does not pick her');
    // The reason is part of what a screen reader says of her.
    assert.match((await radio.getAttribute('aria-describedby')) ?? '', /screening/);
    await assertAccessible(page, 'the staffing queue, an unscreened counsellor');
    await screenshot(page, '98-staffing-unscreened');
  });

  it("asks for the reason beside its box when the counsellor does not match the person's wishes (I.2.b), and assigns once written", async () => {
    const form = card(second).getByTestId('assign-form');
    await candidate(form, man).getByLabel(man.display_name).check();
    await form.getByLabel(`${man.display_name} đã cam kết`, { exact: false }).check();
    await form.getByTestId('assign-submit').click();
    const said = form.getByTestId('assign-reason-error');
    await said.waitFor();
    assert.match(await said.textContent(), /^Nạn nhân mong muốn được hỗ trợ bởi cán bộ có giới tính khác \(điều khoản I\.2\.b\)/);
    const reason = form.getByLabel('Lý do chọn người này (không bắt buộc)');
    assert.equal(await reason.evaluate((e) => e === document.activeElement), true);
    assert.ok(await inQueue(second), 'nothing was stored');

    await reason.fill('Không còn tư vấn viên nữ; một cán bộ nữ cùng dự các buổi tư vấn');
    await form.getByTestId('assign-submit').click();
    await page.getByTestId('staffing-done').filter({ hasText: man.display_name }).waitFor();
    assert.deepEqual((await inQueue(second))?.missing, ['case_worker'], 'he is on it');
    // Read by him: the case worker who received her is off the case since this first assignment.
    const him = await apiClient(man.username);
    const assigned = (await him.get(`/cases/${second.id}/records`)).items.find((r) => r.type === 'staff_assignment');
    assert.equal(assigned.body.matching_reason, 'Không còn tư vấn viên nữ; một cán bộ nữ cùng dự các buổi tư vấn');
  });

  it('fits a phone, a tablet and a laptop without sideways scrolling, and reads in English', async () => {
    for (const [width, height] of [[390, 844], [768, 1024], [1366, 768]]) {
      await page.setViewportSize({ width, height });
      await page.goto(`${BASE_URL}/centre/staffing`);
      await openForm(third);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no sideways scrolling at ${width}×${height} (${overflow}px too wide)`);
      await screenshot(page, `99-staffing-${width}`);
    }
    await assertAccessible(page, 'the staffing queue on a laptop');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Staffing' }).waitFor();
    const form = card(third).getByTestId('assign-form');
    assert.equal(await candidate(form, unscreened).getByTestId('candidate-screening').textContent(),
      'Not screened (III.1.b): cannot be assigned until the recruitment screening is recorded on the centre page.');
    await form.getByText(`Who will work on case ${third.code}?`).waitFor();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  });
});
