// How many disclosure requests wait for the centre head, for the badge on her link to them. Read again
// a second after she moves to another screen, and told at once by the queue itself when it reads or
// decides (publishWaitingCount), so that the badge never disagrees with the list beside it.
import { useEffect } from 'preact/hooks';
import { api } from '../api';
import { READ_AFTER_SCREEN_MS } from '../notifications/reading';
import { sharedCount } from '../sharedCount';

const waiting = sharedCount();

export function publishWaitingCount(n: number): void {
  waiting.publish(n);
}

/** The count for a head (`active`), read again on each new `path`; null for anyone else or before it is known. */
export function useWaitingCount(active: boolean, path: string): number | null {
  const count = waiting.useValue();
  useEffect(() => {
    if (!active) return undefined;
    // After the screen's own requests, as the bell (notifications/reading.ts). A badge that cannot be
    // read is left as it was: the queue's own page says what went wrong.
    const timer = window.setTimeout(() => {
      api.listReleaseRequests().then((items) => publishWaitingCount(items.length), () => undefined);
    }, READ_AFTER_SCREEN_MS);
    return () => window.clearTimeout(timer);
  }, [active, path]);
  return active ? count : null;
}
