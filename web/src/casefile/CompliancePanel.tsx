// Where the case stands against the standard: every clause evaluated for it, met, pending,
// overdue or not met, with the reason and how many records are its evidence. Clauses that do not
// apply to this case are folded away unless asked for. The printed case summary shows the same line
// and rows (prints/CaseSummary).
import { useState } from 'preact/hooks';
import type { ClauseCompliance } from '../api';
import { useI18n } from '../i18n';
import { byUrgency, CLAUSE_STATE_LABEL, complianceCounts } from './labels';

/** "3 met · 1 pending · 0 overdue · 0 not met". */
export function ComplianceLine({ clauses }: { clauses: ClauseCompliance[] }) {
  const { t } = useI18n();
  return <p data-testid="compliance-summary">{t('compliance.summary', complianceCounts(clauses))}</p>;
}

/** The clauses given, the most urgent first, each with its state, title, reason and evidence. */
export function ClauseList({ clauses }: { clauses: ClauseCompliance[] }) {
  const { t } = useI18n();
  return (
    <ul class="clause-list">
      {[...clauses].sort(byUrgency).map((c) => (
        <li key={c.clause} class={`clause-row state-${c.state}`} data-testid={`clause-${c.clause}`} data-state={c.state}>
          <span class="clause-tag">{c.clause}</span> <span class={`state state-${c.state}`}>{t(CLAUSE_STATE_LABEL[c.state])}</span>
          <br />
          <span>{c.title}</span>
          {c.reason && <p class="muted">{c.reason}</p>}
          {c.evidence.length > 0 && <p class="muted">{t('compliance.evidence', { n: c.evidence.length })}</p>}
        </li>
      ))}
    </ul>
  );
}

export function CompliancePanel({ clauses }: { clauses: ClauseCompliance[] }) {
  const { t } = useI18n();
  const [showAll, setShowAll] = useState(false);
  return (
    <section class="card" aria-labelledby="sec-compliance" data-testid="compliance">
      <h2 id="sec-compliance">{t('compliance.title')}</h2>
      <ComplianceLine clauses={clauses} />
      <div class="check">
        <input type="checkbox" id="compliance-all" checked={showAll} onChange={(e) => setShowAll(e.currentTarget.checked)} />
        <label for="compliance-all">{t('compliance.showAll')}</label>
      </div>
      <ClauseList clauses={clauses.filter((c) => showAll || c.state !== 'not_applicable')} />
    </section>
  );
}
