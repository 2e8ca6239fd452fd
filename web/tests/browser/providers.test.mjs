// The provider directory (II.6.a) as a case worker uses it: search whatever the accents, entries not
// verified lately flagged, and the printed list for a victim without them; in English too.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { apiClient, assertAccessible, BASE_URL, HEAD_USER, launch, newPage, randomWord, requireEnv, screenshot, signIn } from './helpers.mjs';

const HOSPITAL = `Bệnh viện Đa khoa ${randomWord(4)}`;
const SCHOOL = `Trường Trung cấp nghề ${randomWord(4)}`;
const daysAgo = (n) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe('the provider directory', { timeout: 90_000 }, () => {
  let browser;
  let ctx;
  let page;

  before(async () => {
    requireEnv();
    const head = await apiClient(HEAD_USER);
    const at = new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z');
    for (const [name, services, verified] of [[HOSPITAL, 'Khám phụ khoa, xét nghiệm', daysAgo(3)], [SCHOOL, 'Học nghề may', daysAgo(900)]]) {
      await head.post('/centre/records', {
        type: 'service_provider', occurred_at: at, body: { name, services, contact: '0296 3 852 989', address: 'Long Xuyên, An Giang', last_verified: verified },
      });
    }
    browser = await launch();
    ctx = await newPage(browser);
    page = ctx.page;
    await page.goto(`${BASE_URL}/signin`);
    await signIn(page);
    await page.getByTestId('my-work').waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  it('finds providers without accents and flags the ones to verify again', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Danh bạ dịch vụ' }).click();
    const school = page.getByTestId('provider').filter({ hasText: SCHOOL });
    await school.waitFor();
    assert.equal(await school.getAttribute('data-stale'), 'true');
    assert.match(await school.textContent(), /Cần xác minh lại/);
    assert.equal(await page.getByTestId('provider').filter({ hasText: HOSPITAL }).getAttribute('data-stale'), 'false');
    await page.getByTestId('provider-search').fill('benh vien da khoa');
    await page.waitForFunction((name) => [...document.querySelectorAll('[data-testid="provider"]')].every((e) => e.textContent.includes(name)), HOSPITAL);
    assert.equal(await page.getByTestId('provider').filter({ hasText: SCHOOL }).count(), 0);
    await page.getByTestId('provider-search').fill('');
    await assertAccessible(page, 'provider directory');
    await screenshot(page, '50-providers');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByTestId('provider').filter({ hasText: SCHOOL }).isVisible(), false, 'a stale entry is not printed');
    assert.equal(await page.getByTestId('provider').filter({ hasText: HOSPITAL }).isVisible(), true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('reads in English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: /Service provider directory/ }).waitFor();
    assert.match(await page.getByTestId('provider').filter({ hasText: SCHOOL }).textContent(), /To verify again/);
    await assertAccessible(page, 'provider directory (English)');
    assert.deepEqual(ctx.problems, []);
  });
});
