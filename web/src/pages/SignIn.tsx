import type { SessionAnswer } from '../api';
import { useI18n } from '../i18n';
import { Link } from '../components/Link';
import { SignInForm } from '../components/SignInForm';

interface Props {
  onSignedIn: (answer: SessionAnswer) => void;
}

export function SignInPage({ onSignedIn }: Props) {
  const { t } = useI18n();
  // Back from activating an account: its name is filled in, and the page says it is ready.
  const activated = new URLSearchParams(location.search).get('activated') ?? '';

  return (
    <div class="signin">
      <h1>{t('signin.title')}</h1>
      <p class="lead">{t('signin.intro')}</p>
      <SignInForm
        idPrefix="signin"
        username={activated}
        onSignedIn={onSignedIn}
        notice={
          activated && (
            <p class="alert alert-success" role="status" data-testid="signin-activated">
              {t('activate.done', { username: activated })}
            </p>
          )
        }
      />
      <p class="signin-activate">
        <Link href="/activate" data-testid="signin-activate-link">{t('signin.activateLink')}</Link>
      </p>
    </div>
  );
}
