// When the server's session ends, as the page can know it (pure; unit-tested under node).
// The server ends a session after `idle_timeout_seconds` without a request and at `ends_at` whatever
// the activity (docs/security.md); it answers neither with its own clock nor with the moment it last
// saw the session, so the page reckons both from what it sent.

/** A session's limits in the browser's clock (ms since the epoch). */
export interface SessionLimits {
  idleMs: number;
  /** The absolute limit: nothing moves it. */
  endsAt: number;
}

/** How long before either limit the page warns. */
export const WARN_BEFORE_MS = 2 * 60_000;
/** A keep-alive while someone is active, at most this often. */
export const KEEP_ALIVE_EVERY_MS = 60_000;
/** The server writes a session's last-seen time at most once a minute (SessionPolicy::touch_interval):
 * it may have last seen the session up to a minute before the page's last request, so the page
 * counts the idle limit from a minute earlier and never believes in a session the server has ended. */
export const TOUCH_SLACK_MS = 60_000;

export type SessionPhase =
  | { kind: 'active' }
  /** Nothing done for a while: the idle limit comes first; a keep-alive moves it. */
  | { kind: 'idle_warning'; endsAt: number }
  /** The absolute limit comes first: staying is not possible, only saving. */
  | { kind: 'limit_warning'; endsAt: number }
  | { kind: 'idle_ended' }
  /** Past `ends_at` by the browser's clock, which may be wrong: the server is asked. */
  | { kind: 'limit_reached' };

export function idleEndsAt(limits: SessionLimits, lastRequestAt: number): number {
  return lastRequestAt - TOUCH_SLACK_MS + limits.idleMs;
}

export function sessionPhase(limits: SessionLimits, lastRequestAt: number, now: number): SessionPhase {
  const idleEnd = idleEndsAt(limits, lastRequestAt);
  // The idle limit is reckoned from the page's own requests, so it holds whatever the clock says.
  if (now >= idleEnd) return { kind: 'idle_ended' };
  if (now >= limits.endsAt) return { kind: 'limit_reached' };
  const first = Math.min(idleEnd, limits.endsAt);
  if (now < first - WARN_BEFORE_MS) return { kind: 'active' };
  return first === limits.endsAt ? { kind: 'limit_warning', endsAt: first } : { kind: 'idle_warning', endsAt: first };
}

/** Whether someone active now should tell the server: not when a request went lately anyway. */
export function keepAliveDue(lastRequestAt: number, now: number): boolean {
  return now - lastRequestAt >= KEEP_ALIVE_EVERY_MS;
}

/** The limits a sign-in or `GET /session` answer tells, in the browser's clock. */
export function limitsFrom(session: { idle_timeout_seconds: number; ends_at: string }): SessionLimits {
  const endsAt = Date.parse(session.ends_at);
  return { idleMs: session.idle_timeout_seconds * 1000, endsAt: Number.isNaN(endsAt) ? Number.POSITIVE_INFINITY : endsAt };
}
