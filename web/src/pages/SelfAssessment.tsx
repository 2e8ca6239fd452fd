// The centre's self-assessment against the standard (II.4.a) for a period: a summary of the lines by
// part, every clause with its figures, the staff indicators (Part III), the facilities and the
// provider directory. The items the data cannot show are the head's to assess here (met or not met,
// with what it rests on) or on paper; those a guard of Haven enforces read as such. Printable on A4.
import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Colleague, type SelfAssessment, type SelfAssessmentLine } from '../api';
import { Loading } from '../components/Loading';
import { TableWrap } from '../components/TableWrap';
import { DateInput, dateTimeProblemMessage } from '../components/DateTimeInput';
import { dateProblem, isValidDateOnly, todayLocal } from '../datetime';
import { formatDateOnly, formatDateTime } from '../format';
import { k, useI18n, type MessageKey, type Params } from '../i18n';
import { ROLE_LABEL } from '../labels';
import { problemMessage } from '../problems';
import { CLAUSE_STATE_LABEL } from '../casefile/labels';
import { assessedInPeriod, LINE_STATES, lineState, summarise, type LineState, type Period } from '../assessment/summary';
import { ManualAssessmentForm } from '../assessment/ManualAssessmentForm';

const BASIS: Record<SelfAssessmentLine['basis'], MessageKey> = {
  cases: k('assessment.basis.cases'),
  staff: k('assessment.basis.staff'),
  centre: k('assessment.basis.centre'),
  manual: k('assessment.basis.manual'),
  enforced: k('assessment.basis.enforced'),
};

/** Each state as read, and its colour; a manual line not yet assessed is ticked on paper, and has a
 * column of its own in the summary (`column`). */
const STATE: Record<LineState, { key: MessageKey; css: string; column?: MessageKey }> = {
  met: { key: k('assessment.verdict.met'), css: 'state-met' },
  not_met: { key: k('assessment.verdict.notMet'), css: 'state-not_met' },
  pending: { key: k('assessment.verdict.pending'), css: 'state-pending' },
  enforced: { key: k('assessment.verdict.enforced'), css: 'state-met' },
  manual: { key: k('assessment.verdict.manual'), css: 'state-pending', column: k('assessment.state.manual') },
  none: { key: k('assessment.verdict.none'), css: 'state-not_applicable' },
};

