// The centre head's dashboard (GET /centre/dashboard): her centre's cases by stage, the overdue tasks
// by clause, each worker's caseload and overdue tasks, the deadlines kept over twelve months (all of
// them or one clause's), and the referrals by provider and outcome. Each chart can be read as a table;
// the page prints on A4. Loaded only on its route (app.tsx imports it when it is opened), with the
// chart code, so that the first page of the UI stays light.
import { useEffect, useState } from 'preact/hooks';
import { api, type Dashboard, type ReferralStatus } from '../api';
import { Link } from '../components/Link';
import { LoadFailed } from '../components/LoadFailed';
import { Loading } from '../components/Loading';
import { TableWrap } from '../components/TableWrap';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { ROLE_LABEL, STAGE_LABEL } from '../labels';
import { optionText } from '../records/schema';
import { ChartCard, ColumnChart, HBarChart, type Series } from '../dashboard/Charts';
import { byProvider, formatMonth, formatShare, keptShare, monthTick, totalOf, type Counts } from '../dashboard/geometry';

/** Colours that stay apart for colour-blind readers (Okabe–Ito, darkened for contrast on white), each
 * with a pattern of its own for print in black and white. */
const BLUE = '#1f5f8b';
const GREEN = '#0b6e4f';
const ORANGE = '#a35200';
const RED = '#a4161a';
const PURPLE = '#6b3f8f';

const STATUSES: readonly ReferralStatus[] = ['sent', 'accepted', 'declined', 'completed'];

