// Every record of the case file (or the centre's, or a package's), newest first, each in words: its
// type, when it happened, when and by whom it was recorded, and what it says as a sentence or
// labelled lines (describe.ts), so nobody reads JSON, a field's name or an ID.
import type { ComponentChildren } from 'preact';
import type { CaseRecord, CentreRecord, Colleague } from '../api';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { describeRecord, type Context } from './describe';

type AnyRecord = CaseRecord | CentreRecord;

// A record says when it happened (occurred_at, typed or the moment of saving) and the server when it
// was written (recorded_at); a note written up the next morning shows both. Within a minute of each
// other they are one moment, said once.
const SAME_MOMENT_MS = 60_000;

function When({ record }: { record: AnyRecord }) {
  const { t } = useI18n();
  const happened = Date.parse(record.occurred_at);
  const recorded = record.recorded_at ? Date.parse(record.recorded_at) : Number.NaN;
  if (Number.isNaN(recorded) || Math.abs(recorded - happened) <= SAME_MOMENT_MS) {
    const key = Number.isNaN(recorded) ? 'timeline.happened' : 'timeline.happenedAndRecorded';
    return (
      <time dateTime={record.occurred_at} data-testid="record-when">
        {t(key, { at: formatDateTime(record.occurred_at) })}
      </time>
    );
  }
  return (
    <span data-testid="record-when">
      <time dateTime={record.occurred_at}>{t('timeline.happened', { at: formatDateTime(record.occurred_at) })}</time>
      {', '}
      <time dateTime={record.recorded_at}>{t('timeline.recorded', { at: formatDateTime(record.recorded_at) })}</time>
    </span>
  );
}

interface Props {
  /** A case's records, or the centre's. */
  records: AnyRecord[];
  staff: Colleague[];
  /** Another heading and test ID, for the records of a disclosure package. */
  title?: string;
  testid?: string;
  /** What may be done with a record from the timeline (a disclosure's letter printed again). */
  actions?: (r: AnyRecord) => ComponentChildren;
}

export function Timeline({ records, staff, title, testid = 'timeline', actions }: Props) {
  const { t, lang } = useI18n();
  const headingId = `sec-${testid}`;
  const people = new Map(staff.map((s) => [s.id, s.display_name]));
  const cx: Context = { t, lang, records: new Map(records.map((r) => [r.id, r])), staffName: (id) => people.get(id) };
  return (
    <section class="card" aria-labelledby={headingId} data-testid={testid}>
      <h2 id={headingId}>{title ?? t('timeline.title')}</h2>
      {records.length === 0 ? (
        <p class="muted">{t('timeline.empty')}</p>
      ) : (
        <ol class="timeline">
          {[...records].reverse().map((r) => {
            const { title: kind, sentence, lines } = describeRecord(r, cx);
            return (
              <li key={r.id} class="timeline-item" data-testid={`record-${r.type}`}>
                <p class="timeline-head">
                  <strong>{kind}</strong> · <When record={r} />
                  {r.recorded_by && (
                    <span class="muted"> {t('timeline.by', { name: people.get(r.recorded_by) ?? t('timeline.someone') })}</span>
                  )}
                </p>
                {sentence && (
                  <p class="timeline-text" data-testid={r.type === 'correction' ? 'correction-text' : 'record-text'}>
                    {sentence}
                  </p>
                )}
                {lines.length > 0 && (
                  <dl class="timeline-body">
                    {lines.map(({ label, value }) => (
                      <div key={label} class="dl-item">
                        <dt>{label}</dt>
                        <dd>{value}</dd>
                      </div>
                    ))}
                  </dl>
                )}
                {actions?.(r)}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
