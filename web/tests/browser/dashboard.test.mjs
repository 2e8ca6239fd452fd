// The centre head's dashboard (issue 19), in Chromium: after a few cases are registered (one with a
// crisis left without its intervention, II.3.b; one referred to a provider), she opens it from her
// menu; each chart is an SVG image named by a sentence with its figures, and its table gives the
// numbers the server counts (GET /centre/dashboard); the trend shows one clause when chosen; the
// page reads in English (the clauses' titles too), fits a phone, a tablet and a laptop without
// sideways scrolling, and prints without the screen's header. A case worker has no link to it, and
// opening its address is refused in words. The chart code is loaded only on this page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiClient,
  assertAccessible,
  BASE_URL,
  caseInCare,
  HEAD_USER,
  launch,
  newCaseBody,
  newPage,
  pdfPages,
  randomWord,
  referViaApi,
  requireEnv,
  screenshot,
  sessionCookieOf,
  signIn,
  USER,
} from './helpers.mjs';

const suffix = randomWord(4);
const iso = (hoursAgo) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z');
const STAGES_VI = ['Đã tiếp nhận', 'Đang chăm sóc', 'Xác minh nạn nhân', 'Đánh giá nhu cầu', 'Lập kế hoạch hỗ trợ', 'Tái hòa nhập', 'Theo dõi', 'Đã đóng', 'Hồi hương'];
const CHARTS = ['chart-stage', 'chart-overdue', 'chart-staff', 'chart-trend', 'chart-referrals'];

/** A table's body as text, a row a list of its cells (the row's header first). */
const rowsOf = (table) => table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent.trim())));

