// Every main screen on a phone (390×844), a tablet held upright (768×1024) and a laptop (1366×768),
// walked the same way in Chromium (layout.test.mjs) and Firefox (firefox-layout.test.mjs): the page
// never scrolls sideways; on the phone the header is one compact bar whose menu button opens and
// closes the menu (aria-expanded, Escape, focus back on the button) and every table is a card per
// row, each cell under its column's header; axe finds nothing serious. Phone screenshots, the menu
// closed and open, go to $HAVEN_ARTIFACTS. The browsers differ only in how each test opens a page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiClient, attachPdfViaApi, BASE_URL, caseInCare, HEAD_USER, randomWord, requireEnv, USER } from './helpers.mjs';

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'laptop', width: 1366, height: 768 },
];

/** The most of a phone's 844 px the collapsed header may take. */
const PHONE_HEADER_MAX = 120;

const ADMIN_USER = process.env.HAVEN_TEST_SETUP_ADMIN ?? 'admin2';

/** A case in care with a few records and a document, so that its page, its timeline and the tables have rows. */
async function caseToShow() {
  const worker = await apiClient(USER);
  const id = await caseInCare(worker, `Lò Thị Phượng ${randomWord(4)}`);
  const at = new Date(Date.now() - 600_000).toISOString().replace(/\.\d+Z$/, 'Z');
  await worker.post(`/cases/${id}/records`, { type: 'identified_need', occurred_at: at, body: { need: 'Khám sức khỏe sinh sản và tư vấn tâm lý dài hạn' } });
  await worker.post(`/cases/${id}/records`, {
    type: 'counselling_session', occurred_at: at, body: { condition_observed: 'Ngủ kém, hay giật mình; đã nói chuyện được về gia đình', crisis: false },
  });
  // A scanner's long name without spaces: the documents' table must still fit a phone.
  await attachPdfViaApi(worker, id, 'Quyet_dinh_ho_tro_khan_cap_so_0123-QD-UBND_ban_quet_trang_1_den_4.pdf', 'case_history', 240_000);
  return id;
}

/** The main screens, each with who opens it and what shows once it is ready. */
function screens(caseId) {
  return [
    { name: 'work', user: USER, path: '/', ready: '[data-testid="my-work"]' },
    { name: 'cases', user: USER, path: '/cases', ready: '[data-testid="cases-table"]' },
    { name: 'case', user: USER, path: `/cases/${caseId}?section=timeline`, ready: '[data-testid="timeline"]' },
    { name: 'case-documents', user: USER, path: `/cases/${caseId}?section=documents`, ready: '[data-testid="document"]' },
    { name: 'progress-sheet', user: USER, path: `/cases/${caseId}/progress`, ready: '[data-testid="victim-sheet"]' },
    { name: 'case-summary', user: USER, path: `/cases/${caseId}/print/summary`, ready: '[data-testid="summary-timeline"]' },
    { name: 'reception', user: USER, path: '/reception', ready: '[data-testid="reception-form"]' },
    { name: 'providers', user: USER, path: '/providers', ready: '[data-testid="providers"]' },
    { name: 'notifications', user: USER, path: '/notifications', ready: '[data-testid="notifications"]' },
    { name: 'centre', user: HEAD_USER, path: '/centre', ready: '[data-testid="centre-staff"]' },
    { name: 'centre-audit', user: HEAD_USER, path: '/centre/audit', ready: '[data-testid="audit-entries"]' },
    { name: 'self-assessment', user: HEAD_USER, path: '/centre/self-assessment', ready: '[data-testid="assessment-lines"]' },
    { name: 'staffing', user: HEAD_USER, path: '/centre/staffing', ready: '#staffing-queue' },
    { name: 'disclosures', user: HEAD_USER, path: '/centre/disclosures', ready: '#approvals-queue' },
    { name: 'dashboard', user: HEAD_USER, path: '/centre/dashboard', ready: '[data-testid="chart-stage"]' },
    { name: 'staff-accounts', user: HEAD_USER, path: '/centre/accounts', ready: '[data-testid="accounts"]' },
    { name: 'admin', user: ADMIN_USER, path: '/admin', ready: '[data-testid="accounts"]' },
  ];
}

