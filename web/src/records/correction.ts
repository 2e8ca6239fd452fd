// A correction of the person or of the reception record (PUT /cases/{id}/person, /reception) as the
// server keeps it in the case's history: each changed field with its earlier and its new value, as
// the API spells them (ISO dates and times, true/false, codes, lists joined by ", "; empty for none),
// and why. The timeline reads it as one sentence in the UI's language, with the labels the reception
// form and the case page use: "Sửa thông tin người được hỗ trợ — Ngày sinh: (trống) → 14/03/2001.
// Lý do: …". Pure, unit-tested.
import type { CorrectionBody } from '../generated/records';
import { countryName, formatDateOnly, formatDateTime, languageName } from '../format';
import { k, type Lang, type MessageKey, type Params } from '../i18n';
import { CHANNEL_LABEL, SEX_LABEL, STAFF_GENDER_LABEL } from '../labels';

type Translate = (key: MessageKey, params?: Params) => string;

/** How a field's value, as the API spells it, reads. */
type Reading = (value: string, t: Translate, lang: Lang) => string;

const asTyped: Reading = (v) => v;
const yesNo: Reading = (v, t) => t(v === 'true' ? 'timeline.yes' : 'timeline.no');
const labelled = (labels: Record<string, MessageKey>): Reading => (v, t) => (labels[v] ? t(labels[v]) : v);

/** The person's fields and the reception record's, with their labels. */
const FIELDS: Record<string, { label: MessageKey; read: Reading }> = {
  name: { label: k('case.name'), read: asTyped },
  name_is_alias: { label: k('reception.nameIsAlias'), read: yesNo },
  sex: { label: k('case.sex'), read: labelled(SEX_LABEL) },
  birth_date: { label: k('case.birthDate'), read: (v) => formatDateOnly(v) },
  estimated_age: { label: k('case.estimatedAge'), read: (v, t) => t('case.age', { n: v }) },
  suspected_child: { label: k('reception.suspectedChild'), read: yesNo },
  nationality: { label: k('case.nationality'), read: (v, _, lang) => countryName(v, lang) },
  languages: { label: k('case.languages'), read: (v, _, lang) => v.split(', ').map((code) => languageName(code, lang)).join(', ') },
  preferred_staff_gender: { label: k('case.preferredStaffGender'), read: labelled(STAFF_GENDER_LABEL) },
  received_at: { label: k('case.receivedAt'), read: (v) => formatDateTime(v) },
  referral_channel: { label: k('case.referralChannel'), read: labelled(CHANNEL_LABEL) },
  referring_authority: { label: k('case.referringAuthority'), read: asTyped },
  legal_basis: { label: k('case.legalBasis'), read: asTyped },
  documents: { label: k('case.documents'), read: asTyped },
};

const PARTS: Record<string, MessageKey> = { person: k('correction.person'), reception: k('correction.reception') };

const own = <T>(map: Record<string, T>, key: string): T | undefined => (Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined);

/** The correction in words. A field or part newer than this UI is named as "another detail" or "a
 *  correction", its values as typed: never the server's spelling of its name. */
export function correctionSentence(body: CorrectionBody, t: Translate, lang: Lang): string {
  const changes = (body.changes ?? []).map(({ field, before = '', after = '' }) => {
    const known = own(FIELDS, field);
    const read = (v: string) => (v === '' ? t('correction.empty') : known ? known.read(v, t, lang) : v);
    return t('correction.change', { field: t(known ? known.label : 'correction.otherField'), before: read(before), after: read(after) });
  });
  const part = t(own(PARTS, body.part) ?? 'rt.correction');
  return t('correction.sentence', { part, changes: changes.join('; '), reason: body.reason ?? '' });
}
