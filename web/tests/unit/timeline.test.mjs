// The timeline in words (records/describe.ts): every record type the server's OpenAPI document knows,
// including those the server writes itself, reads in Vietnamese and in English without a field's API
// name, a record's or a staff member's ID, an enum's spelling or an ISO time, and shows every text
// that was typed in it. The records are made from the document's body schemas, so a type or field
// the server adds is walked without this file changing; a code field (an ID, a clause, a language)
// whose meaning the document does not say fails until it is given below.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeRecord, hasWords, pointedRecord } from './.build/describe.mjs';
import { vi } from './.build/vi.mjs';
import { en } from './.build/en.mjs';
import { openApiDocument, recordFamily } from '../../scripts/openapi-document.mjs';

const doc = openApiDocument();
const schemas = doc.components.schemas;
const cases = recordFamily(doc, 'CaseRecord');
const centre = recordFamily(doc, 'CentreRecord');
const actions = schemas.CaseAction.properties.action.enum;

const translator = (catalog) => (key, params = {}) => {
  assert.ok(key in catalog, `the catalog has ${key}`);
  return catalog[key].replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
};
const LANGS = { vi: translator(vi), en: translator(en) };

// IDs as the server makes them: 26 characters of Crockford's base 32, lower case (security/random.cpp).
const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const ID_PATTERN = /[0-9a-hjkmnp-tv-z]{26}/;
let ids = 0;
const newId = () => {
  ids += 1;
  let n = ids;
  let out = '';
  for (let i = 0; i < 26; i += 1) {
    out += ID_ALPHABET[(n + i * 7) % 32];
    n = Math.floor(n / 32);
  }
  return out;
};

const LAN = { id: newId(), name: 'Nguyễn Thị Lan' };
const GONE = newId(); // a member of staff the reader's list does not hold (another centre's, a deleted account)
const staffName = (id) => (id === LAN.id ? LAN.name : undefined);

/** The fields correction records name (domain/correction.cpp), which the document types only as codes. */
const CORRECTED_FIELDS = ['name', 'name_is_alias', 'sex', 'birth_date', 'estimated_age', 'suspected_child', 'nationality', 'languages',
  'preferred_staff_gender', 'received_at', 'referral_channel', 'referring_authority', 'legal_basis', 'documents'];

/** What each code field holds (its schema says only ^[A-Za-z0-9._-]{0,64}$), by `type.field` or by field name. */
const CODES = {
  language: ['vi', 'lo', 'km'],
  languages: ['vi', 'lo'],
  country: ['VN', 'LA', 'KH'],
  'guard_override.what': [...cases.posted, ...actions],
  'guard_override.clauses': ['II.6.b', 'II.1.e'],
  'correction.part': ['person', 'reception'],
  'correction.changes.field': CORRECTED_FIELDS,
};

/** Texts that are a value as the API spells it, read by their field (a yes/no reads "No"): not looked for as typed. */
const SPELLED = new Set(['correction.changes.before', 'correction.changes.after']);

const typed = new Set(); // every text "typed" into a sample, so that the test can look for each
let texts = 0;
const typedText = (path) => {
  texts += 1;
  const v = `Lời ghi số ${texts}`;
  if (!SPELLED.has(path)) typed.add(v);
  return v;
};

/** The first record of each type, made before the others so that fields can point at it. */
const firstOf = new Map();

/** A value for a property, the `variant`-th of its possible values: every enum value and code is met across variants. */
function sample(path, name, schema, variant) {
  const type = [].concat(schema.type ?? 'string').find((x) => x !== 'null');
  if (type === 'boolean') return variant % 2 === 0;
  if (type === 'integer' || type === 'number') return (schema.minimum ?? 0) + 7;
  if (type === 'array') {
    const items = schema.items ?? {};
    if (items.enum) return variant % 2 === 0 ? [...items.enum] : [items.enum[variant % items.enum.length]];
    return [0, 1].map((i) => sample(path, name, items, variant + i));
  }
  if (type === 'object') {
    return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([p, s]) => [p, sample(`${path}.${p}`, p, s, variant)]));
  }
  if (schema.enum) return schema.enum[variant % schema.enum.length];
  if (schema.format === 'date-time') return '2026-06-12T09:28:00Z';
  if (schema.format === 'date') return '2026-06-11';
  if (!schema.pattern) return typedText(path);
  const pointsAt = /The ID of the case's (\w+) record/.exec(schema.description ?? '')?.[1];
  if (pointsAt) return variant % 2 === 0 && firstOf.has(pointsAt) ? firstOf.get(pointsAt).id : newId();
  if (/(^|_)staff_id$/.test(name)) return variant % 2 === 0 ? LAN.id : GONE;
  const codes = CODES[path] ?? CODES[name];
  assert.ok(codes, `${path} is a code field (${schema.pattern}): say in CODES what it holds, and make describe.ts read it in words`);
  return codes[variant % codes.length];
}

