// Keeps the signed-in person's session with her work (issue 18): activity keeps it alive, a warning
// comes two minutes before it ends, and when it has ended the page stays under a sign-in dialog.
import { useEffect, useState } from 'preact/hooks';
import { api, type SessionAnswer, type User } from '../api';
import { reloadWithoutAsking } from '../unsaved';
import { sessionPhase, type SessionPhase } from './deadlines';
import { useKeepAliveWhileActive } from './keepAlive';
import { SessionWarning } from './SessionWarning';
import { SignInAgainDialog } from './SignInAgainDialog';
import { announceSignIn, knownSession, noteEnded, onSignedInElsewhere, resumeSession, subscribeSession, type KnownSession } from './tracker';

/** How often the page looks at the clock: a warning or the end shows within this of its time. */
const LOOK_EVERY_MS = 5_000;

function useKnownSession(): KnownSession {
  const [known, setKnown] = useState(knownSession);
  useEffect(() => subscribeSession(() => setKnown(knownSession())), []);
  return known;
}

function useSessionPhase(known: KnownSession): SessionPhase {
  const [, look] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => look((n) => n + 1), LOOK_EVERY_MS);
    return () => window.clearInterval(timer);
  }, []);
  return known.limits && !known.ended ? sessionPhase(known.limits, known.lastRequestAt, Date.now()) : { kind: 'active' };
}

/** The absolute limit by the browser's clock, which may be wrong: asked once whether it is so. */
let askedAboutLimit = 0;

interface Props {
  user: User;
  /** The same person signed in again (here or in another tab): the page goes on. */
  onSignedInAgain: (answer: SessionAnswer) => void;
}

export function SessionKeeper({ user, onSignedInAgain }: Props) {
  const known = useKnownSession();
  const phase = useSessionPhase(known);
  useKeepAliveWhileActive();

  useEffect(() => {
    if (phase.kind === 'idle_ended') noteEnded();
    if (phase.kind === 'limit_reached' && askedAboutLimit !== known.limits?.endsAt) {
      askedAboutLimit = known.limits?.endsAt ?? 0;
      // A 401 opens the dialog; an answer means the clock is ahead, and the server will say when.
      api.keepAlive().catch(() => undefined);
    }
  }, [phase.kind]);

  const signedIn = (answer: SessionAnswer) => {
    // Another person must never see what was typed here: the page starts afresh for her.
    if (answer.user.id !== user.id) {
      reloadWithoutAsking('/');
      return;
    }
    onSignedInAgain(answer);
    resumeSession();
  };

  // A sign-in in another tab replaced this tab's session too: fetch its anti-forgery token.
  useEffect(
    () =>
      onSignedInElsewhere(() => {
        api.getSession().then(signedIn, () => undefined);
      }),
    [user.id],
  );

  if (known.ended) {
    return (
      <SignInAgainDialog
        username={user.username}
        onSignedIn={(answer) => {
          announceSignIn(answer.user.id);
          signedIn(answer);
        }}
      />
    );
  }
  return <SessionWarning phase={phase} />;
}
