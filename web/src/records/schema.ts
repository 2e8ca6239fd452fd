// The record types staff write on a case file after reception, as forms: each field's kind, its
// label, and whether the server requires it. The server's codec (src/codec/record_json.cpp) is the
// schema of record; this file says how a person fills each one in, and a unit test checks it
// against the OpenAPI document's list of types. Records the server writes itself (overrides,
// break-glass, legal holds, corrections of the person and the reception record, stage moves) and disclosures
// (released as packages) have no form here.
import type { CaseRecordType, NewCaseRecordType, NewCentreRecordType } from '../generated/records';
import { k, type MessageKey } from '../i18n';

export type FieldSpec = (
  | { name: string; label: MessageKey; kind: 'text' | 'textarea' | 'bool' | 'lines' | 'datetime' | 'date' | 'languages'; required?: boolean }
  | { name: string; label: MessageKey; kind: 'integer'; required?: boolean; min: number; max: number }
  | { name: string; label: MessageKey; kind: 'enum'; options: EnumName; required?: boolean }
  | { name: string; label: MessageKey; kind: 'choices'; options: EnumName; required?: boolean }
  | { name: string; label: MessageKey; kind: 'language' | 'country'; required?: boolean }
  /** A member of the centre's staff; `notSelf`: never the one writing (nobody staffs or certifies themselves). */
  | { name: string; label: MessageKey; kind: 'staff'; required?: boolean; notSelf?: boolean }
  /** The ID of an earlier record of this case, of `of` type. */
  | { name: string; label: MessageKey; kind: 'record'; of: CaseRecordType; required?: boolean }
  /** A reintegration plan's actions: each answers an identified need (II.5.c). */
  | { name: string; label: MessageKey; kind: 'plan_actions'; required?: false }
) & {
  /** The part of a long form the field is filled in (formParts.ts shows the form part by part). */
  part?: PartName;
};

/** A form for a record type staff post: a case's (NewCaseRecordType) or the centre's (NewCentreRecordType). */
export interface RecordForm<T extends string = string> {
  type: T;
  label: MessageKey;
  clauses: string;
  group: GroupName;
  fields: FieldSpec[];
  /** Only the centre head writes it (who is on a case is her decision). */
  headOnly?: boolean;
}

export const ENUMS = {
  information_format: ['verbal', 'written', 'interpreter', 'easy_read', 'sign_language'],
  risk_level: ['low', 'medium', 'high'],
  contact_channel: ['phone', 'visit', 'message', 'family', 'local_authority', 'service_provider'],
  destination: ['own_family', 'new_family', 'new_community'],
  referral_status: ['sent', 'accepted', 'declined', 'completed'],
  need_response: ['delivered', 'referred'],
  consent_giver: ['victim', 'guardian', 'legal_representative'],
  category: ['identity', 'contact', 'health', 'psychological', 'case_history', 'identification', 'plan'],
  purpose: ['referral', 'identification', 'family_reunification', 'legal_proceedings', 'repatriation', 'other'],
  // What leaves as a package (a transfer of the whole file has its own route).
  qualification: ['counselling', 'identification_interview', 'social_work', 'medical', 'legal'],
  training_topic: ['recovery', 'law', 'child_protection', 'trauma_care', 'other'],
  manual_verdict: ['met', 'not_met'],
  sex: ['female', 'male', 'other', 'unknown'],
  disclosure_kind: ['referral_package', 'family_information', 'agency_information', 'identification_cooperation', 'export_file', 'print'],
} as const;
export type EnumName = keyof typeof ENUMS;

/** The service's steps a record belongs to, in the order a case goes through them (the picker's groups),
 * and the centre's own groups. */
export const GROUPS = {
  reception: k('recordGroup.reception'),
  counselling: k('recordGroup.counselling'),
  identification: k('recordGroup.identification'),
  plan: k('recordGroup.plan'),
  referral: k('recordGroup.referral'),
  monitoring: k('recordGroup.monitoring'),
  complaints: k('recordGroup.complaints'),
  staffing: k('recordGroup.staffing'),
  staff: k('recordGroup.staff'),
  centre: k('recordGroup.centre'),
} as const;
export type GroupName = keyof typeof GROUPS;

/** The parts of the long forms, each with the clauses it answers: a field declares its part, and a
 * form whose fields do is filled in part by part, with its progress (formParts.ts). */
