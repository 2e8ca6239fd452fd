import type { Colleague, ReferralChannel, Role, Sex, Stage, StaffGender } from './api';
import { k, type MessageKey, type Params } from './i18n';

export const SEX_LABEL: Record<Sex, MessageKey> = {
  female: k('sex.female'),
  male: k('sex.male'),
  other: k('sex.other'),
  unknown: k('sex.unknown'),
};

export const STAGE_LABEL: Record<Stage, MessageKey> = {
  received: k('stage.received'),
  in_care: k('stage.in_care'),
  identification: k('stage.identification'),
  assessment: k('stage.assessment'),
  planning: k('stage.planning'),
  reintegration: k('stage.reintegration'),
  monitoring: k('stage.monitoring'),
  closed: k('stage.closed'),
  repatriation: k('stage.repatriation'),
};

export const CHANNEL_LABEL: Record<ReferralChannel, MessageKey> = {
  police: k('channel.police'),
  border_guard: k('channel.border_guard'),
  social_welfare: k('channel.social_welfare'),
  ngo: k('channel.ngo'),
  hotline: k('channel.hotline'),
  self: k('channel.self'),
  family: k('channel.family'),
  other: k('channel.other'),
};

export const STAFF_GENDER_LABEL: Record<StaffGender, MessageKey> = {
  female: k('staffGender.female'),
  male: k('staffGender.male'),
  any: k('staffGender.any'),
};

export const SEXES: Sex[] = ['female', 'male', 'other', 'unknown'];
export const CHANNELS: ReferralChannel[] = ['police', 'border_guard', 'social_welfare', 'ngo', 'hotline', 'self', 'family', 'other'];
export const STAFF_GENDERS: StaffGender[] = ['any', 'female', 'male'];

export const ROLE_LABEL: Record<Role, MessageKey> = {
  case_worker: k('role.case_worker'),
  centre_head: k('role.centre_head'),
  counsellor: k('role.counsellor'),
  administrator: k('role.administrator'),
  auditor: k('role.auditor'),
  external_provider: k('role.external_provider'),
};

/** A member of staff as the case file names them, "Trần Văn Minh (Cán bộ quản lý hồ sơ)"; one the
 *  reader's list does not hold is "a member of staff". */
export function staffWithRole(id: string, staff: readonly Colleague[], t: (key: MessageKey, params?: Params) => string): string {
  const s = staff.find((x) => x.id === id);
  return s ? `${s.display_name} (${t(ROLE_LABEL[s.role])})` : t('timeline.someone');
}

/** The audit log's actions in words (GET /centre/audit); an unknown one reads as "something else". */
export const AUDIT_ACTION_LABEL: Record<string, MessageKey> = {
  'account.activate': k('audit.action.account.activate'),
  'account.activation_issued': k('audit.action.account.activation_issued'),
  'account.activation_refused': k('audit.action.account.activation_refused'),
  'account.confirm': k('audit.action.account.confirm'),
  'account.confirm_refused': k('audit.action.account.confirm_refused'),
  'account.unconfirmed_refused': k('audit.action.account.unconfirmed_refused'),
  'case.access_denied': k('audit.action.case.access_denied'),
  'case.action': k('audit.action.case.action'),
  'case.break_glass': k('audit.action.case.break_glass'),
  'case.create': k('audit.action.case.create'),
  'case.duplicate_check': k('audit.action.case.duplicate_check'),
  'case.erase': k('audit.action.case.erase'),
  'case.legal_hold': k('audit.action.case.legal_hold'),
  'case.legal_hold_lifted': k('audit.action.case.legal_hold_lifted'),
  'case.read': k('audit.action.case.read'),
  'case.transfer': k('audit.action.case.transfer'),
  'centre_record.create': k('audit.action.centre_record.create'),
  'centre_record.refused': k('audit.action.centre_record.refused'),
  'disclosure.release': k('audit.action.disclosure.release'),
  'guard.override': k('audit.action.guard.override'),
  'person.correct': k('audit.action.person.correct'),
  'reception.correct': k('audit.action.reception.correct'),
  'reception.update': k('audit.action.reception.update'),
  'record.create': k('audit.action.record.create'),
  'referral.read': k('audit.action.referral.read'),
  'second_factor.enabled': k('audit.action.second_factor.enabled'),
  'second_factor.enrolment_started': k('audit.action.second_factor.enrolment_started'),
  'second_factor.refused': k('audit.action.second_factor.refused'),
  'second_factor.reset': k('audit.action.second_factor.reset'),
  'session.busy': k('audit.action.session.busy'),
  'session.create': k('audit.action.session.create'),
  'session.delete': k('audit.action.session.delete'),
  'session.ended_by_admin': k('audit.action.session.ended_by_admin'),
  'session.refused': k('audit.action.session.refused'),
  'session.second_factor_asked': k('audit.action.session.second_factor_asked'),
  'session.throttled': k('audit.action.session.throttled'),
  'staff.create': k('audit.action.staff.create'),
  'staff.disable': k('audit.action.staff.disable'),
  'staff.enable': k('audit.action.staff.enable'),
  'staff.password': k('audit.action.staff.password'),
};
