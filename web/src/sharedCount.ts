// A count shown on a badge in the header and told by the page that lists what it counts (the head's
// waiting disclosure requests, the reader's unread notifications): one value for the whole page, so
// that the badge and the list beside it never disagree. Each badge reads it again on its own terms.
import { useEffect, useState } from 'preact/hooks';

export interface SharedCount {
  /** Tells every badge the count; null: not known (signed out, someone else's). */
  publish(n: number | null): void;
  /** The count as last told, kept current in the component that shows it. */
  useValue(): number | null;
}

export function sharedCount(): SharedCount {
  const listeners = new Set<(n: number | null) => void>();
  let known: number | null = null;
  return {
    publish(n) {
      known = n;
      listeners.forEach((l) => l(n));
    },
    useValue() {
      const [count, setCount] = useState(known);
      useEffect(() => {
        listeners.add(setCount);
        setCount(known);  // told between the first render and this
        return () => {
          listeners.delete(setCount);
        };
      }, []);
      return count;
    },
  };
}
