import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, type SessionAnswer } from '../api';
import { useI18n } from '../i18n';
import { problemMessage } from '../problems';
import { Link } from '../components/Link';
import { OneTimeCodeField } from '../components/OneTimeCodeField';

interface Props {
  expired: boolean;
  onSignedIn: (answer: SessionAnswer) => void;
}

export function SignInPage({ expired, onSignedIn }: Props) {
  const { t } = useI18n();
  // Back from activating an account: its name is filled in, and the page says it is ready.
  const activated = new URLSearchParams(location.search).get('activated') ?? '';
  const [username, setUsername] = useState(activated);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  // Two-step sign-in: after the server says the password was right and asks for the app's code.
  const [askCode, setAskCode] = useState(false);
  const [code, setCode] = useState('');
  const userRef = useRef<HTMLInputElement>(null);
  const passRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (askCode) codeRef.current?.focus();
  }, [askCode]);

  useEffect(() => {
    (activated ? passRef : userRef).current?.focus();
  }, []);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setError(null);
    const typedCode = code.replace(/\s+/g, '');
    if (!username.trim() || !password || (askCode && !typedCode)) {
      setMissing(true);
      (!username.trim() ? userRef : !password ? passRef : codeRef).current?.focus();
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      onSignedIn(await api.signIn(username.trim(), password, askCode ? typedCode : undefined));
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.code === 'second_factor_required') {
        setAskCode(true);
        setError(null);
        return;
      }
      setError(err);
      if (err instanceof ApiError && err.problem.field === 'code') {
        setCode('');
        codeRef.current?.focus();
        return;
      }
      // A wrong password or name: start again from the password, without a stale code step.
      setAskCode(false);
      setCode('');
      passRef.current?.focus();
      passRef.current?.select();
    }
  };

  const codeRefused = error instanceof ApiError && error.problem.field === 'code';
  const message = missing
    ? askCode
      ? t('signin.codeRequired')
      : t('signin.required')
    : codeRefused
      ? t('signin.codeWrong')
      : error !== null
        ? problemMessage(error, t)
        : null;

  return (
    <div class="signin">
      <h1>{t('signin.title')}</h1>
      <p class="lead">{t('signin.intro')}</p>
      {activated && !message && (
        <p class="alert alert-success" role="status" data-testid="signin-activated">
          {t('activate.done', { username: activated })}
        </p>
      )}
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
        {askCode && (
          <div data-testid="signin-code-step">
            <OneTimeCodeField
              id="signin-code"
              inputRef={codeRef}
              value={code}
              onInput={setCode}
              invalid={codeRefused || (missing && !code.trim())}
              hint={t('signin.codeHint')}
            />
          </div>
        )}
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
      <p class="signin-activate">
        <Link href="/activate" data-testid="signin-activate-link">{t('signin.activateLink')}</Link>
      </p>
    </div>
  );
}
