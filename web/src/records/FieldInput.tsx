// One field of a record form, drawn from its spec (records/schema.ts): a label the screen reader
// ties to the input, the error beside it, and for a record or a member of staff a choice among
// what the case file already holds, so that nobody types an ID.
import type { CaseRecord, Colleague } from '../api';
import { DateInput, DateTimeInput } from '../components/DateTimeInput';
import { countryName, formatDateTime, languageName, LANGUAGE_CODES, OTHER_COUNTRIES, PRIMARY_COUNTRIES } from '../format';
import { useI18n } from '../i18n';
import { ROLE_LABEL } from '../labels';
import { recordGist } from './caseState';
import { ENUMS, OPTION_LABEL, recordLabel, type FieldSpec } from './schema';

export interface PlanActionRow {
  key: number;
  need_id: string;
  action: string;
}

export type FieldValue = string | boolean | string[] | PlanActionRow[];

export function fieldDomId(name: string): string {
  return `rf-${name}`;
}

interface Props {
  spec: FieldSpec;
  value: FieldValue;
  error: string | undefined;
  onChange: (v: FieldValue) => void;
  records: CaseRecord[];
  staff: Colleague[];
  /** The signed-in member of staff, left out of a `notSelf` staff field. */
  selfId?: string;
}

let rowSeq = 1;
export function newPlanActionRow(): PlanActionRow {
  return { key: rowSeq++, need_id: '', action: '' };
}

