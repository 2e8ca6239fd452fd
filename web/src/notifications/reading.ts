// When the page reads the unread count on its own, between the readings a new screen brings: every
// two minutes while the page is visible, never while it is hidden, and, since every request keeps the
// session alive on the server, only once after the person's last request (hers or a keep-alive of
// her typing, in any tab). A page left alone on a shared computer then sends one reading at most and
// still reaches the idle limit (docs/security.md). Pure, unit-tested.

/** How often a visible page reads the count on its own. */
export const READ_EVERY_MS = 2 * 60_000;

export interface ReadingState {
  /** document.visibilityState === 'visible'. */
  visible: boolean;
  /** Signed in, and the session not known to have ended. */
  sessionAlive: boolean;
  /** When the person's last request went (session/tracker's lastRequestAt: the page's own readings are not counted). */
  lastActivityAt: number;
  /** When the page last read the count on its own; 0 before it has. */
  lastBackgroundReadAt: number;
  /** When the count was last read, on a new screen or on its own; 0 before it was. */
  lastReadAt: number;
  now: number;
}

/**
 * Whether the page reads the count on its own now: at its two-minute tick (`tick`: unless a new screen
 * read it within the last minute), or as it is shown again (`shown`: once the last reading is two
 * minutes old).
 */
export function backgroundReadDue(s: ReadingState, why: 'tick' | 'shown'): boolean {
  if (!s.visible || !s.sessionAlive) return false;
  // Someone did something since the page last read on its own: otherwise the reading would only
  // keep an unattended session alive.
  if (s.lastActivityAt <= s.lastBackgroundReadAt) return false;
  return s.now - s.lastReadAt >= (why === 'tick' ? READ_EVERY_MS / 2 : READ_EVERY_MS);
}
