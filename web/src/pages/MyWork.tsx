// The worker's day (GET /my-work): what to do now across every case they are on, crisis first,
// then overdue, then what falls due today; what comes later; their cases; and what was recorded on
// them lately. Each task names its clause and what to do, and links to the form in the case file
// that does it (casefile/nextSteps.ts).
import { useEffect, useState } from 'preact/hooks';
import { api, type Colleague, type MyCase, type MyWork, type Role, type Task } from '../api';
import { Link } from '../components/Link';
import { Loading } from '../components/Loading';
import { TableWrap } from '../components/TableWrap';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { STAGE_LABEL } from '../labels';
import { problemMessage } from '../problems';
import { taskHref } from '../casefile/nextSteps';
import { recordLabel } from '../records/schema';
import { mayRegister } from '../roles';

interface Due {
  task: Task;
  c: MyCase;
}

const CRISIS = 'II.3.b';

/** Crisis first, then overdue, then by due date. */
function byUrgency(a: Due, b: Due): number {
  const rank = (d: Due) => (d.task.clause === CRISIS ? 0 : d.task.overdue ? 1 : 2);
  return rank(a) - rank(b) || Date.parse(a.task.due_at) - Date.parse(b.task.due_at);
}

export function MyWorkPage({ role }: { role: Role }) {
  const { t } = useI18n();
  const [work, setWork] = useState<MyWork | null>(null);
  const [staff, setStaff] = useState<Colleague[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    setError(null);
    api.getMyWork().then((w) => live && setWork(w)).catch((e: unknown) => live && setError(e));
    api.listStaff().then((s) => live && setStaff(s)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [reload]);

  if (error !== null) {
    return (
      <div class="alert alert-error" role="alert" data-testid="work-error">
        <p>{problemMessage(error, t)}</p>
        <button type="button" class="btn btn-secondary" onClick={() => setReload((n) => n + 1)}>
          {t('error.retry')}
        </button>
      </div>
    );
  }
  if (!work) {
    return (
      <>
        <h1>{t('work.title')}</h1>
        <Loading />
      </>
    );
  }

  const endOfToday = new Date();
  endOfToday.setHours(23, 59, 59, 999);
  const all = work.cases.flatMap((c) => c.tasks.map((task) => ({ task, c }))).sort(byUrgency);
  const isNow = (d: Due) => d.task.clause === CRISIS || d.task.overdue || Date.parse(d.task.due_at) <= endOfToday.getTime();
  const now = all.filter(isNow);
  const later = all.filter((d) => !isNow(d));
  const who = (id: string) => staff.find((s) => s.id === id)?.display_name ?? t('timeline.someone');

  const taskItem = ({ task, c }: Due) => (
    <li key={`${c.id}-${task.clause}-${task.task}-${task.about_record_id}`}
      class={task.clause === CRISIS ? 'task task-crisis' : task.overdue ? 'task task-overdue' : 'task'} data-testid="work-task">
      {task.clause === CRISIS && <strong class="overdue">{t('work.crisis')} </strong>}
      <span class="clause-tag">{task.clause}</span>{' '}
      {/* The form that does it, in the case file, as the case's own next steps link to it. */}
      <Link href={taskHref(c.id, task)} data-testid="work-task-link" data-task={task.task}>{task.what}</Link>
      <br />
      <Link href={`/cases/${encodeURIComponent(c.id)}`} class="case-code">{c.code}</Link> · {c.name}
      {c.treated_as_child && <span class="badge badge-child">{t('badge.child')}</span>}
      {' · '}
      <span class={task.overdue ? 'overdue' : 'muted'}>
        {t(task.overdue ? 'tasks.overdue' : 'tasks.due', { date: formatDateTime(task.due_at) })}
      </span>
    </li>
  );

  return (
    <div class="my-work" data-testid="my-work">
      <div class="page-head">
        <h1>{t('work.title')}</h1>
        {mayRegister(role) && (
          <Link href="/reception" class="btn btn-primary" data-testid="new-case">
            {t('cases.new')}
          </Link>
        )}
      </div>
      <div class="casefile-grid">
        <div>
          <section class="card" aria-labelledby="sec-now" data-testid="work-now">
            <h2 id="sec-now">{t('work.now', { n: now.length })}</h2>
            {now.length === 0 ? <p class="muted">{t('work.nothingNow')}</p> : <ul class="task-list">{now.map(taskItem)}</ul>}
          </section>
          <section class="card" aria-labelledby="sec-cases" data-testid="work-cases">
            <h2 id="sec-cases">{t('work.myCases', { n: work.cases.length + work.more_cases })}</h2>
            {work.cases.length === 0 ? (
              <p class="muted">{t('work.noCases')}</p>
            ) : (
              <TableWrap label={t('work.myCasesCaption')}>
                <table>
                  <caption class="visually-hidden">{t('work.myCasesCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('cases.col.code')}</th>
                      <th scope="col">{t('cases.col.name')}</th>
                      <th scope="col">{t('cases.col.stage')}</th>
                      <th scope="col">{t('work.col.overdue')}</th>
                      <th scope="col">{t('work.col.open')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {work.cases.map((c) => (
                      <tr key={c.id} data-testid="work-case">
                        <td><Link href={`/cases/${encodeURIComponent(c.id)}`} class="case-code">{c.code}</Link></td>
                        <td>
                          {c.name}
                          {c.name_is_alias && <span class="badge badge-alias">{t('badge.alias')}</span>}
                          {c.treated_as_child && <span class="badge badge-child">{t('badge.child')}</span>}
                        </td>
                        <td>{t(STAGE_LABEL[c.stage])}</td>
                        <td class={c.tasks.some((x) => x.overdue) ? 'overdue' : ''}>{c.tasks.filter((x) => x.overdue).length}</td>
                        <td>{c.tasks.length}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            {work.more_cases > 0 && (
              <p>
                <Link href="/cases?mine=true">{t('work.more', { n: work.more_cases })}</Link>
              </p>
            )}
          </section>
        </div>
        <aside aria-label={t('work.aside')}>
          <section class="card" aria-labelledby="sec-later" data-testid="work-later">
            <h2 id="sec-later">{t('work.later', { n: later.length })}</h2>
            {later.length === 0 ? <p class="muted">{t('tasks.none')}</p> : <ul class="task-list">{later.slice(0, 20).map(taskItem)}</ul>}
          </section>
          <section class="card" aria-labelledby="sec-recent" data-testid="work-recent">
            <h2 id="sec-recent">{t('work.recent')}</h2>
            {work.recent.length === 0 ? (
              <p class="muted">{t('work.noRecent')}</p>
            ) : (
              <ul class="task-list">
                {work.recent.map((r) => {
                  const label = recordLabel(r.type);
                  return (
                    <li key={r.record_id} class="task">
                      {label ? t(label) : r.type} · <Link href={`/cases/${encodeURIComponent(r.case_id)}`} class="case-code">{r.case_code}</Link>
                      <br />
                      <span class="muted">{formatDateTime(r.recorded_at)} · {who(r.recorded_by)}</span>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        </aside>
      </div>
    </div>
  );
}
