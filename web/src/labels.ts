import type { ReferralChannel, Role, Sex, Stage, StaffGender } from './api';
import { k, type MessageKey } from './i18n';

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
