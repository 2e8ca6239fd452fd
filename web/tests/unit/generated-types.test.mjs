// src/generated/records.ts is what scripts/openapi-types.mjs makes of the server's OpenAPI document
// now: regenerated here in memory, it must be the checked-in file to the byte. When the server's
// record types change, `npm run gen:types` brings the client's types along.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generateRecordTypes, outputPath, tsType } from '../../scripts/openapi-types.mjs';
import { openApiDocument } from '../../scripts/openapi-document.mjs';

test('src/generated/records.ts is up to date with `haven openapi` (else run `npm run gen:types`)', () => {
  const expected = generateRecordTypes(openApiDocument());
  let current;
  try {
    current = readFileSync(outputPath, 'utf8');
  } catch {
    assert.fail(`${outputPath} is missing: run \`npm run gen:types\``);
  }
  if (current !== expected) {
    const a = current.split('\n');
    const b = expected.split('\n');
    const line = a.findIndex((l, n) => l !== b[n]);
    assert.fail(`src/generated/records.ts differs from the server's OpenAPI document (first at line ${line + 1}):\n` +
      `  checked in: ${a[line] ?? '(end of file)'}\n  generated:  ${b[line] ?? '(end of file)'}\n` +
      'run `npm run gen:types` and commit the result');
  }
});

test('JSON Schema to TypeScript', () => {
  const doc = { components: { schemas: { Level: { type: 'string', enum: ['low', 'high'] } } } };
  assert.equal(tsType(doc, { type: 'string', format: 'date-time' }), 'string');
  assert.equal(tsType(doc, { type: 'integer', minimum: 1 }), 'number');
  assert.equal(tsType(doc, { type: 'boolean', default: false }), 'boolean');
  assert.equal(tsType(doc, { type: ['string', 'null'] }), 'string | null');
  assert.equal(tsType(doc, { type: 'string', enum: ['a', "it's"] }), "'a' | 'it\\'s'");
  assert.equal(tsType(doc, { type: 'array', items: { $ref: '#/components/schemas/Level' } }), "('low' | 'high')[]");
  assert.equal(tsType(doc, { type: 'array', items: { type: 'string' } }), 'string[]');
  assert.equal(tsType(doc, { type: 'object', properties: { a: { type: 'string' }, b: { type: 'integer' } }, required: ['a'] }),
    '{\n  a: string;\n  b?: number;\n}');
  assert.equal(tsType(doc, { const: 'consent' }), "'consent'");
  assert.equal(tsType(doc, { type: 'object' }), 'Record<string, unknown>');
});
