// The session has ended, the page stays: a dialog over it asks the same person to sign in again,
// and the page goes on with everything typed in it. Another person may sign in instead; the page
// then starts afresh (SessionKeeper.tsx), since what was typed is not hers to see.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SessionAnswer } from '../api';
import { SignInForm } from '../components/SignInForm';
import { useI18n } from '../i18n';

interface Props {
  username: string;
  onSignedIn: (answer: SessionAnswer) => void;
}

export function SignInAgainDialog({ username, onSignedIn }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const [otherPerson, setOtherPerson] = useState(false);
  const leaving = useRef(false);

  // Before the form's own effects, so that it, not the dialog, chooses the field to focus.
  useLayoutEffect(() => {
    const dialog = ref.current;
    // Modal: the page under it can be neither read by a screen reader nor changed until then.
    dialog?.showModal();
    return () => {
      leaving.current = true;
      // Closing gives the focus back to where it was, the note or its save button.
      dialog?.close();
    };
  }, []);

  // Nothing on the page works before signing in again: Escape does not close the dialog, and a
  // browser that closes it anyway finds it open again.
  const reopen = () => {
    const dialog = ref.current;
    if (!leaving.current && dialog?.isConnected && !dialog.open) dialog.showModal();
  };

  return (
    <dialog
      ref={ref}
      class="session-dialog"
      aria-labelledby="session-ended-title"
      aria-describedby="session-ended-intro"
      onCancel={(e) => e.preventDefault()}
      onClose={reopen}
      data-testid="session-dialog"
    >
      <h2 id="session-ended-title">{t('session.endedTitle')}</h2>
      <p id="session-ended-intro">{t('session.endedIntro')}</p>
      <SignInForm
        key={otherPerson ? 'other' : 'same'}
        idPrefix="again"
        username={otherPerson ? '' : username}
        usernameReadOnly={!otherPerson}
        onSignedIn={onSignedIn}
      />
      {otherPerson ? (
        <p class="hint" data-testid="session-other-person-hint">
          {t('session.otherPersonHint')}
        </p>
      ) : (
        <button type="button" class="btn btn-link" onClick={() => setOtherPerson(true)} data-testid="session-other-person">
          {t('session.otherPerson')}
        </button>
      )}
    </dialog>
  );
}
