// The centre head's audit view: what was done on the centre's cases, by its staff and to its staff's
// accounts (made, activated, confirmed, screened, signed in), newest first, in words. An account made
// by an administrator and used before anyone confirmed it shows here, step by step.
import { useEffect, useState } from 'preact/hooks';
import { api, type Account, type AuditEntry } from '../api';
import { Link } from '../components/Link';
import { Loading } from '../components/Loading';
import { TableWrap } from '../components/TableWrap';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { AUDIT_ACTION_LABEL } from '../labels';
import { problemMessage } from '../problems';

export function CentreAuditPage() {
  const { t } = useI18n();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    Promise.all([api.getCentreAudit(), api.listCentreAccounts()])
      .then(([page, staff]) => {
        setEntries(page.items);
        setNext(page.next_before);
        setAccounts(staff);
      })
      .catch(setError);
  }, []);

  const more = async () => {
    if (next === null) return;
    setLoadingMore(true);
    try {
      const page = await api.getCentreAudit(next);
      setEntries((old) => [...(old ?? []), ...page.items]);
      setNext(page.next_before);
    } catch (e) {
      setError(e);
    } finally {
      setLoadingMore(false);
    }
  };

  const who = (id: string | null) => {
    if (!id) return t('audit.system');
    const a = accounts.find((x) => x.id === id);
    return a ? `${a.display_name} (${a.username})` : `${t('audit.someone')} …${id.slice(-6)}`;
  };

  return (
    <div data-testid="centre-audit">
      <h1>{t('audit.title')}</h1>
      <p class="muted">{t('audit.intro')}</p>
      {error !== null && <div class="alert alert-error" role="alert">{problemMessage(error, t)}</div>}
      {!entries && error === null && <Loading />}
      {entries && entries.length === 0 && <p>{t('audit.empty')}</p>}
      {entries && entries.length > 0 && (
        <TableWrap label={t('audit.title')}>
          <table data-testid="audit-entries">
            <caption class="visually-hidden">{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.about')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => {
                const label = AUDIT_ACTION_LABEL[e.action];
                return (
                  <tr key={e.id} data-testid="audit-entry" data-action={e.action}>
                    <td>{formatDateTime(e.at)}</td>
                    <td>{who(e.actor_id)}</td>
                    <td>{label ? t(label) : t('audit.action.other', { action: e.action })}</td>
                    <td>
                      {e.case_code && e.case_id && <Link href={`/cases/${encodeURIComponent(e.case_id)}`}>{t('audit.case', { code: e.case_code })}</Link>}
                      {e.subject_id && e.subject_id !== e.actor_id && who(e.subject_id)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
      {next !== null && (
        <button type="button" class="btn btn-secondary" onClick={more} disabled={loadingMore} aria-busy={loadingMore} data-testid="audit-more">
          {loadingMore && <span class="spinner spinner-inline" aria-hidden="true" />}
          {t('audit.more')}
        </button>
      )}
    </div>
  );
}
