// The reader's unread notifications, counted on the bell in the header (components/Header). Read
// again whenever she moves to another screen, and every two minutes while the page is visible and
// someone is using it (reading.ts), never while it is hidden; told at once by the notifications page
// when it reads the list or marks some read, and telling the page what the bell reads, so that the
// two never disagree. A reading waits for the marks in flight and is not told if a mark went
// meanwhile: the count the mark's answer gave stands.
import { useEffect } from 'preact/hooks';
import { api, type NotificationList } from '../api';
import { knownSession } from '../session/tracker';
import { sharedCount } from '../sharedCount';
import { sharedReading } from '../sharedReading';
import { backgroundReadDue, READ_EVERY_MS } from './reading';

const unread = sharedCount();
/** The notifications page, told each list read (the bell's readings too), so that it and the bell agree. */
const listListeners = new Set<(list: NotificationList) => void>();
/** Counts the marks sent: a reading's count is told only if none went while it was read. */
let marksSent = 0;
const marking = new Set<Promise<unknown>>();
let lastReadAt = 0;
let lastBackgroundReadAt = 0;

function publish(n: number): void {
  unread.publish(n);
}

/**
 * The list as the server has it now. The bell and the page, opening a screen together, share one
 * reading, when it began after the last mark sent; a reading the page makes on its own (background)
 * does not count as the person's activity, so a reading for her does not wait on one of those.
 */
const readList = sharedReading(
  ({ background }: { marks: number; background: boolean }) => api.listNotifications(background),
  (underWay, wanted) => underWay.marks === wanted.marks && (wanted.background || !underWay.background),
);

/** The reader's notifications, read once the marks in flight are answered; the count told to the bell. */
export async function readNotifications(background = false): Promise<NotificationList> {
  while (marking.size > 0) await Promise.allSettled([...marking]);
  const marks = marksSent;
  lastReadAt = Date.now();
  if (background) lastBackgroundReadAt = lastReadAt;
  const list = await readList({ marks, background });
  if (marks === marksSent && marking.size === 0) {
    publish(list.unread);
    listListeners.forEach((l) => l(list));
  }
  return list;
}

/** Tells `listener` every list read while it listens; returns the way to stop. */
export function subscribeNotifications(listener: (list: NotificationList) => void): () => void {
  listListeners.add(listener);
  return () => {
    listListeners.delete(listener);
  };
}

/** Marks the notifications with `keys` read, or all of them; the count after it, told to the bell. */
export async function markNotificationsRead(keys: readonly string[] | 'all'): Promise<number> {
  marksSent += 1;
  const sent = api.markNotificationsRead(keys);
  marking.add(sent);
  try {
    const { unread } = await sent;
    publish(unread);
    return unread;
  } finally {
    marking.delete(sent);
  }
}

/** A badge that cannot be read is left as it was: the notifications page says what went wrong. */
const quietly = (background: boolean) => {
  readNotifications(background).catch(() => undefined);
};

/** The count for case staff (`active`), read again on each new `path`; null for anyone else or before it is known. */
export function useUnreadCount(active: boolean, path: string): number | null {
  const count = unread.useValue();
  useEffect(() => {
    if (active) quietly(false);
  }, [active, path]);
  // Signed out: the next person's count is her own, never this one's first.
  useEffect(() => {
    if (!active) unread.publish(null);
  }, [active]);
  useEffect(() => {
    if (!active) return undefined;
    const look = (why: 'tick' | 'shown') => {
      const session = knownSession();
      const due = backgroundReadDue({
        visible: document.visibilityState === 'visible',
        sessionAlive: session.limits !== null && !session.ended,
        lastActivityAt: session.lastRequestAt,
        lastBackgroundReadAt,
        lastReadAt,
        now: Date.now(),
      }, why);
      if (due) quietly(true);
    };
    const timer = window.setInterval(() => look('tick'), READ_EVERY_MS);
    const onVisibility = () => look('shown');
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [active]);
  return active ? count : null;
}
