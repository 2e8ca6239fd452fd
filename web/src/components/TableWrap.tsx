import type { ComponentChildren } from 'preact';

/** A table that may scroll sideways on a narrow screen: focusable, so a keyboard can scroll it, and
 * named, so a screen reader says what the region is. */
export function TableWrap({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