export const PARTS = {
  plan_content: { label: k('part.plan_content'), clauses: 'II.5.e, II.4.c' },
  plan_strengths: { label: k('part.plan_strengths'), clauses: 'II.5.b' },
  plan_needs: { label: k('part.plan_needs'), clauses: 'II.5.c' },
  plan_providers: { label: k('part.plan_providers'), clauses: 'II.5.d' },
  plan_victim: { label: k('part.plan_victim'), clauses: 'II.5.a, I.4.c' },
  plan_education: { label: k('part.plan_education'), clauses: 'II.7.c' },
  closure_conditions: { label: k('part.closure_conditions'), clauses: 'II.8.c' },
  closure_victim: { label: k('part.closure_victim'), clauses: 'I.4.c, I.5.b' },
  consent_who: { label: k('part.consent_who'), clauses: 'I.3.b, I.3.d' },
  consent_what: { label: k('part.consent_what'), clauses: 'I.3.b' },
  consent_until: { label: k('part.consent_until'), clauses: 'I.3.b' },
} as const;
export type PartName = keyof typeof PARTS;

/** `fields`, each declared in `part`. */
const inPart = (part: PartName, fields: FieldSpec[]): FieldSpec[] => fields.map((f) => ({ ...f, part }));

const text = (name: string, label: MessageKey, required = false): FieldSpec => ({ name, label, kind: 'text', required });
const note = (name: string, label: MessageKey, required = false): FieldSpec => ({ name, label, kind: 'textarea', required });
const flag = (name: string, label: MessageKey): FieldSpec => ({ name, label, kind: 'bool' });
const pick = (name: string, label: MessageKey, options: EnumName): FieldSpec => ({ name, label, kind: 'enum', options, required: true });
const views = note('victim_views', k('rf.victim_views'));

