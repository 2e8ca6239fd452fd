// Signing in: name and password, then the authenticator app's code when the account asks for one.
// The sign-in page uses it, and the dialog that opens over a page whose session has ended.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, type SessionAnswer } from '../api';
import { useI18n } from '../i18n';
import { problemMessage } from '../problems';
import { OneTimeCodeField } from './OneTimeCodeField';

interface Props {
  /** Starts the fields' ids and test ids: "signin" on the page. */
  idPrefix: string;
  /** Filled in: the password is asked first. */
  username?: string;
  /** The same person signs in again: her name is shown, not changed. */
  usernameReadOnly?: boolean;
  /** Said above the form while nothing is wrong. */
  notice?: ComponentChildren;
  onSignedIn: (answer: SessionAnswer) => void;
}

export function SignInForm({ idPrefix, username: given = '', usernameReadOnly = false, notice, onSignedIn }: Props) {
  const { t } = useI18n();
  const [username, setUsername] = useState(given);
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
  const id = (name: string) => `${idPrefix}-${name}`;

  useEffect(() => {
    if (askCode) codeRef.current?.focus();
  }, [askCode]);

  useEffect(() => {
    (given ? passRef : userRef).current?.focus();
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
    <>
      {!message && notice}
      <form class="card form signin-form" onSubmit={onSubmit} noValidate data-testid={id('form')} aria-describedby={message ? id('error') : undefined}>
        <div class="field">
          <label for={id('username')}>{t('signin.username')}</label>
          <input
            id={id('username')}
            ref={userRef}
            name="username"
            type="text"
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
            required
            readOnly={usernameReadOnly}
            aria-invalid={missing && !username.trim() ? true : undefined}
            value={username}
            onInput={(e) => setUsername(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for={id('password')}>{t('signin.password')}</label>
          <input
            id={id('password')}
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
          <div data-testid={id('code-step')}>
            <OneTimeCodeField
              id={id('code')}
              inputRef={codeRef}
              value={code}
              onInput={setCode}
              invalid={codeRefused || (missing && !code.trim())}
              hint={t('signin.codeHint')}
            />
          </div>
        )}
        <div role="alert" id={id('error')} class={message ? 'alert alert-error' : 'alert-empty'} data-testid={id('error')}>
          {message}
        </div>
        <div class="actions">
          <button type="submit" class="btn btn-primary btn-block" disabled={busy} aria-busy={busy} data-testid={id('submit')}>
            {busy && <span class="spinner spinner-inline" aria-hidden="true" />}
            {busy ? t('signin.submitting') : t('signin.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
