// The record forms against the server: every record type has a form or is one the server writes
// itself; each form's fields are exactly those the OpenAPI document lists for its type; every label
// exists in both languages. And the case file header's reading of the records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CENTRE_FORMS, ENUMS, GROUPS, OPTION_LABEL, RECORD_FORMS, SERVER_RECORD_LABELS } from './.build/schema.mjs';
import { consentsInForce } from './.build/caseState.mjs';
import { vi } from './.build/vi.mjs';
import { en } from './.build/en.mjs';

const repo = new URL('../../../', import.meta.url);
const serverTypes = [...readFileSync(new URL('src/domain/case_record.hpp', repo), 'utf8')
  .match(/kRecordTypeNames\[\] = \{([^}]*)\}/)[1].matchAll(/"(\w+)"/g)].map((m) => m[1]);

/** type -> field names, from the OpenAPI document's description of a record's body. */
function documentedFields(marker = '"The record\'s fields, by type: ') {
  const source = readFileSync(new URL('src/http/handlers/openapi_document.cpp', repo), 'utf8');
  const line = source.split('\n').find((l) => l.includes(marker));
  const text = line.replace(/\[\{[^}]*\}\]/g, '').replace(/\[\]/g, '');
  const fields = {};
  for (const m of text.matchAll(/(\w+) \{([^}]*)\}/g)) {
    fields[m[1]] = m[2].split(',').map((f) => f.split(':')[0].split('(')[0].trim()).filter(Boolean);
  }
  return fields;
}

test('every record type of the server has a form, or is written by the server itself', () => {
  const covered = [...RECORD_FORMS.map((f) => f.type), ...Object.keys(SERVER_RECORD_LABELS)].sort();
  assert.deepEqual(covered, [...serverTypes].sort());
});

test("each form's fields are exactly the ones the API documents for its type", () => {
  const documented = documentedFields();
  for (const form of RECORD_FORMS) {
    assert.ok(documented[form.type], `the OpenAPI document describes ${form.type}`);
    assert.deepEqual(form.fields.map((f) => f.name).sort(), [...documented[form.type]].sort(), form.type);
  }
});

test("the centre's forms are its record types, with the fields the API documents (the subject beside them)", () => {
  const centreTypes = [...readFileSync(new URL('src/domain/centre_record.hpp', repo), 'utf8')
    .match(/kCentreRecordTypeNames\[\] = \{([^}]*)\}/)[1].matchAll(/"(\w+)"/g)].map((m) => m[1]);
  assert.deepEqual(CENTRE_FORMS.map((f) => f.type).sort(), [...centreTypes].sort());
  const documented = documentedFields('"By type: staff_qualification');
  for (const form of CENTRE_FORMS) {
    const fields = form.fields.map((f) => f.name).filter((n) => n !== 'subject');
    assert.deepEqual(fields.sort(), [...documented[form.type]].sort(), form.type);
  }
});

test('every label of the forms exists in Vietnamese and English', () => {
  const keys = [
    ...Object.values(GROUPS),
    ...Object.values(SERVER_RECORD_LABELS),
    ...[...RECORD_FORMS, ...CENTRE_FORMS].flatMap((f) => [f.label, ...f.fields.map((x) => x.label)]),
    ...Object.values(OPTION_LABEL).flatMap((o) => Object.values(o)),
  ];
  for (const key of keys) {
    assert.ok(vi[key], `vi has ${key}`);
    assert.ok(en[key], `en has ${key}`);
  }
  for (const [name, values] of Object.entries(ENUMS)) {
    assert.deepEqual(Object.keys(OPTION_LABEL[name]).sort(), [...values].sort(), `every ${name} value has a label`);
  }
});

const rec = (id, type, at, body) => ({ id, type, occurred_at: at, body });

test('consents in force: not withdrawn, not expired', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const consent = (id, expires_at) => rec(id, 'consent', '2026-01-01T00:00:00Z', {
    given_by: 'victim', recipient: 'Bệnh viện tỉnh', categories: ['health'], purposes: ['referral'], ...(expires_at ? { expires_at } : {}),
  });
  const records = [
    consent('open'), consent('expired', '2026-05-01T00:00:00Z'), consent('later', '2026-07-01T00:00:00Z'), consent('withdrawn'),
    rec('w', 'consent_withdrawal', '2026-02-01T00:00:00Z', { consent_id: 'withdrawn' }),
  ];
  assert.deepEqual(consentsInForce(records, now).map((c) => c.id), ['open', 'later']);
  assert.deepEqual(consentsInForce(records, now)[0].categories, ['health']);
});
