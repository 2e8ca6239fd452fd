// Shared helpers for the browser tests (node:test + playwright-core + axe-core).
// Never downloads a browser: uses the system Chromium.
import { createHmac } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

export const BASE_URL = (process.env.HAVEN_URL ?? '').replace(/\/+$/, '');
export const USER = process.env.HAVEN_TEST_USER ?? '';
export const PASSWORD = process.env.HAVEN_TEST_PASSWORD ?? '';
const ARTIFACTS = process.env.HAVEN_ARTIFACTS ?? '';
const CHROMIUM = process.env.HAVEN_CHROMIUM ?? '/usr/bin/chromium';

/** Fail (never skip) when the live server is not configured. */
export function requireEnv() {
  const missing = [];
  if (!BASE_URL) missing.push('HAVEN_URL (e.g. http://127.0.0.1:43123)');
  if (!USER) missing.push('HAVEN_TEST_USER');
  if (!PASSWORD) missing.push('HAVEN_TEST_PASSWORD');
  if (missing.length) {
    throw new Error(
      `Browser tests need a running Haven server and a case-worker account. Missing environment: ${missing.join(', ')}`,
    );
  }
}

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh context and page (CSP enforced: we want to notice violations).
 * Collects CSP violations and uncaught page errors in `page.problems`. `options` change the
 * context's (e.g. `{ locale: 'en-US' }` for a browser whose own locale is American).
 */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.setDefaultNavigationTimeout(15_000);
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { context, page, problems };
}

let axeSource;

