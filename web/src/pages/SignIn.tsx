import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type User } from '../api';
import { useI18n } from '../i18n';
import { problemMessage } from '../problems';

interface Props {
  expired: boolean;
  onSignedIn: (u: User) => void;
}

export function SignInPage({ expired, onSignedIn }: Props) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const userRef = useRef<HTMLInputElement>(null);
  const passRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    userRef.current?.focus();
  }, []);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setError(null);
    if (!username.trim() || !password) {
      setMissing(true);
      (username.trim() ? passRef : userRef).current?.focus();
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      const { user } = await api.signIn(username.trim(), password);
      onSignedIn(user);
    } catch (err) {
      setError(err);
      setBusy(false);
      passRef.current?.focus();
      passRef.current?.select();
    }
  };

  const message = missing ? t('signin.required') : error !== null ? problemMessage(error, t) : null;

  return (
    <div class="signin">
      <h1>{t('signin.title')}</h1>
      <p class="lead">{t('signin.intro')}</p>
      {expired && !message && (
        <p class="alert alert-info" role="status" data-testid="signin-expired">
          {t('signin.expired')}
        </p>
      )}
      <form class="card form signin-form" onSubmit={onSubmit} noValidate data-testid="signin-form" aria-describedby={message ? 'signin-error' : undefined}>
        <div class="field">
          <label for="signin-username">{t('signin.username')}</label>
          <input
            id="signin-username"
            ref={userRef}
            name="username"
            type="text"
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
            required
            aria-invalid={missing && !username.trim() ? true : undefined}
            value={username}
            onInput={(e) => setUsername(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="signin-password">{t('signin.password')}</label>
          <input
            id="signin-password"
            ref={passRef}
            name="password"
            type="password"
            autocomplete="current-password"
            required
            aria-invalid={(missing && !password) || error !== null ? true : undefined}
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </div>
        <div role="alert" id="signin-error" class={message ? 'alert alert-error' : 'alert-empty'} data-testid="signin-error">
          {message}
        </div>
        <div class="actions">
          <button type="submit" class="btn btn-primary btn-block" disabled={busy} aria-busy={busy} data-testid="signin-submit">
            {busy && <span class="spinner spinner-inline" aria-hidden="true" />}
            {busy ? t('signin.submitting') : t('signin.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
