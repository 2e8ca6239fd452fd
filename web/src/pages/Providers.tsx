// The service provider directory (II.6.a): search it whatever the accents, see which entries were
// not verified lately (to verify before anyone relies on them), and print the list a victim is
// given: only the verified entries, since a stale number or address can leave a person stranded.
import { useEffect, useState } from 'preact/hooks';
import { api, type ProviderEntry } from '../api';
import { Loading } from '../components/Loading';
import { matchesQuery } from '../fold';
import { formatDateOnly } from '../format';
import { useI18n } from '../i18n';
import { problemMessage } from '../problems';

export function ProvidersPage() {
  const { t } = useI18n();
  const [data, setData] = useState<{ items: ProviderEntry[]; stale_after_days: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [query, setQuery] = useState('');

  useEffect(() => {
    api.listProviders().then(setData).catch(setError);
  }, []);

  if (error) return <div class="alert alert-error" role="alert">{problemMessage(error, t)}</div>;
  const shown = (data?.items ?? []).filter((p) => matchesQuery(`${p.body.name} ${p.body.services} ${p.body.address}`, query));
  const stale = (data?.items ?? []).filter((p) => p.stale).length;
  return (
    <div class="providers" data-testid="providers">
      <div class="page-head">
        <h1>{t('providers.title')} <span class="clause">II.6.a</span></h1>
        <button type="button" class="btn btn-secondary" onClick={() => window.print()} disabled={!data}>
          {t('providers.print')}
        </button>
      </div>
      <p class="print-only">{t('providers.printIntro')}</p>
      <form class="search no-print" role="search" onSubmit={(e) => e.preventDefault()}>
        <label for="provider-search">{t('providers.search')}</label>
        <input id="provider-search" type="search" autocomplete="off" value={query} onInput={(e) => setQuery(e.currentTarget.value)}
          data-testid="provider-search" />
      </form>
      {!data ? (
        <Loading />
      ) : (
        <>
          {stale > 0 && (
            <p class="alert alert-warning no-print" role="status" data-testid="providers-stale">
              {t('providers.staleCount', { n: stale, days: data.stale_after_days })}
            </p>
          )}
          {shown.length === 0 ? (
            <p class="empty">{data.items.length === 0 ? t('providers.none') : t('providers.noMatch')}</p>
          ) : (
            <ul class="provider-list">
              {shown.map((p) => (
                <li key={p.id} class={`card provider${p.stale ? ' provider-stale no-print' : ''}`} data-testid="provider" data-stale={p.stale}>
                  <h2>{p.body.name}</h2>
                  {p.stale && <p class="badge badge-stale">{t('providers.stale')}</p>}
                  <dl class="dl">
                    <div class="dl-item"><dt>{t('providers.services')}</dt><dd>{p.body.services || '—'}</dd></div>
                    <div class="dl-item"><dt>{t('providers.contact')}</dt><dd>{p.body.contact || '—'}</dd></div>
                    <div class="dl-item"><dt>{t('providers.address')}</dt><dd>{p.body.address || '—'}</dd></div>
                    <div class="dl-item"><dt>{t('providers.verified')}</dt><dd>{formatDateOnly(p.body.last_verified)}</dd></div>
                  </dl>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
