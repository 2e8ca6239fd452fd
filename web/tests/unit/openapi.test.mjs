// The server's OpenAPI document (`haven openapi`) as a client reads it: valid OpenAPI 3.1 by the
// published schema (@seriousme/openapi-schema-validator), one operationId per operation, every $ref
// pointing at something, and no object with a key twice (JSON.parse keeps the last silently; strict
// parsers refuse the document).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Validator } from '@seriousme/openapi-schema-validator';
import { openApiText, resolveRef } from '../../scripts/openapi-document.mjs';

const text = openApiText();
const doc = JSON.parse(text);

/**
 * Every key that appears twice in one object of a JSON text, as "path: key". A small strict reader
 * of its own: it walks the text's tokens and throws on anything that is not JSON.
 */
function duplicateKeys(json) {
  let i = 0;
  const found = [];
  const fail = (what) => { throw new SyntaxError(`${what} at offset ${i}`); };
  const space = () => { while (' \t\n\r'.includes(json[i]) && i < json.length) i++; };
  const string = () => {
    const start = i;
    if (json[i] !== '"') fail('expected a string');
    for (i++; json[i] !== '"'; i++) {
      if (i >= json.length) fail('unterminated string');
      if (json[i] === '\\') i++;
    }
    i++;
    return JSON.parse(json.slice(start, i));
  };
  const value = (path) => {
    space();
    const c = json[i];
    if (c === '{') {
      i++;
      const keys = new Set();
      space();
      if (json[i] === '}') { i++; return; }
      for (;;) {
        space();
        const k = string();
        if (keys.has(k)) found.push(`${path || '(root)'}: ${k}`);
        keys.add(k);
        space();
        if (json[i++] !== ':') fail('expected :');
        value(`${path}/${k}`);
        space();
        const next = json[i++];
        if (next === '}') return;
        if (next !== ',') fail('expected , or }');
      }
    } else if (c === '[') {
      i++;
      space();
      if (json[i] === ']') { i++; return; }
      for (let n = 0; ; n++) {
        value(`${path}/${n}`);
        space();
        const next = json[i++];
        if (next === ']') return;
        if (next !== ',') fail('expected , or ]');
      }
    } else if (c === '"') {
      string();
    } else {
      const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(json.slice(i, i + 400));
      if (!m) fail('expected a value');
      i += m[0].length;
    }
  };
  value('');
  space();
  if (i !== json.length) fail('text after the value');
  return found;
}

test('the strict key scanner finds a key given twice', () => {
  assert.deepEqual(duplicateKeys('{"a": {"410": 1, "b": [1, {"c": 2}], "410": 3}}'), ['/a: 410']);
  assert.deepEqual(duplicateKeys('{"a\\u0062": 1, "ab": 2, "x": "\\"}"}'), ['(root): ab']);
  assert.deepEqual(duplicateKeys('[{"a": 1}, {"a": 2}]'), []);
  assert.throws(() => duplicateKeys('{"a": 1,}'));
});

test('no object of the document has a key twice', () => {
  assert.deepEqual(duplicateKeys(text), []);
});

test('the document is valid OpenAPI 3.1', async () => {
  assert.match(doc.openapi, /^3\.1\.\d+$/);
  const validator = new Validator({ allErrors: true });
  const result = await validator.validate(doc);
  assert.equal(validator.version, '3.1');
  assert.equal(result.valid, true, `the validator's errors:\n${JSON.stringify(result.errors, null, 2)}`);
});

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

test('every operation has an operationId of its own', () => {
  const seen = new Map();
  const missing = [];
  const twice = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of methods.filter((m) => item[m])) {
      const id = item[method].operationId;
      const where = `${method.toUpperCase()} ${path}`;
      if (typeof id !== 'string' || id === '') missing.push(where);
      else if (seen.has(id)) twice.push(`${id}: ${seen.get(id)} and ${where}`);
      else seen.set(id, where);
    }
  }
  assert.ok(seen.size > 0, 'the document has operations');
  assert.deepEqual(missing, [], 'operations without an operationId');
  assert.deepEqual(twice, [], 'operationIds given twice');
});

test('every $ref points at a component of the document', () => {
  const refs = [];
  const walk = (node, path) => {
    if (Array.isArray(node)) node.forEach((v, n) => walk(v, `${path}/${n}`));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && typeof v === 'string') refs.push([path, v]);
        else walk(v, `${path}/${k}`);
      }
    }
  };
  walk(doc, '');
  assert.ok(refs.length > 0, 'the document has references');
  const broken = [];
  for (const [path, ref] of refs) {
    if (!ref.startsWith('#/components/')) {
      broken.push(`${path}: ${ref} is not a component of the document`);
      continue;
    }
    try {
      resolveRef(doc, ref);
    } catch (e) {
      broken.push(`${path}: ${e.message}`);
    }
  }
  assert.deepEqual(broken, []);
});

test('a record of each type is in the oneOf of its family, under its discriminator', () => {
  for (const family of ['CaseRecord', 'NewCaseRecord', 'CentreRecord', 'NewCentreRecord']) {
    const schema = doc.components.schemas[family];
    assert.ok(schema, `components.schemas.${family}`);
    assert.equal(schema.discriminator?.propertyName, 'type', `${family} is told apart by its type`);
    const mapped = Object.values(schema.discriminator.mapping ?? {});
    assert.deepEqual(schema.oneOf.map((s) => s.$ref), mapped, `${family}: the oneOf and the mapping name the same schemas, in one order`);
    for (const [type, ref] of Object.entries(schema.discriminator.mapping)) {
      const record = resolveRef(doc, ref);
      const typed = (record.allOf ?? [record]).find((p) => p.properties?.type);
      assert.equal(typed?.properties.type.const, type, `${ref}: its type is "${type}"`);
    }
  }
});