export const RECORD_FORMS: RecordForm<NewCaseRecordType>[] = [
  { type: 'intake_assessment', label: k('rt.intake_assessment'), clauses: 'I.1.b', group: 'reception', fields: [
    note('physical', k('rf.physical')), note('mental', k('rf.mental')), note('psychological', k('rf.psychological')),
    flag('immediate_safety_risk', k('rf.immediate_safety_risk'))] },
  { type: 'orientation', label: k('rt.orientation'), clauses: 'II.1.c', group: 'reception', fields: [
    flag('layout', k('rf.layout')), flag('rules', k('rf.rules')), flag('necessary_information', k('rf.necessary_information'))] },
  { type: 'essential_needs', label: k('rt.essential_needs'), clauses: 'II.2.c', group: 'reception', fields: [
    flag('food', k('rf.food')), flag('shelter', k('rf.shelter')), flag('clothing', k('rf.clothing')), flag('medical_care', k('rf.medical_care'))] },
  { type: 'health_check', label: k('rt.health_check'), clauses: 'II.1.e, I.1.b', group: 'reception', fields: [
    flag('by_medical_staff', k('rf.by_medical_staff')), note('findings', k('rf.findings'))] },
  { type: 'counselling_session', label: k('rt.counselling_session'), clauses: 'II.3.a, II.3.b', group: 'counselling', fields: [
    note('condition_observed', k('rf.condition_observed')), flag('crisis', k('rf.crisis'))] },
  { type: 'crisis_intervention', label: k('rt.crisis_intervention'), clauses: 'II.3.b', group: 'counselling', fields: [
    note('action_taken', k('rf.action_taken'))] },
  { type: 'information_provided', label: k('rt.information_provided'), clauses: 'I.4.a', group: 'reception', fields: [
    { name: 'language', label: k('rf.language'), kind: 'language', required: true }, pick('format', k('rf.format'), 'information_format'),
    flag('services', k('rf.services_explained')), flag('reintegration_process', k('rf.reintegration_process')),
    flag('given_to_relatives', k('rf.given_to_relatives'))] },
  { type: 'child_information_decision', label: k('rt.child_information_decision'), clauses: 'I.4.b', group: 'reception', fields: [
    note('decision', k('rf.decision'))] },
  { type: 'safety_guidance', label: k('rt.safety_guidance'), clauses: 'I.1.c', group: 'reception', fields: [
    flag('to_victim', k('rf.to_victim')), flag('to_family', k('rf.to_family')), flag('to_others', k('rf.to_others')),
    flag('child_appropriate', k('rf.child_appropriate')), note('topics', k('rf.topics'))] },
  { type: 'consultation', label: k('rt.consultation'), clauses: 'I.2.c, I.4.c', group: 'counselling', fields: [
    note('condition_observed', k('rf.condition_observed')), views] },
  { type: 'identified_need', label: k('rt.identified_need'), clauses: 'I.2.a', group: 'reception', fields: [
    text('need', k('rf.need'), true)] },
  { type: 'need_addressed', label: k('rt.need_addressed'), clauses: 'I.2.a', group: 'reception', fields: [
    { name: 'need_id', label: k('rf.need_id'), kind: 'record', of: 'identified_need', required: true },
    pick('response', k('rf.response'), 'need_response'), text('service', k('rf.service'))] },
  { type: 'complaint', label: k('rt.complaint'), clauses: 'I.1.d', group: 'complaints', fields: [note('summary', k('rf.summary'))] },
  { type: 'complaint_resolution', label: k('rt.complaint_resolution'), clauses: 'I.1.d', group: 'complaints', fields: [
    { name: 'complaint_id', label: k('rf.complaint_id'), kind: 'record', of: 'complaint', required: true },
    note('resolution', k('rf.resolution'))] },

  { type: 'identification_interview', label: k('rt.identification_interview'), clauses: 'II.2.b, II.1.e', group: 'identification', fields: [
    text('place', k('rf.place')), { name: 'people_present', label: k('rf.people_present'), kind: 'lines' },
    flag('interpreter', k('rf.interpreter')), note('environment_notes', k('rf.environment_notes'))] },

  { type: 'return_risk_assessment', label: k('rt.return_risk_assessment'), clauses: 'II.4.b', group: 'counselling', fields: [
    pick('level', k('rf.level'), 'risk_level'), note('findings', k('rf.findings'))] },
  { type: 'recovery_assessment', label: k('rt.recovery_assessment'), clauses: 'II.6.b, II.7.b', group: 'counselling', fields: [
    note('findings', k('rf.findings')), flag('expert_advice', k('rf.expert_advice'))] },
  { type: 'location_safety_assessment', label: k('rt.location_safety_assessment'), clauses: 'II.7.b, I.1.a', group: 'counselling', fields: [
    text('place', k('rf.place')), flag('safe', k('rf.safe')), note('findings', k('rf.findings'))] },
  { type: 'reintegration_decision', label: k('rt.reintegration_decision'), clauses: 'II.7.a, I.5.d', group: 'plan', fields: [
    pick('destination', k('rf.destination'), 'destination'), flag('chosen_by_victim', k('rf.chosen_by_victim')), views,
    note('safety_reason', k('rf.safety_reason'))] },
  { type: 'reintegration_plan', label: k('rt.reintegration_plan'), clauses: 'II.4.c, II.5.a–e, II.7.c', group: 'plan', fields: [
    ...inPart('plan_content', [flag('final', k('rf.final')), note('purposes', k('rf.purposes')), note('challenges', k('rf.challenges')),
      note('procedures', k('rf.procedures')), text('time_frame', k('rf.time_frame')),
      { name: 'risk_assessment_id', label: k('rf.risk_assessment_id'), kind: 'record', of: 'return_risk_assessment' }]),
    ...inPart('plan_strengths', [note('strengths', k('rf.strengths')), note('abilities', k('rf.abilities')),
      note('aspirations', k('rf.aspirations')), note('resources', k('rf.resources'))]),
    ...inPart('plan_needs', [{ name: 'actions', label: k('rf.actions'), kind: 'plan_actions' }]),
    ...inPart('plan_providers', [{ name: 'providers', label: k('rf.providers'), kind: 'lines' }]),
    ...inPart('plan_victim', [flag('victim_participated', k('rf.victim_participated')), views]),
    ...inPart('plan_education', [note('education', k('rf.education'))])] },
  { type: 'disadvantage_noted', label: k('rt.disadvantage_noted'), clauses: 'I.5.c', group: 'counselling', fields: [
    flag('physical', k('rf.disadvantage_physical')), flag('mental', k('rf.disadvantage_mental')), note('notes', k('rf.notes'))] },
  { type: 'expert_and_family_consultation', label: k('rt.expert_and_family_consultation'), clauses: 'I.5.c', group: 'counselling', fields: [
    text('expert', k('rf.expert')), text('relatives', k('rf.relatives')), note('advice', k('rf.advice'))] },

  { type: 'provider_list_given', label: k('rt.provider_list_given'), clauses: 'II.6.a', group: 'referral', fields: [
    { name: 'language', label: k('rf.language'), kind: 'language', required: true }] },
  { type: 'referral', label: k('rt.referral'), clauses: 'II.6.b, II.6.c', group: 'referral', fields: [
    text('provider', k('rf.provider'), true), note('services', k('rf.services')), note('victim_opinion', k('rf.victim_opinion')),
    flag('victim_agreed', k('rf.victim_agreed')), flag('expert_advice', k('rf.expert_advice'))] },
  { type: 'referral_update', label: k('rt.referral_update'), clauses: 'II.6.e', group: 'referral', fields: [
    { name: 'referral_id', label: k('rf.referral_id'), kind: 'record', of: 'referral', required: true },
    pick('status', k('rf.status'), 'referral_status'), note('outcome', k('rf.outcome'))] },

  { type: 'follow_up_schedule', label: k('rt.follow_up_schedule'), clauses: 'II.8.b', group: 'monitoring', fields: [
    { name: 'interval_days', label: k('rf.interval_days'), kind: 'integer', required: true, min: 1, max: 365 }, note('reason', k('rf.reason'))] },
  { type: 'follow_up_contact', label: k('rt.follow_up_contact'), clauses: 'II.8.a', group: 'monitoring', fields: [
    pick('channel', k('rf.channel'), 'contact_channel'), note('notes', k('rf.notes'))] },
  { type: 'contact_attempt', label: k('rt.contact_attempt'), clauses: 'II.8.d', group: 'monitoring', fields: [
    pick('channel', k('rf.channel'), 'contact_channel'), flag('reached', k('rf.reached')), note('notes', k('rf.notes'))] },
  { type: 'closure_checklist', label: k('rt.closure_checklist'), clauses: 'II.8.c, I.4.c, I.5.b', group: 'monitoring', fields: [
    ...inPart('closure_conditions', [flag('health_improved', k('rf.health_improved')),
      flag('psychological_condition_stable', k('rf.psychological_condition_stable')),
      flag('confident_in_family_and_community', k('rf.confident_in_family_and_community')),
      flag('economic_prospects_assessed', k('rf.economic_prospects_assessed')),
      flag('discrimination_risks_assessed', k('rf.discrimination_risks_assessed'))]),
    ...inPart('closure_victim', [views, flag('victim_agreed', k('rf.victim_agreed_closure'))])] },

  { type: 'repatriation_wish', label: k('rt.repatriation_wish'), clauses: 'I.5.a', group: 'plan', fields: [
    flag('wishes_to_return', k('rf.wishes_to_return')), text('consular_contact', k('rf.consular_contact')), views] },
  { type: 'repatriation_safety_assessment', label: k('rt.repatriation_safety_assessment'), clauses: 'I.5.a', group: 'plan', fields: [
    { name: 'country', label: k('rf.country'), kind: 'country', required: true }, flag('safe', k('rf.safe_return')), note('findings', k('rf.findings'))] },

  { type: 'consent', label: k('rt.consent'), clauses: 'I.3.b, I.3.d', group: 'complaints', fields: [
    ...inPart('consent_who', [pick('given_by', k('rf.given_by'), 'consent_giver'), text('recipient', k('rf.recipient'), true)]),
    ...inPart('consent_what', [{ name: 'categories', label: k('rf.categories'), kind: 'choices', options: 'category', required: true },
      { name: 'purposes', label: k('rf.purposes_consented'), kind: 'choices', options: 'purpose', required: true }]),
    ...inPart('consent_until', [{ name: 'expires_at', label: k('rf.expires_at'), kind: 'datetime' }, flag('informed', k('rf.informed'))])] },
  { type: 'consent_withdrawal', label: k('rt.consent_withdrawal'), clauses: 'I.3.b', group: 'complaints', fields: [
    { name: 'consent_id', label: k('rf.consent_id'), kind: 'record', of: 'consent', required: true }] },

  { type: 'staff_assignment', label: k('rt.staff_assignment'), clauses: 'III.1.b, III.2.c, I.2.b, I.3.c', group: 'staffing', headOnly: true, fields: [
    { name: 'staff_id', label: k('rf.staff_id'), kind: 'staff', required: true, notSelf: true }, flag('no_conflict_of_interest', k('rf.no_conflict_of_interest')),
    note('matching_reason', k('rf.matching_reason'))] },
  { type: 'staff_assignment_ended', label: k('rt.staff_assignment_ended'), clauses: 'I.3.c', group: 'staffing', headOnly: true, fields: [
    { name: 'staff_id', label: k('rf.staff_id'), kind: 'staff', required: true }, note('reason', k('rf.reason'))] },
  { type: 'designated_staff', label: k('rt.designated_staff'), clauses: 'II.1.d, III.2.c, I.3.c', group: 'staffing', headOnly: true, fields: [
    { name: 'staff_id', label: k('rf.staff_id'), kind: 'staff', required: true, notSelf: true },
    flag('no_conflict_of_interest', k('rf.no_conflict_of_interest'))] },
];