/** How many variants it takes to meet every value of every enum and code of a body. */
function variantsOf(path, schema) {
  const type = [].concat(schema.type ?? 'string').find((x) => x !== 'null');
  if (type === 'array') return variantsOf(path, schema.items ?? {});
  if (type === 'object') return Math.max(2, ...Object.entries(schema.properties ?? {}).map(([p, s]) => variantsOf(`${path}.${p}`, s)));
  return Math.max(2, schema.enum?.length ?? 0, (CODES[path] ?? CODES[path.split('.').pop()] ?? []).length);
}

function records(family, centreFamily) {
  const out = [];
  for (const type of family.types) {
    const body = family.bodies[type].schema;
    const n = variantsOf(type, body);
    for (let v = 0; v < n; v += 1) {
      const r = { id: newId(), type, occurred_at: '2026-06-10T03:15:00Z', recorded_at: '2026-06-10T03:15:00Z', recorded_by: LAN.id, body: sample(type, type, body, v) };
      if (centreFamily) r.subject = v % 2 === 0 ? LAN.id : GONE;
      if (!firstOf.has(type)) firstOf.set(type, r);
      out.push(r);
    }
  }
  return out;
}

// In the server's order a type pointed at (a need, a referral, a consent, a legal hold) comes before
// those that point at it; an even variant points at the first of its type, an odd one at a record not
// shown (as a package shows only its categories).
const all = [...records(cases), ...records(centre, true)];
const byId = new Map(all.map((r) => [r.id, r]));

const propertyNames = new Set();
const enumValues = new Set();
(function collect(schema) {
  for (const [name, s] of Object.entries(schema.properties ?? {})) {
    propertyNames.add(name);
    for (const v of s.enum ?? s.items?.enum ?? []) enumValues.add(v);
    collect(s.items ?? s);
  }
})({ properties: Object.fromEntries([...Object.values(cases.bodies), ...Object.values(centre.bodies)].flatMap(({ schema }) => Object.entries(schema.properties ?? {}))) });

const words = (r, lang) => describeRecord(r, { t: LANGS[lang], lang, records: byId, staffName });
const shown = ({ title, sentence = '', lines }) => [title, sentence, ...lines.flatMap((l) => [l.label, l.value])].join('\n');

test('every record type the server knows has words in this UI', () => {
  const missing = [...cases.types, ...centre.types].filter((type) => !hasWords(type));
  assert.deepEqual(missing, [], 'record types with no reading in records/describe.ts (a form in schema.ts or a reader)');
});

for (const lang of ['vi', 'en']) {
  test(`every record, in ${lang === 'vi' ? 'Vietnamese' : 'English'}: no API name, ID, enum spelling or ISO time, and all that was typed`, () => {
    for (const r of all) {
      const w = words(r, lang);
      const text = shown(w);
      const where = `${r.type} ${JSON.stringify(r.body)} read as:\n${text}\n`;
      assert.notEqual(w.title, r.type, `${where}its title is its API name`);
      assert.ok(w.sentence || w.lines.length > 0, `${where}says nothing of what it holds`);
      assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}/, `${where}shows an ISO date or time`);
      assert.doesNotMatch(text, ID_PATTERN, `${where}shows an ID`);
      assert.doesNotMatch(text, /\b[a-z]+_[a-z0-9_]+\b/, `${where}shows a name in the API's spelling`);
      for (const l of w.lines) assert.ok(!propertyNames.has(l.label), `${where}labels a line with the field name ${l.label}`);
      if (lang === 'vi') {
        // Vietnamese words are never spelled as an English field name or enum value: one that shows came through raw.
        for (const word of text.split(/[^\p{L}_]+/u)) {
          assert.ok(!propertyNames.has(word) && !enumValues.has(word), `${where}shows "${word}" as the API spells it`);
        }
      }
      const body = JSON.stringify(r.body);
      for (const v of typed) if (body.includes(`"${v}"`)) assert.ok(text.includes(v), `${where}leaves out "${v}", typed into it`);
    }
  });
}

