// A whole case in the browser, from reception to closure, as the case worker runs it: every record
// through its form, every move through its button; the identification interview refused before
// care (II.1.e), beside its move and above its form before anything is typed, and the closure refused
// without its checklist (II.8.c), both shown before anyone tries; the case file in English; axe-core on the case file at each step, on a desktop and a phone.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { apiClient, assertAccessible, BASE_URL, launch, newCaseBody, newPage, openSection, pickRecord, randomWord, requireEnv, screenshot, signIn, USER } from './helpers.mjs';

const NAME = `Lê Thị Mai ${randomWord(4)}`;
/** The timeline's entries for records saved through the forms: the stage moves the server records are counted apart. */
const RECORDS_ON_TIMELINE = '.timeline-item:not([data-testid="record-stage_move"])';

describe('the case file, from reception to closure', { timeout: 240_000 }, () => {
  let browser;
  let ctx;
  let page;
  let caseId;
  let saved = 0;
  let moved = 0;

  before(async () => {
    requireEnv();
    const worker = await apiClient(USER);
    caseId = (await worker.post('/cases', newCaseBody(NAME))).id;
    browser = await launch();
    ctx = await newPage(browser);
    page = ctx.page;
    await page.goto(`${BASE_URL}/cases/${caseId}`);
    await page.waitForURL(/\/signin/);
    await signIn(page);
    await page.getByTestId('case-detail').waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  const stage = (text) => page.getByTestId('case-stage').filter({ hasText: text }).waitFor();

  /** The moves are on the overview. */
  async function toOverview() {
    if (!(await page.getByTestId('case-section-overview').count())) await openSection(page, 'overview');
  }

  async function move(action, stageText) {
    await toOverview();
    const button = page.getByTestId(`move-button-${action}`);
    assert.equal(await button.getAttribute('aria-disabled'), null, `${action} should be allowed`);
    await button.click();
    await stage(stageText);
    await page.getByTestId(`move-button-${action}`).waitFor({ state: 'detached' });
    moved += 1;
  }

  async function add(type, fill) {
    await pickRecord(page, type);
    const form = page.getByTestId(`form-${type}`);
    await form.waitFor();
    await fill(form);
    await page.getByTestId('record-submit').click();
    await page.getByTestId('record-saved').waitFor();
    saved += 1;
    await openSection(page, 'timeline');
    await page.waitForFunction(([records, n]) => document.querySelectorAll(records).length === n, [RECORDS_ON_TIMELINE, saved]);
  }

  const check = (...names) => async (form) => {
    for (const n of names) await form.locator(`#rf-${n}`).check();
  };

  it("lists the case's tasks on my work, each with its clause", async () => {
    await page.goto(`${BASE_URL}/`);
    const mine = page.getByTestId('work-case').filter({ hasText: NAME });
    await mine.waitFor();
    const tasks = page.getByTestId('work-task').filter({ hasText: NAME });
    assert.ok((await tasks.count()) > 0, 'reception starts the clocks of the standard');
    assert.match(await tasks.first().textContent(), /\b(I|II|III)\.\d\.[a-z]\b/);
    await assertAccessible(page, 'my work');
    await screenshot(page, '10-my-work');
    await mine.getByRole('link').click();
    await page.getByTestId('case-detail').waitFor();
  });

  it('opens with the person, the stage and what is due', async () => {
    await stage('Đã tiếp nhận');
    assert.match(await page.getByTestId('header-name').textContent(), new RegExp(NAME));
    assert.match(await page.getByTestId('header-consent').textContent(), /Chưa có sự đồng ý/);
    assert.ok((await page.getByTestId('next-steps').locator('li').count()) > 0, 'reception starts the clocks of the standard');
    await assertAccessible(page, 'case file (received)');
    await screenshot(page, '20-case-file-received');
    await openSection(page, 'tasks');
    assert.ok((await page.getByTestId('tasks').locator('li').count()) > 0, 'every task in the tasks section');
    await page.getByTestId('compliance-summary').waitFor();
    await assertAccessible(page, 'case file (received, tasks)');
  });

  it('refuses the identification interview before care (II.1.e), beside the button and above its form before typing', async () => {
    await move('begin_care', 'Đang chăm sóc');
    // The move is on the timeline, in words (the server records it).
    await openSection(page, 'timeline');
    await page.getByTestId('record-stage_move').getByText('Chuyển giai đoạn: Đã tiếp nhận → Đang chăm sóc', { exact: true }).waitFor();
    await openSection(page, 'overview');
    const why = page.getByTestId('move-why-begin_identification');
    assert.equal(await page.getByTestId('move-button-begin_identification').getAttribute('aria-disabled'), 'true');
    assert.match(await why.textContent(), /II\.1\.e/);
    assert.match(await why.textContent(), /khám sức khỏe và một buổi tư vấn tâm lý/);
    // Pressed from the keyboard, a refused move does nothing: the case stays in care.
    await page.getByTestId('move-button-begin_identification').focus();
    await page.keyboard.press('Enter');
    await stage('Đang chăm sóc');

    // The record itself is refused too, with the clause, before anyone types: its fields stay closed.
    await pickRecord(page, 'identification_interview');
    await page.getByTestId('record-checks').getByTestId('check-clause').filter({ hasText: 'II.1.e' }).waitFor();
    assert.ok(await page.locator('#rf-place').isDisabled());
    assert.ok(await page.getByTestId('record-submit').isDisabled());
    await assertAccessible(page, 'case file (II.1.e refused)');
    await screenshot(page, '21-case-file-identification-refused');
    await openSection(page, 'timeline');
    // The refused interview wrote nothing: the timeline holds only the move into care.
    assert.deepEqual(await page.locator('.timeline-item').evaluateAll((items) => items.map((i) => i.dataset.testid)), ['record-stage_move']);
  });

  it('records care, then identification is allowed', async () => {
    // Nothing was typed into the refused interview: another form opens without a question.
    await add('health_check', async (f) => {
      await f.locator('#rf-by_medical_staff').check();
      await f.locator('#rf-findings').fill('Không có bệnh cấp tính');
    });
    await add('counselling_session', async (f) => f.locator('#rf-condition_observed').fill('Mệt, bình tĩnh hơn'));
    await add('intake_assessment', async (f) => f.locator('#rf-physical').fill('Gầy, mệt'));
    await add('orientation', check('layout', 'rules', 'necessary_information'));
    await toOverview();
    assert.equal(await page.getByTestId('move-button-begin_identification').getAttribute('aria-disabled'), null);
    await move('begin_identification', 'Xác minh nạn nhân');
    await add('identification_interview', async (f) => {
      await f.locator('#rf-place').fill('Phòng tư vấn số 2');
      await f.locator('#rf-people_present').fill('Cán bộ xã hội\nPhiên dịch viên');
    });
    const item = page.getByTestId('record-identification_interview');
    assert.match(await item.textContent(), /Cán bộ xã hội, Phiên dịch viên/);
    assert.match(await item.textContent(), /Trần Văn Minh/, 'the timeline names who recorded it');
  });

  it('assesses, plans with the victim, and begins reintegration', async () => {
    await move('begin_assessment', 'Đánh giá');
    await add('return_risk_assessment', async (f) => {
      await f.locator('#rf-level').selectOption('medium');
      await f.locator('#rf-findings').fill('Gia đình ủng hộ');
    });
    await move('begin_planning', 'Lập kế hoạch');
    await add('identified_need', async (f) => f.locator('#rf-need').fill('Thu nhập ổn định'));
    await add('reintegration_plan', async (f) => {
      await f.locator('#rf-final').check();
      await f.locator('#rf-purposes').fill('Trở về gia đình an toàn');
      await f.locator('#rf-challenges').fill('Nợ, kỳ thị trong thôn');
      await f.locator('#rf-procedures').fill('Học nghề may, hỗ trợ tâm lý hằng tháng');
      await f.locator('#rf-time_frame').fill('6 tháng');
      await f.locator('#rf-providers').fill('Hội Liên hiệp Phụ nữ huyện\nTrung tâm dạy nghề');
      await f.locator('#rf-strengths').fill('Kiên trì');
      await f.locator('#rf-abilities').fill('May vá');
      await f.locator('#rf-aspirations').fill('Mở tiệm may');
      await f.locator('#rf-resources').fill('Gia đình có đất');
      await f.locator('#rf-risk_assessment_id').selectOption({ index: 1 });
      await f.locator('#rf-victim_participated').check();
      await f.locator('#rf-victim_views').fill('Đồng ý, muốn học nghề sau Tết');
      const row = f.getByTestId('plan-action-0');
      await row.locator('select').selectOption({ index: 1 });
      await row.locator('input').fill('Học nghề may');
    });
    // Reintegration waits for the victim's own choice of where to go (II.7.a) and more.
    await toOverview();
    assert.match(await page.getByTestId('move-why-begin_reintegration').textContent(), /II\.7\.a/);
    await add('reintegration_decision', async (f) => {
      await f.locator('#rf-destination').selectOption('own_family');
      await f.locator('#rf-chosen_by_victim').check();
      await f.locator('#rf-victim_views').fill('Muốn về nhà bố mẹ');
    });
    await add('recovery_assessment', async (f) => f.locator('#rf-findings').fill('Hồi phục tốt'));
    await add('location_safety_assessment', async (f) => {
      await f.locator('#rf-place').fill('Nhà bố mẹ, xã An Phú');
      await f.locator('#rf-safe').check();
    });
    await add('safety_guidance', async (f) => {
      await f.locator('#rf-to_victim').check();
      await f.locator('#rf-to_family').check();
      await f.locator('#rf-topics').fill('An toàn khi đi làm xa');
    });
    await move('begin_reintegration', 'Tái hòa nhập');
    await move('begin_monitoring', 'Theo dõi');
  });

  it('refuses closure without its checklist (II.8.c), then closes', async () => {
    await add('follow_up_contact', async (f) => {
      await f.locator('#rf-channel').selectOption('local_authority');
      await f.locator('#rf-notes').fill('Xã xác nhận ổn định');
    });
    await toOverview();
    assert.equal(await page.getByTestId('move-button-close').getAttribute('aria-disabled'), 'true');
    assert.match(await page.getByTestId('move-why-close').textContent(), /II\.8\.c/);
    await assertAccessible(page, 'case file (II.8.c refused)');
    await screenshot(page, '22-case-file-closure-refused');
    await add('closure_checklist', async (f) => {
      await check('health_improved', 'psychological_condition_stable', 'confident_in_family_and_community',
        'economic_prospects_assessed', 'discrimination_risks_assessed', 'victim_agreed')(f);
      await f.locator('#rf-victim_views').fill('Sẵn sàng tự lo, cảm ơn trung tâm');
    });
    await move('close', 'Đã đóng');
    await page.getByTestId('case-moved').waitFor();
    // Each stage began on the timeline, from reception to closure.
    await openSection(page, 'timeline');
    assert.equal(await page.getByTestId('record-stage_move').count(), moved);
    await openSection(page, 'overview');
    assert.equal(await page.getByTestId('move-button-reopen').getAttribute('aria-disabled'), null);
    assert.match(await page.getByTestId('next-steps').textContent(), /Không có việc nào đến hạn/);
    await screenshot(page, '23-case-file-closed');
  });

  it("prints the victim's progress (I.4.d) and the services sheet (I.4.a) in her language", async () => {
    await page.getByTestId('link-progress').click();
    const sheet = page.getByTestId('victim-sheet');
    await sheet.waitFor();
    await page.getByTestId('progress-done').waitFor();
    assert.equal(await sheet.getAttribute('lang'), 'vi', 'her language is Vietnamese');
    assert.match(await page.getByTestId('progress-done').textContent(), /Bạn đã được khám sức khỏe/);
    await page.getByTestId('sheet-language').selectOption('en');
    await page.getByTestId('progress-done').filter({ hasText: 'You had a health check.' }).waitFor();
    assert.equal(await sheet.getAttribute('lang'), 'en');
    assert.match(await page.getByRole('heading', { level: 1 }).textContent(), /Your support so far/);
    assert.match(await page.getByText('Ngôn ngữ của phiếu').textContent(), /Ngôn ngữ/, 'the screen around the sheet stays in the worker\'s language');
    await assertAccessible(page, 'progress sheet');
    await screenshot(page, '26-progress-sheet');
    await page.goBack();
    await page.getByTestId('case-detail').waitFor();
    await page.getByTestId('link-services').click();
    await page.getByTestId('sheet-services').waitFor();
    assert.equal(await page.getByTestId('sheet-services').locator('li').count(), 7);
    await assertAccessible(page, 'services sheet');
    await screenshot(page, '27-services-sheet');
    await page.goBack();
    await page.getByTestId('case-detail').waitFor();
  });

  it('reads in English, and on a phone', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await openSection(page, 'tasks');
    await page.getByRole('heading', { level: 2, name: 'Compliance with the standard' }).waitFor();
    await openSection(page, 'timeline');
    await page.getByRole('heading', { level: 2, name: 'Timeline' }).first().waitFor();
    assert.match(await page.getByTestId('case-stage').textContent(), /Closed/);
    assert.match(await page.getByTestId('record-closure_checklist').textContent(), /Closure checklist/);
    await page.getByTestId('record-stage_move').getByText('Stage moved: Monitoring → Closed', { exact: true }).waitFor();
    await assertAccessible(page, 'case file (English)');
    await screenshot(page, '24-case-file-english');
    await page.getByRole('navigation').getByRole('link', { name: 'My work' }).click();
    await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
    await page.getByTestId('work-cases').filter({ hasText: NAME }).waitFor();
    await page.getByTestId('work-case').filter({ hasText: NAME }).getByRole('link').click();
    await page.getByTestId('case-detail').waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the case file fits a phone's width (overflow ${overflow}px)`);
    await assertAccessible(page, 'case file (phone)');
    await screenshot(page, '25-case-file-phone');
    assert.deepEqual(ctx.problems, []);
  });
});