/** The centre's own records (Part III, II.6.a): about a member of staff (`subject`) or the centre. */
const subject: FieldSpec = { name: 'subject', label: k('rf.subject'), kind: 'staff', required: true, notSelf: true };
export const CENTRE_FORMS: RecordForm<NewCentreRecordType>[] = [
  { type: 'recruitment_screening', label: k('rt.recruitment_screening'), clauses: 'III.1.b', group: 'staff', fields: [
    subject, flag('ability', k('rf.ability')), flag('qualifications', k('rf.qualifications')), flag('moral_standing', k('rf.moral_standing')),
    flag('judicial_record_checked', k('rf.judicial_record_checked')), note('notes', k('rf.notes'))] },
  { type: 'staff_qualification', label: k('rt.staff_qualification'), clauses: 'I.2.d', group: 'staff', fields: [
    subject, pick('qualification', k('rf.qualification'), 'qualification'), text('title', k('rf.title'), true), text('issued_by', k('rf.issued_by'))] },
  { type: 'staff_training', label: k('rt.staff_training'), clauses: 'III.2.b', group: 'staff', fields: [
    subject, pick('topic', k('rf.topic'), 'training_topic'), text('course', k('rf.course'), true),
    { name: 'hours', label: k('rf.hours'), kind: 'integer', min: 0, max: 10000 }] },
  { type: 'supervision_check_in', label: k('rt.supervision_check_in'), clauses: 'III.1.c', group: 'staff', fields: [
    subject, note('notes', k('rf.notes')), flag('support_offered', k('rf.support_offered'))] },
  { type: 'staff_matching', label: k('rt.staff_matching'), clauses: 'I.2.b, II.1.b', group: 'staff', fields: [
    subject, pick('sex', k('rf.sex'), 'sex'), { name: 'languages', label: k('rf.languages'), kind: 'languages', required: true }] },
  { type: 'facilities_checklist', label: k('rt.facilities_checklist'), clauses: 'III.1.a', group: 'centre', fields: [
    flag('safe_and_secure', k('rf.safe_and_secure')), flag('separate_sleeping_areas', k('rf.separate_sleeping_areas')),
    flag('private_counselling_room', k('rf.private_counselling_room')), flag('health_care_access', k('rf.health_care_access')),
    flag('accessible', k('rf.accessible')), note('notes', k('rf.notes'))] },
  { type: 'service_provider', label: k('rt.service_provider'), clauses: 'II.6.a', group: 'centre', fields: [
    text('name', k('rf.name'), true), note('services', k('rf.services')), text('contact', k('rf.contact'), true),
    text('address', k('rf.address')), { name: 'last_verified', label: k('rf.last_verified'), kind: 'date', required: true }] },
  // The head's verdict on a clause the data cannot show: made on the self-assessment page
  // (assessment/ManualAssessmentForm), beside the clause; here for the timeline's reading of it.
  { type: 'manual_assessment', label: k('rt.manual_assessment'), clauses: 'II.4.a', group: 'centre', fields: [
    text('clause', k('rf.clause'), true), pick('verdict', k('rf.verdict'), 'manual_verdict'), note('note', k('rf.assessment_note'), true)] },
];

