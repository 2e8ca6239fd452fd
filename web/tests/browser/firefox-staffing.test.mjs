// The head's staffing queue (issue 19), in Firefox ESR: an unscreened counsellor is shown as such and
// cannot be picked (III.1.b); a screened one is assigned once the declaration is confirmed (III.2.c),
// without break-glass; then a case worker, and the case leaves the queue.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessibleInFirefox, firefoxScreenshot, launchFirefox, signInAsHeadAt } from './firefox.mjs';
import { apiClient, newCaseBody, randomWord, requireEnv, USER } from './helpers.mjs';
import { addStaff } from './staff.mjs';

const suffix = randomWord(4);

describe("Firefox ESR: the head's staffing queue", { timeout: 150_000 }, () => {
  let browser;
  let page;
  let problems;
  let worker;
  let counsellor;
  let unscreened;
  let shortCase;

  before(async () => {
    requireEnv();
    worker = await apiClient(USER);
    counsellor = await addStaff({ display_name: `Mùa Thị Dế ${suffix}`, role: 'counsellor' });
    unscreened = await addStaff({ display_name: `Giàng Thị Chở ${suffix}`, role: 'counsellor', screened: false });
    const body = newCaseBody(`Sùng Thị Mỷ ${suffix}`);
    body.reception.received_at = new Date(Date.now() - 31 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
    shortCase = await worker.post('/cases', body);
    ({ browser, page, problems } = await launchFirefox());
  });

  after(async () => {
    await browser?.close();
  });

  const card = () => `[data-testid="staffing-case"][data-code="${shortCase.code}"]`;
  const candidate = (who) => `${card()} [data-testid="candidate"]:has(input[id$="${who.id}"])`;
  const assign = async (who) => {
    await page.locator(`${card()} [data-testid="staffing-open"]`).click();
    await page.waitForSelector(`${card()} [data-testid="assign-form"]`);
    await page.locator(`${candidate(who)} input[type="radio"]`).click();
    await page.locator(`${card()} input[type="checkbox"]`).click();
    await page.locator(`${card()} [data-testid="assign-submit"]`).click();
    await page.waitForFunction((name) => document.querySelector('[data-testid="staffing-done"]')?.textContent.includes(name), {}, who.display_name);
  };

  it('shows an unscreened counsellor as such, assigns a screened one and then a case worker without break-glass, and the case leaves the queue', async () => {
    await signInAsHeadAt(page, '/centre/staffing', card());
    await page.locator(`${card()} [data-testid="staffing-open"]`).click();
    await page.waitForSelector(`${card()} [data-testid="assign-form"]`);
    assert.equal(await page.$eval(`${candidate(unscreened)} input`, (e) => e.disabled), true, 'she cannot be picked');
    assert.match(await page.$eval(`${candidate(unscreened)} [data-testid="candidate-screening"]`, (e) => e.textContent), /^Chưa thẩm tra khi tuyển dụng \(III\.1\.b\)/);
    await assertAccessibleInFirefox(page, 'the staffing queue, assigning');
    await firefoxScreenshot(page, '99-firefox-staffing');
    await page.locator(`${card()} [data-testid="assign-cancel"]`).click();

    await assign(counsellor);
    assert.equal(await page.$eval('[data-testid="staffing-done"]', (e) => e.textContent),
      `Đã phân công ${counsellor.display_name} cho hồ sơ ${shortCase.code}. Hồ sơ vẫn còn thiếu: Cán bộ quản lý hồ sơ.`);
    await assign(worker.user);
    assert.equal(await page.$eval('[data-testid="staffing-done"]', (e) => e.textContent),
      `Đã phân công ${worker.user.display_name} cho hồ sơ ${shortCase.code}. Hồ sơ đã đủ cán bộ và không còn trong danh sách.`);
    assert.equal(await page.$(card()), null, 'the case left the queue');

    const records = (await worker.get(`/cases/${shortCase.id}/records`)).items;
    assert.deepEqual(records.filter((r) => r.type === 'staff_assignment').map((r) => r.body.staff_id).sort(), [counsellor.id, worker.user.id].sort());
    assert.equal(records.some((r) => r.type === 'break_glass'), false, 'no break-glass');
    assert.deepEqual(problems, []);
  });
});
