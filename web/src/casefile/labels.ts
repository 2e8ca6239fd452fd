import type { ClauseCompliance, ClauseState } from '../api';
import { k, type MessageKey } from '../i18n';

export const ACTION_LABEL: Record<string, MessageKey> = {
  begin_care: k('action.begin_care'),
  begin_identification: k('action.begin_identification'),
  begin_assessment: k('action.begin_assessment'),
  begin_planning: k('action.begin_planning'),
  begin_reintegration: k('action.begin_reintegration'),
  begin_monitoring: k('action.begin_monitoring'),
  close: k('action.close'),
  close_lost_contact: k('action.close_lost_contact'),
  reopen: k('action.reopen'),
  begin_repatriation: k('action.begin_repatriation'),
  complete_repatriation: k('action.complete_repatriation'),
  cancel_repatriation: k('action.cancel_repatriation'),
};

export const CLAUSE_STATE_LABEL: Record<ClauseState, MessageKey> = {
  met: k('compliance.state.met'),
  pending: k('compliance.state.pending'),
  overdue: k('compliance.state.overdue'),
  not_met: k('compliance.state.not_met'),
  not_applicable: k('compliance.state.not_applicable'),
};

/** The clauses in the order they need attention: overdue first, what does not apply last. */
const URGENCY: Record<ClauseState, number> = { overdue: 0, not_met: 1, pending: 2, met: 3, not_applicable: 4 };
export const byUrgency = (a: ClauseCompliance, b: ClauseCompliance): number => URGENCY[a.state] - URGENCY[b.state];

/** How many clauses stand in each state: the compliance panel's line and the case summary's. */
export function complianceCounts(clauses: readonly ClauseCompliance[]): Record<'met' | 'pending' | 'overdue' | 'not_met', number> {
  const count = (s: ClauseState) => clauses.filter((c) => c.state === s).length;
  return { met: count('met'), pending: count('pending'), overdue: count('overdue'), not_met: count('not_met') };
}
