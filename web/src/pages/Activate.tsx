// The owner of a new account sets its password with the one-time code whoever made the account gave
// them: the administrator never knows it. Then they sign in, and wait for a head of their centre (or
// another administrator) to confirm the account.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { Link } from '../components/Link';
import { useI18n } from '../i18n';
import { problemMessage } from '../problems';
import { navigate } from '../router';

type Field = 'username' | 'code' | 'password' | 'repeat';

export function ActivatePage() {
  const { t } = useI18n();
  const [form, setForm] = useState({ username: '', code: '', password: '', repeat: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: Field | null; text: string } | null>(null);
  const refs: Record<Field, { current: HTMLInputElement | null }> = {
    username: useRef<HTMLInputElement>(null),
    code: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    repeat: useRef<HTMLInputElement>(null),
  };

  useEffect(() => {
    refs.username.current?.focus();
  }, []);

  const refuse = (field: Field | null, text: string) => {
    setError({ field, text });
    if (field) refs[field].current?.focus();
  };

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const empty = (['username', 'code', 'password', 'repeat'] as Field[]).find((f) => !form[f].trim());
    if (empty) return refuse(empty, t('activate.required'));
    if (form.password !== form.repeat) return refuse('repeat', t('activate.mismatch'));
    setBusy(true);
    setError(null);
    try {
      const username = form.username.trim();
      await api.activateAccount({ username, code: form.code.trim(), password: form.password });
      navigate(`/signin?activated=${encodeURIComponent(username)}`, { replace: true });
    } catch (x) {
      setBusy(false);
      const field = x instanceof ApiError && (x.problem.field === 'code' || x.problem.field === 'password') ? x.problem.field : null;
      refuse(field, problemMessage(x, t));
    }
  };

  const input = (name: Field, label: string, type: string, autocomplete: string, hint?: string) => (
    <div class={`field${error?.field === name ? ' field-invalid' : ''}`}>
      <label for={`act-${name}`}>{label}</label>
      <input id={`act-${name}`} ref={refs[name]} type={type} autocomplete={autocomplete} autocapitalize="none" spellcheck={false}
        value={form[name]} onInput={(e) => setForm({ ...form, [name]: e.currentTarget.value })}
        aria-invalid={error?.field === name ? true : undefined}
        aria-describedby={[hint ? `act-${name}-hint` : '', error?.field === name ? 'activate-error' : ''].filter(Boolean).join(' ') || undefined} />
      {hint && <p class="hint" id={`act-${name}-hint`}>{hint}</p>}
    </div>
  );

  return (
    <div class="signin" data-testid="activate">
      <h1>{t('activate.title')}</h1>
      <p class="lead">{t('activate.intro')}</p>
      <form class="card form signin-form" onSubmit={onSubmit} noValidate data-testid="activate-form">
        {input('username', t('activate.username'), 'text', 'username')}
        {input('code', t('activate.code'), 'text', 'one-time-code', t('activate.codeHint'))}
        {input('password', t('activate.password'), 'password', 'new-password', t('activate.passwordHint'))}
        {input('repeat', t('activate.passwordRepeat'), 'password', 'new-password')}
        <div role="alert" id="activate-error" class={error ? 'alert alert-error' : 'alert-empty'} data-testid="activate-error">
          {error?.text}
        </div>
        <div class="actions">
          <button type="submit" class="btn btn-primary btn-block" disabled={busy} aria-busy={busy} data-testid="activate-submit">
            {busy && <span class="spinner spinner-inline" aria-hidden="true" />}
            {busy ? t('activate.submitting') : t('activate.submit')}
          </button>
        </div>
      </form>
      <p class="signin-activate">
        <Link href="/signin">{t('activate.back')}</Link>
      </p>
    </div>
  );
}
