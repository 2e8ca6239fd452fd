// Staff accounts, as the administrator keeps them for every centre (pages/Admin.tsx) and a centre head
// for her own (pages/StaffAccounts.tsx): the list, a new account whose one-time activation code is
// shown once to hand over, a new code by the account's maker only, confirmation by someone other than
// its maker, and disabling or enabling after asking. The server's reach is the same for both
// (manage_staff_accounts); what else the administrator does with a row comes in through `rowActions`.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type Account, type ActivationCode, type NewAccount, type Role } from '../api';
import { Loading } from '../components/Loading';
import { TableWrap } from '../components/TableWrap';
import { formatDateTime } from '../format';
import { k, useI18n, type MessageKey } from '../i18n';
import { ROLE_LABEL } from '../labels';
import { problemMessage } from '../problems';
import { accountRolesManagedBy } from '../roles';

type Centre = { id: string; name: string };

/** The one-time activation code, shown once, with what to do with it. */
function ActivationShown({ name, activation }: { name: string; activation: ActivationCode }) {
  const { t } = useI18n();
  return (
    <div class="alert alert-success activation-code" role="status" data-testid="activation-code">
      <h3>{t('admin.codeTitle', { name })}</h3>
      <p class="code-display" data-testid="activation-code-value">{activation.code}</p>
      <p>{t('admin.codeBody', { name, date: formatDateTime(activation.expires_at) })}</p>
    </div>
  );
}