/** The centre's forms offered on the centre page: a manual assessment is made beside its clause on the
 * self-assessment page, not by typing the clause's ID. */
export const CENTRE_PAGE_FORMS = CENTRE_FORMS.filter((f) => f.type !== 'manual_assessment');

/** Labels of the types with no form, for the timeline: those the server writes itself (every case record
 *  type staff do not post), and disclosures (posted as packages, not through a form). */
export const SERVER_RECORD_LABELS: Record<Exclude<CaseRecordType, NewCaseRecordType> | 'disclosure', MessageKey> = {
  disclosure: k('rt.disclosure'),
  guard_override: k('rt.guard_override'),
  break_glass: k('rt.break_glass'),
  legal_hold: k('rt.legal_hold'),
  legal_hold_lifted: k('rt.legal_hold_lifted'),
  correction: k('rt.correction'),
  stage_move: k('rt.stage_move'),
  disclosure_request: k('rt.disclosure_request'),
  disclosure_decision: k('rt.disclosure_decision'),
};

export function formFor(type: string): RecordForm | undefined {
  return RECORD_FORMS.find((f) => f.type === type) ?? CENTRE_FORMS.find((f) => f.type === type);
}

export function recordLabel(type: string): MessageKey | undefined {
  return formFor(type)?.label ?? (SERVER_RECORD_LABELS as Partial<Record<string, MessageKey>>)[type];
}