export default function DashboardPage() {
  const { t, lang } = useI18n();
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [clause, setClause] = useState('');

  const [attempt, setAttempt] = useState(0);
  const retry = () => setAttempt((n) => n + 1);

  // Read again in another language: the clauses' titles are the server's, in the reader's language.
  useEffect(() => {
    let live = true;
    setError(null);
    api.getDashboard().then(
      (d) => live && setData(d),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [lang, attempt]);

  if (!data) {
    return (
      <div class="dashboard" data-testid="dashboard">
        <h1>{t('dashboard.title')}</h1>
        {error !== null ? <LoadFailed error={error} onRetry={retry} /> : <Loading />}
      </div>
    );
  }

  const summary = (title: string, items: string[]) => t('dashboard.summary', { title, list: items.join('; ') });
  const item = (label: string, n: number | string) => t('dashboard.item', { label, n });

  // Cases by stage.
  const stageTitle = t('dashboard.stage.title');
  const stageSeries: Series[] = [{ key: 'cases', label: t('dashboard.col.cases'), colour: BLUE, pattern: 'solid' }];
  const anyCase = data.by_stage.some((s) => s.cases > 0);
  const stages = data.by_stage.map((s) => ({ label: t(STAGE_LABEL[s.stage]), n: s.cases }));

  // Overdue tasks by clause.
  const overdueTitle = t('dashboard.overdue.title');
  const overdueSeries: Series[] = [{ key: 'overdue', label: t('dashboard.col.overdueTasks'), colour: RED, pattern: 'hatch' }];
  const clauseLabel = (c: { clause: string; title: string }) => `${c.clause} — ${c.title}`;

  // Staff.
  const staffTitle = t('dashboard.staff.title');
  const staffSeries: Series[] = [
    { key: 'open', label: t('dashboard.col.openCases'), colour: BLUE, pattern: 'solid' },
    { key: 'overdue', label: t('dashboard.col.overdueTasks'), colour: RED, pattern: 'hatch' },
  ];
  const person = (s: Dashboard['staff'][number]) => `${s.display_name} · ${t(ROLE_LABEL[s.role])}`;

  // The trend, of all clauses or of the one chosen.
  const chosen = data.trend.clauses.find((c) => c.clause === clause) ?? null;
  const months: Counts[] = chosen ? chosen.months : data.trend.total;
  const whole = totalOf(months);
  const trendEmpty = whole.kept + whole.late + whole.overdue === 0;
  const trendTitle = t('dashboard.trend.title');
  const trendSeries: Series[] = [
    { key: 'kept', label: t('dashboard.trend.kept'), colour: GREEN, pattern: 'solid' },
    { key: 'late', label: t('dashboard.trend.late'), colour: ORANGE, pattern: 'hatch' },
    { key: 'overdue', label: t('dashboard.trend.overdue'), colour: RED, pattern: 'cross' },
  ];
  const monthItem = (month: string, c: Counts) =>
    t('dashboard.trend.item', { month: formatMonth(month), kept: c.kept, late: c.late, overdue: c.overdue, share: formatShare(keptShare(c)) });

  // Referrals.
  const referralsTitle = t('dashboard.referrals.title');
  const providers = byProvider(data.referrals);
  const statusText = (s: ReferralStatus) => optionText(t, 'referral_status', s);
  const referralSeries: Series[] = STATUSES.map((s, i) => ({
    key: s,
    label: statusText(s),
    colour: [BLUE, GREEN, RED, PURPLE][i],
    pattern: (['dots', 'solid', 'cross', 'hatch'] as const)[i],
  }));
  const madeOf = (counts: Record<ReferralStatus, number>) =>
    STATUSES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${statusText(s).toLocaleLowerCase(lang)}`).join(' · ');

  return (
    <div class="dashboard" data-testid="dashboard">
      <div class="page-head">
        <h1>{t('dashboard.title')}</h1>
        <button type="button" class="btn btn-secondary" onClick={() => window.print()}>{t('disclosure.print')}</button>
      </div>
      <p class="lead" data-testid="dashboard-lead">{t('dashboard.lead', { at: formatDateTime(data.generated_at), n: data.open_cases })}</p>
      {error !== null && <LoadFailed error={error} onRetry={retry} />}

      <ChartCard id="chart-stage" title={stageTitle} empty={anyCase ? null : t('dashboard.stage.none')}
        chart={(width) => {
          const described = summary(stageTitle, stages.map((s) => item(s.label, s.n)));
          // Nine columns need about 60 px each for their names; narrower, a bar a stage.
          return width >= 560 ? (
            <ColumnChart width={width} testid="chart-stage-svg" series={stageSeries} labelLines={3} summary={described}
              columns={stages.map((s) => ({ label: s.label, values: [s.n], above: String(s.n) }))} />
          ) : (
            <HBarChart width={width} testid="chart-stage-svg" mode="grouped" series={stageSeries} summary={described}
              items={stages.map((s) => ({ label: s.label, values: [s.n] }))} />
          );
        }}
        table={() => (
          <TableWrap label={stageTitle}>
            <table data-testid="chart-stage-table">
              <caption class="visually-hidden">{stageTitle}</caption>
              <thead><tr><th scope="col">{t('dashboard.col.stage')}</th><th scope="col">{t('dashboard.col.cases')}</th></tr></thead>
              <tbody>{stages.map((s) => <tr key={s.label}><th scope="row">{s.label}</th><td>{s.n}</td></tr>)}</tbody>
            </table>
          </TableWrap>
        )} />

      <ChartCard id="chart-overdue" title={overdueTitle} empty={data.overdue_by_clause.length ? null : t('dashboard.overdue.none')}
        chart={(width) => <HBarChart width={width} testid="chart-overdue-svg" mode="grouped" series={overdueSeries}
          summary={summary(overdueTitle, data.overdue_by_clause.map((c) => item(clauseLabel(c), c.tasks)))}
          items={data.overdue_by_clause.map((c) => ({ label: clauseLabel(c), values: [c.tasks] }))} />}
        table={() => (
          <TableWrap label={overdueTitle}>
            <table data-testid="chart-overdue-table">
              <caption class="visually-hidden">{overdueTitle}</caption>
              <thead><tr><th scope="col">{t('dashboard.col.clause')}</th><th scope="col">{t('dashboard.col.overdueTasks')}</th></tr></thead>
              <tbody>{data.overdue_by_clause.map((c) => <tr key={c.clause}><th scope="row"><span class="clause-tag">{c.clause}</span> {c.title}</th><td>{c.tasks}</td></tr>)}</tbody>
            </table>
          </TableWrap>
        )} />

      <ChartCard id="chart-staff" title={staffTitle} empty={data.staff.length ? null : t('dashboard.staff.none')} legend={staffSeries}
        summary={data.overdue_unassigned > 0 && (
          <span data-testid="chart-staff-unassigned">
            {t('dashboard.staff.unassigned', { n: data.overdue_unassigned })}{' '}
            <Link href="/centre/staffing">{t('dashboard.staff.toStaffing')}</Link>
          </span>
        )}
        chart={(width) => <HBarChart width={width} testid="chart-staff-svg" mode="grouped" series={staffSeries}
          summary={summary(staffTitle, data.staff.map((s) => t('dashboard.staff.item', { name: s.display_name, open: s.open_cases, overdue: s.overdue })))}
          items={data.staff.map((s) => ({ label: person(s), values: [s.open_cases, s.overdue] }))} />}
        table={() => (
          <TableWrap label={staffTitle}>
            <table data-testid="chart-staff-table">
              <caption class="visually-hidden">{staffTitle}</caption>
              <thead><tr>
                <th scope="col">{t('dashboard.col.person')}</th><th scope="col">{t('dashboard.col.role')}</th>
                <th scope="col">{t('dashboard.col.openCases')}</th><th scope="col">{t('dashboard.col.overdueTasks')}</th>
              </tr></thead>
              <tbody>{data.staff.map((s) => (
                <tr key={s.id}><th scope="row">{s.display_name}</th><td>{t(ROLE_LABEL[s.role])}</td><td>{s.open_cases}</td><td class={s.overdue ? 'overdue' : ''}>{s.overdue}</td></tr>
              ))}</tbody>
            </table>
          </TableWrap>
        )} />

      <ChartCard id="chart-trend" title={trendTitle} legend={trendSeries}
        empty={trendEmpty ? t('dashboard.trend.none') : null}
        summary={trendEmpty ? null : <>
          {chosen && <strong class="chart-subject">{t('dashboard.trend.showing', { clause: chosen.clause, title: chosen.title })} </strong>}
          <span data-testid="chart-trend-total">{t('dashboard.trend.total', { all: whole.kept + whole.late + whole.overdue, kept: whole.kept, share: formatShare(keptShare(whole)), late: whole.late, overdue: whole.overdue })}</span>
          {' '}<span class="muted">{t('dashboard.trend.above')}</span>
        </>}
        chart={(width) => <ColumnChart width={width} testid="chart-trend-svg" series={trendSeries}
          summary={summary(chosen ? `${trendTitle} (${chosen.clause})` : trendTitle, data.trend.months.map((m, i) => monthItem(m, months[i])))}
          columns={data.trend.months.map((m, i) => {
            const tick = monthTick(m, i === 0);
            return { label: tick.month, sub: tick.year ?? '', values: [months[i].kept, months[i].late, months[i].overdue], above: formatShare(keptShare(months[i])) };
          })} />}
        table={() => (
          <TableWrap label={trendTitle}>
            <table data-testid="chart-trend-table">
              <caption class="visually-hidden">{trendTitle}</caption>
              <thead><tr>
                <th scope="col">{t('dashboard.col.month')}</th><th scope="col">{t('dashboard.trend.kept')}</th><th scope="col">{t('dashboard.trend.late')}</th>
                <th scope="col">{t('dashboard.trend.overdue')}</th><th scope="col">{t('dashboard.trend.share')}</th>
              </tr></thead>
              <tbody>{data.trend.months.map((m, i) => (
                <tr key={m}><th scope="row">{formatMonth(m)}</th><td>{months[i].kept}</td><td>{months[i].late}</td><td class={months[i].overdue ? 'overdue' : ''}>{months[i].overdue}</td><td>{formatShare(keptShare(months[i]))}</td></tr>
              ))}</tbody>
            </table>
          </TableWrap>
        )}>
        {data.trend.clauses.length > 0 && (
          <div class="field chart-choice no-print">
            <label for="trend-clause">{t('dashboard.trend.clause')}</label>
            <select id="trend-clause" data-testid="trend-clause" value={clause} onChange={(e) => setClause((e.target as HTMLSelectElement).value)}>
              <option value="">{t('dashboard.trend.all')}</option>
              {data.trend.clauses.map((c) => <option key={c.clause} value={c.clause}>{clauseLabel(c)}</option>)}
            </select>
          </div>
        )}
      </ChartCard>

      <ChartCard id="chart-referrals" title={referralsTitle} empty={providers.length ? null : t('dashboard.referrals.none')} legend={referralSeries}
        chart={(width) => <HBarChart width={width} testid="chart-referrals-svg" mode="stacked" series={referralSeries}
          summary={summary(referralsTitle, providers.map((p) => item(p.provider, madeOf(p.counts))))}
          items={providers.map((p) => ({ label: p.provider, values: STATUSES.map((s) => p.counts[s]), note: madeOf(p.counts) }))} />}
        table={() => (
          <TableWrap label={referralsTitle}>
            <table data-testid="chart-referrals-table">
              <caption class="visually-hidden">{referralsTitle}</caption>
              <thead><tr>
                <th scope="col">{t('dashboard.col.provider')}</th>
                {STATUSES.map((s) => <th key={s} scope="col">{statusText(s)}</th>)}
                <th scope="col">{t('dashboard.col.total')}</th>
              </tr></thead>
              <tbody>{providers.map((p) => (
                <tr key={p.provider}><th scope="row">{p.provider}</th>{STATUSES.map((s) => <td key={s}>{p.counts[s]}</td>)}<td>{p.total}</td></tr>
              ))}</tbody>
            </table>
          </TableWrap>
        )} />
    </div>
  );
}
