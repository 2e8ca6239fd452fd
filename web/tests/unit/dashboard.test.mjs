// The dashboard's charts as numbers (dashboard/geometry.ts): the scale's top, bars and stacked
// segments in pixels, labels broken into lines that fit, the rows of horizontal bars and the columns
// laid out for a width, the share of deadlines kept and how it and a month read, and the referrals
// gathered by provider.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  byProvider, charsIn, formatMonth, formatShare, keptShare, layoutColumns, layoutHBars, monthTick, niceMax, scaled, stack, totalOf, wrapLabel,
} from './.build/geometry.mjs';

test('the top of a scale is 1, 2, 5 or 10 times a power of ten, at least the largest value', () => {
  assert.deepEqual([0, -3, NaN, 0.4, 1, 3, 7, 10, 12, 20, 21, 99, 100, 101, 4321].map(niceMax), [1, 1, 1, 0.5, 1, 5, 10, 10, 20, 20, 50, 100, 100, 200, 5000]);
});

test('a value in pixels: proportional, never more than the length, at least a pixel when above zero', () => {
  assert.equal(scaled(5, 10, 200), 100);
  assert.equal(scaled(0, 10, 200), 0);
  assert.equal(scaled(1, 1000, 200), 1, 'a single case is not drawn as none');
  assert.equal(scaled(30, 20, 200), 200);
  assert.equal(scaled(1, 3, 100), 33.3);
  assert.equal(scaled(4, 0, 100), 0);
});

test('stacked segments follow one another from the start', () => {
  assert.deepEqual(stack([2, 0, 3], 10, 100), [
    { start: 0, size: 20, value: 2 },
    { start: 20, size: 0, value: 0 },
    { start: 20, size: 30, value: 3 },
  ]);
  assert.deepEqual(stack([1], 4, 100, 10), [{ start: 10, size: 25, value: 1 }]);
});

test('a label is broken at spaces into lines that fit, the last ending with … when the text goes on', () => {
  assert.deepEqual(wrapLabel('Tư vấn tâm lý trong 72 giờ', 12), ['Tư vấn tâm', 'lý trong 72…']);
  assert.deepEqual(wrapLabel('Tư vấn tâm lý', 40), ['Tư vấn tâm lý']);
  assert.deepEqual(wrapLabel('  Đã   tiếp nhận ', 8, 3), ['Đã tiếp', 'nhận']);
  assert.deepEqual(wrapLabel('abcdefghijkl', 5, 3), ['abcde', 'fghij', 'kl'], 'a word longer than a line is cut');
  assert.deepEqual(wrapLabel('Lập kế hoạch hỗ trợ', 6, 3), ['Lập kế', 'hoạch', 'hỗ trợ']);
  assert.deepEqual(wrapLabel('one two three four', 9, 1), ['one two…']);
  assert.deepEqual(wrapLabel('', 10), []);
  for (const line of wrapLabel('II.3.a — Tư vấn tâm lý cho nạn nhân trong vòng 72 giờ kể từ khi tiếp nhận', 20, 3)) {
    assert.ok(line.length <= 20, `"${line}" fits`);
  }
});

test('how many characters fit in a width', () => {
  assert.equal(charsIn(326, 13), 44);
  assert.equal(charsIn(5, 13), 1);
});

test('horizontal bars: each row its label lines, then its bars one under the other, then its note', () => {
  const rows = [
    { label: ['Trần Văn Minh'], bars: [[5], [2]] },
    { label: ['Lê Thị Hoa', 'Tư vấn viên'], bars: [[0], [0]] },
  ];
  const l = layoutHBars(rows, { width: 344, barHeight: 18, lineHeight: 16, gap: 14, valueRoom: 44 });
  assert.equal(l.length, 300);
  assert.equal(l.max, 5);
  const [minh, hoa] = l.rows;
  assert.deepEqual(minh.labelY, [12]);
  assert.equal(minh.bars[0].y, 18);
  assert.deepEqual(minh.bars[0].segments, [{ start: 0, size: 300, value: 5 }]);
  assert.equal(minh.bars[0].end, 300);
  assert.equal(minh.bars[1].y, 39);
  assert.equal(minh.bars[1].end, 120);
  assert.equal(minh.bars[1].total, 2);
  // The second row starts after the first's bars (each 18 px and 3 apart) and the gap.
  assert.deepEqual(hoa.labelY, [74 + 12, 74 + 28]);
  assert.equal(hoa.bars[0].y, 74 + 34);
  assert.equal(hoa.bars[0].end, 0);
  assert.equal(l.height, 74 + 34 + 42 + 2, 'no gap after the last row');
});

