// Generated from the server's OpenAPI document (`haven openapi`) by scripts/openapi-types.mjs.
// Do not edit: run `npm run gen:types` after the server's record types change.
// tests/unit/generated-types.test.mjs fails when this file and the document differ.

/** Every type of case record, in the server's order (CaseRecord's discriminator). */
export type CaseRecordType =
  | 'intake_assessment'
  | 'orientation'
  | 'information_provided'
  | 'child_information_decision'
  | 'health_check'
  | 'counselling_session'
  | 'crisis_intervention'
  | 'identification_interview'
  | 'return_risk_assessment'
  | 'closure_checklist'
  | 'contact_attempt'
  | 'recovery_assessment'
  | 'location_safety_assessment'
  | 'reintegration_decision'
  | 'reintegration_plan'
  | 'follow_up_contact'
  | 'consultation'
  | 'essential_needs'
  | 'referral'
  | 'referral_update'
  | 'complaint'
  | 'complaint_resolution'
  | 'safety_guidance'
  | 'identified_need'
  | 'need_addressed'
  | 'repatriation_wish'
  | 'repatriation_safety_assessment'
  | 'disadvantage_noted'
  | 'expert_and_family_consultation'
  | 'provider_list_given'
  | 'consent'
  | 'consent_withdrawal'
  | 'disclosure'
  | 'staff_assignment'
  | 'staff_assignment_ended'
  | 'designated_staff'
  | 'guard_override'
  | 'follow_up_schedule'
  | 'break_glass'
  | 'legal_hold'
  | 'legal_hold_lifted'
  | 'correction'
  | 'stage_move'
  | 'disclosure_request'
  | 'disclosure_decision';

/** The case record types staff post (NewCaseRecord's discriminator); the server writes the others itself. */
export type NewCaseRecordType =
  | 'intake_assessment'
  | 'orientation'
  | 'information_provided'
  | 'child_information_decision'
  | 'health_check'
  | 'counselling_session'
  | 'crisis_intervention'
  | 'identification_interview'
  | 'return_risk_assessment'
  | 'closure_checklist'
  | 'contact_attempt'
  | 'recovery_assessment'
  | 'location_safety_assessment'
  | 'reintegration_decision'
  | 'reintegration_plan'
  | 'follow_up_contact'
  | 'consultation'
  | 'essential_needs'
  | 'referral'
  | 'referral_update'
  | 'complaint'
  | 'complaint_resolution'
  | 'safety_guidance'
  | 'identified_need'
  | 'need_addressed'
  | 'repatriation_wish'
  | 'repatriation_safety_assessment'
  | 'disadvantage_noted'
  | 'expert_and_family_consultation'
  | 'provider_list_given'
  | 'consent'
  | 'consent_withdrawal'
  | 'disclosure'
  | 'staff_assignment'
  | 'staff_assignment_ended'
  | 'designated_staff'
  | 'follow_up_schedule';

/** The body of a record of type intake_assessment (components.schemas["CaseRecordBody.intake_assessment"]). Clauses I.1.b. */
export interface IntakeAssessmentBody {
  physical?: string;
  mental?: string;
  psychological?: string;
  immediate_safety_risk?: boolean;
}

/** The body of a record of type orientation (components.schemas["CaseRecordBody.orientation"]). Clauses II.1.c. */
export interface OrientationBody {
  layout?: boolean;
  rules?: boolean;
  necessary_information?: boolean;
}

/** The body of a record of type information_provided (components.schemas["CaseRecordBody.information_provided"]). Clauses I.4.a. */
export interface InformationProvidedBody {
  language: string;
  format: 'verbal' | 'written' | 'interpreter' | 'easy_read' | 'sign_language';
  services?: boolean;
  reintegration_process?: boolean;
  given_to_relatives?: boolean;
}

/** The body of a record of type child_information_decision (components.schemas["CaseRecordBody.child_information_decision"]). Clauses I.4.b. */
export interface ChildInformationDecisionBody {
  decision?: string;
}

/** The body of a record of type health_check (components.schemas["CaseRecordBody.health_check"]). Clauses II.1.e I.1.b. */
export interface HealthCheckBody {
  by_medical_staff?: boolean;
  findings?: string;
}

/** The body of a record of type counselling_session (components.schemas["CaseRecordBody.counselling_session"]). Clauses II.3.a II.3.b. */
export interface CounsellingSessionBody {
  condition_observed?: string;
  crisis?: boolean;
}

/** The body of a record of type crisis_intervention (components.schemas["CaseRecordBody.crisis_intervention"]). Clauses II.3.b. */
export interface CrisisInterventionBody {
  action_taken?: string;
}

