// What the page knows of its session on the server: its limits, when a request last went (the
// server counts every request as activity), and whether it has ended. api.ts tells it; the session
// keeper (SessionKeeper.tsx) shows what follows: a warning, or the sign-in dialog over the page.
import type { SessionLimits } from './deadlines';

export interface KnownSession {
  /** Null while nobody is signed in. */
  limits: SessionLimits | null;
  lastRequestAt: number;
  /** The server refused the session, or its idle limit passed: the page waits for a sign-in. */
  ended: boolean;
}

let known: KnownSession = { limits: null, lastRequestAt: 0, ended: false };
/** Counts the sign-ins again: a refusal of a request sent in an earlier session ends nothing. */
let generation = 0;
const listeners = new Set<() => void>();
/** Requests refused because the session ended, each sent again once it is opened again. */
let waiting: (() => void)[] = [];

function change(next: Partial<KnownSession>): void {
  known = { ...known, ...next };
  listeners.forEach((l) => l());
}

/** The session a request is sent in, for noteRefused. */
export function sessionGeneration(): number {
  return generation;
}

export function knownSession(): KnownSession {
  return known;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

// The tabs of one browser share the session cookie: a request from one keeps the session alive for
// all, and a sign-in in one gives the others a new session, whose anti-forgery token they must fetch.
type TabMessage = { request: number } | { signedIn: string };
const tabs = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('haven-session');
let signedInElsewhere: (userId: string) => void = () => undefined;
tabs?.addEventListener('message', (e: MessageEvent<TabMessage>) => {
  if ('request' in e.data) noteRequestSent(e.data.request, false);
  else signedInElsewhere(e.data.signedIn);
});

export function onSignedInElsewhere(handler: (userId: string) => void): () => void {
  signedInElsewhere = handler;
  return () => {
    signedInElsewhere = () => undefined;
  };
}

export function announceSignIn(userId: string): void {
  tabs?.postMessage({ signedIn: userId } satisfies TabMessage);
}

export function noteLimits(limits: SessionLimits): void {
  change({ limits });
}

/**
 * A request the server answered (not with 401) was sent at `sentAt`: the session was seen then. An
 * earlier request answered later moves the time back a little, which only makes the page careful.
 */
export function noteRequestSent(sentAt: number, tellOtherTabs = true): void {
  change({ lastRequestAt: sentAt });
  if (tellOtherTabs) tabs?.postMessage({ request: sentAt } satisfies TabMessage);
}

/** The session is over (a 401, or the idle limit passed); the page stays as it is under the dialog. */
export function noteEnded(): void {
  if (known.limits && !known.ended) change({ ended: true });
}

/**
 * A request sent in session `sentIn` (sessionGeneration) was answered 401. Whether it is worth
 * sending again once the person has signed in again: yes when someone was signed in.
 */
export function noteRefused(sentIn: number): boolean {
  if (!known.limits) return false;
  if (sentIn === generation) noteEnded();
  return true;
}

/** Resolves once the same person has signed in again (at once if the session is open). */
export function signedInAgain(): Promise<void> {
  if (!known.ended) return Promise.resolve();
  return new Promise((resolve) => waiting.push(resolve));
}

/** The same person signed in again: the page goes on, and the refused requests are sent again. */
export function resumeSession(): void {
  generation += 1;
  change({ ended: false });
  const resume = waiting;
  waiting = [];
  resume.forEach((r) => r());
}

/** Signed out: no limits to watch, and the refused requests are never sent again. */
export function noteSignedOut(): void {
  waiting = [];
  change({ limits: null, ended: false });
}
