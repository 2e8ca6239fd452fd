import type { ClauseState } from '../api';
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