/** The body of a record of type identification_interview (components.schemas["CaseRecordBody.identification_interview"]). Clauses II.2.b. */
export interface IdentificationInterviewBody {
  place?: string;
  people_present?: string[];
  interpreter?: boolean;
  environment_notes?: string;
}

/** The body of a record of type return_risk_assessment (components.schemas["CaseRecordBody.return_risk_assessment"]). Clauses II.4.b. */
export interface ReturnRiskAssessmentBody {
  level: 'low' | 'medium' | 'high';
  findings?: string;
}

/** The body of a record of type closure_checklist (components.schemas["CaseRecordBody.closure_checklist"]). Clauses II.8.c I.4.c I.5.b. */
export interface ClosureChecklistBody {
  health_improved?: boolean;
  psychological_condition_stable?: boolean;
  confident_in_family_and_community?: boolean;
  economic_prospects_assessed?: boolean;
  discrimination_risks_assessed?: boolean;
  victim_views?: string;
  victim_agreed?: boolean;
}

/** The body of a record of type contact_attempt (components.schemas["CaseRecordBody.contact_attempt"]). Clauses II.8.d. */
export interface ContactAttemptBody {
  channel: 'phone' | 'visit' | 'message' | 'family' | 'local_authority' | 'service_provider';
  reached?: boolean;
  notes?: string;
}

/** The body of a record of type recovery_assessment (components.schemas["CaseRecordBody.recovery_assessment"]). Clauses II.6.b II.7.b. */
export interface RecoveryAssessmentBody {
  findings?: string;
  expert_advice?: boolean;
}

/** The body of a record of type location_safety_assessment (components.schemas["CaseRecordBody.location_safety_assessment"]). Clauses II.7.b I.1.a. */
export interface LocationSafetyAssessmentBody {
  place?: string;
  safe?: boolean;
  findings?: string;
}

/** The body of a record of type reintegration_decision (components.schemas["CaseRecordBody.reintegration_decision"]). Clauses II.7.a I.4.c I.5.b I.5.d. */
export interface ReintegrationDecisionBody {
  destination: 'own_family' | 'new_family' | 'new_community';
  chosen_by_victim?: boolean;
  victim_views?: string;
  safety_reason?: string;
}

/** The body of a record of type reintegration_plan (components.schemas["CaseRecordBody.reintegration_plan"]). Clauses II.5.a II.5.b II.5.c II.5.d II.5.e II.4.c II.7.c I.4.c I.5.b. */
export interface ReintegrationPlanBody {
  final?: boolean;
  purposes?: string;
  challenges?: string;
  procedures?: string;
  time_frame?: string;
  providers?: string[];
  strengths?: string;
  abilities?: string;
  aspirations?: string;
  resources?: string;
  /** The ID of the case's return_risk_assessment record it refers to. */
  risk_assessment_id?: string;
  victim_participated?: boolean;
  victim_views?: string;
  actions?: {
    /** The ID of the case's identified_need record it refers to. */
    need_id?: string;
    need?: string;
    action: string;
  }[];
  education?: string;
}

/** The body of a record of type follow_up_contact (components.schemas["CaseRecordBody.follow_up_contact"]). Clauses II.8.a. */
export interface FollowUpContactBody {
  channel: 'phone' | 'visit' | 'message' | 'family' | 'local_authority' | 'service_provider';
  notes?: string;
}

/** The body of a record of type consultation (components.schemas["CaseRecordBody.consultation"]). Clauses I.2.c I.4.c. */
export interface ConsultationBody {
  condition_observed?: string;
  victim_views?: string;
}

/** The body of a record of type essential_needs (components.schemas["CaseRecordBody.essential_needs"]). Clauses II.2.c. */
export interface EssentialNeedsBody {
  food?: boolean;
  shelter?: boolean;
  clothing?: boolean;
  medical_care?: boolean;
}

/** The body of a record of type referral (components.schemas["CaseRecordBody.referral"]). Clauses II.6.b II.6.c. */
export interface ReferralBody {
  provider: string;
  services?: string;
  victim_opinion?: string;
  victim_agreed?: boolean;
  expert_advice?: boolean;
}

/** The body of a record of type referral_update (components.schemas["CaseRecordBody.referral_update"]). Clauses II.6.e. */
export interface ReferralUpdateBody {
  /** The ID of the case's referral record it refers to. */
  referral_id: string;
  status: 'sent' | 'accepted' | 'declined' | 'completed';
  outcome?: string;
}

/** The body of a record of type complaint (components.schemas["CaseRecordBody.complaint"]). Clauses I.1.d. */
export interface ComplaintBody {
  summary?: string;
}