/** An enum value in words, or as it is when the catalog has no label for it. */
export function optionText(t: (key: MessageKey) => string, options: EnumName, value: unknown): string {
  const key = optionKey(options, String(value ?? ''));
  return key ? t(key) : String(value ?? '');
}

/** Catalog key of an enum value's label. */
export function optionKey(options: EnumName, value: string): MessageKey | undefined {
  return (OPTION_LABEL[options] as Record<string, MessageKey | undefined>)[value];
}

/** Each enum value's label, by enum. */
export const OPTION_LABEL: { [E in EnumName]: Record<(typeof ENUMS)[E][number], MessageKey> } = {
  information_format: {
    verbal: k('opt.information_format.verbal'),
    written: k('opt.information_format.written'),
    interpreter: k('opt.information_format.interpreter'),
    easy_read: k('opt.information_format.easy_read'),
    sign_language: k('opt.information_format.sign_language'),
  },
  risk_level: {
    low: k('opt.risk_level.low'),
    medium: k('opt.risk_level.medium'),
    high: k('opt.risk_level.high'),
  },
  contact_channel: {
    phone: k('opt.contact_channel.phone'),
    visit: k('opt.contact_channel.visit'),
    message: k('opt.contact_channel.message'),
    family: k('opt.contact_channel.family'),
    local_authority: k('opt.contact_channel.local_authority'),
    service_provider: k('opt.contact_channel.service_provider'),
  },
  destination: {
    own_family: k('opt.destination.own_family'),
    new_family: k('opt.destination.new_family'),
    new_community: k('opt.destination.new_community'),
  },
  referral_status: {
    sent: k('opt.referral_status.sent'),
    accepted: k('opt.referral_status.accepted'),
    declined: k('opt.referral_status.declined'),
    completed: k('opt.referral_status.completed'),
  },
  need_response: {
    delivered: k('opt.need_response.delivered'),
    referred: k('opt.need_response.referred'),
  },
  consent_giver: {
    victim: k('opt.consent_giver.victim'),
    guardian: k('opt.consent_giver.guardian'),
    legal_representative: k('opt.consent_giver.legal_representative'),
  },
  category: {
    identity: k('opt.category.identity'),
    contact: k('opt.category.contact'),
    health: k('opt.category.health'),
    psychological: k('opt.category.psychological'),
    case_history: k('opt.category.case_history'),
    identification: k('opt.category.identification'),
    plan: k('opt.category.plan'),
  },
  purpose: {
    referral: k('opt.purpose.referral'),
    identification: k('opt.purpose.identification'),
    family_reunification: k('opt.purpose.family_reunification'),
    legal_proceedings: k('opt.purpose.legal_proceedings'),
    repatriation: k('opt.purpose.repatriation'),
    other: k('opt.purpose.other'),
  },
  disclosure_kind: {
    referral_package: k('opt.disclosure_kind.referral_package'),
    family_information: k('opt.disclosure_kind.family_information'),
    agency_information: k('opt.disclosure_kind.agency_information'),
    identification_cooperation: k('opt.disclosure_kind.identification_cooperation'),
    export_file: k('opt.disclosure_kind.export_file'),
    print: k('opt.disclosure_kind.print'),
  },
  qualification: {
    counselling: k('opt.qualification.counselling'),
    identification_interview: k('opt.qualification.identification_interview'),
    social_work: k('opt.qualification.social_work'),
    medical: k('opt.qualification.medical'),
    legal: k('opt.qualification.legal'),
  },
  training_topic: {
    recovery: k('opt.training_topic.recovery'),
    law: k('opt.training_topic.law'),
    child_protection: k('opt.training_topic.child_protection'),
    trauma_care: k('opt.training_topic.trauma_care'),
    other: k('opt.training_topic.other'),
  },
  manual_verdict: { met: k('assessment.verdict.met'), not_met: k('assessment.verdict.notMet') },
  sex: { female: k('sex.female'), male: k('sex.male'), other: k('sex.other'), unknown: k('sex.unknown') },
};
