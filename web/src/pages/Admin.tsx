// Administration: the accounts of every centre (add one; disable, enable, end its sessions, reset
// its two-step sign-in), the deployment's standards parameters, and the audit log's chain checked.
// The administrator sees it all; the auditor only the audit check. Nothing here shows case content.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type Account, type ActivationCode, type AuditCheck, type NewAccount, type Role } from '../api';
import { Loading } from '../components/Loading';
import { TableWrap } from '../components/TableWrap';
import { formatDateTime } from '../format';
import { k, useI18n, type MessageKey } from '../i18n';
import { ROLE_LABEL } from '../labels';
import { problemMessage } from '../problems';
import { useUnsavedGuard } from '../unsaved';

const ROLES: Role[] = ['case_worker', 'counsellor', 'centre_head', 'auditor', 'external_provider', 'administrator'];
const PROBLEM: Record<AuditCheck['problem'], MessageKey> = {
  none: k('admin.audit.intact'),
  altered: k('admin.audit.altered'),
  broken_link: k('admin.audit.broken_link'),
  unchained_in_chain: k('admin.audit.unchained_in_chain'),
  last_entries_missing: k('admin.audit.last_entries_missing'),
};

function AuditSection() {
  const { t } = useI18n();
  const [check, setCheck] = useState<AuditCheck | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setCheck(await api.verifyAuditLog());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card" aria-labelledby="admin-audit" data-testid="admin-audit">
      <h2 id="admin-audit">{t('admin.audit.title')}</h2>
      <p class="muted">{t('admin.audit.intro')}</p>
      <button type="button" class="btn btn-primary" onClick={run} disabled={busy} aria-busy={busy} data-testid="audit-verify">
        {busy && <span class="spinner spinner-inline" aria-hidden="true" />}
        {busy ? t('admin.audit.checking') : t('admin.audit.check')}
      </button>
      {error !== null && <div class="alert alert-error" role="alert">{problemMessage(error, t)}</div>}
      {check && (
        <div class={`alert ${check.intact ? 'alert-success' : 'alert-error'}`} role="status" data-testid="audit-result">
          <p>{t(PROBLEM[check.problem], { id: check.first_bad_id ?? 0 })}</p>
          <p>{t('admin.audit.counts', { chained: check.chained, unchained: check.unchained, at: formatDateTime(check.checked_at) })}</p>
        </div>
      )}
    </section>
  );
}

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

