// A correction of the person or the reception record, as the timeline reads it (records/correction.ts):
// one sentence in the UI's language, each changed field under the label the case page gives it, its
// values as people read them (dates day first, yes/no, names of countries and languages), and why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { correctionSentence } from './.build/correction.mjs';
import { vi } from './.build/vi.mjs';
import { en } from './.build/en.mjs';

const translator = (catalog) => (key, params = {}) => {
  assert.ok(key in catalog, `the catalog has ${key}`);
  return catalog[key].replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
};
const inVietnamese = (body) => correctionSentence(body, translator(vi), 'vi');
const inEnglish = (body) => correctionSentence(body, translator(en), 'en');

test('a birth date papers establish, in Vietnamese and in English', () => {
  const body = {
    part: 'person',
    changes: [{ field: 'birth_date', before: '', after: '2001-03-14' }],
    reason: 'Giấy khai sinh do gia đình cung cấp.',
  };
  assert.equal(inVietnamese(body), 'Sửa thông tin người được hỗ trợ — Ngày sinh: (trống) → 14/03/2001. Lý do: Giấy khai sinh do gia đình cung cấp.');
  assert.equal(inEnglish(body), "Correction of the person's details — Date of birth: (empty) → 14/03/2001. Reason: Giấy khai sinh do gia đình cung cấp.");
});

test('several fields, each read as the case page reads it', () => {
  const body = {
    part: 'person',
    changes: [
      { field: 'name', before: 'Đặng Thi Hoa', after: 'Đặng Thị Hoa' },
      { field: 'sex', before: 'unknown', after: 'female' },
      { field: 'estimated_age', before: '15', after: '' },
      { field: 'suspected_child', before: 'true', after: 'false' },
      { field: 'nationality', before: 'VN', after: 'LA' },
      { field: 'languages', before: 'vi', after: 'vi, lo' },
      { field: 'preferred_staff_gender', before: 'any', after: 'female' },
    ],
    reason: 'Hộ chiếu',
  };
  assert.equal(
    inVietnamese(body),
    'Sửa thông tin người được hỗ trợ — Họ tên: Đặng Thi Hoa → Đặng Thị Hoa; Giới tính: Chưa rõ → Nữ; Tuổi ước tính: 15 tuổi → (trống); ' +
      'Nghi là trẻ em: Có → Không; Quốc tịch: Việt Nam → Lào; Ngôn ngữ: Tiếng Việt → Tiếng Việt, Tiếng Lào; ' +
      'Giới tính cán bộ mong muốn: Không yêu cầu → Nữ. Lý do: Hộ chiếu',
  );
});

test('the reception record: its time in local time, its channel in words', () => {
  // Local times, so that the test holds in any time zone the machine is in.
  const at = (minute) => new Date(2026, 5, 12, 16, minute).toISOString().replace(/\.\d+Z$/, 'Z');
  const body = {
    part: 'reception',
    changes: [
      { field: 'received_at', before: at(28), after: at(29) },
      { field: 'referral_channel', before: 'police', after: 'border_guard' },
      { field: 'documents', before: 'Biên bản', after: 'Biên bản, Giấy xác nhận' },
    ],
    reason: 'Typo',
  };
  assert.equal(
    inEnglish(body),
    'Correction of the reception record — Received at: 12/06/2026 16:28 → 12/06/2026 16:29; Referral channel: Police → Border guard; ' +
      'Documents handed over: Biên bản → Biên bản, Giấy xác nhận. Reason: Typo',
  );
});

test('a field or part newer than this UI is named in words, never by its API name', () => {
  assert.equal(inEnglish({ part: 'person', changes: [{ field: 'eye_colour', before: 'x', after: 'y' }], reason: 'r' }),
    "Correction of the person's details — Another detail: x → y. Reason: r");
  assert.equal(inVietnamese({ part: 'household', changes: [{ field: 'constructor', before: 'x', after: 'y' }], reason: 'r' }),
    'Sửa thông tin — Thông tin khác: x → y. Lý do: r');
});
