// The record forms against the server's OpenAPI document (`haven openapi`, as the server generates
// it from its record tables): every record type has a form or is one the server writes itself; each
// form's fields are exactly the properties of its type's body, of the JSON types its kinds write,
// its choices the values the body allows, and what the body requires the form asks for; every label
// exists in both languages. And the case file header's reading of the records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CENTRE_FORMS, ENUMS, GROUPS, OPTION_LABEL, RECORD_FORMS, SERVER_RECORD_LABELS } from './.build/schema.mjs';
import { consentsInForce } from './.build/caseState.mjs';
import { vi } from './.build/vi.mjs';
import { en } from './.build/en.mjs';
import { openApiDocument, recordFamily } from '../../scripts/openapi-document.mjs';

const doc = openApiDocument();
const cases = recordFamily(doc, 'CaseRecord');
const centre = recordFamily(doc, 'CentreRecord');
const sorted = (values) => [...values].sort();

/** The body schema of a type, which must be the component `<family>Body.<type>`, a closed object. */
function body(family, records, type) {
  const found = records.bodies[type];
  assert.ok(found, `the OpenAPI document has a ${family} of type ${type}`);
  assert.equal(found.name, `${family}Body.${type}`, `${family}.${type}'s body is components.schemas["${family}Body.${type}"]`);
  assert.equal(found.schema.type, 'object', `${found.name} is an object`);
  assert.equal(found.schema.additionalProperties, false, `${found.name} is closed`);
  return found.schema;
}

/** The values an enum or choices field may take, as the body's schema says. */
function documentedValues(property) {
  return property.type === 'array' || (Array.isArray(property.type) && property.type.includes('array'))
    ? property.items?.enum : property.enum;
}

/** The JSON type a field's kind writes, and the format where one is due. */
const KIND_TYPES = {
  bool: ['boolean'], integer: ['integer'], lines: ['array'], choices: ['array'], languages: ['array'], plan_actions: ['array'],
  datetime: ['string', 'date-time'], date: ['string', 'date'],
};

/** The same checks for a case's forms and the centre's: fields, their types, choices, what is required. */
function checkForms(family, records, forms, extra = []) {
  for (const form of forms) {
    const schema = body(family, records, form.type);
    const properties = schema.properties ?? {};
    const fields = form.fields.filter((f) => !extra.includes(f.name));
    assert.deepEqual(sorted(fields.map((f) => f.name)), sorted(Object.keys(properties)), `${form.type}: the form's fields are the body's properties`);
    for (const f of fields) {
      const property = properties[f.name];
      const [type, format] = KIND_TYPES[f.kind] ?? ['string'];
      assert.ok([].concat(property.type).includes(type), `${form.type}.${f.name}: a ${f.kind} field writes ${type}, the document says ${JSON.stringify(property.type)}`);
      if (format) assert.equal(property.format, format, `${form.type}.${f.name}: a ${f.kind} field writes ${format}`);
      if (f.kind === 'integer') {
        assert.ok(property.minimum === undefined || f.min >= property.minimum, `${form.type}.${f.name}: the form's minimum is within the document's`);
        assert.ok(property.maximum === undefined || f.max <= property.maximum, `${form.type}.${f.name}: the form's maximum is within the document's`);
      }
      if (f.kind === 'enum' || f.kind === 'choices') {
        const values = documentedValues(property);
        assert.ok(Array.isArray(values), `${form.type}.${f.name} is an enum in the document`);
        assert.deepEqual(sorted(ENUMS[f.options]), sorted(values), `${form.type}.${f.name}: the options of ${f.options} are the document's enum`);
      } else {
        assert.equal(documentedValues(property), undefined, `${form.type}.${f.name} is an enum in the document, but its field is ${f.kind}`);
      }
    }
    for (const name of schema.required ?? []) {
      const field = form.fields.find((f) => f.name === name);
      assert.equal(field?.required, true, `${form.type}.${name}: the document requires it, so the form does`);
    }
  }
}

test('every record type of the server has a form, or is written by the server itself', () => {
  const covered = [...RECORD_FORMS.map((f) => f.type), ...Object.keys(SERVER_RECORD_LABELS)].sort();
  assert.deepEqual(covered, sorted(cases.types));
});

test('every form is of a type staff post, and every type staff post has a form', () => {
  assert.deepEqual(sorted(RECORD_FORMS.map((f) => f.type)), sorted(cases.posted.filter((t) => !(t in SERVER_RECORD_LABELS))));
  for (const form of RECORD_FORMS) assert.ok(cases.posted.includes(form.type), `NewCaseRecord has ${form.type}`);
  assert.deepEqual(sorted(CENTRE_FORMS.map((f) => f.type)), sorted(centre.posted));
});

test("each form's fields, their types, choices and required fields are the ones the API documents for its type", () => {
  checkForms('CaseRecord', cases, RECORD_FORMS);
});

test("the centre's forms are its record types, with the fields the API documents (the subject beside them)", () => {
  assert.deepEqual(sorted(CENTRE_FORMS.map((f) => f.type)), sorted(centre.types));
  for (const form of CENTRE_FORMS.filter((f) => f.group === 'staff')) {
    assert.ok(form.fields.some((f) => f.name === 'subject'), `${form.type}: a staff record names its subject`);
  }
  checkForms('CentreRecord', centre, CENTRE_FORMS, ['subject']);
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
