// The dashboard's charts as numbers: where each bar, segment and label goes for a width in pixels,
// labels broken into lines that fit, the share of deadlines kept, months as read. No DOM, no Preact:
// unit-tested (tests/unit/dashboard.test.mjs); dashboard/Charts.tsx draws what this computes.
import type { ReferralStatus } from '../api';

/** A deadline's outcome in a month (the API's DeadlineCounts). */
export interface Counts {
  kept: number;
  late: number;
  overdue: number;
}

/** The top of a scale for values up to `max`: 1, 2, 5 or 10 times a power of ten, at least 1. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].find((s) => s * power >= max) ?? 10;
  return step * power;
}

/** A length in pixels for `value` on a scale of `max` drawn over `length` pixels; a value above 0 is
 * at least one pixel, so that it never reads as none. */
export function scaled(value: number, max: number, length: number): number {
  if (!(value > 0) || !(max > 0) || !(length > 0)) return 0;
  return Math.max(1, Math.round((Math.min(value, max) / max) * length * 10) / 10);
}

/** Consecutive segments of a stacked bar, from `start`, each `value` long on the scale. */
export function stack(values: number[], max: number, length: number, start = 0): { start: number; size: number; value: number }[] {
  let at = start;
  return values.map((value) => {
    const size = scaled(value, max, length);
    const segment = { start: at, size, value };
    at += size;
    return segment;
  });
}

/**
 * A label broken at spaces into lines of at most `maxChars` characters, at most `maxLines` of them:
 * the last line ends with "…" when the text goes on (the table and the chart's description give it
 * whole). A word longer than a line is cut.
 */
export function wrapLabel(text: string, maxChars: number, maxLines = 2): string[] {
  const width = Math.max(4, Math.floor(maxChars));
  const lines: string[] = [];
  let line = '';
  const words = text.trim().split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    let word = words[i];
    while (word.length > width) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1];
  kept[maxLines - 1] = `${last.length >= width ? last.slice(0, width - 1) : last}…`;
  return kept;
}

/** How many characters of text `size` pixels high fit in `px` pixels (an average glyph is about
 * 0.56 of the font's size in the sans-serif fonts the UI uses, Vietnamese diacritics included). */
export function charsIn(px: number, size: number): number {
  return Math.max(1, Math.floor(px / (size * 0.56)));
}

export interface HBarRow {
  /** The row's label, already broken into lines. */
  label: string[];
  /** Its bars, one under the other (a grouped chart has several); each bar's segments stacked. */
  bars: number[][];
  /** Lines said under the row's last bar (what a stacked bar is made of), already broken. */
  note?: string[];
}

export interface HBarLayout {
  width: number;
  height: number;
  /** The longest bar's length on the scale. */
  length: number;
  max: number;
  rows: {
    /** The baseline of each label line. */
    labelY: number[];
    bars: { y: number; segments: { start: number; size: number; value: number }[]; total: number; end: number }[];
    noteY: number[];
  }[];
}

export interface HBarOptions {
  width: number;
  barHeight?: number;
  lineHeight?: number;
  /** Between one row and the next. */
  gap?: number;
  /** Kept to the right of the longest bar for its figure. */
  valueRoom?: number;
}

/**
 * Horizontal bars, each row's label on its own lines above its bars, so that a long clause title or
 * a name takes the chart's whole width on a phone and no bar is squeezed beside it.
 */
export function layoutHBars(rows: HBarRow[], { width, barHeight = 18, lineHeight = 16, gap = 14, valueRoom = 44 }: HBarOptions): HBarLayout {
  const length = Math.max(40, width - valueRoom);
  const max = niceMax(Math.max(0, ...rows.flatMap((r) => r.bars.map((b) => b.reduce((s, v) => s + v, 0)))));
  let y = 0;
  const out = rows.map((row) => {
    const labelY = row.label.map((_, i) => y + lineHeight * (i + 1) - 4);
    y += lineHeight * row.label.length + 2;
    const bars = row.bars.map((values) => {
      const segments = stack(values, max, length);
      const total = values.reduce((s, v) => s + v, 0);
      const last = segments[segments.length - 1];
      const bar = { y, segments, total, end: last ? last.start + last.size : 0 };
      y += barHeight + 3;
      return bar;
    });
    const noteY = (row.note ?? []).map((_, i) => y + lineHeight * (i + 1) - 4);
    y += lineHeight * (row.note?.length ?? 0) + gap;
    return { labelY, bars, noteY };
  });
  return { width, height: Math.max(1, y - gap + 2), length, max, rows: out };
}