function AccountForm({ centres, onAdded }: { centres: { id: string; name: string }[]; onAdded: () => void }) {
  const { t } = useI18n();
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
      ...(form.role !== 'administrator' ? { centre_id: form.centre_id } : {}),
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
    <section class="card" aria-labelledby="admin-add">
      <h2 id="admin-add">{t('admin.add')}</h2>
      <p class="hint">{t('admin.addHint')}</p>
      {added && <ActivationShown name={added.name} activation={added.activation} />}
      {error && !error.problem.field && <div class="alert alert-error" role="alert">{problemMessage(error, t)}</div>}
      <form class="form" onSubmit={submit} noValidate data-testid="account-form">
        <div class="field">
          <label for="acc-role">{t('admin.role')}</label>
          <select id="acc-role" value={form.role} onChange={(e) => set({ role: e.currentTarget.value as Role })}>
            {ROLES.map((r) => <option key={r} value={r}>{t(ROLE_LABEL[r])}</option>)}
          </select>
        </div>
        {form.role !== 'administrator' && (
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
 * the one check that makes an administrator's account someone's own (separation of duties).
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

/** Where an account stands: waiting for its owner, for confirmation, or working. */
export function AccountStateText({ account }: { account: Account }) {
  const { t } = useI18n();
  if (!account.activated) {
    const expired = account.activation_expires_at !== null && Date.parse(account.activation_expires_at) <= Date.now();
    return <>{expired ? t('admin.state.codeExpired') : t('admin.state.awaitingActivation', { date: formatDateTime(account.activation_expires_at ?? '') })}</>;
  }
  return <>{t(account.confirmed ? 'admin.state.active' : 'admin.state.awaitingConfirmation')}</>;
}

const SCREENING_CHECKS = [
  ['ability', k('rf.ability')],
  ['qualifications', k('rf.qualifications')],
  ['moral_standing', k('rf.moral_standing')],
  ['judicial_record_checked', k('rf.judicial_record_checked')],
] as const;

/** An administrator records a centre head's recruitment screening (III.1.b): nobody records their own. */
function HeadScreeningForm({ account, onDone, onCancel }: { account: Account; onDone: (message: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [checks, setChecks] = useState<Record<string, boolean>>({});
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useUnsavedGuard(notes.trim() !== '');
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.recordHeadScreening(account.id, { occurred_at: new Date().toISOString(), body: { ...checks, notes } });
      onDone(t('admin.screened', { name: account.display_name }));
    } catch (x) {
      setError(x);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card form" onSubmit={submit} noValidate data-testid="head-screening-form" aria-labelledby="head-screening-title">
      <h3 id="head-screening-title">{t('admin.screeningTitle', { name: account.display_name })} <span class="clause">III.1.b</span></h3>
      <p class="hint">{t('admin.screeningIntro')}</p>
      {SCREENING_CHECKS.map(([name, label]) => (
        <div class="field field-check" key={name}>
          <input id={`hs-${name}`} type="checkbox" checked={checks[name] === true} onChange={(e) => setChecks({ ...checks, [name]: e.currentTarget.checked })} />
          <label for={`hs-${name}`}>{t(label)}</label>
        </div>
      ))}
      <div class="field">
        <label for="hs-notes">{t('rf.notes')}</label>
        <textarea id="hs-notes" value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
      </div>
      {error !== null && <div class="alert alert-error" role="alert">{problemMessage(error, t)}</div>}
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy} aria-busy={busy} data-testid="head-screening-submit">{t('admin.screeningSubmit')}</button>
        <button type="button" class="btn btn-link" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}

export function AdminPage({ role, selfId }: { role: Role; selfId: string }) {
  const { t, lang } = useI18n();
  const admin = role === 'administrator';
  const [accounts, setAccounts] = useState<{ centres: { id: string; name: string }[]; items: Account[] } | null>(null);
  const [params, setParams] = useState<{ clause: string; name: string; value: number; title: string }[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [code, setCode] = useState<{ name: string; activation: ActivationCode } | null>(null);
  const [screening, setScreening] = useState<Account | null>(null);

  useEffect(() => {
    if (!admin) return;
    api.listAccounts().then(setAccounts).catch(setError);
    api.listParameters().then((p) => setParams(p.items)).catch(setError);
  }, [admin, reload, lang]);

  const act = async (what: () => Promise<unknown>, message: string) => {
    setError(null);
    setCode(null);
    try {
      await what();
      setNotice(message);
      setReload((n) => n + 1);
    } catch (e) {
      setError(e);
    }
  };
  const centreName = (id: string | null) => accounts?.centres.find((c) => c.id === id)?.name ?? t('admin.noCentre');

  return (
    <div class="admin" data-testid="admin">
      <h1>{t(admin ? 'admin.title' : 'admin.audit.title')}</h1>
      {notice && <p class="alert alert-success" role="status" data-testid="admin-notice">{notice}</p>}
      {error !== null && <div class="alert alert-error" role="alert">{problemMessage(error, t)}</div>}
      {admin && !accounts && <Loading />}
      {admin && accounts && (
        <>
          <section class="card" aria-labelledby="admin-accounts">
            <h2 id="admin-accounts">{t('admin.accounts', { n: accounts.items.length })}</h2>
            <TableWrap label={t('admin.accountsCaption')}>
              <table data-testid="accounts">
                <caption class="visually-hidden">{t('admin.accountsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.displayName')}</th>
                    <th scope="col">{t('admin.role')}</th>
                    <th scope="col">{t('admin.centre')}</th>
                    <th scope="col">{t('admin.state')}</th>
                    <th scope="col">{t('admin.secondFactor')}</th>
                    <th scope="col">{t('admin.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {accounts.items.map((a) => (
                    <tr key={a.id} data-testid="account-row" data-disabled={a.disabled}>
                      <th scope="row">
                        {a.display_name} <span class="muted">({a.username})</span>
                        {a.disabled && <span class="badge badge-alias">{t('centre.disabled')}</span>}
                      </th>
                      <td>{t(ROLE_LABEL[a.role])}{a.organisation && <><br /><span class="muted">{a.organisation}</span></>}</td>
                      <td>{centreName(a.centre_id)}</td>
                      <td data-testid="account-state"><AccountStateText account={a} /></td>
                      <td>{t(a.second_factor ? 'timeline.yes' : 'timeline.no')}</td>
                      <td class="row-actions">
                        {a.activated && !a.confirmed && a.created_by !== selfId && a.id !== selfId && (
                          <ConfirmAccountButton account={a} onConfirmed={(m) => {
                            setNotice(m);
                            setReload((n) => n + 1);
                          }} onError={setError} />
                        )}
                        {!a.activated && a.created_by === selfId && (
                          <button type="button" class="btn btn-secondary" data-testid="account-new-code"
                            onClick={async () => {
                              setError(null);
                              setNotice(null);
                              try {
                                setCode({ name: a.display_name, activation: await api.issueActivation(a.id) });
                              } catch (e) {
                                setError(e);
                              }
                            }}>
                            {t('admin.newCode')}
                          </button>
                        )}
                        {a.role === 'centre_head' && a.created_by !== selfId && (
                          <button type="button" class="btn btn-link" data-testid="account-screening" onClick={() => setScreening(a)}>
                            {t('admin.screening')}
                          </button>
                        )}
                        {a.id !== selfId && (
                          <button type="button" class="btn btn-secondary" data-testid={a.disabled ? 'account-enable' : 'account-disable'}
                            onClick={() => act(() => api.setAccountDisabled(a.id, !a.disabled), t(a.disabled ? 'admin.enabled' : 'admin.disabled', { name: a.display_name }))}>
                            {t(a.disabled ? 'admin.enable' : 'admin.disable')}
                          </button>
                        )}
                        <button type="button" class="btn btn-link"
                          onClick={() => act(() => api.endSessions(a.id), t('admin.sessionsEnded', { name: a.display_name }))}>
                          {t('admin.endSessions')}
                        </button>
                        {a.second_factor && (
                          <button type="button" class="btn btn-link"
                            onClick={() => act(() => api.resetSecondFactor(a.id), t('admin.secondFactorReset', { name: a.display_name }))}>
                            {t('admin.resetSecondFactor')}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </section>
          {code && <ActivationShown name={code.name} activation={code.activation} />}
          {screening && (
            <HeadScreeningForm account={screening} onCancel={() => setScreening(null)}
              onDone={(message) => {
                setScreening(null);
                setNotice(message);
              }} />
          )}
          <AccountForm centres={accounts.centres} onAdded={() => setReload((n) => n + 1)} />
        </>
      )}
      <AuditSection />
      {admin && params && (
        <section class="card" aria-labelledby="admin-params">
          <h2 id="admin-params">{t('admin.parameters')}</h2>
          <p class="muted">{t('admin.parametersIntro')}</p>
          <TableWrap label={t('admin.parameters')}>
            <table data-testid="parameters">
              <caption class="visually-hidden">{t('admin.parameters')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('assessment.col.clause')}</th>
                  <th scope="col">{t('admin.parameter')}</th>
                  <th scope="col">{t('admin.value')}</th>
                </tr>
              </thead>
              <tbody>
                {params.map((p) => (
                  <tr key={`${p.clause}.${p.name}`}>
                    <th scope="row"><span class="clause-tag">{p.clause}</span> {p.title}</th>
                    <td><code>{p.name}</code></td>
                    <td>{p.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      )}
    </div>
  );
}
