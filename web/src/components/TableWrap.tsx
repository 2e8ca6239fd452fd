// A table that may scroll sideways on a tablet, and on a phone becomes a card per row (styles.css):
// the column headers are then hidden, so each cell shows its own header, from `data-label`. The
// labels are copied here from the table's header row, once per change of the rows, so that no page
// writes each header twice and a new column cannot go unlabelled.
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/** Gives every body cell the text of its column's header; a cell spanning columns (a note standing for
 *  several figures) none, as it reads by itself. */
function labelCells(wrap: HTMLElement): void {
  for (const table of wrap.querySelectorAll('table')) {
    const headers = [...(table.tHead?.rows[0]?.cells ?? [])].flatMap((th) => Array<string>(th.colSpan).fill(th.textContent?.trim() ?? ''));
    // Row headers (th scope=row) are labelled too: on a card they are one line among the others.
    for (const body of table.tBodies) {
      for (const row of body.rows) {
        let column = 0;
        for (const cell of row.cells) {
          const label = cell.colSpan > 1 ? '' : headers[column] ?? '';
          if (cell.dataset.label !== label) cell.dataset.label = label;
          column += cell.colSpan;
        }
      }
    }
  }
}

/** Focusable, so a keyboard can scroll it, and named, so a screen reader says what the region is. */
export function TableWrap({ label, children }: { label: string; children: ComponentChildren }) {
  const wrap = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = wrap.current;
    if (!el) return undefined;
    labelCells(el);
    // Rows a row's own component adds, and headers that change language, are labelled as they come.
    const observer = new MutationObserver(() => labelCells(el));
    observer.observe(el, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={wrap} class="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