/** Run axe-core on the current page; fail on any serious or critical violation. */
export async function assertAccessible(page, label) {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // page.evaluate goes through the DevTools protocol, which the page's CSP does not block.
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!hasAxe) await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary}`),
    }));
  });
  const bad = results.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) {
    console.error(`axe violations on ${label}:\n${JSON.stringify(bad, null, 2)}`);
  }
  const minor = results.filter((v) => !bad.includes(v));
  if (minor.length) console.log(`axe (minor/moderate) on ${label}: ${minor.map((v) => v.id).join(', ')}`);
  assert.equal(bad.length, 0, `serious/critical accessibility violations on ${label}: ${bad.map((v) => v.id).join(', ')}`);
}

/** Save a full-page screenshot into $HAVEN_ARTIFACTS if set. */
export async function screenshot(page, name) {
  if (!ARTIFACTS) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Random word of ASCII letters, capitalised (e.g. "Kwpt"), to keep reruns unique. */
export function randomWord(n = 4) {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let w = '';
  for (let i = 0; i < n; i++) w += letters[Math.floor(Math.random() * letters.length)];
  return w[0].toUpperCase() + w.slice(1);
}

export function foldVietnamese(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

const SIGN_IN_WORDS = {
  vi: { username: 'Tên đăng nhập', password: 'Mật khẩu', submit: 'Đăng nhập', code: 'Mã xác thực (6 chữ số)' },
  en: { username: 'Username', password: 'Password', submit: 'Sign in', code: 'Authentication code (6 digits)' },
};

/**
 * Sign in through the UI (page must be on the sign-in page, or `within` the sign-in dialog), in the
 * UI's language `lang`. `nameShown`: the form shows the name and only the password is typed. An
 * account with two-step sign-in on (known from the shared state) also gets its next code.
 */
export async function signIn(page, { username = USER, password = PASSWORD, lang = 'vi', within = page, nameShown = false } = {}) {
  const words = SIGN_IN_WORDS[lang];
  if (!nameShown) await within.getByLabel(words.username).fill(username);
  await within.getByLabel(words.password, { exact: true }).fill(password);
  await within.getByRole('button', { name: words.submit, exact: true }).click();
  if (loadState()[username]?.secret) {
    await within.getByLabel(words.code).fill(await nextCode(username));
    await within.getByRole('button', { name: words.submit, exact: true }).click();
  }
}

/**
 * Answers the page's next question (confirm, or the browser's own before unloading): yes, or no with
 * `accept` false. Resolves to { type, message }.
 */
export function answerNextQuestion(page, accept = true) {
  return new Promise((resolve) => {
    page.once('dialog', async (d) => {
      resolve({ type: d.type(), message: d.message() });
      await (accept ? d.accept() : d.dismiss());
    });
  });
}

/** What the page asks before it is left with unsaved text, in Vietnamese. */
export const LEAVE_UNSAVED = 'Nội dung bạn đã nhập ở trang này chưa được lưu. Vẫn rời trang?';
/** The same once that text is kept as the form's draft on the server. */
export const LEAVE_DRAFT_KEPT =
  'Nội dung bạn đã nhập ở trang này chưa được lưu, nhưng đã được giữ làm bản nháp: khi mở lại biểu mẫu, bạn có thể khôi phục nó. Vẫn rời trang?';

/** Collects the page's keep-alives and session checks (GET /api/v1/session) as they are sent; a
 * Playwright or a Puppeteer page. */
export function sessionChecksOf(page) {
  const sent = [];
  page.on('request', (r) => {
    if (r.method() === 'GET' && new URL(r.url()).pathname === '/api/v1/session') sent.push(r.url());
  });
  return sent;
}

/** The dialog that asks to sign in again over a page whose session has ended. */
export const signInDialog = (page) => page.getByTestId('session-dialog');

/**
 * Sign in again in that dialog: the same person (her name is shown), or `username`, another
 * person, after "sign in as someone else".
 */
export async function signInAgain(page, { username, lang = 'vi', password = PASSWORD } = {}) {
  const dialog = signInDialog(page);
  if (username) await dialog.getByTestId('session-other-person').click();
  await signIn(page, { username: username ?? USER, password, lang, within: dialog, nameShown: !username });
}

/**
 * Ends a browser's session behind its back, as a sign-out in another window would; the page is not
 * told. `cookies`: the browser's, as [{ name, value }].
 */
export async function endSessionOf(cookies) {
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const session = await fetch(`${BASE_URL}/api/v1/session`, { headers: { Cookie: cookie } });
  assert.equal(session.status, 200, 'the browser was signed in');
  const { csrf_token: csrf } = await session.json();
  const ended = await fetch(`${BASE_URL}/api/v1/session`, { method: 'DELETE', headers: { Cookie: cookie, 'X-CSRF-Token': csrf } });
  assert.ok(ended.ok, `the session was ended (${ended.status})`);
}

// Two-step sign-in (TOTP, RFC 6238) as an authenticator app computes it, and the state the test
// files share about it: each account's secret and the last step used (the server takes each code
// once), and the API sessions already open, so that setting things up spends no codes.
const STATE_FILE = process.env.HAVEN_TEST_STATE ?? join(tmpdir(), `haven-browser-state-${new URL(BASE_URL || 'http://x:0').port}.json`);

function loadState() {
  try {
    return JSON.parse(readFileSync(STATE_FILE, 'utf8'));
  } catch {
    return {};
  }
}

function updateState(username, change) {
  const state = loadState();
  state[username] = { ...(state[username] ?? {}), ...change };
  writeFileSync(STATE_FILE, JSON.stringify(state), { mode: 0o600 });
}

export function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const c of text.replace(/[\s=]/g, '').toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export const totpStep = (ms = Date.now()) => Math.floor(ms / 1000 / 30);

export function totpCode(secretBase32, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secretBase32)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

export function rememberSecondFactor(username, secret, step) {
  updateState(username, { secret, last: step });
}

/** The account's next unused code: the current step's, or the next one's (the server allows one
 * step of drift), or, when both are used, the one after a wait for the next 30 seconds. */
export async function nextCode(username) {
  const { secret, last } = loadState()[username];
  let step = Math.max(last + 1, totpStep());
  while (step > totpStep() + 1) await new Promise((r) => setTimeout(r, 1000));
  updateState(username, { last: step });
  return totpCode(secret, step);
}

/** Poll an async condition until it holds (or fail after `timeout` ms with `message`). */
export async function waitUntil(cond, message, timeout = 10_000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await cond();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting: ${message} (last: ${last})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const HEAD_USER = process.env.HAVEN_TEST_HEAD ?? '';

/**
 * A signed-in API client for setting up what a test needs (Node's fetch, the session cookie kept by
 * hand). Throws with the server's problem on any non-2xx answer.
 */
export async function apiClient(username, password = PASSWORD) {
  let cookie = '';
  let csrf = '';
  // `file`: a body sent as it is, with its own type (a document's bytes), instead of JSON.
  const call = async (method, path, body, file) => {
    const res = await fetch(`${BASE_URL}/api/v1${path}`, {
      method,
      headers: {
        ...(file ? { 'Content-Type': file.type, ...file.headers } : body ? { 'Content-Type': 'application/json' } : {}),
        ...(cookie ? { Cookie: cookie } : {}),
        ...(csrf && method !== 'GET' ? { 'X-CSRF-Token': csrf } : {}),
      },
      body: file ? file.bytes : body ? JSON.stringify(body) : undefined,
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0];
    const text = await res.text();
    if (!res.ok) {
      const error = new Error(`${method} ${path} -> ${res.status} ${text}`);
      try {
        error.code = JSON.parse(text).code;
      } catch {
        /* not a problem+json answer */
      }
      throw error;
    }
    return text ? JSON.parse(text) : null;
  };
  const client = (user) => ({
    user,
    get: (p) => call('GET', p),
    post: (p, b) => call('POST', p, b),
    put: (p, b) => call('PUT', p, b),
    del: (p) => call('DELETE', p),
    /** POSTs `bytes` as they are, typed `type` (a document attached to a case). */
    upload: (p, bytes, type, headers = {}) => call('POST', p, undefined, { bytes, type, headers }),
  });

  // A session this account opened earlier in the run, if it is still alive: no code spent.
  const saved = loadState()[username]?.session;
  if (saved) {
    cookie = saved.cookie;
    csrf = saved.csrf;
    try {
      const session = await call('GET', '/session');
      if (!session.second_factor.setup_required) return client(session.user);
    } catch {
      /* ended: sign in again */
    }
    cookie = '';
    csrf = '';
  }
  let session;
  try {
    session = await call('POST', '/session', { username, password });
  } catch (e) {
    if (e.code !== 'second_factor_required') throw e;
    session = await call('POST', '/session', { username, password, code: await nextCode(username) });
  }
  csrf = session.csrf_token;
  if (session.second_factor.setup_required) {
    // A role that must use two-step sign-in, signing in for the first time: set it up as the app would.
    const started = await call('POST', '/session/second-factor', { password });
    const step = totpStep();
    await call('POST', '/session/second-factor/confirm', { code: totpCode(started.secret, step) });
    rememberSecondFactor(username, started.secret, step);
  }
  updateState(username, { session: { cookie, csrf } });
  return client(session.user);
}

/**
 * The cookie of `username`'s API session (opened by apiClient if none is alive), for a browser to use
 * that session without signing in through the page: no two-step code spent on a test about something else.
 */
export async function sessionCookieOf(username) {
  await apiClient(username);
  const cookie = loadState()[username].session.cookie;
  const at = cookie.indexOf('=');
  return { name: cookie.slice(0, at), value: cookie.slice(at + 1), url: BASE_URL };
}

/** A PDF of `size` bytes: its header, then a comment line filled to the size (the server reads the type
 * from the first bytes). */
export function pdfBytes(size = 2048) {
  const head = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%');
  const tail = Buffer.from('\n%%EOF\n');
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length - tail.length), 0x20), tail]);
}

/** Attaches a PDF of `size` bytes to a case through `client` (apiClient), as a document of `category`. */
export function attachPdfViaApi(client, caseId, name, category = 'identity', size = 2048) {
  return client.upload(`/cases/${caseId}/documents?${new URLSearchParams({ category })}`, pdfBytes(size), 'application/pdf', {
    'Document-Name': encodeURIComponent(name),
  });
}

/** A registration body for setting up cases through the API. */
export function newCaseBody(name) {
  return {
    reception: {
      received_at: new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
      referral_channel: 'border_guard',
      referring_authority: 'Đồn Biên phòng cửa khẩu Tịnh Biên',
      legal_basis: 'Biên bản tiếp nhận số 12/BB-BP',
      documents: ['Biên bản bàn giao'],
    },
    person: {
      name,
      name_is_alias: false,
      sex: 'female',
      birth_date: '2000-03-04',
      estimated_age: null,
      suspected_child: false,
      nationality: 'VN',
      languages: ['vi'],
      preferred_staff_gender: 'female',
    },
  };
}

/** A registration of a girl received without papers, aged about `age` and so treated as a child (II.2.d). */
export function childCaseBody(name, age) {
  const body = newCaseBody(name);
  return { ...body, person: { ...body.person, birth_date: null, estimated_age: age, suspected_child: true } };
}

/** Registers a person through `client` (apiClient) and begins her care, when records may be added. */
export async function caseInCare(client, name) {
  const created = await client.post('/cases', newCaseBody(name));
  await client.post(`/cases/${created.id}/actions`, { action: 'begin_care', version: created.version });
  return created.id;
}

/**
 * Refers the person in care on `caseId` to `provider` through the API, with what a referral needs
 * first (the list of providers given, II.6.a; a recent recovery assessment, II.6.b); the referral.
 */
export async function referViaApi(client, caseId, provider) {
  const at = () => new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
  await client.post(`/cases/${caseId}/records`, { type: 'provider_list_given', occurred_at: at(), body: { language: 'vi' } });
  await client.post(`/cases/${caseId}/records`, { type: 'recovery_assessment', occurred_at: at(), body: { findings: 'Hồi phục tốt' } });
  return client.post(`/cases/${caseId}/records`, {
    type: 'referral', occurred_at: at(), body: { provider, victim_opinion: 'Muốn học nghề', victim_agreed: true },
  });
}

/**
 * A moment as the UI writes it for someone in Việt Nam (the browsers run in Asia/Ho_Chi_Minh, UTC+7
 * all year): "dd/mm/yyyy HH:mm". Computed here, not by the app's code, so that a test compares the
 * page with what it should say.
 */
export function vietnamDateTime(ms) {
  const d = new Date(ms + 7 * 3600_000);
  const two = (n) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/**
 * The pages of a PDF as Chromium's page.pdf() writes it (plain objects) or Firefox's (cairo: most
 * dictionaries in compressed object streams, stream lengths in objects of their own), in the order
 * of the page tree, each with whether anything is drawn on it: text shown (Tj, TJ) or an image or
 * form placed (Do). A blank page draws nothing. Enough of PDF for counting a print's pages, not a
 * general reader.
 */
export function pdfPages(pdf) {
  const text = pdf.toString('latin1');
  // Every object: those at the top level with where their stream starts, those packed in object streams.
  const objects = new Map();
  for (const m of text.matchAll(/(?:^|[\r\n])(\d+) 0 obj\b/g)) {
    const at = m.index + m[0].indexOf(m[1]);
    objects.set(m[1], { at, body: text.slice(at, text.indexOf('endobj', at)) });
  }
  const stream = ({ at, body }) => {
    const from = body.indexOf('stream') + 'stream'.length;
    const skip = body[from] === '\r' ? 2 : 1;
    const length = /\/Length (\d+)(?: 0 R)?/.exec(body);
    const bytes = length[0].endsWith(' R') ? Number(/obj\s+(\d+)/.exec(objects.get(length[1]).body)[1]) : Number(length[1]);
    const raw = pdf.subarray(at + from + skip, at + from + skip + bytes);
    return (/\/FlateDecode/.test(body.slice(0, from)) ? inflateSync(raw) : raw).toString('latin1');
  };
  for (const [, o] of [...objects].filter(([, o]) => /\/Type\s*\/ObjStm\b/.test(o.body))) {
    const packed = stream(o);
    const first = Number(/\/First (\d+)/.exec(o.body)[1]);
    const index = packed.slice(0, first).trim().split(/\s+/).map(Number);
    for (let i = 0; i < index.length; i += 2) {
      const end = i + 3 < index.length ? first + index[i + 3] : packed.length;
      objects.set(String(index[i]), { at: -1, body: packed.slice(first + index[i + 1], end) });
    }
  }
  const refs = (v) => [...(v ?? '').matchAll(/(\d+) 0 R/g)].map((r) => r[1]);
  const drawn = (n) => /\b(Tj|TJ|Do)\b/.test(stream(objects.get(n)));
  const pages = [];
  const walk = (n) => {
    const { body } = objects.get(n);
    if (/\/Type\s*\/Pages\b/.test(body)) for (const kid of refs(/\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1])) walk(kid);
    else pages.push({ drawn: refs(/\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(body)?.[1]).some(drawn) });
  };
  walk(/\/Pages (\d+) 0 R/.exec([...objects.values()].find((o) => /\/Type\s*\/Catalog\b/.test(o.body)).body)[1]);
  return pages;
}

/** Opens a section of the case file (overview, timeline, record, consent, tasks, details) through its link. */
export async function openSection(page, section) {
  await page.getByTestId(`section-${section}`).click();
  await page.getByTestId(`case-section-${section}`).waitFor();
}

/**
 * Presses a record type's button in the picker, as a worker does: the case file's record section (the
 * centre page has no sections), the type's group unfolded if it is folded. The form may not follow:
 * the person may keep the one she is typing in.
 */
export async function pressPick(page, type) {
  // Waited for first: a page still loading has neither, and would be taken for the centre page.
  await page.locator('[data-testid="section-nav"], [data-testid="record-picker"]').first().waitFor();
  if ((await page.getByTestId('section-nav').count()) && !(await page.getByTestId('case-section-record').count())) await openSection(page, 'record');
  const button = page.getByTestId(`pick-${type}`);
  const group = page.locator('details.picker-group').filter({ has: button });
  if (!(await group.evaluate((d) => d.open))) await group.locator('summary').click();
  await button.click();
}

/** Chooses a record type in the picker (pressPick) and waits for its form. */
export async function pickRecord(page, type) {
  await pressPick(page, type);
  await page.getByTestId(`form-${type}`).waitFor();
}

/** The name a type's button in the picker shows (saying when it cannot be recorded now). */
export const pickerName = (page, type) => page.getByTestId(`pick-${type}`).locator('.pick-name').textContent();

/** After a save, the record on the case file's timeline: its section opened, the item `testid` there. */
export async function seeOnTimeline(page, testid) {
  await page.getByTestId('record-saved').waitFor();
  await openSection(page, 'timeline');
  await page.getByTestId(testid).first().waitFor();
}
