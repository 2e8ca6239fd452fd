// Documents attached to a case: a file's size as people read it (format.ts formatBytes: "2,4 MB" in
// Vietnamese, "2.4 MB" in English), and the attach form's checks before anything is sent
// (casefile/documents.ts): over 10 MiB or empty stops the sending at once; a type the browser calls
// other than PDF, JPEG or PNG only warns (the server decides by the content); a name of 1 to 200
// characters (code points) without / or \. Every message is in both catalogs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatBytes } from './.build/format.mjs';
import {
  DOCUMENT_ACCEPT, DOCUMENT_TYPE_LABEL, DOCUMENT_TYPES, FILE_PROBLEM, fileProblem, isImage, MAX_DOCUMENT_BYTES, MAX_DOCUMENT_NAME,
  NAME_PROBLEM, nameProblem, unexpectedType,
} from './.build/documents.mjs';
import { vi } from './.build/vi.mjs';
import { en } from './.build/en.mjs';

const MiB = 1024 * 1024;

test("a file's size reads with the language's decimal sign, one decimal below ten", () => {
  assert.equal(formatBytes(2.4 * MiB, 'vi'), '2,4 MB');
  assert.equal(formatBytes(2.4 * MiB, 'en'), '2.4 MB');
  assert.equal(formatBytes(10 * MiB, 'vi'), '10 MB', 'the limit, as the form says it');
  assert.equal(formatBytes(10 * MiB + 1, 'en'), '10 MB');
  assert.equal(formatBytes(2 * MiB, 'en'), '2 MB', 'no trailing zero');
  assert.equal(formatBytes(1536, 'vi'), '1,5 KB');
  assert.equal(formatBytes(512 * 1024, 'en'), '512 KB');
  assert.equal(formatBytes(700, 'vi'), '700 B');
  assert.equal(formatBytes(0, 'en'), '0 B');
  assert.equal(formatBytes(1023, 'en'), '1,023 B', "the language's thousands sign");
  assert.equal(formatBytes(1023, 'vi'), '1.023 B');
  assert.equal(formatBytes(123.4 * MiB, 'vi'), '123 MB');
  assert.equal(formatBytes(3 * 1024 * MiB, 'en'), '3 GB');
});

test('a file over 10 MiB or empty is stopped before sending; exactly 10 MiB goes', () => {
  assert.equal(MAX_DOCUMENT_BYTES, 10 * MiB);
  assert.equal(fileProblem({ size: 10 * MiB }), null);
  assert.equal(fileProblem({ size: 10 * MiB + 1 }), 'too_large');
  assert.equal(fileProblem({ size: 0 }), 'empty');
  assert.equal(fileProblem({ size: 1 }), null);
});

test('a type other than PDF, JPEG or PNG by the browser only warns; the file chooser offers the three', () => {
  for (const type of ['application/pdf', 'image/jpeg', 'image/png']) assert.equal(unexpectedType({ type }), false, type);
  for (const type of ['text/plain', 'image/gif', 'image/heic', 'application/msword', '']) assert.equal(unexpectedType({ type }), true, type || 'no type');
  assert.equal(DOCUMENT_ACCEPT, 'application/pdf,image/jpeg,image/png');
  assert.equal(isImage('image/png'), true);
  assert.equal(isImage('application/pdf'), false);
});

test('a name is 1 to 200 characters once trimmed, counted as the server counts them, and no path', () => {
  assert.equal(nameProblem('CCCD mặt trước.jpg'), null);
  assert.equal(nameProblem('  Quyết định số 12/QĐ.pdf'), 'path');
  assert.equal(nameProblem('scan\\page1.pdf'), 'path');
  assert.equal(nameProblem(''), 'required');
  assert.equal(nameProblem('   '), 'required');
  assert.equal(nameProblem('ệ'.repeat(MAX_DOCUMENT_NAME)), null, '200 letters with diacritics');
  assert.equal(nameProblem('ệ'.repeat(MAX_DOCUMENT_NAME + 1)), 'too_long');
  // Code points, not UTF-16 units: 200 characters outside the BMP are 400 units and still fit.
  assert.equal(nameProblem('𝐀'.repeat(MAX_DOCUMENT_NAME)), null);
  assert.equal(nameProblem(`${'a'.repeat(MAX_DOCUMENT_NAME)}  `), null, 'spaces around are not counted');
});

test('every check and type is said in Vietnamese and English, with the size and the limit', () => {
  const keys = [...Object.values(FILE_PROBLEM), ...Object.values(NAME_PROBLEM), ...Object.values(DOCUMENT_TYPE_LABEL)];
  assert.deepEqual(Object.keys(DOCUMENT_TYPE_LABEL), [...DOCUMENT_TYPES]);
  for (const key of keys) {
    assert.ok(vi[key] && en[key], `${key} in both catalogs`);
  }
  assert.match(vi[FILE_PROBLEM.too_large], /\{size\}.*\{max\}/);
  assert.match(en[FILE_PROBLEM.too_large], /\{size\}.*\{max\}/);
  assert.match(vi[NAME_PROBLEM.too_long], /\{max\}/);
  assert.match(vi['documents.typeRefused'], /PDF, JPEG hoặc PNG/);
});
