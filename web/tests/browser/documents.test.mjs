// Documents attached to a case, in Chromium: a case worker on the case opens its Documents section,
// attaches a PDF with its category through the form (the name taken from the file, the category
// chosen, never guessed), sees the upload's progress and then the document listed with its name,
// category, size ("2,4 MB"), who added it and when; its bytes are read only when she opens it (each
// opening is audited), as a PDF, and come back as they were sent. Before anything is sent, a file
// over 10 MB is refused at once and a type other than PDF, JPEG or PNG warned of; a text file named
// ".pdf" goes, and the server's refusal (415) is shown beside the file in Vietnamese, naming PDF,
// JPEG and PNG, with the file, its name and its category kept. A package previewed in the consent
// section says which documents would leave with it (none before one is attached). In English; on a
// phone without sideways scrolling, the list a card per document.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiClient,
  assertAccessible,
  BASE_URL,
  caseInCare,
  launch,
  newPage,
  openSection,
  pdfBytes,
  randomWord,
  requireEnv,
  screenshot,
  signIn,
  USER,
  waitUntil,
} from './helpers.mjs';

const COMMUNE = 'Ủy ban nhân dân xã Vĩnh Trường';
const NAME = 'Giấy xác nhận nhân thân.pdf';
/** 2.4 MiB: "2,4 MB" in Vietnamese, "2.4 MB" in English. */
const SIZE = Math.floor(2.4 * 1024 * 1024);
const MiB = 1024 * 1024;
const DAY_AND_TIME = String.raw`\d\d/\d\d/\d{4} \d\d:\d\d`;
const iso = (minutesAgo) => new Date(Date.now() - minutesAgo * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
const isDocumentsPost = (r) => r.method() === 'POST' && /^\/api\/v1\/cases\/[^/]+\/documents$/.test(new URL(r.url()).pathname);

describe('documents attached to a case', { timeout: 240_000 }, () => {
  let browser;
  let ctx;
  let page;
  let worker;
  let caseId;
  const pdf = pdfBytes(SIZE);
  /** The documents' POSTs the page sent, and every reading of a document's bytes. */
  const posts = [];
  const contents = [];
  /** Holds the first upload's answer back until the test has seen its progress. */
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });

  before(async () => {
    requireEnv();
    worker = await apiClient(USER);
    caseId = await caseInCare(worker, `Hà Thị Mai ${randomWord(4)}`);
    // She agreed that her identity may go to her commune, to find her family.
    await worker.post(`/cases/${caseId}/records`, {
      type: 'consent', occurred_at: iso(5),
      body: { given_by: 'victim', categories: ['identity'], recipient: COMMUNE, purposes: ['family_reunification'], informed: true },
    });
    browser = await launch();
    ctx = await newPage(browser);
    page = ctx.page;
    ctx.context.on('request', (r) => {
      if (/\/documents\/[^/]+\/content$/.test(new URL(r.url()).pathname)) contents.push(r.url());
    });
    await page.route((url) => /^\/api\/v1\/cases\/[^/]+\/documents$/.test(url.pathname), async (route) => {
      if (route.request().method() === 'POST') {
        posts.push(route.request());
        await held;
      }
      await route.continue();
    });
    await page.goto(`${BASE_URL}/cases/${caseId}`);
    await page.waitForURL(/\/signin/);
    await signIn(page);
    await page.getByTestId('case-section-overview').waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  /** A family information package for the commune, of her identity, previewed in the consent section. */
  async function previewPackage() {
    await openSection(page, 'consent');
    await page.locator('#dp-kind').selectOption('family_information');
    await page.locator('#dp-recipient').fill(COMMUNE);
    await page.locator('#dp-purpose').selectOption('family_reunification');
    await page.locator('#dp-cat-identity').check();
    const answered = page.waitForResponse((r) => r.url().includes('/disclosure-packages/preview'));
    await page.getByTestId('disclosure-preview').click();
    assert.equal((await answered).status(), 200);
    await page.getByTestId('package-preview').waitFor();
    assert.equal(await page.getByTestId('package-refusals').count(), 0, 'her consent covers it');
    return page.getByTestId('package-documents');
  }

  it('says that no document would leave with a package before any is attached', async () => {
    const documents = await previewPackage();
    assert.equal(await documents.getByTestId('package-no-documents').textContent(), 'Không có tài liệu nào đi kèm.');
    assert.equal(await documents.getByTestId('package-document').count(), 0);
  });

  it('attaches a PDF with the category she chose, showing its progress, and lists it with its name, category and size', async () => {
    await openSection(page, 'documents');
    await page.getByTestId('documents-none').waitFor();
    assert.equal(await page.getByTestId('section-documents-count').count(), 0, 'no count while there is none');
    await assertAccessible(page, 'documents, none yet');

    await page.getByTestId('document-file').setInputFiles({ name: NAME, mimeType: 'application/pdf', buffer: pdf });
    assert.equal(await page.getByTestId('document-name-input').inputValue(), NAME, 'the name taken from the file');
    assert.equal(await page.getByTestId('document-type-warning').count(), 0, 'a PDF is what is asked for');
    assert.equal(await page.getByTestId('document-category-select').inputValue(), '', 'no category guessed');
    // Without a category nothing leaves: she is asked to choose one.
    await page.getByTestId('document-submit').click();
    assert.equal(await page.getByTestId('error-doc.category').textContent(), 'Hãy chọn loại thông tin của tài liệu.');
    assert.equal(posts.length, 0, 'nothing sent');

    await page.getByTestId('document-category-select').selectOption('identity');
    await page.getByTestId('document-submit').click();
    // The answer is held back: the progress shows, with a way to stop.
    const progress = page.getByTestId('document-progress');
    await progress.waitFor();
    assert.match(await progress.textContent(), /^(Đang tải lên: \d{1,3}%|Đã gửi xong, đang lưu…)$/);
    assert.equal(await progress.locator('progress').getAttribute('max'), '100');
    assert.equal(await page.getByTestId('document-cancel').isVisible(), true);
    await screenshot(page, '120-document-uploading');
    await waitUntil(() => posts.length === 1, 'the upload reached the network');
    const sent = posts[0];
    const query = new URL(sent.url()).searchParams;
    assert.equal(query.has('name'), false, 'no name in the address, which proxies log');
    assert.equal(query.get('category'), 'identity');
    assert.equal(query.has('record_id'), false);
    const headers = await sent.allHeaders();
    assert.equal(decodeURIComponent(headers['document-name']), NAME);
    assert.equal(headers['content-type'], 'application/pdf', 'the raw bytes, typed as the file');
    assert.ok(headers['x-csrf-token'], 'the anti-forgery token, as every change');
    assert.equal(headers['accept-language'], 'vi');
    release();

    assert.equal(await page.getByTestId('document-attached').textContent(), `Đã đính kèm «${NAME}».`);
    await page.getByTestId('document-progress').waitFor({ state: 'detached' });
    const row = page.getByTestId('document').filter({ hasText: NAME });
    await row.waitFor();
    assert.equal(await row.getByTestId('document-name').textContent(), NAME);
    assert.equal(await row.getByTestId('document-category').textContent(), 'Nhân thân');
    assert.equal(await row.getByTestId('document-size').textContent(), '2,4 MB');
    assert.match(await row.textContent(), new RegExp(`${worker.user.display_name}${DAY_AND_TIME}`));
    assert.equal(await row.getByRole('img', { name: 'Tệp PDF' }).count(), 1, 'its type, as an icon named for a screen reader');
    assert.equal(await page.getByTestId('section-documents-count').textContent(), '1');
    assert.equal(await page.getByTestId('document-name-input').inputValue(), '', 'the form is ready for the next one');
    assert.deepEqual(contents, [], 'nothing of it read before anyone opens it');
    await assertAccessible(page, 'documents, one attached');
    await screenshot(page, '121-document-attached');
  });

  it('opens the document only when asked, as a PDF, and downloads the bytes sent', async () => {
    const row = page.getByTestId('document').filter({ hasText: NAME });
    const open = row.getByTestId('document-open');
    assert.equal(await open.getAttribute('target'), '_blank');
    assert.equal(await open.getAttribute('rel'), 'noopener');
    const href = await open.getAttribute('href');
    assert.match(href, new RegExp(`^/api/v1/cases/${caseId}/documents/[^/?]+/content$`));
    assert.equal(await row.getByTestId('document-download').getAttribute('href'), `${href}?download=1`);

    const answered = ctx.context.waitForEvent('response', (r) => new URL(r.url()).pathname === href);
    const opened = ctx.context.waitForEvent('page');
    await open.click();
    const response = await answered;
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'], /^application\/pdf/);
    await (await opened).close();
    assert.equal(contents.length, 1, 'read once, when opened');

    const download = await page.request.get(`${BASE_URL}${href}?download=1`);
    assert.equal(download.status(), 200);
    assert.match(download.headers()['content-disposition'] ?? '', /^attachment/);
    assert.ok((await download.body()).equals(pdf), 'the bytes as they were sent');
  });

  it('lists the documents that would leave with a package, of a category the consent covers', async () => {
    const documents = await previewPackage();
    const item = documents.getByTestId('package-document');
    await item.first().waitFor();
    assert.equal(await item.count(), 1);
    assert.equal(await item.textContent(), `${NAME} · Nhân thân · 2,4 MB`);
    assert.equal(await documents.getByTestId('package-no-documents').count(), 0);
    await assertAccessible(page, 'a package with its documents');
    await openSection(page, 'documents');
  });

  it('checks a file before sending it, and shows the server refusing a text file named .pdf beside the file, keeping what she chose', async () => {
    const file = page.getByTestId('document-file');
    const fileError = page.getByTestId('error-doc.file');
    // The browser calls it text: a warning only, since the server reads the content.
    await file.setInputFiles({ name: 'ghi chú.txt', mimeType: 'text/plain', buffer: Buffer.from('Ghi chú của cán bộ\n') });
    assert.match(await page.getByTestId('document-type-warning').textContent(), /PDF, JPEG hay PNG/);
    // Over 10 MB: said at once, and nothing is sent.
    await file.setInputFiles({ name: 'Ban quet lon.pdf', mimeType: 'application/pdf', buffer: pdfBytes(10 * MiB + 1) });
    assert.match(await fileError.textContent(), /^Tệp quá lớn \(hơn 10 MB\): mỗi tài liệu tối đa 10 MB\./);
    await page.getByTestId('document-category-select').selectOption('health');
    await page.getByTestId('document-submit').click();
    assert.equal(posts.length, 1, 'nothing sent');

    // Named .pdf and called a PDF by the browser, but text: the server refuses it by its content.
    await file.setInputFiles({ name: 'Biên bản.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Đây không phải tệp PDF.\n') });
    assert.equal(await fileError.count(), 0, 'a new file, a new check');
    assert.equal(await page.getByTestId('document-type-warning').count(), 0);
    await page.getByTestId('document-name-input').fill('Biên bản bàn giao.pdf');
    const refused = page.waitForResponse((r) => isDocumentsPost(r.request()));
    await page.getByTestId('document-submit').click();
    assert.equal((await refused).status(), 415);
    const said = await fileError.textContent();
    for (const type of ['PDF', 'JPEG', 'PNG']) assert.ok(said.includes(type), `the refusal names ${type}: ${said}`);
    assert.match(said, /Chỉ nhận tệp/, 'in Vietnamese');
    assert.equal(await file.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByTestId('document-name-input').inputValue(), 'Biên bản bàn giao.pdf', 'the name kept');
    assert.equal(await page.getByTestId('document-category-select').inputValue(), 'health', 'the category kept');
    assert.equal(await file.evaluate((input) => input.files[0]?.name), 'Biên bản.pdf', 'the file kept');
    assert.equal(await page.getByTestId('document').count(), 1, 'nothing added');
    await assertAccessible(page, 'a document refused');
    await screenshot(page, '122-document-refused');
  });

  it('reads in English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    const row = page.getByTestId('document').filter({ hasText: NAME });
    assert.equal(await row.getByTestId('document-size').textContent(), '2.4 MB');
    assert.equal(await row.getByTestId('document-category').textContent(), 'Identity');
    assert.equal(await page.getByRole('link', { name: 'Documents (1 document(s))', exact: true }).count(), 1, 'the count heard in words');
    assert.equal(await page.locator('#sec-documents').textContent(), 'Documents attached to the case');
  });

  it('fits a phone: the documents as cards, nothing scrolling sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const row = page.getByTestId('document').filter({ hasText: NAME });
    await row.waitFor();
    const fit = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      cards: [...document.querySelectorAll('[data-testid="document"] td')].every((td) => getComputedStyle(td).display === 'block'),
    }));
    assert.ok(fit.scrollWidth <= fit.innerWidth, `no sideways scrolling (${fit.scrollWidth} px in ${fit.innerWidth})`);
    assert.equal(fit.cards, true, 'a card per document');
    assert.equal(await row.locator('td').first().getAttribute('data-label'), 'Document', "each line under its column's header");
    await assertAccessible(page, 'documents on a phone');
    await screenshot(page, '123-documents-phone');
    assert.deepEqual(ctx.problems, []);
  });
});
