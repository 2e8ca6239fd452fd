// How many disclosure requests wait for the centre head, for the badge on her link to them. Read again
// whenever she moves to another screen, and told at once by the queue itself when it reads or
// decides (publishWaitingCount), so that the badge never disagrees with the list beside it.
import { useEffect } from 'preact/hooks';
import { api } from '../api';
import { sharedCount } from '../sharedCount';

const waiting = sharedCount();

export function publishWaitingCount(n: number): void {
  waiting.publish(n);
}

/** The count for a head (`active`), read again on each new `path`; null for anyone else or before it is known. */
export function useWaitingCount(active: boolean, path: string): number | null {
  const count = waiting.useValue();
  useEffect(() => {
    if (!active) return;
    // A badge that cannot be read is left as it was: the queue's own page says what went wrong.
    api.listReleaseRequests().then((items) => publishWaitingCount(items.length), () => undefined);
  }, [active, path]);
  return active ? count : null;
}
