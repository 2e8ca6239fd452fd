// Where the case stands against the standard: every clause evaluated for it, met, pending,
// overdue or not met, with the reason and how many records are its evidence. Clauses that do not
// apply to this case are folded away unless asked for.
import { useState } from 'preact/hooks';
import type { ClauseCompliance } from '../api';
import { useI18n } from '../i18n';
import { CLAUSE_STATE_LABEL } from './labels';

const ORDER = { overdue: 0, not_met: 1, pending: 2, met: 3, not_applicable: 4 } as const;

export function CompliancePanel({ clauses }: { clauses: ClauseCompliance[] }) {
  const { t } = useI18n();
  const [showAll, setShowAll] = useState(false);
  const count = (s: ClauseCompliance['state']) => clauses.filter((c) => c.state === s).length;
  const shown = clauses.filter((c) => showAll || c.state !== 'not_applicable').sort((a, b) => ORDER[a.state] - ORDER[b.state]);
  return (
    <section class="card" aria-labelledby="sec-compliance" data-testid="compliance">
      <h2 id="sec-compliance">{t('compliance.title')}</h2>
      <p data-testid="compliance-summary">
        {t('compliance.summary', { met: count('met'), pending: count('pending'), overdue: count('overdue'), not_met: count('not_met') })}
      </p>
      <div class="check">
        <input type="checkbox" id="compliance-all" checked={showAll} onChange={(e) => setShowAll(e.currentTarget.checked)} />
        <label for="compliance-all">{t('compliance.showAll')}</label>
      </div>
      <ul class="clause-list">
        {shown.map((c) => (
          <li key={c.clause} class={`clause-row state-${c.state}`} data-testid={`clause-${c.clause}`} data-state={c.state}>
            <span class="clause-tag">{c.clause}</span> <span class={`state state-${c.state}`}>{t(CLAUSE_STATE_LABEL[c.state])}</span>
            <br />
            <span>{c.title}</span>
            {c.reason && <p class="muted">{c.reason}</p>}
            {c.evidence.length > 0 && <p class="muted">{t('compliance.evidence', { n: c.evidence.length })}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