/** The lines by part and state, read before the clauses one by one. */
function Summary({ lines, period }: { lines: SelfAssessmentLine[]; period: Period }) {
  const { t } = useI18n();
  const title = t('assessment.summary');
  return (
    <section class="card" aria-labelledby="sa-summary">
      <h2 id="sa-summary">{title}</h2>
      <TableWrap label={title}>
        <table class="summary-table" data-testid="assessment-summary">
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('assessment.summary.col.part')}</th>
              {LINE_STATES.map((s) => <th scope="col" key={s}>{t(STATE[s].column ?? STATE[s].key)}</th>)}
              <th scope="col">{t('assessment.summary.col.lines')}</th>
            </tr>
          </thead>
          <tbody>
            {summarise(lines, period).map((p) => (
              <tr key={p.part ?? ''} data-testid={`summary-${p.part ?? 'all'}`} class={p.part ? '' : 'total-row'}>
                <th scope="row">{p.part ? t('assessment.summary.part', { part: p.part }) : t('assessment.summary.all')}</th>
                {LINE_STATES.map((s) => <td key={s} data-state={s} class={s === 'not_met' && p.counts[s] ? 'overdue' : ''}>{p.counts[s]}</td>)}
                <td>{p.lines}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

function yearAgo(): string {
  const d = new Date();
  d.setDate(d.getDate() - 364);
  return todayLocal(d);
}

export function SelfAssessmentPage() {
  const { t } = useI18n();
  const [from, setFrom] = useState(yearAgo);
  const [to, setTo] = useState(() => todayLocal());
  const [period, setPeriod] = useState<{ from: string; to: string } | null>(null);
  const [data, setData] = useState<SelfAssessment | null>(null);
  const [staff, setStaff] = useState<Colleague[]>([]);
  const [error, setError] = useState<unknown>(null);
  // The period's mistake, beside the box it is in: a date mistyped, or the end before the start.
  const [invalid, setInvalid] = useState<{ field: 'from' | 'to'; key: MessageKey; params?: Params } | null>(null);
  const [loading, setLoading] = useState(false);
  // The manual line whose form is open, and the one just saved (said until another is opened).
  const [assessing, setAssessing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const savedRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => setPeriod({ from, to }), []);
  useEffect(() => {
    api.listStaff().then(setStaff).catch(() => undefined);
  }, []);
  useEffect(() => {
    if (saved && data) savedRef.current?.focus();
  }, [saved, data]);
  useEffect(() => {
    if (!period) return;
    let live = true;
    setLoading(true);
    setError(null);
    api
      .getSelfAssessment(period.from, period.to)
      .then((a) => live && setData(a))
      .catch((e: unknown) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [period]);

  const submit = (e: Event) => {
    e.preventDefault();
    const wrong = (field: 'from' | 'to', value: string) => {
      const problem = dateProblem(value);
      if (problem) return { field, ...dateTimeProblemMessage(problem) };
      return isValidDateOnly(value) ? null : { field, key: k('validation.required') };
    };
    const found = wrong('from', from) ?? wrong('to', to) ?? (from > to ? { field: 'to' as const, key: k('assessment.badPeriod') } : null);
    setInvalid(found);
    if (found) document.getElementById(`sa-${found.field}`)?.focus();
    else setPeriod({ from, to });
  };
  const person = (id: string) => staff.find((s) => s.id === id);
  const assessed = (clause: string) => {
    setAssessing(null);
    setSaved(clause);
    // Read again: the line, the summary and who assessed it as the server now has them.
    setPeriod((p) => (p ? { ...p } : p));
  };
  const yesNo = (b: boolean) => t(b ? 'timeline.yes' : 'timeline.no');

  return (
    <div class="self-assessment" data-testid="self-assessment">
      <div class="page-head">
        <h1>{t('assessment.title')} <span class="clause">II.4.a</span></h1>
        <button type="button" class="btn btn-secondary" onClick={() => window.print()} disabled={!data}>
          {t('disclosure.print')}
        </button>
      </div>
      <form class="filters no-print" onSubmit={submit} noValidate>
        {(['from', 'to'] as const).map((field) => (
          <div class="field" key={field}>
            <label for={`sa-${field}`}>{t(field === 'from' ? 'assessment.from' : 'assessment.to')}</label>
            <DateInput id={`sa-${field}`} value={field === 'from' ? from : to} onChange={field === 'from' ? setFrom : setTo}
              invalid={invalid?.field === field} describedBy={invalid?.field === field ? 'sa-error' : undefined} required />
          </div>
        ))}
        <button type="submit" class="btn btn-primary" disabled={loading} data-testid="assessment-run">{t('assessment.run')}</button>
        {invalid && <p class="field-error" id="sa-error">{t(invalid.key, invalid.params)}</p>}
      </form>
      {error !== null && <div class="alert alert-error" role="alert">{problemMessage(error, t)}</div>}
      {loading && <Loading delay={300} />}
      {data && (
        <>
          <p class="lead" data-testid="assessment-period">
            {t('assessment.period', { from: formatDateOnly(data.from), to: formatDateOnly(data.to), cases: data.cases })}
          </p>
          <Summary lines={data.lines} period={data} />
          {saved && (
            <p ref={savedRef} tabIndex={-1} class="alert alert-success no-print" role="status" data-testid="assessment-saved">
              {t('assessment.saved', { clause: saved })}
            </p>
          )}
          <section class="card" aria-labelledby="sa-clauses">
            <h2 id="sa-clauses">{t('assessment.clauses')}</h2>
            <TableWrap label={t('assessment.clauses')}>
              <table data-testid="assessment-lines">
                <caption class="visually-hidden">{t('assessment.clauses')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('assessment.col.clause')}</th>
                    <th scope="col">{t('assessment.col.basis')}</th>
                    <th scope="col">{t(CLAUSE_STATE_LABEL.met)}</th>
                    <th scope="col">{t(CLAUSE_STATE_LABEL.pending)}</th>
                    <th scope="col">{t(CLAUSE_STATE_LABEL.overdue)}</th>
                    <th scope="col">{t(CLAUSE_STATE_LABEL.not_met)}</th>
                    <th scope="col">{t('assessment.col.verdict')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.lines.map((l) => {
                    const state = lineState(l, data);
                    const v = STATE[state];
                    const mine = assessedInPeriod(l, data);
                    const earlier = l.assessed ?? null;
                    const by = (a: NonNullable<typeof earlier>) =>
                      t('assessment.assessedBy', { name: person(a.recorded_by)?.display_name ?? t('timeline.someone'), date: formatDateTime(a.occurred_at) });
                    return (
                      <Fragment key={l.clause}>
                        <tr data-testid={`line-${l.clause}`}>
                          <th scope="row"><span class="clause-tag">{l.clause}</span> {l.title}</th>
                          <td>{t(BASIS[l.basis])}</td>
                          {l.basis === 'enforced' ? (
                            <td colSpan={4} class="muted">{t('assessment.enforcedHint')}</td>
                          ) : l.basis === 'manual' ? (
                            <td colSpan={4} data-testid="assessed">
                              {mine ? (
                                <>
                                  <span class="manual-note">{mine.note}</span>
                                  <span class="muted manual-by"> — {by(mine)}</span>
                                </>
                              ) : earlier ? (
                                <span class="muted">{t('assessment.assessedBefore', { date: formatDateTime(earlier.occurred_at) })}</span>
                              ) : (
                                <span class="muted">{t('assessment.manualHint')}</span>
                              )}
                            </td>
                          ) : (
                            <>
                              <td>{l.met}</td>
                              <td>{l.pending}</td>
                              <td class={l.overdue ? 'overdue' : ''}>{l.overdue}</td>
                              <td class={l.not_met ? 'overdue' : ''}>{l.not_met}</td>
                            </>
                          )}
                          <td class={`state ${v.css}`}>
                            <span data-testid="verdict">{t(v.key)}</span>
                            {l.basis === 'manual' && assessing !== l.clause && (
                              <button type="button" class="btn btn-secondary manual-open" data-testid="manual-open"
                                onClick={() => {
                                  setSaved(null);
                                  setAssessing(l.clause);
                                }}>
                                {t(mine ? 'assessment.reassess' : 'assessment.assess', { clause: l.clause })}
                              </button>
                            )}
                          </td>
                        </tr>
                        {assessing === l.clause && (
                          <tr class="manual-row">
                            <td colSpan={7}>
                              <ManualAssessmentForm clause={l.clause} earlier={mine} onSaved={() => assessed(l.clause)} onCancel={() => {
                                setAssessing(null);
                                // Back on the button that opened the form, not at the top of the page.
                                requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`[data-testid="line-${l.clause}"] [data-testid="manual-open"]`)?.focus());
                              }} />
                            </td>
                          </tr>
                        )}
                      </Fragment>
                    );
                  })}
                </tbody>
              </table>
            </TableWrap>
          </section>
          <section class="card" aria-labelledby="sa-staff">
            <h2 id="sa-staff">{t('assessment.staff')}</h2>
            <TableWrap label={t('assessment.staff')}>
              <table data-testid="assessment-staff">
                <caption class="visually-hidden">{t('assessment.staff')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('assessment.col.person')}</th>
                    <th scope="col">{t('assessment.col.screened')}</th>
                    <th scope="col">{t('assessment.col.supervision')}</th>
                    <th scope="col">{t('assessment.col.training')}</th>
                    <th scope="col">{t('assessment.col.caseload')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.staff.map((s) => {
                    const p = person(s.staff_id);
                    return (
                      <tr key={s.staff_id}>
                        <th scope="row">{p ? `${p.display_name} (${t(ROLE_LABEL[p.role])})` : t('timeline.someone')}</th>
                        <td class={s.screened ? '' : 'overdue'}>{yesNo(s.screened)}</td>
                        <td class={s.supervision_overdue ? 'overdue' : ''}>
                          {!s.direct_support ? t('assessment.notDirect') : s.last_supervision ? formatDateTime(s.last_supervision) : t('assessment.never')}
                          {s.supervision_overdue && ` · ${t(CLAUSE_STATE_LABEL.overdue)}`}
                        </td>
                        <td>{t('assessment.trainingIs', { recovery: yesNo(s.trained_in_recovery), law: yesNo(s.trained_in_law) })}</td>
                        <td>{s.caseload}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableWrap>
          </section>
          <section class="card" aria-labelledby="sa-centre">
            <h2 id="sa-centre">{t('assessment.centre')}</h2>
            <p>{t('assessment.facilities', { state: t(CLAUSE_STATE_LABEL[data.centre.facilities]) })}</p>
            <p>{t('assessment.providers', { n: data.centre.providers })}</p>
            {data.centre.stale_providers.length > 0 && (
              <div class="alert alert-warning">
                <p>{t('assessment.stale')}</p>
                <ul>{data.centre.stale_providers.map((n) => <li key={n}>{n}</li>)}</ul>
              </div>
            )}
          </section>
          <section class="card signature" aria-labelledby="sa-sign">
            <h2 id="sa-sign">{t('assessment.sign')}</h2>
            <p>{t('assessment.signLine')}</p>
          </section>
        </>
      )}
    </div>
  );
}