describe("the head's dashboard", { timeout: 240_000 }, () => {
  let browser;
  let ctx;
  let page;
  let worker;
  let head;
  let provider;
  let chunks;

  before(async () => {
    requireEnv();
    worker = await apiClient(USER);
    head = await apiClient(HEAD_USER);
    for (const name of [`Vàng Thị Dung ${suffix}`, `Lò Thị Hạnh ${suffix}`]) await worker.post('/cases', newCaseBody(name));
    // Received three days ago; two days ago a counselling session saw a crisis, and no intervention since.
    const crisis = newCaseBody(`Giàng Thị Mỷ ${suffix}`);
    crisis.reception.received_at = iso(72);
    const { id } = await worker.post('/cases', crisis);
    await worker.post(`/cases/${id}/records`, {
      type: 'counselling_session', occurred_at: iso(48), body: { condition_observed: 'Hoảng loạn, không ngủ được', crisis: true },
    });
    // The head puts him on it: a case counts on a worker's row once he is assigned to it.
    await head.post(`/cases/${id}/records`, {
      type: 'staff_assignment', occurred_at: iso(0.1),
      body: { staff_id: worker.user.id, no_conflict_of_interest: true, matching_reason: 'Cán bộ nữ đang nghỉ phép; có tư vấn viên nữ cùng dự' },
    });
    provider = `Bệnh viện đa khoa tỉnh ${suffix}`;
    await referViaApi(worker, await caseInCare(worker, `Sùng Thị Chi ${suffix}`), provider);
    browser = await launch();
    ctx = await newPage(browser);
    page = ctx.page;
    chunks = [];
    page.on('request', (r) => {
      if (/\/assets\/Dashboard-[^/]*\.js$/.test(new URL(r.url()).pathname)) chunks.push(r.url());
    });
    await page.goto(`${BASE_URL}/signin`);
    await signIn(page, { username: HEAD_USER });
    await page.getByTestId('my-work').waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  const card = (id) => page.getByTestId(id);
  /** Shows a chart's table, and its rows. */
  const tableOf = async (id) => {
    const toggle = card(id).getByTestId(`${id}-toggle`);
    if ((await card(id).getByTestId(`${id}-table`).count()) === 0) await toggle.click();
    const table = card(id).getByTestId(`${id}-table`);
    await table.waitFor();
    return rowsOf(table);
  };
  const showCharts = async () => {
    for (const id of CHARTS) {
      if ((await card(id).getByTestId(`${id}-table`).count()) > 0) await card(id).getByTestId(`${id}-toggle`).click();
    }
  };

  it('opens from her menu, each chart an image with its figures in words and a table with the numbers the server counts', async () => {
    assert.deepEqual(chunks, [], 'the chart code is not loaded before the dashboard is opened');
    await page.getByRole('navigation').getByRole('link', { name: 'Tổng quan' }).click();
    await page.getByTestId('chart-stage').waitFor();
    assert.equal(chunks.length, 1, 'the dashboard and its charts come as a chunk of their own');
    assert.equal(await page.locator('h1').textContent(), 'Tổng quan trung tâm');
    const d = await head.get('/centre/dashboard');
    assert.match(await page.getByTestId('dashboard-lead').textContent(), new RegExp(`^Số liệu lúc \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d: ${d.open_cases} hồ sơ đang mở\\.$`));

    // Every chart is drawn as an image a screen reader names by its figures.
    for (const id of CHARTS) {
      const svg = card(id).locator('svg.chart');
      assert.equal(await svg.count(), 1, `${id} is drawn`);
      assert.equal(await svg.getAttribute('role'), 'img');
      assert.ok(((await svg.getAttribute('aria-label')) ?? '').length > 20, `${id} is named by a sentence`);
      assert.equal(await svg.locator('title').textContent(), await svg.getAttribute('aria-label'));
    }
    const stageLabel = await card('chart-stage').locator('svg.chart').getAttribute('aria-label');
    const received = d.by_stage.find((s) => s.stage === 'received').cases;
    assert.ok(received >= 3, 'the cases just registered are counted');
    assert.match(stageLabel, new RegExp(`^Hồ sơ theo giai đoạn: Đã tiếp nhận: ${received}; Đang chăm sóc: \\d+;`));
    await assertAccessible(page, 'the dashboard');
    await screenshot(page, 'd1-dashboard');

    // The tables give the server's numbers.
    assert.deepEqual(await tableOf('chart-stage'), d.by_stage.map((s, i) => [STAGES_VI[i], String(s.cases)]));
    const overdue = await tableOf('chart-overdue');
    assert.deepEqual(overdue, d.overdue_by_clause.map((c) => [`${c.clause} ${c.title}`, String(c.tasks)]));
    assert.ok(overdue.some(([clause, n]) => clause.startsWith('II.3.b ') && Number(n) >= 1), 'the crisis left without intervention is overdue (II.3.b)');
    const staff = await tableOf('chart-staff');
    assert.deepEqual(staff, d.staff.map((s) => [s.display_name, s.role === 'centre_head' ? 'Giám đốc cơ sở' : s.role === 'counsellor' ? 'Tư vấn viên' : 'Cán bộ quản lý hồ sơ', String(s.open_cases), String(s.overdue)]));
    const minh = staff.find(([name]) => name === 'Trần Văn Minh');
    assert.ok(minh && Number(minh[2]) >= 1 && Number(minh[3]) >= 1, 'the worker on the crisis case has it and its overdue task');
    const trend = await tableOf('chart-trend');
    assert.equal(trend.length, 12, 'twelve months');
    assert.deepEqual(trend.map((r) => r[0]), d.trend.months.map((m) => `${m.slice(5)}/${m.slice(0, 4)}`));
    const share = (c) => (c.kept + c.late + c.overdue === 0 ? '—' : `${Math.round((c.kept * 100) / (c.kept + c.late + c.overdue))}%`);
    assert.deepEqual(trend.map((r) => r.slice(1)), d.trend.total.map((c) => [String(c.kept), String(c.late), String(c.overdue), share(c)]));
    const referrals = await tableOf('chart-referrals');
    assert.deepEqual(referrals.find(([p]) => p === provider), [provider, '1', '0', '0', '0', '1'], 'her referral, sent');
    await assertAccessible(page, 'the dashboard as tables');
    await screenshot(page, 'd2-dashboard-tables');
  });

  it("shows one clause's trend when chosen, and every clause again", async () => {
    const d = await head.get('/centre/dashboard');
    const clause = d.trend.clauses.find((c) => c.clause === 'II.3.b') ?? d.trend.clauses[0];
    assert.ok(clause, 'a clause had deadlines');
    await page.getByTestId('trend-clause').selectOption(clause.clause);
    await card('chart-trend').getByText(`Điều khoản ${clause.clause} — ${clause.title}.`).waitFor();
    const rows = await tableOf('chart-trend');
    assert.deepEqual(rows.map((r) => r.slice(1, 4)), clause.months.map((c) => [String(c.kept), String(c.late), String(c.overdue)]));
    await card('chart-trend').getByTestId('chart-trend-toggle').click();
    assert.match(await card('chart-trend').locator('svg.chart').getAttribute('aria-label'), new RegExp(`\\(${clause.clause.replace(/\./g, '\\.')}\\)`));
    await page.getByTestId('trend-clause').selectOption('');
    await card('chart-trend').getByText(`Điều khoản ${clause.clause}`).waitFor({ state: 'detached' });
  });

  it('reads in English, the clause titles too', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Centre dashboard' }).waitFor();
    await card('chart-stage').getByRole('button', { name: 'Show as chart' }).waitFor();
    assert.match(await card('chart-stage').getByTestId('chart-stage-table').locator('thead').textContent(), /Stage\s*Cases/);
    // The titles come from the server in the reader's language: read again on switching.
    const english = await (await fetch(`${BASE_URL}/api/v1/centre/dashboard`, { headers: { 'Accept-Language': 'en', Cookie: await cookieOf(HEAD_USER) } })).json();
    const first = english.overdue_by_clause[0];
    await card('chart-overdue').getByTestId('chart-overdue-table').getByText(first.title, { exact: false }).first().waitFor();
    await card('chart-overdue').getByRole('button', { name: 'Show as chart' }).click();
    assert.match(await card('chart-overdue').locator('svg.chart').getAttribute('aria-label'), /^Overdue tasks by clause: /);
    await assertAccessible(page, 'the dashboard in English');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tổng quan trung tâm' }).waitFor();
  });

  it('fits a phone, a tablet and a laptop without sideways scrolling, charts and tables alike', async () => {
    for (const [width, height] of [[390, 844], [768, 1024], [1366, 768]]) {
      await page.setViewportSize({ width, height });
      await page.goto(`${BASE_URL}/centre/dashboard`);
      await card('chart-referrals').locator('svg.chart').waitFor();
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok((await overflow()) <= 0, `no sideways scrolling at ${width}×${height} (${await overflow()}px too wide)`);
      // The charts are drawn at their box's width.
      const wide = await page.locator('svg.chart').evaluateAll((svgs) => svgs.filter((s) => s.getBoundingClientRect().right > window.innerWidth).length);
      assert.equal(wide, 0, `every chart within the window at ${width}px`);
      await screenshot(page, `d3-dashboard-${width}`);
      for (const id of CHARTS) await tableOf(id);
      assert.ok((await overflow()) <= 0, `no sideways scrolling with the tables at ${width}×${height} (${await overflow()}px too wide)`);
      await showCharts();
    }
    await assertAccessible(page, 'the dashboard on a laptop');
  });

  it('prints on A4 without the screen header or the buttons, the charts kept', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${BASE_URL}/centre/dashboard`);
    await card('chart-referrals').locator('svg.chart').waitFor();
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByTestId('site-header').isVisible(), false);
    assert.equal(await card('chart-stage').getByTestId('chart-stage-toggle').isVisible(), false);
    assert.equal(await page.getByTestId('trend-clause').isVisible(), false);
    assert.equal(await card('chart-trend').locator('svg.chart').isVisible(), true);
    await page.emulateMedia({ media: 'screen' });
    const pages = pdfPages(await page.pdf({ format: 'A4' }));
    assert.ok(pages.length >= 1 && pages.every((p) => p.drawn), `no blank page (${pages.map((p) => (p.drawn ? 'x' : '_')).join('')})`);
    assert.deepEqual(ctx.problems, []);
  });

  it('is not offered to a case worker, and its address is refused in words', async () => {
    const other = await newPage(browser);
    await other.context.addCookies([await sessionCookieOf(USER)]);
    await other.page.goto(`${BASE_URL}/`);
    await other.page.getByTestId('my-work').waitFor();
    assert.equal(await other.page.getByRole('navigation').getByRole('link', { name: 'Tổng quan' }).count(), 0, 'no link to it');
    await other.page.goto(`${BASE_URL}/centre/dashboard`);
    const alert = other.page.getByTestId('dashboard').getByRole('alert');
    await alert.waitFor();
    // The server's own words for the refusal (problems.ts shows a 403's reason as given).
    assert.match(await alert.textContent(), /^Vai trò của bạn không được phép thực hiện việc này\./);
    assert.equal(await other.page.locator('svg.chart').count(), 0);
    await assertAccessible(other.page, 'the dashboard refused to a case worker');
    await other.context.close();
  });
});

/** The Cookie header of `username`'s API session. */
async function cookieOf(username) {
  const c = await sessionCookieOf(username);
  return `${c.name}=${c.value}`;
}
