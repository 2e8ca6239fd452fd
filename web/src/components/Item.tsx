import type { ComponentChildren } from 'preact';

/** One term and its value in a description list (`<dl class="dl">`). */
export function Item({ label, children, testid }: { label: string; children: ComponentChildren; testid?: string }) {
  return (
    <div class="dl-item" data-testid={testid}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
