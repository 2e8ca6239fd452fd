// Every record of the case file, newest first, each in words: its type, when it happened, when and
// by whom it was recorded, and its fields with their labels (records/schema.ts), so nobody reads JSON or an ID.
// A correction of the person or the reception record reads as a sentence (correction.ts).
import type { CaseRecord, CentreRecord, Colleague } from '../api';
import type { CorrectionBody } from '../generated/records';
import { countryName, formatDateOnly, formatDateTime, languageName } from '../format';
import { useI18n, type MessageKey } from '../i18n';
import { recordGist } from './caseState';
import { correctionSentence } from './correction';
import { formFor, optionText, recordLabel, type FieldSpec } from './schema';

type AnyRecord = CaseRecord | CentreRecord;

function show(spec: FieldSpec, v: unknown, byId: Map<string, AnyRecord>, staff: Map<string, Colleague>, t: (k: MessageKey) => string, lang: 'vi' | 'en'): string {
  if (v === undefined || v === null || v === '') return '';
  switch (spec.kind) {
    case 'bool': return v === true ? t('timeline.yes') : t('timeline.no');
    case 'enum': return optionText(t, spec.options, v);
    case 'choices': return Array.isArray(v) ? v.map((x) => optionText(t, spec.options, x)).join(', ') : '';
    case 'lines': return Array.isArray(v) ? v.join(', ') : String(v);
    case 'languages': return Array.isArray(v) ? v.map((c) => languageName(String(c), lang)).join(', ') : String(v);
    case 'language': return languageName(String(v), lang);
    case 'country': return countryName(String(v), lang);
    case 'date': return formatDateOnly(String(v));
    case 'datetime': return formatDateTime(String(v));
    case 'staff': return staff.get(String(v))?.display_name ?? t('timeline.someone');
    case 'record': {
      const r = byId.get(String(v));
      return r ? recordGist(r) || formatDateTime(r.occurred_at) : String(v);
    }
    case 'plan_actions':
      return Array.isArray(v) ? v.map((a: { need?: string; action?: string }) => (a.need ? `${a.need}: ${a.action ?? ''}` : a.action ?? '')).join('; ') : '';
    default: return String(v);
  }
}

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
}

export function Timeline({ records, staff, title, testid = 'timeline' }: Props) {
  const { t, lang } = useI18n();
  const headingId = `sec-${testid}`;
  const byId = new Map(records.map((r) => [r.id, r]));
  const people = new Map(staff.map((s) => [s.id, s]));
  return (
    <section class="card" aria-labelledby={headingId} data-testid={testid}>
      <h2 id={headingId}>{title ?? t('timeline.title')}</h2>
      {records.length === 0 ? (
        <p class="muted">{t('timeline.empty')}</p>
      ) : (
        <ol class="timeline">
          {[...records].reverse().map((r) => {
            const form = formFor(r.type);
            const label = recordLabel(r.type);
            const correction = r.type === 'correction' ? correctionSentence(r.body as unknown as CorrectionBody, t, lang) : null;
            const lines = form
              ? form.fields.map((f) => [t(f.label), show(f, r.body[f.name], byId, people, t, lang)] as const).filter(([, v]) => v !== '')
              : correction !== null
                ? []
                : Object.entries(r.body).map(([name, v]) => [name, Array.isArray(v) ? v.join(', ') : String(v)] as const);
            return (
              <li key={r.id} class="timeline-item" data-testid={`record-${r.type}`}>
                <p class="timeline-head">
                  <strong>{label ? t(label) : r.type}</strong> · <When record={r} />
                  {r.recorded_by && (
                    <span class="muted"> {t('timeline.by', { name: people.get(r.recorded_by)?.display_name ?? t('timeline.someone') })}</span>
                  )}
                </p>
                {correction !== null && (
                  <p class="timeline-text" data-testid="correction-text">
                    {correction}
                  </p>
                )}
                {lines.length > 0 && (
                  <dl class="timeline-body">
                    {lines.map(([name, value]) => (
                      <div key={name} class="dl-item">
                        <dt>{name}</dt>
                        <dd>{value}</dd>
                      </div>
                    ))}
                  </dl>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
