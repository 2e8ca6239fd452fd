// Administration: the accounts of every centre (accounts/Accounts.tsx, as a head keeps her own
// centre's, with the administrator's own actions: a head's screening, ending sessions, resetting
// two-step sign-in), the deployment's standards parameters, and the audit log's chain checked. The
// administrator sees it all; the auditor only the audit check. Nothing here shows case content.
import { useEffect, useState } from 'preact/hooks';
import { AccountsSection, type AccountsContext } from '../accounts/Accounts';
import { api, type Account, type AuditCheck, type Role } from '../api';
import { TableWrap } from '../components/TableWrap';
import { formatDateTime } from '../format';
import { k, useI18n, type MessageKey } from '../i18n';
import { problemMessage } from '../problems';
import { useUnsavedGuard } from '../unsaved';

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
  const [params, setParams] = useState<{ clause: string; name: string; value: number; title: string }[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [screening, setScreening] = useState<Account | null>(null);

  useEffect(() => {
    if (!admin) return;
    api.listParameters().then((p) => setParams(p.items)).catch(setError);
  }, [admin, lang]);

  /** The administrator's own, beside what a head may do too: a head's screening, sessions, two-step sign-in. */
  const rowActions = (a: Account, { act }: AccountsContext) => (
    <>
      {a.role === 'centre_head' && a.created_by !== selfId && (
        <button type="button" class="btn btn-link" data-testid="account-screening" onClick={() => setScreening(a)}>
          {t('admin.screening')}
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
    </>
  );

  return (
    <div class="admin" data-testid="admin">
      <h1>{t(admin ? 'admin.title' : 'admin.audit.title')}</h1>
      {admin && (
        <AccountsSection role={role} selfId={selfId} rowActions={rowActions}
          below={({ notify }) => screening && (
            <HeadScreeningForm account={screening} onCancel={() => setScreening(null)}
              onDone={(message) => {
                setScreening(null);
                notify(message);
              }} />
          )} />
      )}
      <AuditSection />
      {error !== null && <div class="alert alert-error" role="alert">{problemMessage(error, t)}</div>}
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
