// Seeds a centre with HAVEN_BENCH_CASES cases through the API, then times each screen in headless
// Chromium: from navigation to the screen's content, three times, as the median and the slowest.
// Run by bench/screens.sh, which starts the server; reuses the browser tests' helpers.
import { apiClient, HEAD_USER, launch, newCaseBody, newPage, signIn, USER, BASE_URL } from '../web/tests/browser/helpers.mjs';

const total = Number(process.env.HAVEN_BENCH_CASES ?? 100000);
const iso = (minutesAgo) => new Date(Date.now() - minutesAgo * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
const head = await apiClient(HEAD_USER);
const worker = await apiClient(USER);
const deputy = await apiClient('deputy');  // records the head's profile: nobody their own (III.1.b)
const at = iso(60 * 24 * 30);
for (const [type, body] of [
  ['recruitment_screening', { ability: true, qualifications: true, moral_standing: true, judicial_record_checked: true }],
  ['staff_matching', { sex: 'female', languages: ['vi'] }],
  ['staff_qualification', { qualification: 'counselling', title: 'Chứng chỉ' }],
  ['staff_qualification', { qualification: 'identification_interview', title: 'Chứng chỉ' }],
]) {
  await head.post('/centre/records', { type, occurred_at: at, subject: worker.user.id, body });
  await deputy.post('/centre/records', { type, occurred_at: at, subject: head.user.id, body });
}
for (let i = 0; i < 60; i++) {
  await head.post('/centre/records', { type: 'service_provider', occurred_at: at, body: {
    name: `Nhà cung cấp dịch vụ số ${i + 1}`, services: 'Khám bệnh, học nghề', contact: '0296 3 852 989',
    address: 'Long Xuyên, An Giang', last_verified: iso(60 * 24 * (i % 2 ? 30 : 400)).slice(0, 10) } });
}

// The cases: 32 registrations in flight at a time, names from common Vietnamese parts, received over
// the last three years.
const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const given = ['Thị Mai', 'Thị Lan', 'Thị Hoa', 'Văn Minh', 'Thị Hạnh', 'Thị Thu', 'Văn Đức', 'Thị Ngọc', 'Thị Hương', 'Văn Nam'];
const started = Date.now();
let next = 0;
let firstId = '';
let bigId = '';
async function lane() {
  for (;;) {
    const n = next++;
    if (n >= total) return;
    const body = newCaseBody(`${family[n % family.length]} ${given[(n >> 4) % given.length]} ${n}`);
    body.reception.received_at = iso(60 * 24 * 3 * 365 * (1 - n / total) + 60);
    const created = await worker.post('/cases', body);
    if (n === total - 1) firstId = created.id;
    if (n === total - 2) bigId = created.id;
    if (n % 10000 === 9999) console.log(`seeded ${n + 1} cases (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
}
await Promise.all(Array.from({ length: 32 }, lane));
console.log(`seeded ${total} cases in ${((Date.now() - started) / 1000).toFixed(0)} s`);

// One case file worked as far as planning, as a worker would open it.
const record = (type, body, minutesAgo) => worker.post(`/cases/${firstId}/records`, { type, occurred_at: iso(minutesAgo), body });
const act = async (action) => {
  const { version } = await worker.get(`/cases/${firstId}`);
  await worker.post(`/cases/${firstId}/actions`, { action, version });
};
await act('begin_care');
await record('health_check', { by_medical_staff: true, findings: 'Ổn định' }, 50);
await record('counselling_session', { condition_observed: 'Bình tĩnh' }, 45);
await record('intake_assessment', { physical: 'Gầy', psychological: 'Lo âu' }, 44);
await act('begin_identification');
await record('identification_interview', { place: 'Phòng tư vấn', people_present: ['Cán bộ'] }, 40);
await act('begin_assessment');
await record('return_risk_assessment', { level: 'medium', findings: 'Gia đình ủng hộ' }, 35);
await record('consent', { given_by: 'victim', categories: ['health'], recipient: 'Bệnh viện tỉnh', purposes: ['referral'], informed: true }, 30);

// A long stay: a case with 200 records, its first screen to be usable within 300 ms (issue 19).
{
  const { version } = await worker.get(`/cases/${bigId}`);
  await worker.post(`/cases/${bigId}/actions`, { action: 'begin_care', version });
  for (let i = 0; i < 200; i++) {
    const [type, body] = i % 2 === 0
      ? ['counselling_session', { condition_observed: `Buổi ${i}: bình tĩnh hơn, ngủ được` }]
      : ['health_check', { by_medical_staff: true, findings: `Lần ${i}: ổn định` }];
    await worker.post(`/cases/${bigId}/records`, { type, occurred_at: iso(80 - i * 0.35), body });
  }
}

// HAVEN_BENCH_SEED_ONLY=1: seed, time nothing (to look into a query with the data kept).
if (process.env.HAVEN_BENCH_SEED_ONLY) process.exit(0);
const browser = await launch();
const time = async (page, label, path, ready) => {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const t0 = Date.now();
    await page.goto(`${BASE_URL}${path}`);
    try {
      // Checked on every frame: waitForSelector polls at 0, 20, 50, 100, 100, then every 500 ms, so a
      // screen ready at 400 ms read as about 900.
      await page.waitForFunction((sel) => document.querySelector(sel) !== null, ready, { polling: 'raf', timeout: 30_000 });
    } catch {
      console.log(`${label.padEnd(34)} not usable within 30 s`);
      return;
    }
    runs.push(Date.now() - t0);
  }
  runs.sort((a, b) => a - b);
  console.log(`${label.padEnd(34)} median ${String(runs[1]).padStart(6)} ms   slowest ${String(runs[2]).padStart(6)} ms`);
};
for (const [who, screens] of [
  [USER, [
    ['my work (100 of her cases)', '/', '[data-testid="work-case"]'],
    ['case list (first 50)', '/cases', '[data-testid="case-row"]'],
    ['case list, search "nguyen mai 7"', '/cases?q=nguyen%20mai%207', '[data-testid="case-row"], [data-testid="cases-empty"]'],
    ['case list, stage assessment', '/cases?stage=assessment', '[data-testid="case-row"]'],
    ['case list, overdue', '/cases?overdue=true', '[data-testid="case-row"]'],
    ['case file (worked)', `/cases/${firstId}?section=timeline`, '[data-testid="timeline"] .timeline-item'],
    ['case file, 200 records (overview)', `/cases/${bigId}`, '[data-testid="case-section-overview"]'],
    ['case file, 200 records (timeline)', `/cases/${bigId}?section=timeline`, '[data-testid="timeline"] .timeline-item'],
    ['progress sheet', `/cases/${firstId}/progress`, '[data-testid="progress-done"]'],
    ['provider directory (60)', '/providers', '[data-testid="provider"]'],
    ['notifications', '/notifications', '[data-testid="notification"], [data-testid="notifications-empty"]'],
  ]],
  [HEAD_USER, [
    ['case list, whole centre (head)', '/cases', '[data-testid="case-row"]'],
    ['case list, children (head)', '/cases?child=true', '[data-testid="case-row"], [data-testid="cases-empty"]'],
    ['centre (staff indicators today)', '/centre', '[data-testid="centre-staff-row"]'],
    ['self-assessment, last 365 days', '/centre/self-assessment', '[data-testid="verdict"]'],
    ['dashboard (charts)', '/centre/dashboard', '[data-testid="dashboard-lead"]'],
    ['notifications (head)', '/notifications', '[data-testid="notification"], [data-testid="notifications-empty"]'],
  ]],
]) {
  const { context, page } = await newPage(browser);
  await page.goto(`${BASE_URL}/signin`);
  await signIn(page, { username: who });
  await page.waitForSelector('[data-testid="user-name"]', { timeout: 120_000 });
  // A first pass untimed: the page cache and the server's readers warm, as on a working day.
  for (const [, path, ready] of screens) {
    await page.goto(`${BASE_URL}${path}`);
    await page.waitForSelector(ready, { timeout: 5_000 }).catch(() => undefined);
  }
  for (const [label, path, ready] of screens) await time(page, label, path, ready);
  await context.close();
}
await browser.close();
