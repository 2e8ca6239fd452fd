import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type CaseListFilter, type CaseSummary, type Role, type Stage } from '../api';
import { Link } from '../components/Link';
import { Loading } from '../components/Loading';
import { TableWrap } from '../components/TableWrap';
import { highlightSegments } from '../fold';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { SEX_LABEL, STAGE_LABEL } from '../labels';
import { problemMessage } from '../problems';
import { mayRegister } from '../roles';
import { replaceSearch } from '../router';

const PAGE = 50;

function Highlight({ text, query }: { text: string; query: string }) {
  return (
    <>
      {highlightSegments(text, query).map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : s.text))}
    </>
  );
}

const STAGES = Object.keys(STAGE_LABEL) as Stage[];

export function CaseListPage({ search, role }: { search: string; role: Role | null }) {
  const { t } = useI18n();
  const params = new URLSearchParams(search);
  const initialQ = params.get('q') ?? '';
  const [stage, setStage] = useState<Stage | ''>(() => (STAGES.includes(params.get('stage') as Stage) ? (params.get('stage') as Stage) : ''));
  const [mine, setMine] = useState(() => params.get('mine') === 'true');
  const [child, setChild] = useState(() => params.get('child') === 'true');
  const [overdue, setOverdue] = useState(() => params.get('overdue') === 'true');
  const filter: CaseListFilter = {
    ...(stage ? { stage } : {}),
    ...(mine ? { mine } : {}),
    ...(child ? { child } : {}),
    ...(overdue ? { overdue } : {}),
  };
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
    const shown = new URLSearchParams();
    if (query) shown.set('q', query);
    if (stage) shown.set('stage', stage);
    if (mine) shown.set('mine', 'true');
    if (child) shown.set('child', 'true');
    if (overdue) shown.set('overdue', 'true');
    replaceSearch(shown.toString());
    abortRef.current?.abort();
    const ctl = new AbortController();
    abortRef.current = ctl;
    setLoading(true);
    setError(null);
    api
      .listCases(query, 0, PAGE, ctl.signal, filter)
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
  }, [query, stage, mine, child, overdue, reload]);

  const loadMore = async () => {
    setLoadingMore(true);
    setError(null);
    try {
      const res = await api.listCases(query, items.length, PAGE, undefined, filter);
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
        {mayRegister(role) && (
          <Link href="/reception" class="btn btn-primary" data-testid="new-case">
            {t('cases.new')}
          </Link>
        )}
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
        <div class="filters">
          <div class="field">
            <label for="case-stage">{t('cases.filterStage')}</label>
            <select id="case-stage" value={stage} onChange={(e) => setStage(e.currentTarget.value as Stage | '')} data-testid="filter-stage">
              <option value="">{t('cases.allStages')}</option>
              {STAGES.map((s) => (
                <option key={s} value={s}>
                  {t(STAGE_LABEL[s])}
                </option>
              ))}
            </select>
          </div>
          <div class="check">
            <input type="checkbox" id="case-child" checked={child} onChange={(e) => setChild(e.currentTarget.checked)} data-testid="filter-child" />
            <label for="case-child">{t('cases.onlyChildren')}</label>
          </div>
          <div class="check">
            <input type="checkbox" id="case-overdue" checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} data-testid="filter-overdue" />
            <label for="case-overdue">{t(role === 'centre_head' ? 'cases.onlyOverdueMine' : 'cases.onlyOverdue')}</label>
          </div>
          {role === 'centre_head' && (
            <div class="check">
              <input type="checkbox" id="case-mine" checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} data-testid="filter-mine" />
              <label for="case-mine">{t('cases.onlyMine')}</label>
            </div>
          )}
        </div>
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
          <TableWrap label={t('cases.caption')}>
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
                      <time dateTime={c.received_at}>{formatDateTime(c.received_at)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
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