/** The body of a record of type complaint_resolution (components.schemas["CaseRecordBody.complaint_resolution"]). Clauses I.1.d. */
export interface ComplaintResolutionBody {
  /** The ID of the case's complaint record it refers to. */
  complaint_id: string;
  resolution?: string;
}

/** The body of a record of type safety_guidance (components.schemas["CaseRecordBody.safety_guidance"]). Clauses I.1.c. */
export interface SafetyGuidanceBody {
  to_victim?: boolean;
  to_family?: boolean;
  to_others?: boolean;
  child_appropriate?: boolean;
  topics?: string;
}

/** The body of a record of type identified_need (components.schemas["CaseRecordBody.identified_need"]). Clauses I.2.a. */
export interface IdentifiedNeedBody {
  need: string;
}

/** The body of a record of type need_addressed (components.schemas["CaseRecordBody.need_addressed"]). Clauses I.2.a. */
export interface NeedAddressedBody {
  /** The ID of the case's identified_need record it refers to. */
  need_id: string;
  response: 'delivered' | 'referred';
  service?: string;
}

/** The body of a record of type repatriation_wish (components.schemas["CaseRecordBody.repatriation_wish"]). Clauses I.5.a. */
export interface RepatriationWishBody {
  wishes_to_return?: boolean;
  consular_contact?: string;
  victim_views?: string;
}

/** The body of a record of type repatriation_safety_assessment (components.schemas["CaseRecordBody.repatriation_safety_assessment"]). Clauses I.5.a. */
export interface RepatriationSafetyAssessmentBody {
  country: string;
  safe?: boolean;
  findings?: string;
}

/** The body of a record of type disadvantage_noted (components.schemas["CaseRecordBody.disadvantage_noted"]). Clauses I.5.c. */
export interface DisadvantageNotedBody {
  physical?: boolean;
  mental?: boolean;
  notes?: string;
}

/** The body of a record of type expert_and_family_consultation (components.schemas["CaseRecordBody.expert_and_family_consultation"]). Clauses I.5.c. */
export interface ExpertAndFamilyConsultationBody {
  expert?: string;
  relatives?: string;
  advice?: string;
}

/** The body of a record of type provider_list_given (components.schemas["CaseRecordBody.provider_list_given"]). Clauses II.6.a. */
export interface ProviderListGivenBody {
  language: string;
}

/** The body of a record of type consent (components.schemas["CaseRecordBody.consent"]). Clauses I.3.b I.3.d. */
export interface ConsentBody {
  given_by: 'victim' | 'guardian' | 'legal_representative';
  categories: ('identity' | 'contact' | 'health' | 'psychological' | 'case_history' | 'identification' | 'plan')[];
  recipient: string;
  purposes: ('referral' | 'identification' | 'family_reunification' | 'legal_proceedings' | 'repatriation' | 'other')[];
  /** Format: date-time. */
  expires_at?: string | null;
  informed?: boolean;
}

/** The body of a record of type consent_withdrawal (components.schemas["CaseRecordBody.consent_withdrawal"]). Clauses I.3.b. */
export interface ConsentWithdrawalBody {
  /** The ID of the case's consent record it refers to. */
  consent_id: string;
}

/** The body of a record of type disclosure (components.schemas["CaseRecordBody.disclosure"]). Clauses I.3.a I.3.b I.3.d II.2.a II.6.d II.8.e. */
export interface DisclosureBody {
  kind: 'export_file' | 'print' | 'referral_package' | 'family_information' | 'agency_information' | 'identification_cooperation' | 'case_transfer';
  recipient: string;
  purpose: 'referral' | 'identification' | 'family_reunification' | 'legal_proceedings' | 'repatriation' | 'other';
  categories: ('identity' | 'contact' | 'health' | 'psychological' | 'case_history' | 'identification' | 'plan')[];
  reason?: string;
  /** The ID of the case's referral record it refers to. */
  referral_id?: string;
}

/** The body of a record of type staff_assignment (components.schemas["CaseRecordBody.staff_assignment"]). Clauses III.2.c I.2.b II.1.b I.3.c. */
export interface StaffAssignmentBody {
  staff_id: string;
  no_conflict_of_interest?: boolean;
  matching_reason?: string;
}

/** The body of a record of type staff_assignment_ended (components.schemas["CaseRecordBody.staff_assignment_ended"]). Clauses I.3.c. */
export interface StaffAssignmentEndedBody {
  staff_id: string;
  reason?: string;
}

