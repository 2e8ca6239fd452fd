import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, reportUnauthenticated, type SecondFactorEnrolment, type SecondFactorState } from '../api';
import { OneTimeCodeField } from '../components/OneTimeCodeField';
import { QrCode } from '../components/QrCode';
import { useI18n } from '../i18n';
import { problemMessage } from '../problems';

interface Props {
  state: SecondFactorState;
  onEnabled: () => void;
}

/** "1234ABCD…" as "1234 ABCD …", easier to read out and to type. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Two-step sign-in: set it up with an authenticator app (required for administrators and centre
 * heads, whose other screens wait until it is done), or see that it is on. */
export function SecondFactorPage({ state, onEnabled }: Props) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [enrolment, setEnrolment] = useState<SecondFactorEnrolment | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const passRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (enrolment) codeRef.current?.focus();
  }, [enrolment]);

  const fail = (err: unknown) => {
    setBusy(false);
    if (err instanceof ApiError && err.code === 'unauthenticated') {
      reportUnauthenticated();
      return;
    }
    setError(err);
  };

  const start = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setError(null);
    if (!password) {
      setMissing(true);
      passRef.current?.focus();
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      setEnrolment(await api.startSecondFactor(password));
      setPassword('');
      setBusy(false);
    } catch (err) {
      fail(err);
      passRef.current?.focus();
      passRef.current?.select();
    }
  };

  const confirm = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setError(null);
    const typed = code.replace(/\s+/g, '');
    if (!typed) {
      setMissing(true);
      codeRef.current?.focus();
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      await api.confirmSecondFactor(typed);
      setBusy(false);
      onEnabled();
    } catch (err) {
      fail(err);
      setCode('');
      codeRef.current?.focus();
    }
  };

  const message = missing
    ? enrolment
      ? t('signin.codeRequired')
      : t('secondFactor.passwordRequired')
    : error !== null
      ? problemMessage(error, t)
      : null;
  const alert = (
    <div role="alert" id="second-factor-error" class={message ? 'alert alert-error' : 'alert-empty'} data-testid="second-factor-error">
      {message}
    </div>
  );

  if (state.enabled) {
    return (
      <div class="narrow">
        <h1>{t('secondFactor.title')}</h1>
        <p class="alert alert-success" role="status" data-testid="second-factor-on">
          {t('secondFactor.isOn')}
        </p>
        <p>{t('secondFactor.lostPhone')}</p>
      </div>
    );
  }

  return (
    <div class="narrow">
      <h1>{t('secondFactor.title')}</h1>
      {state.setup_required ? (
        <p class="alert alert-info" role="status" data-testid="second-factor-required">
          {t('secondFactor.required')}
        </p>
      ) : (
        <p class="lead">{t('secondFactor.optional')}</p>
      )}
      <ol class="steps">
        <li>{t('secondFactor.stepApp')}</li>
        <li>{t('secondFactor.stepPassword')}</li>
        <li>{t('secondFactor.stepScan')}</li>
        <li>{t('secondFactor.stepCode')}</li>
      </ol>
      {!enrolment ? (
        <form class="card form" onSubmit={start} noValidate data-testid="second-factor-start" aria-describedby={message ? 'second-factor-error' : undefined}>
          <div class="field">
            <label for="second-factor-password">{t('secondFactor.password')}</label>
            <input
              id="second-factor-password"
              ref={passRef}
              type="password"
              autocomplete="current-password"
              required
              aria-invalid={missing || error !== null ? true : undefined}
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </div>
          {alert}
          <div class="actions">
            <button type="submit" class="btn btn-primary" disabled={busy} aria-busy={busy} data-testid="second-factor-begin">
              {busy && <span class="spinner spinner-inline" aria-hidden="true" />}
              {t('secondFactor.begin')}
            </button>
          </div>
        </form>
      ) : (
        <form class="card form" onSubmit={confirm} noValidate data-testid="second-factor-confirm" aria-describedby={message ? 'second-factor-error' : undefined}>
          <p>{t('secondFactor.scan')}</p>
          <QrCode text={enrolment.otpauth_uri} label={t('secondFactor.qrLabel')} />
          <p class="hint">{t('secondFactor.typeInstead')}</p>
          <p>
            <code class="secret" data-testid="second-factor-secret">
              {grouped(enrolment.secret)}
            </code>
          </p>
          <p class="hint">
            <a href={enrolment.otpauth_uri}>{t('secondFactor.openOnPhone')}</a>
          </p>
          <OneTimeCodeField
            id="second-factor-code"
            inputRef={codeRef}
            value={code}
            onInput={setCode}
            invalid={missing || error !== null}
          />
          {alert}
          <div class="actions">
            <button type="submit" class="btn btn-primary" disabled={busy} aria-busy={busy} data-testid="second-factor-submit">
              {busy && <span class="spinner spinner-inline" aria-hidden="true" />}
              {t('secondFactor.turnOn')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