export function FieldInput({ spec, value, error, onChange, records, staff, selfId }: Props) {
  const { t, lang } = useI18n();
  const id = fieldDomId(spec.name);
  const errId = `${id}-error`;
  const described = error ? errId : undefined;
  const label = (
    <label for={id}>
      {t(spec.label)}
      {spec.required && (
        <span class="required" aria-hidden="true">
          {' '}*
        </span>
      )}
    </label>
  );
  const errorLine = error ? (
    <p class="field-error" id={errId} data-testid={`error-${spec.name}`}>
      {error}
    </p>
  ) : null;
  const common = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described, 'aria-required': spec.required || undefined };
  const wrap = (control: preact.ComponentChildren, extra = '') => (
    <div class={`field${extra}${error ? ' field-invalid' : ''}`} data-testid={`field-${spec.name}`}>
      {label}
      {control}
      {errorLine}
    </div>
  );

  switch (spec.kind) {
    case 'bool':
      return (
        <div class={`check${error ? ' field-invalid' : ''}`} data-testid={`field-${spec.name}`}>
          <input type="checkbox" {...common} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} />
          <label for={id}>{t(spec.label)}</label>
          {errorLine}
        </div>
      );
    case 'text':
      return wrap(<input type="text" {...common} value={value as string} onInput={(e) => onChange(e.currentTarget.value)} />);
    case 'textarea':
      return wrap(<textarea rows={3} {...common} value={value as string} onInput={(e) => onChange(e.currentTarget.value)} />);
    case 'lines':
      return wrap(
        <>
          <p class="hint" id={`${id}-hint`}>
            {t('record.linesHint')}
          </p>
          <textarea rows={3} {...common} aria-describedby={[`${id}-hint`, described].filter(Boolean).join(' ')} value={value as string}
            onInput={(e) => onChange(e.currentTarget.value)} />
        </>,
      );
    case 'datetime':
      return wrap(
        <DateTimeInput id={id} label={t(spec.label)} value={value as string} onChange={onChange} invalid={!!error} describedBy={described}
          required={spec.required} />,
      );
    case 'date':
      return wrap(<DateInput id={id} value={value as string} onChange={onChange} invalid={!!error} describedBy={described} required={spec.required} />);
    case 'integer':
      return wrap(
        <input type="number" inputMode="numeric" min={spec.min} max={spec.max} step={1} {...common} value={value as string}
          onInput={(e) => onChange(e.currentTarget.value)} />,
      );
    case 'enum':
      return wrap(
        <select {...common} value={value as string} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="">{t('record.pickRecord')}</option>
          {ENUMS[spec.options].map((o) => (
            <option key={o} value={o}>
              {t((OPTION_LABEL[spec.options] as Record<string, Parameters<typeof t>[0]>)[o])}
            </option>
          ))}
        </select>,
      );
    case 'choices':
    case 'languages': {
      // A group of boxes: the values of an enum, or the languages Haven lists at reception.
      const options = spec.kind === 'choices'
        ? ENUMS[spec.options].map((o) => ({ value: o as string, label: t((OPTION_LABEL[spec.options] as Record<string, Parameters<typeof t>[0]>)[o]) }))
        : LANGUAGE_CODES.map((c) => ({ value: c, label: languageName(c, lang) }));
      const chosen = value as string[];
      return (
        <fieldset id={id} class={`field${error ? ' field-invalid' : ''}`} aria-describedby={described} data-testid={`field-${spec.name}`}>
          <legend>
            {t(spec.label)}
            {spec.required && <span class="required" aria-hidden="true"> *</span>}
          </legend>
          <div class="checks">
            {options.map((o) => (
              <div class="check" key={o.value}>
                <input type="checkbox" id={`${id}-${o.value}`} checked={chosen.includes(o.value)}
                  onChange={(e) => onChange(e.currentTarget.checked ? [...chosen, o.value] : chosen.filter((c) => c !== o.value))} />
                <label for={`${id}-${o.value}`}>{o.label}</label>
              </div>
            ))}
          </div>
          {errorLine}
        </fieldset>
      );
    }
    case 'language':
    case 'country': {
      const [codes, nameOf] = spec.kind === 'language' ? [LANGUAGE_CODES, languageName] : [[...PRIMARY_COUNTRIES, ...OTHER_COUNTRIES], countryName];
      return wrap(
        <select {...common} value={value as string} onChange={(e) => onChange(e.currentTarget.value)}>
          {codes.map((c) => (
            <option key={c} value={c}>
              {nameOf(c, lang)}
            </option>
          ))}
        </select>,
      );
    }
    case 'staff':
      return wrap(
        <select {...common} value={value as string} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="">{t('record.pickStaff')}</option>
          {staff
            .filter((s) => !s.disabled && s.role !== 'auditor' && !(spec.notSelf && s.id === selfId))
            .map((s) => (
              <option key={s.id} value={s.id}>
                {s.display_name} ({t(ROLE_LABEL[s.role])})
              </option>
            ))}
        </select>,
      );
    case 'record': {
      const candidates = records.filter((r) => r.type === spec.of);
      return wrap(
        candidates.length === 0 ? (
          <p class="muted" id={id} tabIndex={-1}>
            {t('record.noRecordsOf')}
          </p>
        ) : (
          <select {...common} value={value as string} onChange={(e) => onChange(e.currentTarget.value)}>
            <option value="">{t('record.pickRecord')}</option>
            {[...candidates].reverse().map((r) => (
              <option key={r.id} value={r.id}>
                {formatDateTime(r.occurred_at)} · {recordGist(r) || t(recordLabel(r.type) ?? 'timeline.otherRecord')}
              </option>
            ))}
          </select>
        ),
      );
    }
    case 'plan_actions': {
      const rows = value as PlanActionRow[];
      const needs = records.filter((r) => r.type === 'identified_need');
      const set = (key: number, patch: Partial<PlanActionRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
      return (
        <fieldset id={id} class={`field plan-actions${error ? ' field-invalid' : ''}`} aria-describedby={described} data-testid={`field-${spec.name}`}>
          <legend>{t(spec.label)}</legend>
          {rows.map((row, i) => (
            <div class="plan-action" key={row.key} data-testid={`plan-action-${i}`}>
              <div class="field">
                <label for={`${id}-${row.key}-need`}>{t('record.actionNeed')}</label>
                <select id={`${id}-${row.key}-need`} value={row.need_id} onChange={(e) => set(row.key, { need_id: e.currentTarget.value })}>
                  <option value="">{t('record.pickRecord')}</option>
                  {needs.map((n) => (
                    <option key={n.id} value={n.id}>
                      {recordGist(n)}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for={`${id}-${row.key}-action`}>{t('record.actionText')}</label>
                <input type="text" id={`${id}-${row.key}-action`} value={row.action} onInput={(e) => set(row.key, { action: e.currentTarget.value })} />
              </div>
              <button type="button" class="btn btn-secondary" onClick={() => onChange(rows.filter((r) => r.key !== row.key))}>
                {t('record.removeAction', { n: i + 1 })}
              </button>
            </div>
          ))}
          <button type="button" class="btn btn-secondary" onClick={() => onChange([...rows, newPlanActionRow()])} data-testid="add-plan-action">
            {t('record.addAction')}
          </button>
          {errorLine}
        </fieldset>
      );
    }
  }
}