/** The body of a record of type designated_staff (components.schemas["CaseRecordBody.designated_staff"]). Clauses II.1.d III.2.c I.3.c. */
export interface DesignatedStaffBody {
  staff_id: string;
  no_conflict_of_interest?: boolean;
}

/** The body of a record of type guard_override (components.schemas["CaseRecordBody.guard_override"]). */
export interface GuardOverrideBody {
  clauses: string[];
  what: string;
  reason?: string;
}

/** The body of a record of type follow_up_schedule (components.schemas["CaseRecordBody.follow_up_schedule"]). Clauses II.8.b. */
export interface FollowUpScheduleBody {
  interval_days: number;
  reason?: string;
}

/** The body of a record of type break_glass (components.schemas["CaseRecordBody.break_glass"]). Clauses I.3.c. */
export interface BreakGlassBody {
  reason?: string;
  /** Format: date-time. */
  until: string;
}

/** The body of a record of type legal_hold (components.schemas["CaseRecordBody.legal_hold"]). */
export interface LegalHoldBody {
  authority?: string;
  reason?: string;
}

/** The body of a record of type legal_hold_lifted (components.schemas["CaseRecordBody.legal_hold_lifted"]). */
export interface LegalHoldLiftedBody {
  /** The ID of the case's legal_hold record it refers to. */
  hold_id: string;
  reason?: string;
}

/** The body of a record of type correction (components.schemas["CaseRecordBody.correction"]). */
export interface CorrectionBody {
  part: string;
  changes?: {
    field: string;
    before?: string;
    after?: string;
  }[];
  reason?: string;
}

/** The body of a record of type stage_move (components.schemas["CaseRecordBody.stage_move"]). */
export interface StageMoveBody {
  from: 'received' | 'in_care' | 'identification' | 'assessment' | 'planning' | 'reintegration' | 'monitoring' | 'closed' | 'repatriation';
  to: 'received' | 'in_care' | 'identification' | 'assessment' | 'planning' | 'reintegration' | 'monitoring' | 'closed' | 'repatriation';
  action: 'begin_care' | 'begin_identification' | 'begin_assessment' | 'begin_planning' | 'begin_reintegration' | 'begin_monitoring' | 'close' | 'close_lost_contact' | 'reopen' | 'begin_repatriation' | 'complete_repatriation' | 'cancel_repatriation';
}

/** The body of a record of type disclosure_request (components.schemas["CaseRecordBody.disclosure_request"]). Clauses I.3.a. */
export interface DisclosureRequestBody {
  kind: 'export_file' | 'print' | 'referral_package' | 'family_information' | 'agency_information' | 'identification_cooperation' | 'case_transfer';
  recipient: string;
  purpose: 'referral' | 'identification' | 'family_reunification' | 'legal_proceedings' | 'repatriation' | 'other';
  categories: ('identity' | 'contact' | 'health' | 'psychological' | 'case_history' | 'identification' | 'plan')[];
  reason?: string;
  /** The ID of the case's referral record it refers to. */
  referral_id?: string;
}

/** The body of a record of type disclosure_decision (components.schemas["CaseRecordBody.disclosure_decision"]). Clauses I.3.a. */
export interface DisclosureDecisionBody {
  /** The ID of the case's disclosure_request record it refers to. */
  request_id: string;
  approved?: boolean;
  reason?: string;
  /** The ID of the case's disclosure record it refers to. */
  disclosure_id?: string;
}

/** The body of each type of case record. */
export interface CaseRecordBodies {
  intake_assessment: IntakeAssessmentBody;
  orientation: OrientationBody;
  information_provided: InformationProvidedBody;
  child_information_decision: ChildInformationDecisionBody;
  health_check: HealthCheckBody;
  counselling_session: CounsellingSessionBody;
  crisis_intervention: CrisisInterventionBody;
  identification_interview: IdentificationInterviewBody;
  return_risk_assessment: ReturnRiskAssessmentBody;
  closure_checklist: ClosureChecklistBody;
  contact_attempt: ContactAttemptBody;
  recovery_assessment: RecoveryAssessmentBody;
  location_safety_assessment: LocationSafetyAssessmentBody;
  reintegration_decision: ReintegrationDecisionBody;
  reintegration_plan: ReintegrationPlanBody;
  follow_up_contact: FollowUpContactBody;
  consultation: ConsultationBody;
  essential_needs: EssentialNeedsBody;
  referral: ReferralBody;
  referral_update: ReferralUpdateBody;
  complaint: ComplaintBody;
  complaint_resolution: ComplaintResolutionBody;
  safety_guidance: SafetyGuidanceBody;
  identified_need: IdentifiedNeedBody;
  need_addressed: NeedAddressedBody;
  repatriation_wish: RepatriationWishBody;
  repatriation_safety_assessment: RepatriationSafetyAssessmentBody;
  disadvantage_noted: DisadvantageNotedBody;
  expert_and_family_consultation: ExpertAndFamilyConsultationBody;
  provider_list_given: ProviderListGivenBody;
  consent: ConsentBody;
  consent_withdrawal: ConsentWithdrawalBody;
  disclosure: DisclosureBody;
  staff_assignment: StaffAssignmentBody;
  staff_assignment_ended: StaffAssignmentEndedBody;
  designated_staff: DesignatedStaffBody;
  guard_override: GuardOverrideBody;
  follow_up_schedule: FollowUpScheduleBody;
  break_glass: BreakGlassBody;
  legal_hold: LegalHoldBody;
  legal_hold_lifted: LegalHoldLiftedBody;
  correction: CorrectionBody;
  stage_move: StageMoveBody;
  disclosure_request: DisclosureRequestBody;
  disclosure_decision: DisclosureDecisionBody;
}