/** A new account. A head adds to her own centre (the server's answer when no centre is named). */
function AccountForm({ role, centres, onAdded }: { role: Role; centres: Centre[]; onAdded: () => void }) {
  const { t } = useI18n();
  const head = role !== 'administrator';
  const roles = accountRolesManagedBy(role);
  const blank = { centre_id: centres[0]?.id ?? '', username: '', display_name: '', role: 'case_worker' as Role, organisation: '' };
  const [form, setForm] = useState(blank);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<{ name: string; activation: ActivationCode } | null>(null);
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const fieldError = (name: string) => (error?.problem.field === name ? problemMessage(error, t) : null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setAdded(null);
    const body: NewAccount = {
      username: form.username.trim(),
      display_name: form.display_name.trim(),
      role: form.role,
      ...(!head && form.role !== 'administrator' ? { centre_id: form.centre_id } : {}),
      ...(form.role === 'external_provider' ? { organisation: form.organisation.trim() } : {}),
    };
    try {
      const account = await api.addAccount(body);
      setAdded({ name: account.display_name, activation: account.activation });
      setForm(blank);
      onAdded();
    } catch (x) {
      if (x instanceof ApiError) setError(x);
    } finally {
      setBusy(false);
    }
  };
  const field = (name: keyof typeof form, label: MessageKey, type = 'text') => (
    <div class={`field${fieldError(name) ? ' field-invalid' : ''}`}>
      <label for={`acc-${name}`}>{t(label)}</label>
      <input id={`acc-${name}`} type={type} autocomplete={type === 'password' ? 'new-password' : 'off'} value={form[name]}
        onInput={(e) => set({ [name]: e.currentTarget.value })} aria-invalid={fieldError(name) ? true : undefined}
        aria-describedby={fieldError(name) ? `acc-${name}-error` : undefined} />
      {fieldError(name) && <p class="field-error" id={`acc-${name}-error`}>{fieldError(name)}</p>}
    </div>
  );
  return (
    <section class="card" aria-labelledby="accounts-add">
      <h2 id="accounts-add">{t('admin.add')}</h2>
      <p class="hint" data-testid="account-form-hint">{t(head ? 'accounts.addHintHead' : 'admin.addHint')}</p>
      {added && <ActivationShown name={added.name} activation={added.activation} />}
      {error && !error.problem.field && <div class="alert alert-error" role="alert" data-testid="account-form-error">{problemMessage(error, t)}</div>}
      <form class="form" onSubmit={submit} noValidate data-testid="account-form">
        <div class="field">
          <label for="acc-role">{t('admin.role')}</label>
          <select id="acc-role" value={form.role} onChange={(e) => set({ role: e.currentTarget.value as Role })}>
            {roles.map((r) => <option key={r} value={r}>{t(ROLE_LABEL[r])}</option>)}
          </select>
        </div>
        {!head && form.role !== 'administrator' && (
          <div class={`field${fieldError('centre') ? ' field-invalid' : ''}`}>
            <label for="acc-centre">{t('admin.centre')}</label>
            <select id="acc-centre" value={form.centre_id} onChange={(e) => set({ centre_id: e.currentTarget.value })}>
              {centres.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </div>
        )}
        {field('display_name', k('admin.displayName'))}
        {field('username', k('admin.username'))}
        {form.role === 'external_provider' && field('organisation', k('admin.organisation'))}
        <button type="submit" class="btn btn-primary" disabled={busy} aria-busy={busy} data-testid="account-submit">
          {busy ? t('record.saving') : t('admin.addSubmit')}
        </button>
      </form>
    </section>
  );
}

/**
 * Confirms an account after asking, in place, whether its owner said they activated it themselves:
 * the one check that makes an account made by someone else its owner's own (separation of duties).
 */
export function ConfirmAccountButton({ account, onConfirmed, onError }: {
  account: Account; onConfirmed: (message: string) => void; onError: (e: unknown) => void;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking) {
    return (
      <button type="button" class="btn btn-primary" data-testid="account-confirm" onClick={() => setAsking(true)}>
        {t('admin.confirm')}
      </button>
    );
  }
  const confirm = async () => {
    setBusy(true);
    try {
      await api.confirmAccount(account.id);
      onConfirmed(t('admin.confirmed', { name: account.display_name }));
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <div class="confirm-ask" role="group" aria-label={t('admin.confirm')} data-testid="account-confirm-ask">
      <p>{t('admin.confirmAsk', { name: account.display_name })}</p>
      <button type="button" class="btn btn-primary" onClick={confirm} disabled={busy} aria-busy={busy} data-testid="account-confirm-yes">
        {t('admin.confirm')}
      </button>
      <button type="button" class="btn btn-link" onClick={() => setAsking(false)}>{t('common.cancel')}</button>
    </div>
  );
}

/** Disables an account, or enables it again, once asked in place: disabling ends its sessions at once. */
function DisableButton({ account, act }: { account: Account; act: AccountsContext['act'] }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const enable = account.disabled;
  const label = t(enable ? 'admin.enable' : 'admin.disable');
  if (!asking) {
    return (
      <button type="button" class="btn btn-secondary" data-testid={enable ? 'account-enable' : 'account-disable'} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  const go = async () => {
    setBusy(true);
    await act(() => api.setAccountDisabled(account.id, !enable), t(enable ? 'admin.enabled' : 'admin.disabled', { name: account.display_name }));
    setBusy(false);
    setAsking(false);
  };
  return (
    <div class="confirm-ask" role="group" aria-label={label} data-testid="account-disable-ask">
      <p>{t(enable ? 'accounts.enableAsk' : 'accounts.disableAsk', { name: account.display_name })}</p>
      <button type="button" class={`btn ${enable ? 'btn-primary' : 'btn-danger'}`} onClick={go} disabled={busy} aria-busy={busy}
        data-testid="account-disable-yes">
        {label}
      </button>
      <button type="button" class="btn btn-link" onClick={() => setAsking(false)}>{t('common.cancel')}</button>
    </div>
  );
}

/** Where an account stands: waiting for its owner, for confirmation, or working. */
export function AccountStateText({ account }: { account: Account }) {
  const { t } = useI18n();
  if (!account.activated) {
    const expired = account.activation_expires_at !== null && Date.parse(account.activation_expires_at) <= Date.now();
    return <>{expired ? t('admin.state.codeExpired') : t('admin.state.awaitingActivation', { date: formatDateTime(account.activation_expires_at ?? '') })}</>;
  }
  return <>{t(account.confirmed ? 'admin.state.active' : 'admin.state.awaitingConfirmation')}</>;
}

/** What a page adds to the section's rows: done, said in the section's notice, and the list read again. */
export interface AccountsContext {
  act: (what: () => Promise<unknown>, message: string) => Promise<void>;
  notify: (message: string) => void;
}

interface Props {
  /** The signed-in administrator or centre head. */
  role: Role;
  selfId: string;
  /** The administrator's own actions on a row (screening a head, sessions, two-step sign-in). */
  rowActions?: (account: Account, ctx: AccountsContext) => ComponentChildren;
  /** Shown below the list (the administrator's screening form), with the same notice. */
  below?: (ctx: AccountsContext) => ComponentChildren;
}

/**
 * The accounts the signed-in person manages, and a form for a new one: the administrator's of every
 * centre (a centre column, a centre to choose), a head's of her own centre (the server lists no other
 * and no administrator; she is offered only the roles she may add, and no way to disable a head).
 */
export function AccountsSection({ role, selfId, rowActions, below }: Props) {
  const { t, lang } = useI18n();
  const admin = role === 'administrator';
  const managed = accountRolesManagedBy(role);
  const [accounts, setAccounts] = useState<{ centres: Centre[]; items: Account[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [code, setCode] = useState<{ name: string; activation: ActivationCode } | null>(null);

  useEffect(() => {
    api.listAccounts().then(setAccounts).catch(setError);
  }, [reload, lang]);

  const ctx: AccountsContext = {
    act: async (what, message) => {
      setError(null);
      setNotice(null);
      setCode(null);
      try {
        await what();
        setNotice(message);
        setReload((n) => n + 1);
      } catch (e) {
        setError(e);
      }
    },
    notify: (message) => {
      setError(null);
      setNotice(message);
      setReload((n) => n + 1);
    },
  };
  const newCode = async (a: Account) => {
    setError(null);
    setNotice(null);
    try {
      setCode({ name: a.display_name, activation: await api.issueActivation(a.id) });
    } catch (e) {
      setError(e);
    }
  };
  // A head's list holds her centre's heads, so a maker who is a head is found in it. What a head made,
  // and an auditor's account (the auditor checks her centre), an administrator confirms.
  const adminConfirms = (a: Account) =>
    a.role === 'auditor' || accounts?.items.find((x) => x.id === a.created_by)?.role === 'centre_head';
  const centreName = (id: string | null) => accounts?.centres.find((c) => c.id === id)?.name ?? t('admin.noCentre');

  return (
    <>
      {notice && <p class="alert alert-success" role="status" data-testid="accounts-notice">{notice}</p>}
      {error !== null && <div class="alert alert-error" role="alert" data-testid="accounts-error">{problemMessage(error, t)}</div>}
      {!accounts && error === null && <Loading />}
      {accounts && (
        <>
          <section class="card" aria-labelledby="accounts-list">
            <h2 id="accounts-list">{t('admin.accounts', { n: accounts.items.length })}</h2>
            <TableWrap label={t(admin ? 'admin.accountsCaption' : 'accounts.captionHead')}>
              <table data-testid="accounts">
                <caption class="visually-hidden">{t(admin ? 'admin.accountsCaption' : 'accounts.captionHead')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.displayName')}</th>
                    <th scope="col">{t('admin.role')}</th>
                    {admin && <th scope="col">{t('admin.centre')}</th>}
                    <th scope="col">{t('admin.state')}</th>
                    <th scope="col">{t('admin.secondFactor')}</th>
                    <th scope="col">{t('admin.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {accounts.items.map((a) => (
                    <tr key={a.id} data-testid="account-row" data-disabled={a.disabled} data-role={a.role}>
                      <th scope="row">
                        {a.display_name} <span class="muted">({a.username})</span>
                        {a.disabled && <span class="badge badge-alias">{t('centre.disabled')}</span>}
                      </th>
                      <td>{t(ROLE_LABEL[a.role])}{a.organisation && <><br /><span class="muted">{a.organisation}</span></>}</td>
                      {admin && <td>{centreName(a.centre_id)}</td>}
                      <td data-testid="account-state"><AccountStateText account={a} /></td>
                      <td>{t(a.second_factor ? 'timeline.yes' : 'timeline.no')}</td>
                      <td class="row-actions">
                        {a.activated && !a.confirmed && a.id !== selfId && (admin || !adminConfirms(a)) && a.created_by !== selfId && (
                          <ConfirmAccountButton account={a} onConfirmed={ctx.notify} onError={setError} />
                        )}
                        {/* A head's deputy answers to her, and the auditor checks the centre: an administrator confirms those. */}
                        {a.activated && !a.confirmed && !admin && adminConfirms(a) && (
                          <span class="muted" data-testid="account-admin-confirms">{t('accounts.adminConfirms')}</span>
                        )}
                        {/* Only its maker may give a new code: whoever issues one could use it. */}
                        {!a.activated && a.created_by === selfId && (
                          <button type="button" class="btn btn-secondary" data-testid="account-new-code" onClick={() => newCode(a)}>
                            {t('admin.newCode')}
                          </button>
                        )}
                        {a.id !== selfId && managed.includes(a.role) && <DisableButton key={`${a.id}-${a.disabled}`} account={a} act={ctx.act} />}
                        {rowActions?.(a, ctx)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </section>
          {code && <ActivationShown name={code.name} activation={code.activation} />}
          {below?.(ctx)}
          <AccountForm role={role} centres={accounts.centres} onAdded={() => setReload((n) => n + 1)} />
        </>
      )}
    </>
  );
}
