import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type CaseSummary } from '../api';
import { Link } from '../components/Link';
import { Loading } from '../components/Loading';
import { highlightSegments } from '../fold';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { SEX_LABEL, STAGE_LABEL } from '../labels';
import { problemMessage } from '../problems';
import { replaceSearch } from '../router';

const PAGE = 50;

function Highlight({ text, query }: { text: string; query: string }) {
  return (
    <>
      {highlightSegments(text, query).map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : s.text))}
    </>
  );
}

export function CaseListPage({ search }: { search: string }) {
  const { t, lang } = useI18n();
  const initialQ = new URLSearchParams(search).get('q') ?? '';
  const [input, setInput] = useState(initialQ);
  const [query, setQuery] = useState(initialQ);
  const [items, setItems] = useState<CaseSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);
  const abortRef = useRef<AbortController | null>(null);

  // Debounce typing.
  useEffect(() => {
    const id = window.setTimeout(() => setQuery(input.trim()), 250);
    return () => window.clearTimeout(id);
  }, [input]);

  useEffect(() => {
    replaceSearch(query ? new URLSearchParams({ q: query }).toString() : '');
    abortRef.current?.abort();
    const ctl = new AbortController();
    abortRef.current = ctl;
    setLoading(true);
    setError(null);
    api
      .listCases(query, 0, PAGE, ctl.signal)
      .then((res) => {
        if (ctl.signal.aborted) return;
        setItems(res.items);
        setTotal(res.total);
        setLoading(false);
      })
      .catch((e: unknown) => {
        if (ctl.signal.aborted) return;
        setError(e);
        setLoading(false);
      });
    return () => ctl.abort();
  }, [query, reload]);

  const loadMore = async () => {
    setLoadingMore(true);
    setError(null);
    try {
      const res = await api.listCases(query, items.length, PAGE);
      setItems((prev) => [...prev, ...res.items]);
      setTotal(res.total);
    } catch (e) {
      setError(e);
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <div class="case-list">
      <div class="page-head">
        <h1>{t('cases.title')}</h1>
        <Link href="/reception" class="btn btn-primary" data-testid="new-case">
          {t('cases.new')}
        </Link>
      </div>

      <form class="search" role="search" onSubmit={(e) => { e.preventDefault(); setQuery(input.trim()); }}>
        <label for="case-search">{t('cases.search')}</label>
        <input
          id="case-search"
          type="search"
          autocomplete="off"
          spellcheck={false}
          aria-describedby="case-search-hint"
          data-testid="case-search"
          value={input}
          onInput={(e) => setInput(e.currentTarget.value)}
        />
        <p id="case-search-hint" class="hint">
          {t('cases.searchHint')}
        </p>
      </form>

      {error !== null && (
        <div class="alert alert-error" role="alert" data-testid="list-error">
          <p>{problemMessage(error, t)}</p>
          <button type="button" class="btn btn-secondary" onClick={() => setReload((n) => n + 1)}>
            {t('error.retry')}
          </button>
        </div>
      )}

      {loading ? (
        <Loading />
      ) : error === null && items.length === 0 ? (
        <p class="empty" data-testid="cases-empty">
          {query ? t('cases.emptySearch', { q: query }) : t('cases.empty')}
        </p>
      ) : items.length > 0 ? (
        <>
          <div class="table-wrap">
            <table class="cases-table" data-testid="cases-table">
              <caption class="visually-hidden">{t('cases.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cases.col.code')}</th>
                  <th scope="col">{t('cases.col.name')}</th>
                  <th scope="col">{t('cases.col.sex')}</th>
                  <th scope="col">{t('cases.col.child')}</th>
                  <th scope="col">{t('cases.col.stage')}</th>
                  <th scope="col">{t('cases.col.receivedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((c) => (
                  <tr key={c.id} data-testid="case-row">
                    <td>
                      <Link href={`/cases/${encodeURIComponent(c.id)}`} class="case-code">
                        <Highlight text={c.code} query={query} />
                      </Link>
                    </td>
                    {c.on_case && c.name !== null ? (
                      <td class="case-name">
                        <Highlight text={c.name} query={query} />
                        {c.name_is_alias && <span class="badge badge-alias">{t('badge.alias')}</span>}
                      </td>
                    ) : (
                      <td class="case-name muted" data-testid="not-on-case">
                        {t('cases.notOnCase')}
                      </td>
                    )}
                    <td>{c.sex ? t(SEX_LABEL[c.sex] ?? SEX_LABEL.unknown) : '—'}</td>
                    <td>
                      {c.treated_as_child ? (
                        <span class="badge badge-child" data-testid="child-badge">
                          {t('badge.child')}
                        </span>
                      ) : (
                        <span class="muted">{t('cases.notChild')}</span>
                      )}
                    </td>
                    <td>{STAGE_LABEL[c.stage] ? t(STAGE_LABEL[c.stage]) : c.stage}</td>
                    <td>
                      <time dateTime={c.received_at}>{formatDateTime(c.received_at, lang)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div class="list-foot">
            <p class="muted" role="status" data-testid="cases-count">
              {t('cases.count', { shown: items.length, total })}
            </p>
            {items.length < total && (
              <button type="button" class="btn btn-secondary" disabled={loadingMore} aria-busy={loadingMore} onClick={loadMore}>
                {loadingMore ? t('app.loading') : t('cases.more')}
              </button>
            )}
          </div>
        </>
      ) : null}
    </div>
  );
}