/** Every type of centre record (about a member of staff or the centre), in the server's order (CentreRecord's discriminator). */
export type CentreRecordType =
  | 'staff_qualification'
  | 'staff_training'
  | 'recruitment_screening'
  | 'supervision_check_in'
  | 'staff_matching'
  | 'facilities_checklist'
  | 'service_provider'
  | 'manual_assessment';

/** The centre record (about a member of staff or the centre) types staff post (NewCentreRecord's discriminator); the server writes the others itself. */
export type NewCentreRecordType =
  | 'staff_qualification'
  | 'staff_training'
  | 'recruitment_screening'
  | 'supervision_check_in'
  | 'staff_matching'
  | 'facilities_checklist'
  | 'service_provider'
  | 'manual_assessment';

/** The body of a record of type staff_qualification (components.schemas["CentreRecordBody.staff_qualification"]). Clauses I.2.d. */
export interface StaffQualificationBody {
  qualification: 'counselling' | 'identification_interview' | 'social_work' | 'medical' | 'legal';
  title: string;
  issued_by?: string;
}

/** The body of a record of type staff_training (components.schemas["CentreRecordBody.staff_training"]). Clauses III.2.b. */
export interface StaffTrainingBody {
  topic: 'recovery' | 'law' | 'child_protection' | 'trauma_care' | 'other';
  course: string;
  hours?: number;
}

/** The body of a record of type recruitment_screening (components.schemas["CentreRecordBody.recruitment_screening"]). Clauses III.1.b. */
export interface RecruitmentScreeningBody {
  ability?: boolean;
  qualifications?: boolean;
  moral_standing?: boolean;
  judicial_record_checked?: boolean;
  notes?: string;
}

/** The body of a record of type supervision_check_in (components.schemas["CentreRecordBody.supervision_check_in"]). Clauses III.1.c. */
export interface SupervisionCheckInBody {
  notes?: string;
  support_offered?: boolean;
}

/** The body of a record of type staff_matching (components.schemas["CentreRecordBody.staff_matching"]). Clauses I.2.b II.1.b. */
export interface StaffMatchingBody {
  sex: 'female' | 'male' | 'other' | 'unknown';
  languages: string[];
}

/** The body of a record of type facilities_checklist (components.schemas["CentreRecordBody.facilities_checklist"]). Clauses III.1.a. */
export interface FacilitiesChecklistBody {
  safe_and_secure?: boolean;
  separate_sleeping_areas?: boolean;
  private_counselling_room?: boolean;
  health_care_access?: boolean;
  accessible?: boolean;
  notes?: string;
}

/** The body of a record of type service_provider (components.schemas["CentreRecordBody.service_provider"]). Clauses II.6.a. */
export interface ServiceProviderBody {
  name: string;
  services?: string;
  contact: string;
  address?: string;
  /** Format: date. */
  last_verified: string;
}

/** The body of a record of type manual_assessment (components.schemas["CentreRecordBody.manual_assessment"]). Clauses II.4.a. */
export interface ManualAssessmentBody {
  clause: string;
  verdict: 'met' | 'not_met';
  note: string;
}

/** The body of each type of centre record (about a member of staff or the centre). */
export interface CentreRecordBodies {
  staff_qualification: StaffQualificationBody;
  staff_training: StaffTrainingBody;
  recruitment_screening: RecruitmentScreeningBody;
  supervision_check_in: SupervisionCheckInBody;
  staff_matching: StaffMatchingBody;
  facilities_checklist: FacilitiesChecklistBody;
  service_provider: ServiceProviderBody;
  manual_assessment: ManualAssessmentBody;
}
