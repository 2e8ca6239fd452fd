// What the standards ask of this case now, crisis first (the server's order): each task with its
// clause, what to do in the reader's language as a link to the form that does it (nextSteps.ts),
// and when it is or was due. The overview shows the first few as the next steps, the tasks section
// all of them.
import type { Task } from '../api';
import { Link } from '../components/Link';
import { formatDateTime } from '../format';
import { useI18n, type MessageKey } from '../i18n';
import { taskHref } from './nextSteps';
import { caseHref } from './sections';

interface Props {
  caseId: string;
  tasks: Task[];
  heading: MessageKey;
  testid: string;
  /** Show only the first `limit`, with a link to all of them in the tasks section. */
  limit?: number;
}

export function TaskList({ caseId, tasks, heading, testid, limit }: Props) {
  const { t } = useI18n();
  const shown = limit === undefined ? tasks : tasks.slice(0, limit);
  const id = `sec-${testid}`;
  return (
    <section class="card" aria-labelledby={id} data-testid={testid}>
      <h2 id={id}>{t(heading)}</h2>
      {tasks.length === 0 ? (
        <p class="muted">{t('tasks.none')}</p>
      ) : (
        <ul class="task-list">
          {shown.map((task) => (
            <li key={`${task.clause}-${task.task}-${task.about_record_id}`} class={task.overdue ? 'task task-overdue' : 'task'}
              data-testid={`task-${task.clause}`}>
              <span class="clause-tag">{task.clause}</span>{' '}
              <Link href={taskHref(caseId, task)} data-testid="task-link" data-task={task.task}>{task.what}</Link>
              <br />
              <span class={task.overdue ? 'overdue' : 'muted'}>
                {t(task.overdue ? 'tasks.overdue' : 'tasks.due', { date: formatDateTime(task.due_at) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {shown.length < tasks.length && (
        <p>
          <Link href={caseHref(caseId, { section: 'tasks' })} data-testid={`${testid}-all`}>{t('tasks.all', { n: tasks.length })}</Link>
        </p>
      )}
    </section>
  );
}
