// What the standards ask of this case now, crisis first (the server's order): each task with its
// clause, what to do in the reader's language, and when it is or was due.
import type { Task } from '../api';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';

export function TaskList({ tasks }: { tasks: Task[] }) {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby="sec-tasks" data-testid="tasks">
      <h2 id="sec-tasks">{t('tasks.title')}</h2>
      {tasks.length === 0 ? (
        <p class="muted">{t('tasks.none')}</p>
      ) : (
        <ul class="task-list">
          {tasks.map((task) => (
            <li key={`${task.clause}-${task.task}-${task.about_record_id}`} class={task.overdue ? 'task task-overdue' : 'task'}
              data-testid={`task-${task.clause}`}>
              <span class="clause-tag">{task.clause}</span> {task.what}
              <br />
              <span class={task.overdue ? 'overdue' : 'muted'}>
                {t(task.overdue ? 'tasks.overdue' : 'tasks.due', { date: formatDateTime(task.due_at) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