/** What the page looks like now: its width against the window's, the header, the menu, the tables. */
function measure() {
  const visible = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const name = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
  const toggle = document.querySelector('[data-testid="menu-toggle"]');
  const cells = [...document.querySelectorAll('.table-wrap tbody td')];
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    // What sticks out on the right, to say where a failure comes from.
    wide: [...document.querySelectorAll('body *')].filter((el) => visible(el) && el.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map(name),
    header: document.querySelector('[data-testid="site-header"]').getBoundingClientRect().height,
    toggle: visible(toggle) ? toggle.getAttribute('aria-expanded') : null,
    controls: toggle?.getAttribute('aria-controls') ?? null,
    nav: visible(document.querySelector('nav.main-nav')),
    focused: document.activeElement?.dataset?.testid ?? null,
    cells: cells.length,
    cardCells: cells.filter((td) => getComputedStyle(td).display === 'block').length,
    // A cell's column counts the spans before it; a cell spanning columns stands unlabelled.
    unlabelled: cells.filter((td) => {
      const column = [...td.parentElement.cells].slice(0, td.cellIndex).reduce((n, c) => n + c.colSpan, 0);
      const header = td.colSpan > 1 ? '' : td.closest('table').tHead?.rows[0]?.cells[column]?.textContent.trim() ?? '';
      return (td.dataset.label ?? '') !== header;
    }).length,
  };
}

/**
 * Walks every screen at every size. `open(user)` gives a page in `user`'s session (Playwright's and
 * Puppeteer's pages share goto, evaluate, click and keyboard) with what differs between the two:
 * `resize(w, h)`, `waitFor(selector)`, `shot(name)` and `accessible(label)`.
 */
async function walk(label, open, caseId) {
  const opened = new Map();
  for (const screen of screens(caseId)) {
    if (!opened.has(screen.user)) opened.set(screen.user, await open(screen.user));
    const browser = opened.get(screen.user);
    const { page } = browser;
    for (const size of SIZES) {
      const where = `${label}: ${screen.name} at ${size.width}×${size.height}`;
      await browser.resize(size.width, size.height);
      await page.goto(`${BASE_URL}${screen.path}`);
      await browser.waitFor(screen.ready);
      await browser.waitFor('main:not(:has([data-testid="loading"]))');
      const m = await page.evaluate(measure);
      assert.ok(m.scrollWidth <= m.innerWidth, `${where}: the page is ${m.scrollWidth} px wide in a ${m.innerWidth} px window (${m.wide.join(', ')})`);
      if (size.name === 'phone') {
        assert.ok(m.header <= PHONE_HEADER_MAX, `${where}: the header takes ${m.header} px`);
        assert.equal(m.toggle, 'false', `${where}: a closed menu button`);
        assert.equal(m.controls, 'site-menu');
        assert.equal(m.nav, false, `${where}: the screens' links wait behind the menu button`);
        assert.equal(m.cardCells, m.cells, `${where}: every table is cards`);
        assert.equal(m.unlabelled, 0, `${where}: every cell is labelled by its column's header`);
        await browser.accessible(`${where}, menu closed`);
        await browser.shot(`${label}-${screen.name}-phone`);

        await page.click('[data-testid="menu-toggle"]');
        const open = await page.evaluate(measure);
        assert.equal(open.toggle, 'true', `${where}: the menu button says it is open`);
        assert.equal(open.nav, true, `${where}: the open menu shows the screens`);
        assert.ok(open.scrollWidth <= open.innerWidth, `${where}: the open menu fits (${open.wide.join(', ')})`);
        if (screen.name === 'work' || screen.name === 'admin') await browser.accessible(`${where}, menu open`);
        await browser.shot(`${label}-${screen.name}-phone-menu`);
        await page.keyboard.press('Escape');
        const closed = await page.evaluate(measure);
        assert.equal(closed.toggle, 'false', `${where}: Escape closes the menu`);
        assert.equal(closed.nav, false);
        assert.equal(closed.focused, 'menu-toggle', `${where}: focus goes back to the menu button`);
      } else if (size.name === 'laptop') {
        assert.equal(m.toggle, null, `${where}: no menu button on a laptop`);
        assert.equal(m.nav, true, `${where}: the screens' links stand open`);
        await browser.accessible(where);
      }
    }
  }
}

/**
 * The suite, for a browser: `start()` launches it, `open(user)` (as for walk) gives a page in a
 * context of its own, collecting CSP violations and page errors in `problems`.
 */
export function layoutSuite(label, { start, open }) {
  describe(`every screen on a phone, a tablet and a laptop, in ${label}`, { timeout: 300_000 }, () => {
    let browser;
    let caseId;
    const problems = [];

    before(async () => {
      requireEnv();
      caseId = await caseToShow();
      browser = await start();
    });

    after(async () => {
      await browser?.close();
    });

    it('fits every screen, collapses the header on the phone, and makes tables cards', async () => {
      await walk(label.toLowerCase(), async (user) => {
        const opened = await open(browser, user);
        problems.push(opened.problems);
        return opened;
      }, caseId);
      assert.deepEqual(problems.flat(), [], 'no CSP violation or page error');
    });
  });
}