test('a stacked bar: its segments in a row, its total at its end, its note under it', () => {
  const l = layoutHBars([{ label: ['Bệnh viện tỉnh'], bars: [[2, 1, 0, 1]], note: ['2 đã gửi · 1 đã nhận · 1 hoàn thành'] }], { width: 244, valueRoom: 44 });
  const [bar] = l.rows[0].bars;
  assert.equal(l.max, 5);
  assert.deepEqual(bar.segments.map((s) => [s.start, s.size]), [[0, 80], [80, 40], [120, 0], [120, 40]]);
  assert.equal(bar.total, 4);
  assert.equal(bar.end, 160);
  assert.equal(l.rows[0].noteY.length, 1);
  assert.ok(l.rows[0].noteY[0] > bar.y + 18, 'the note is under the bar');
});

test('columns share the width, stand on the baseline, stacked upwards, with room for their labels', () => {
  const l = layoutColumns([[3], [0], [1]], { width: 300, plot: 150, labelLines: 2, lineHeight: 14, top: 20 });
  assert.equal(l.baseline, 170);
  assert.equal(l.height, 170 + 6 + 28);
  assert.equal(l.max, 5);
  const [a, b, c] = l.columns;
  assert.equal(a.band, 56, 'a column is never wider than 56 px');
  assert.equal(a.center, 50);
  assert.equal(b.center, 150);
  assert.equal(c.center, 250);
  assert.deepEqual(a.segments, [{ y: 80, size: 90, value: 3 }]);
  assert.equal(a.top, 80);
  assert.equal(b.top, 170, 'a zero column has no height');
  const trend = layoutColumns([[2, 1, 1]], { width: 100, plot: 100 });
  assert.deepEqual(trend.columns[0].segments.map((s) => [s.y, s.size]), [[80, 40], [60, 20], [40, 20]], 'kept at the bottom, then late, then overdue');
  assert.equal(trend.columns[0].total, 4);
  const narrow = layoutColumns(Array.from({ length: 12 }, () => [1]), { width: 312 });
  assert.equal(narrow.columns[11].x + narrow.columns[11].band <= 312, true, 'twelve months fit a phone');
});

test('the share of deadlines kept, in whole percent, and none when nothing fell due', () => {
  assert.equal(keptShare({ kept: 3, late: 1, overdue: 0 }), 75);
  assert.equal(keptShare({ kept: 2, late: 0, overdue: 1 }), 67);
  assert.equal(keptShare({ kept: 0, late: 0, overdue: 0 }), null);
  assert.equal(keptShare({ kept: 0, late: 1, overdue: 1 }), 0);
  assert.equal(formatShare(75), '75%');
  assert.equal(formatShare(0), '0%');
  assert.equal(formatShare(null), '—');
  assert.deepEqual(totalOf([{ kept: 3, late: 1, overdue: 0 }, { kept: 1, late: 0, overdue: 2 }]), { kept: 4, late: 1, overdue: 2 });
  assert.deepEqual(totalOf([]), { kept: 0, late: 0, overdue: 0 });
});

test('months read month first, the year under January and the first month shown', () => {
  assert.equal(formatMonth('2026-03'), '03/2026');
  assert.equal(formatMonth('bad'), 'bad');
  assert.deepEqual(monthTick('2026-01', false), { month: '01', year: '2026' });
  assert.deepEqual(monthTick('2025-12', true), { month: '12', year: '2025' });
  assert.deepEqual(monthTick('2026-05', false), { month: '05', year: null });
});

test('referrals by provider: each status counted, the most referred first, then by name', () => {
  const rows = byProvider([
    { provider: 'Bệnh viện tỉnh', status: 'sent', referrals: 2 },
    { provider: 'An Phúc', status: 'completed', referrals: 1 },
    { provider: 'Bệnh viện tỉnh', status: 'accepted', referrals: 1 },
    { provider: 'Ánh Dương', status: 'declined', referrals: 1 },
    { provider: 'Trống', status: 'sent', referrals: 0 },
  ]);
  assert.deepEqual(rows.map((r) => [r.provider, r.total]), [['Bệnh viện tỉnh', 3], ['An Phúc', 1], ['Ánh Dương', 1]]);
  assert.deepEqual(rows[0].counts, { sent: 2, accepted: 1, declined: 0, completed: 0 });
  assert.deepEqual(byProvider([]), []);
});