test('a record a field points at reads by its gist and date, and one not shown says so', () => {
  const need = { id: newId(), type: 'identified_need', occurred_at: '2026-06-10T03:15:00Z', body: { need: 'Khám răng' } };
  const risk = { id: newId(), type: 'return_risk_assessment', occurred_at: '2026-06-10T03:15:00Z', body: { level: 'high' } };
  const cx = { t: LANGS.en, lang: 'en', records: new Map([[need.id, need], [risk.id, risk]]), staffName };
  assert.match(pointedRecord(need.id, cx), /^Khám răng \(10\/06\/2026 \d\d:15\)$/);
  assert.match(pointedRecord(risk.id, cx), /^Return risk assessment \(10\/06\/2026 \d\d:15\)$/, 'a record with nothing typed reads by its type');
  assert.equal(pointedRecord(newId(), cx), 'an earlier record (not shown here)');
  assert.equal(pointedRecord(newId(), { ...cx, t: LANGS.vi, lang: 'vi' }), 'một hồ sơ trước đó (không có ở đây)');
});

test('what the server writes reads as sentences: a requirement passed over, an emergency opening, a disclosure', () => {
  const cx = (lang) => ({ t: LANGS[lang], lang, records: new Map(), staffName });
  const override = { id: newId(), type: 'guard_override', occurred_at: '2026-06-10T03:15:00Z', body: { clauses: ['II.6.b'], what: 'referral', reason: 'Cần chuyển gấp' } };
  assert.deepEqual(describeRecord(override, cx('vi')), {
    title: vi['rt.guard_override'],
    sentence: `Bỏ qua yêu cầu II.6.b cho “${vi['rt.referral']}”`,
    lines: [{ label: 'Lý do', value: 'Cần chuyển gấp' }],
  });
  const move = { ...override, body: { clauses: ['II.1.e'], what: 'begin_identification', reason: 'r' } };
  assert.equal(describeRecord(move, cx('en')).sentence, 'Passed over II.1.e for “Begin identification”');
  const glass = { id: newId(), type: 'break_glass', occurred_at: '2026-06-10T03:15:00Z', body: { until: '2026-06-10T05:15:00Z', reason: 'Cấp cứu' } };
  assert.match(describeRecord(glass, cx('en')).sentence, /^Opened in an emergency until 10\/06\/2026 \d\d:15$/);
  const transfer = { id: newId(), type: 'disclosure', occurred_at: '2026-06-10T03:15:00Z',
    body: { kind: 'case_transfer', recipient: 'Trung tâm B', purpose: 'referral', categories: ['identity', 'health'] } };
  assert.deepEqual(describeRecord(transfer, cx('en')).lines, [
    { label: 'Kind', value: 'Transfer of the case to another centre' },
    { label: 'Recipient', value: 'Trung tâm B' },
    { label: 'Purpose', value: 'Referral' },
    { label: 'Categories of information', value: `${en['opt.category.identity']}, ${en['opt.category.health']}` },
  ]);
});

test('a member of staff reads by name, or as "a member of staff" when the reader does not know them', () => {
  const cx = { t: LANGS.en, lang: 'en', records: new Map(), staffName };
  const assigned = (id) => ({ id: newId(), type: 'staff_assignment', occurred_at: '2026-06-10T03:15:00Z', body: { staff_id: id } });
  assert.deepEqual(describeRecord(assigned(LAN.id), cx).lines[0], { label: en['rf.staff_id'], value: 'Nguyễn Thị Lan' });
  assert.deepEqual(describeRecord(assigned(GONE), cx).lines[0], { label: en['rf.staff_id'], value: 'a member of staff' });
});

test('a type newer than this UI shows its kind and time only, never its fields', () => {
  const w = describeRecord({ id: newId(), type: 'future_thing', occurred_at: '2026-06-10T03:15:00Z', body: { secret_field: 'x' } },
    { t: LANGS.vi, lang: 'vi', records: new Map(), staffName });
  assert.deepEqual(w, { title: 'Loại hồ sơ khác', lines: [] });
  assert.equal(hasWords('future_thing'), false);
  assert.equal(hasWords('constructor'), false, 'an Object property is not a record type');
});

test('a stage move reads by the stages\' names and the move that made it', () => {
  const cx = (lang) => ({ t: LANGS[lang], lang, records: new Map(), staffName });
  const moved = (body) => ({ id: newId(), type: 'stage_move', occurred_at: '2026-06-10T03:15:00Z', body });
  assert.deepEqual(describeRecord(moved({ from: 'received', to: 'in_care', action: 'begin_care' }), cx('vi')), {
    title: vi['rt.stage_move'],
    sentence: 'Chuyển giai đoạn: Đã tiếp nhận → Đang chăm sóc',
    lines: [{ label: 'Thao tác', value: 'Bắt đầu chăm sóc' }],
  });
  assert.deepEqual(describeRecord(moved({ from: 'monitoring', to: 'closed', action: 'close_lost_contact' }), cx('en')), {
    title: en['rt.stage_move'],
    sentence: 'Stage moved: Monitoring → Closed',
    lines: [{ label: 'Move', value: 'Close: contact lost' }],
  });
});
