// The record picker (picker.ts): a search box that ignores accents, then the record types grouped by
// the service's steps, what the case calls for first and open; the other steps folded until opened
// or searched. A type refused now for a reason the worker can act on says so on its button, with
// its clauses; choosing it shows every reason above its form before anything is typed (checks.ts).
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import type { Standing } from './checks';
import { pickerGroups, type PickerInput } from './picker';
import { GROUPS, type RecordForm } from './schema';

interface Props<T extends string> {
  input: Omit<PickerInput<T>, 'query' | 'label'>;
  chosen: string;
  /** Chooses a type; false when the person kept the form she was typing in. */
  onChoose: (type: T) => void;
  standingFor: (type: string) => Standing;
}

export function RecordPicker<T extends string>({ input, chosen, onChoose, standingFor }: Props<T>) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const searching = query.trim() !== '';
  const groups = pickerGroups({ ...input, query, label: (f) => t(f.label) });
  const found = groups.reduce((n, g) => n + g.forms.length, 0);
  // Open: what the case calls for, the step of its stage (the first step group), and everything found.
  const firstStep = groups.find((g) => g.key !== 'called')?.key;
  const opens = (key: string) => searching || key === 'called' || (key === firstStep && !groups.some((g) => g.key === 'called'));

  const button = (f: RecordForm<T>) => {
    const s = standingFor(f.type);
    const name = s.kind === 'allowed' ? t(f.label) : t(s.overridable ? 'record.typeNeedsReason' : 'record.typeNotYet', { type: t(f.label) });
    return (
      <li key={f.type}>
        <button type="button" class={`pick${s.kind === 'refused' ? ' pick-refused' : ''}`} aria-pressed={f.type === chosen}
          onClick={() => onChoose(f.type)} data-testid={`pick-${f.type}`}>
          <span class="pick-name">{name}</span>
          <span class="pick-clauses">
            {s.kind === 'refused' ? s.refusals.map((r) => r.clause).join(', ') : f.clauses}
          </span>
        </button>
      </li>
    );
  };

  return (
    <div class="picker" data-testid="record-picker">
      <div class="field picker-search">
        <label for="rp-search">{t('picker.search')}</label>
        <input id="rp-search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)}
          aria-describedby="rp-found" autocomplete="off" data-testid="picker-search" />
        <p id="rp-found" class="hint" role="status">
          {searching ? t('picker.found', { n: found }) : ''}
        </p>
      </div>
      {groups.map((g) => (
        <details key={`${g.key}-${searching}`} class="picker-group" open={opens(g.key)} data-testid={`picker-group-${g.key}`}>
          <summary>
            {g.key === 'called' ? t('picker.calledFor') : t(GROUPS[g.key])} <span class="muted">({g.forms.length})</span>
          </summary>
          <ul class="picker-list">{g.forms.map(button)}</ul>
        </details>
      ))}
    </div>
  );
}
