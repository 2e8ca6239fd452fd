// Sessions that respect the work (issue 18), in Chromium: typing keeps the session alive (a
// keep-alive, or the draft sent once the typing stops) and a page left alone does not; a warning comes two minutes before the idle limit and "stay signed in" keeps
// the session; when the session ends the page stays under a sign-in dialog, and a counselling note
// typed while it ended is saved once its writer signs in again; another person signing in there
// never sees it; leaving a form with unsaved text asks first; near the absolute limit the warning
// says to save, since nothing keeps the session. Minutes pass on the page's clock (installed before
// the page loads) in a moment; the server's clock is left alone.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerNextQuestion,
  apiClient,
  caseInCare,
  assertAccessible,
  BASE_URL,
  endSessionOf,
  HEAD_USER,
  launch,
  LEAVE_DRAFT_KEPT,
  LEAVE_UNSAVED,
  newPage,
  randomWord,
  requireEnv,
  screenshot,
  sessionChecksOf,
  signIn,
  signInAgain,
  signInDialog,
  USER,
  vietnamDateTime,
  openSection,
  pickRecord,
  pressPick,
} from './helpers.mjs';

const NAME = `Lò Thị Chiên ${randomWord(4)}`;
const MINUTE = 60_000;

describe('sessions that keep the work', { timeout: 180_000 }, () => {
  let browser;
  let ctx;
  let page;
  let worker;
  let caseId;
  let sessionChecks;
  /** The drafts the page sent (kept or discarded). */
  const draftsSent = [];

  before(async () => {
    requireEnv();
    worker = await apiClient(USER);
    caseId = await caseInCare(worker, NAME);
    browser = await launch();
    ctx = await newPage(browser);
    page = ctx.page;
    await ctx.context.clock.install();
    sessionChecks = sessionChecksOf(page);
    page.on('request', (r) => r.url().includes('/drafts/') && r.method() !== 'GET' && draftsSent.push(r.url()));
    await page.goto(`${BASE_URL}/cases?q=${encodeURIComponent(NAME.split(' ').pop())}`);
    await page.waitForURL(/\/signin/);
    await signIn(page);
    // Opened from the case list, as a person does: the back button then stays in the page.
    await page.locator(`a[href="/cases/${caseId}"]`).first().click();
    await page.getByTestId('case-detail').waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  const note = () => page.locator('#rf-condition_observed');
  const notes = async (text) => (await worker.get(`/cases/${caseId}/records`)).items.filter((r) => r.body.condition_observed === text);
  const pageNow = () => page.evaluate(() => Date.now());
  /** Lets whatever the page does with the clock happen (in real time: requests, renders). */
  const settle = () => page.waitForTimeout(300);
  const warning = () => page.getByTestId('session-warning');

  async function openCounselling() {
    await pickRecord(page, 'counselling_session');
    await page.getByTestId('form-counselling_session').waitFor();
  }

  /** Types into the note, as a person does, and waits for the page's keep-alive; returns when it left. */
  async function typeAndKeepAlive(text) {
    const checks = sessionChecks.length;
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/session');
    await note().pressSequentially(text);
    await answered;
    assert.equal(sessionChecks.length, checks + 1, 'one keep-alive for all that typing');
    return pageNow();
  }

  /** Lets the typing's draft go, two seconds after the last key on the page's clock; returns when it went. */
  async function keepDraft() {
    const kept = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/drafts/'));
    await page.clock.runFor(2_000);
    assert.equal((await kept).status(), 200);
    return pageNow();
  }

  it('counts typing as activity: a keep-alive while someone types, at most once a minute, the draft once the typing stops, and nothing while nobody does', async () => {
    await openCounselling();
    const before = sessionChecks.length;
    // A page left alone for ninety seconds tells the server nothing.
    await page.clock.fastForward(90_000);
    await settle();
    assert.equal(sessionChecks.length, before, 'no keep-alive from a page nobody touches');
    assert.equal(draftsSent.length, 0, 'no draft of a blank form');
    await typeAndKeepAlive('Chị ấy ngủ được hơn, ');
    // Typing on within the minute sends nothing more.
    await note().pressSequentially('ăn được hai bữa, ');
    await settle();
    assert.equal(sessionChecks.length, before + 1);
    assert.equal(draftsSent.length, 0, 'no draft while the typing goes on');
    // The typing stops: its draft goes, and is activity too.
    await keepDraft();
    assert.equal(draftsSent.length, 1, 'one draft for all that typing');
    // Typing on without a pause long enough for a draft: a keep-alive once the minute since the draft is over.
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/session');
    for (let second = 0; second < 65 && sessionChecks.length === before + 1; second += 1) {
      await note().press('.');
      await page.clock.runFor(1_000);
    }
    await answered;
    assert.equal(sessionChecks.length, before + 2, 'one keep-alive for that minute of typing');
    assert.equal(draftsSent.length, 1);
    await keepDraft();
    await assert.doesNotReject(worker.get(`/cases/${caseId}`));
  });

  it('warns two minutes before the idle limit, in English, and "stay signed in" keeps the session', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await note().pressSequentially(' ');
    // The draft of that typing is the page's last request.
    const lastRequest = await keepDraft();
    // The server writes last-seen once a minute: the page counts its 15 minutes from a minute before.
    const endsAt = lastRequest + 14 * MINUTE;
    await page.clock.fastForward(11 * MINUTE + 30_000);
    await settle();
    assert.equal(await warning().count(), 0, 'no warning two and a half minutes before');
    await page.clock.fastForward(MINUTE);
    await warning().waitFor();
    const said = await page.getByTestId('session-warning-idle').textContent();
    const times = [endsAt - 1000, endsAt].map((ms) => vietnamDateTime(ms).split(' ')[1]);
    assert.ok(times.some((time) => said === `Nothing has been done for a while: your session will end at ${time}.`), said);
    assert.equal(await page.getByTestId('session-warning-idle').getAttribute('role'), 'alert');
    assert.ok(await note().evaluate((el) => el === document.activeElement), 'the note keeps the focus');
    await assertAccessible(page, 'the idle warning');
    await screenshot(page, '90-session-warning');

    const checks = sessionChecks.length;
    const kept = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/session' && r.status() === 200);
    await page.getByRole('button', { name: 'Stay signed in' }).click();
    await kept;
    await warning().waitFor({ state: 'hidden' });
    await settle();
    assert.equal(sessionChecks.length, checks + 1, 'one keep-alive');
    // Twelve minutes on, nothing is said: the keep-alive moved the limit.
    await page.clock.fastForward(11 * MINUTE + 30_000);
    await settle();
    assert.equal(await warning().count(), 0);
    assert.equal(await signInDialog(page).count(), 0);
  });

  it('ends the session at the idle limit with the page and the note kept under a sign-in dialog, in English', async () => {
    const typed = await note().inputValue();
    await page.clock.fastForward(3 * MINUTE);
    await signInDialog(page).waitFor();
    assert.equal(await page.getByRole('dialog', { name: 'Your session has ended' }).count(), 1);
    assert.equal(await note().inputValue(), typed, 'the note is still in the form');
    await signInAgain(page, { lang: 'en' });
    await signInDialog(page).waitFor({ state: 'hidden' });
    assert.equal(await note().inputValue(), typed);
    // The page's clock back to the server's, which refuses a record from the future.
    await page.clock.setSystemTime(Date.now());
    await page.getByTestId('record-submit').click();
    await page.getByTestId('record-saved').waitFor();
    assert.equal((await notes(typed.trim())).length, 1, 'saved after signing in again');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  });

  it('saves a note typed while the session ended, once its writer signs in again in the dialog', async () => {
    const text = `Buổi tư vấn dài: chị kể lại đường đi từ Lào Cai ${randomWord(5)}`;
    await openCounselling();
    await note().fill(text);
    await endSessionOf(await ctx.context.cookies());
    await page.getByTestId('record-submit').click();
    const dialog = signInDialog(page);
    await dialog.waitFor();
    assert.equal(await page.getByRole('dialog', { name: 'Phiên làm việc đã kết thúc' }).count(), 1);
    assert.equal(await note().inputValue(), text, 'what was typed is still in the form');
    const name = dialog.getByLabel('Tên đăng nhập');
    assert.equal(await name.inputValue(), USER);
    assert.equal(await name.getAttribute('readonly'), '');
    assert.ok(await dialog.getByLabel('Mật khẩu', { exact: true }).evaluate((el) => el === document.activeElement), 'the password is asked first');
    // Nothing on the page works before signing in: Escape does not put the dialog away.
    await page.keyboard.press('Escape');
    assert.ok(await dialog.isVisible());
    await assertAccessible(page, 'the sign-in dialog over the case file');
    await screenshot(page, '91-session-signin-dialog');

    await signInAgain(page);
    await dialog.waitFor({ state: 'hidden' });
    // The save that was refused goes through, with the new session's anti-forgery token.
    await page.getByTestId('record-saved').waitFor();
    await openSection(page, 'timeline');
    await page.getByTestId('record-counselling_session').filter({ hasText: text }).waitFor();
    assert.equal((await notes(text)).length, 1, 'stored once');
    assert.deepEqual(ctx.problems, []);
  });

  it('asks before leaving a form with unsaved text, by a link, the back button, another form or closing the tab', async () => {
    const text = 'Ghi chú chưa lưu';
    await openCounselling();
    await note().fill(text);
    const cases = () => page.getByRole('navigation').getByRole('link', { name: 'Danh sách hồ sơ' }).click();
    const stayed = async () => {
      // Back to where it was: after the question, the page puts its address back, the form in it.
      await page.waitForURL((u) => u.pathname === `/cases/${caseId}` && u.searchParams.get('form') === 'counselling_session');
      assert.equal(await note().inputValue(), text);
    };

    let asked = answerNextQuestion(page, false);
    await cases();
    assert.deepEqual(await asked, { type: 'confirm', message: LEAVE_UNSAVED });
    await stayed();

    // Kept as a draft, the text still holds the page, and the question says it is kept.
    await keepDraft();
    asked = answerNextQuestion(page, false);
    await page.goBack();
    assert.deepEqual(await asked, { type: 'confirm', message: LEAVE_DRAFT_KEPT });
    await stayed();

    asked = answerNextQuestion(page, false);
    await pressPick(page, 'health_check');
    assert.equal(
      (await asked).message,
      'Nội dung của biểu mẫu này chưa được lưu, nhưng đã được giữ làm bản nháp: khi mở lại biểu mẫu này, bạn có thể khôi phục nó. Chuyển sang biểu mẫu khác?',
    );
    assert.equal(await page.getByTestId('pick-counselling_session').getAttribute('aria-pressed'), 'true', 'her form stays chosen');
    await stayed();

    asked = answerNextQuestion(page, false);
    await page.close({ runBeforeUnload: true });
    assert.equal((await asked).type, 'beforeunload');
    assert.ok(!page.isClosed());
    await stayed();

    asked = answerNextQuestion(page);
    await cases();
    await asked;
    await page.waitForURL(/\/cases$/);
    // Its draft is offered back, and discarded here.
    await page.goBack();
    await openCounselling();
    const discarded = page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().includes('/drafts/'));
    await page.getByTestId('draft-discard').click();
    assert.equal((await discarded).status(), 204);
    // Nothing typed: nothing asked (an unanswered question would keep the page where it is).
    await cases();
    await page.waitForURL(/\/cases$/);
  });

  it('asks before leaving the reception form with text typed, and not when it is blank', async () => {
    await page.goto(`${BASE_URL}/reception`);
    await page.getByTestId('reception-form').waitFor();
    const cases = () => page.getByRole('navigation').getByRole('link', { name: 'Danh sách hồ sơ' }).click();
    await cases();
    await page.waitForURL(/\/cases$/);
    await page.goBack();
    await page.getByTestId('reception-form').waitFor();
    const name = page.locator('#f-person-name');
    await name.fill(`Hà Thị Mây ${randomWord(4)}`);
    const asked = answerNextQuestion(page, false);
    await cases();
    assert.equal((await asked).message, LEAVE_UNSAVED);
    assert.match(page.url(), /\/reception$/);
    await name.fill('');
  });

  it('warns before the absolute limit that the session cannot be kept, and at the limit asks to sign in again', async () => {
    // The server's twelve hours cannot be waited for: its session answers say the limit is near.
    const endsAt = (await pageNow()) + 150_000;
    await page.route('**/api/v1/session', async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      const response = await route.fetch();
      const json = await response.json();
      await route.fulfill({ response, json: { ...json, session: { ...json.session, ends_at: new Date(endsAt).toISOString() } } });
    });
    await page.goto(`${BASE_URL}/cases/${caseId}`);
    await openCounselling();
    await settle();
    assert.equal(await warning().count(), 0, 'nothing said two and a half minutes before');
    await page.clock.fastForward(40_000);
    const said = page.getByTestId('session-warning-limit');
    await said.waitFor();
    assert.equal(
      await said.textContent(),
      `Phiên làm việc đã gần hết thời hạn tối đa và sẽ kết thúc lúc ${vietnamDateTime(endsAt).split(' ')[1]}; không thể kéo dài thêm. Hãy lưu những gì đang nhập ngay bây giờ, rồi đăng nhập lại.`,
    );
    assert.equal(await page.getByTestId('session-stay').count(), 0, 'no "stay signed in": nothing moves the limit');
    await assertAccessible(page, 'the absolute limit warning');
    await page.getByRole('button', { name: 'Đã hiểu' }).click();
    await warning().waitFor({ state: 'hidden' });

    // At the limit the page asks the server once, which says the session is over.
    await page.unroute('**/api/v1/session');
    await page.route('**/api/v1/session', (route) =>
      route.request().method() === 'GET' ? route.fulfill({ status: 401, contentType: 'application/problem+json', json: { status: 401, code: 'unauthenticated' } }) : route.continue());
    await note().fill('Viết dở lúc hết giờ');
    await settle();
    assert.equal(await signInDialog(page).count(), 0, 'typing within the minute asked nothing');
    await page.clock.fastForward(2 * MINUTE);
    await signInDialog(page).waitFor();
    await page.unroute('**/api/v1/session');
    await signInAgain(page);
    await signInDialog(page).waitFor({ state: 'hidden' });
    assert.equal(await note().inputValue(), 'Viết dở lúc hết giờ');
    await note().fill('');
  });

  it('starts afresh, without the note, when another person signs in in the dialog', async () => {
    const text = `Điều chị kể riêng với người phụ trách ${randomWord(5)}`;
    await page.goto(`${BASE_URL}/cases/${caseId}`);
    await openCounselling();
    await note().fill(text);
    await endSessionOf(await ctx.context.cookies());
    const asked = [];
    page.on('dialog', (d) => {
      asked.push(d.type());
      return d.dismiss();
    });
    await page.getByTestId('record-submit').click();
    await signInDialog(page).waitFor();
    await signInAgain(page, { username: HEAD_USER });
    await page.waitForURL(`${BASE_URL}/`);
    await page.getByTestId('page-work').waitFor();
    assert.equal(await page.getByText(text).count(), 0);
    assert.equal(await page.getByTestId('session-dialog').count(), 0);
    assert.equal((await notes(text)).length, 0, 'the refused save is not sent as the other person');
    assert.deepEqual(asked, [], 'the page starts afresh without asking about the note');
  });
});