export interface ColumnLayout {
  width: number;
  height: number;
  /** Where the columns stand. */
  baseline: number;
  max: number;
  columns: { x: number; band: number; center: number; segments: { y: number; size: number; value: number }[]; top: number; total: number }[];
}

/**
 * Columns side by side over `width` pixels, each stacked from the baseline up; room above the
 * tallest for its figure (`top`) and below the baseline for `labelLines` lines of labels.
 */
export function layoutColumns(columns: number[][], { width, plot = 160, labelLines = 2, lineHeight = 14, top = 20 }: { width: number; plot?: number; labelLines?: number; lineHeight?: number; top?: number }): ColumnLayout {
  const n = Math.max(1, columns.length);
  const step = width / n;
  const band = Math.max(4, Math.min(56, step * 0.7));
  const max = niceMax(Math.max(0, ...columns.map((c) => c.reduce((s, v) => s + v, 0))));
  const baseline = top + plot;
  return {
    width,
    height: baseline + 6 + labelLines * lineHeight,
    baseline,
    max,
    columns: columns.map((values, i) => {
      const x = Math.round((i * step + (step - band) / 2) * 10) / 10;
      const segments = stack(values, max, plot, 0).map((s) => ({ y: baseline - s.start - s.size, size: s.size, value: s.value }));
      const total = values.reduce((s, v) => s + v, 0);
      const height = segments.reduce((s, g) => s + g.size, 0);
      return { x, band, center: Math.round((x + band / 2) * 10) / 10, segments, top: baseline - height, total };
    }),
  };
}

/** The share of a month's deadlines kept on time, in whole percent; null when none fell due. */
export function keptShare(c: Counts): number | null {
  const all = c.kept + c.late + c.overdue;
  return all === 0 ? null : Math.round((c.kept / all) * 100);
}

/** A share as read: "75%", or "—" when there is nothing to share. */
export function formatShare(p: number | null): string {
  return p === null ? '—' : `${p}%`;
}

/** Twelve months' counts added up. */
export function totalOf(months: Counts[]): Counts {
  return months.reduce((a, m) => ({ kept: a.kept + m.kept, late: a.late + m.late, overdue: a.overdue + m.overdue }), { kept: 0, late: 0, overdue: 0 });
}

/** "2026-03" as read in both languages, month first like the UI's dates: "03/2026". */
export function formatMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[2]}/${m[1]}` : month;
}

/** A month's label under its column: the month's number, and its year under January and the first
 * month shown. */
export function monthTick(month: string, first: boolean): { month: string; year: string | null } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return { month, year: null };
  return { month: m[2], year: first || m[2] === '01' ? m[1] : null };
}

export interface ProviderReferrals {
  provider: string;
  counts: Record<ReferralStatus, number>;
  total: number;
}

/** The API's referrals (a row per provider and status) as a row per provider, most referred first,
 * then by name. */
export function byProvider(rows: { provider: string; status: ReferralStatus; referrals: number }[]): ProviderReferrals[] {
  const found = new Map<string, ProviderReferrals>();
  for (const r of rows) {
    let p = found.get(r.provider);
    if (!p) found.set(r.provider, (p = { provider: r.provider, counts: { sent: 0, accepted: 0, declined: 0, completed: 0 }, total: 0 }));
    p.counts[r.status] += r.referrals;
    p.total += r.referrals;
  }
  return [...found.values()].filter((p) => p.total > 0).sort((a, b) => b.total - a.total || a.provider.localeCompare(b.provider, 'vi'));
}
