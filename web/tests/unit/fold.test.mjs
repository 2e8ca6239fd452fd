import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldVietnamese, foldWithMap, highlightSegments, matchesQuery } from './.build/fold.mjs';

test('strips Vietnamese tone and vowel marks', () => {
  assert.equal(foldVietnamese('Nguyễn Thị Hoà'), 'nguyen thi hoa');
  assert.equal(foldVietnamese('Trần Văn Ơn Ưng Âu Ê Ô'), 'tran van on ung au e o');
  assert.equal(foldVietnamese('Phạm Hồng Nhung'), 'pham hong nhung');
});

test('folds đ and Đ to d', () => {
  assert.equal(foldVietnamese('Đặng'), 'dang');
  assert.equal(foldVietnamese('Đức'), 'duc');
  assert.equal(foldVietnamese('đường ĐỒNG'), 'duong dong');
});

test('handles decomposed (NFD) input the same as composed (NFC)', () => {
  const nfd = 'Đặng Thị Hạnh'.normalize('NFD');
  assert.equal(foldVietnamese(nfd), 'dang thi hanh');
});

test('leaves ASCII, digits and punctuation alone (lowercased)', () => {
  assert.equal(foldVietnamese('HV-7K3M-Q9PX'), 'hv-7k3m-q9px');
  assert.equal(foldVietnamese(''), '');
});

test('the search examples from the brief match', () => {
  assert.ok(foldVietnamese('Đặng Thị Đức Hạnh').includes(foldVietnamese('dang')));
  assert.ok(foldVietnamese('Đặng Thị Đức Hạnh').includes(foldVietnamese('duc hanh')));
  assert.ok(matchesQuery('Đặng Thị Đức Hạnh', 'hanh dang'));
  assert.ok(!matchesQuery('Đặng Thị Đức Hạnh', 'hoa'));
});

test('foldWithMap maps folded positions back to the original', () => {
  const { folded, map, ends } = foldWithMap('Đặng');
  assert.equal(folded, 'dang');
  assert.deepEqual(map, [0, 1, 2, 3]);
  assert.deepEqual(ends, [1, 2, 3, 4]);
});

test('highlightSegments marks accent-insensitive hits in the original text', () => {
  const segs = highlightSegments('Đặng Thị Đức Hạnh', 'duc hanh');
  assert.deepEqual(segs, [
    { text: 'Đặng Thị ', match: false },
    { text: 'Đức Hạnh', match: true },
  ]);
  assert.deepEqual(highlightSegments('Hoa', ''), [{ text: 'Hoa', match: false }]);
  assert.deepEqual(highlightSegments('Hoa', 'x'), [{ text: 'Hoa', match: false }]);
  const nfd = 'Hạnh'.normalize('NFD');
  assert.equal(highlightSegments(nfd, 'hanh').map((s) => s.text).join(''), nfd);
});
