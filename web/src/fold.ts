// Vietnamese-aware folding for search: "Đặng Đức" -> "dang duc".
// NFD decomposition, strip combining marks U+0300–U+036F, đ→d, Đ→D, lowercase.
// Pure module: no DOM, no imports (unit-tested under node).

const COMBINING = /[\u0300-\u036f]/g;

export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

export interface FoldMap {
  folded: string;
  /** For each UTF-16 unit of `folded`, the index in the original string where its source character starts. */
  map: number[];
  /** For each UTF-16 unit of `folded`, the index just after its source character in the original. */
  ends: number[];
}

/** Fold character by character, remembering where each folded unit came from. */
export function foldWithMap(s: string): FoldMap {
  let folded = '';
  const map: number[] = [];
  const ends: number[] = [];
  let i = 0;
  for (const ch of s) {
    const f = foldVietnamese(ch);
    for (let k = 0; k < f.length; k++) {
      map.push(i);
      ends.push(i + ch.length);
    }
    folded += f;
    i += ch.length;
  }
  return { folded, map, ends };
}

export interface Segment {
  text: string;
  match: boolean;
}

/**
 * Split `text` into segments, marking those whose folded form contains the
 * folded `query`. Used to highlight search hits regardless of diacritics.
 */
export function highlightSegments(text: string, query: string): Segment[] {
  const q = foldVietnamese(query.trim());
  if (!q) return [{ text, match: false }];
  const { folded, map, ends } = foldWithMap(text);
  const segments: Segment[] = [];
  let pos = 0; // position in original text
  let from = 0; // position in folded text
  for (;;) {
    const hit = folded.indexOf(q, from);
    if (hit < 0) break;
    const start = map[hit];
    const end = ends[hit + q.length - 1];
    if (start > pos) segments.push({ text: text.slice(pos, start), match: false });
    segments.push({ text: text.slice(start, end), match: true });
    pos = end;
    from = hit + q.length;
  }
  if (pos < text.length) segments.push({ text: text.slice(pos), match: false });
  return segments.length ? segments : [{ text, match: false }];
}

/** True if every whitespace-separated word of the query occurs in the folded text. */
export function matchesQuery(text: string, query: string): boolean {
  const hay = foldVietnamese(text);
  return foldVietnamese(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}
