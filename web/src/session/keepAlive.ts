// Typing is work too: someone writing a long note for twenty minutes sends no request, and the
// server would end the session under her. While she types, clicks or scrolls, the page tells the
// server at most once a minute; a page left alone sends nothing, so the idle limit still holds.
import { useEffect } from 'preact/hooks';
import { api } from '../api';
import { KEEP_ALIVE_EVERY_MS, keepAliveDue } from './deadlines';
import { knownSession } from './tracker';

const ACTIVITY = ['keydown', 'input', 'pointerdown', 'wheel'] as const;

let sentAt = Number.NEGATIVE_INFINITY;

/** One keep-alive, unless one went within the minute (a click is a pointer press too). */
export function keepAlive(): void {
  const now = Date.now();
  if (now - sentAt < KEEP_ALIVE_EVERY_MS) return;
  sentAt = now;
  // A session found ended opens the sign-in dialog (api.ts); a network failure tells nothing.
  api.keepAlive().catch(() => undefined);
}

export function useKeepAliveWhileActive(): void {
  useEffect(() => {
    const onActivity = () => {
      const session = knownSession();
      if (session.limits && !session.ended && keepAliveDue(session.lastRequestAt, Date.now())) keepAlive();
    };
    const options = { capture: true, passive: true };
    ACTIVITY.forEach((type) => document.addEventListener(type, onActivity, options));
    return () => ACTIVITY.forEach((type) => document.removeEventListener(type, onActivity, options));
  }, []);
}
