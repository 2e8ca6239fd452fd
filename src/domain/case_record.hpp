// The records a case file holds after reception, each the evidence of a clause of the Minimum
// Standards. Every record has the same envelope (who recorded what, when it happened); its body is
// one of the typed structs below. The standards engine reads a case's records to decide what is
// allowed, what is due and what is met.
//
//   CaseRecord r{.id = id, .occurred_at = t, .recorded_by = staff, .body = HealthCheck{.by_medical_staff = true}};
//   if (r.is<HealthCheck>()) ...
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "common/clock.hpp"
#include "common/enum_names.hpp"
#include "domain/case_lifecycle.hpp"
#include "domain/consent_records.hpp"
#include "domain/record_type.hpp"

namespace haven::domain {

// I.1.b: physical, mental and psychological situation at intake.
struct IntakeAssessment {
  std::string physical;
  std::string mental;
  std::string psychological;
  bool immediate_safety_risk = false;
};
constexpr auto describe(Type<IntakeAssessment>) {
  return case_record_type("intake_assessment", "I.1.b", InformationCategory::health,
                          text("physical", &IntakeAssessment::physical),
                          text("mental", &IntakeAssessment::mental),
                          text("psychological", &IntakeAssessment::psychological),
                          flag("immediate_safety_risk", &IntakeAssessment::immediate_safety_risk));
}

// II.1.c: layout, rules and necessary information explained.
struct Orientation {
  bool layout = false;
  bool rules = false;
  bool necessary_information = false;
};
constexpr auto describe(Type<Orientation>) {
  return case_record_type("orientation", "II.1.c", InformationCategory::case_history,
                          flag("layout", &Orientation::layout),
                          flag("rules", &Orientation::rules),
                          flag("necessary_information", &Orientation::necessary_information));
}

enum class InformationFormat { verbal, written, interpreter, easy_read, sign_language };
inline constexpr EnumNames<InformationFormat, 5> kInformationFormatNames{{{
    {InformationFormat::verbal, "verbal"},
    {InformationFormat::written, "written"},
    {InformationFormat::interpreter, "interpreter"},
    {InformationFormat::easy_read, "easy_read"},
    {InformationFormat::sign_language, "sign_language"},
}}};

// I.4.a: information on services and the reintegration process, in a language and format.
struct InformationProvided {
  std::string language;
  InformationFormat format = InformationFormat::verbal;
  bool services = false;
  bool reintegration_process = false;
  bool given_to_relatives = false;
};
constexpr auto describe(Type<InformationProvided>) {
  return case_record_type("information_provided", "I.4.a", InformationCategory::case_history,
                          id("language", &InformationProvided::language),
                          choice("format", &InformationProvided::format, kInformationFormatNames),
                          flag("services", &InformationProvided::services),
                          flag("reintegration_process", &InformationProvided::reintegration_process),
                          flag("given_to_relatives", &InformationProvided::given_to_relatives));
}

// I.4.b: for a child, the staff's decision on what information to give and how.
struct ChildInformationDecision {
  std::string decision;
};
constexpr auto describe(Type<ChildInformationDecision>) {
  return case_record_type("child_information_decision", "I.4.b", InformationCategory::case_history,
                          text("decision", &ChildInformationDecision::decision));
}

// II.1.e, I.1.b: the most important health services.
struct HealthCheck {
  bool by_medical_staff = false;
  std::string findings;
};
constexpr auto describe(Type<HealthCheck>) {
  return case_record_type("health_check", "II.1.e I.1.b", InformationCategory::health,
                          flag("by_medical_staff", &HealthCheck::by_medical_staff),
                          text("findings", &HealthCheck::findings));
}

// II.3.a, II.3.b: counselling by trained staff; a crisis calls for intervention at once.
struct CounsellingSession {
  std::string condition_observed;
  bool crisis = false;
};
constexpr auto describe(Type<CounsellingSession>) {
  return case_record_type("counselling_session", "II.3.a II.3.b", InformationCategory::psychological,
                          text("condition_observed", &CounsellingSession::condition_observed),
                          flag("crisis", &CounsellingSession::crisis));
}

// II.3.b: the intervention a crisis called for.
struct CrisisIntervention {
  std::string action_taken;
};
constexpr auto describe(Type<CrisisIntervention>) {
  return case_record_type("crisis_intervention", "II.3.b", InformationCategory::psychological,
                          text("action_taken", &CrisisIntervention::action_taken));
}

// II.2.b: the identification interview.
struct IdentificationInterview {
  std::string place;
  std::vector<std::string> people_present;
  bool interpreter = false;
  std::string environment_notes;
};
constexpr auto describe(Type<IdentificationInterview>) {
  return case_record_type("identification_interview", "II.2.b", InformationCategory::identification,
                          text("place", &IdentificationInterview::place),
                          texts("people_present", &IdentificationInterview::people_present),
                          flag("interpreter", &IdentificationInterview::interpreter),
                          text("environment_notes", &IdentificationInterview::environment_notes));
}

// II.4.b: risk of return to family and community.
struct ReturnRiskAssessment {
  enum class Level { low, medium, high } level = Level::medium;
  std::string findings;
};
inline constexpr EnumNames<ReturnRiskAssessment::Level, 3> kRiskLevelNames{{{
    {ReturnRiskAssessment::Level::low, "low"},
    {ReturnRiskAssessment::Level::medium, "medium"},
    {ReturnRiskAssessment::Level::high, "high"},
}}};
constexpr auto describe(Type<ReturnRiskAssessment>) {
  return case_record_type("return_risk_assessment", "II.4.b", InformationCategory::plan,
                          choice("level", &ReturnRiskAssessment::level, kRiskLevelNames),
                          text("findings", &ReturnRiskAssessment::findings));
}

// II.8.c: the closure checklist.
struct ClosureChecklist {
  bool health_improved = false;
  bool psychological_condition_stable = false;
  bool confident_in_family_and_community = false;
  bool economic_prospects_assessed = false;
  bool discrimination_risks_assessed = false;
  std::string victim_views;   // I.4.c: what the victim said about ending the support
  bool victim_agreed = false; // I.5.b: ending the support is the victim's decision too
};
constexpr auto describe(Type<ClosureChecklist>) {
  return case_record_type("closure_checklist", "II.8.c I.4.c I.5.b", InformationCategory::case_history,
                          flag("health_improved", &ClosureChecklist::health_improved),
                          flag("psychological_condition_stable", &ClosureChecklist::psychological_condition_stable),
                          flag("confident_in_family_and_community", &ClosureChecklist::confident_in_family_and_community),
                          flag("economic_prospects_assessed", &ClosureChecklist::economic_prospects_assessed),
                          flag("discrimination_risks_assessed", &ClosureChecklist::discrimination_risks_assessed),
                          text("victim_views", &ClosureChecklist::victim_views),
                          flag("victim_agreed", &ClosureChecklist::victim_agreed));
}

enum class ContactChannel { phone, visit, message, family, local_authority, service_provider };
inline constexpr EnumNames<ContactChannel, 6> kContactChannelNames{{{
    {ContactChannel::phone, "phone"},
    {ContactChannel::visit, "visit"},
    {ContactChannel::message, "message"},
    {ContactChannel::family, "family"},
    {ContactChannel::local_authority, "local_authority"},
    {ContactChannel::service_provider, "service_provider"},
}}};

// II.8.d: an attempt to reach a victim who has lost contact.
struct ContactAttempt {
  ContactChannel channel = ContactChannel::phone;
  bool reached = false;
  std::string notes;
};
constexpr auto describe(Type<ContactAttempt>) {
  return case_record_type("contact_attempt", "II.8.d", InformationCategory::contact,
                          choice("channel", &ContactAttempt::channel, kContactChannelNames),
                          flag("reached", &ContactAttempt::reached),
                          text("notes", &ContactAttempt::notes));
}

// II.6.b, II.7.b: the victim's recovery situation, with expert advice where it was sought.
struct RecoveryAssessment {
  std::string findings;
  bool expert_advice = false;
};
constexpr auto describe(Type<RecoveryAssessment>) {
  return case_record_type("recovery_assessment", "II.6.b II.7.b", InformationCategory::plan,
                          text("findings", &RecoveryAssessment::findings),
                          flag("expert_advice", &RecoveryAssessment::expert_advice));
}

// II.7.b, I.1.a: the safety of a place of reintegration: residence, work or study.
struct LocationSafetyAssessment {
  std::string place;
  bool safe = false;
  std::string findings;
};
constexpr auto describe(Type<LocationSafetyAssessment>) {
  return case_record_type("location_safety_assessment", "II.7.b I.1.a", InformationCategory::plan,
                          text("place", &LocationSafetyAssessment::place),
                          flag("safe", &LocationSafetyAssessment::safe),
                          text("findings", &LocationSafetyAssessment::findings));
}

enum class Destination { own_family, new_family, new_community };
inline constexpr EnumNames<Destination, 3> kDestinationNames{{{
    {Destination::own_family, "own_family"},
    {Destination::new_family, "new_family"},
    {Destination::new_community, "new_community"},
}}};

// II.7.a, I.4.c, I.5.b: where to reintegrate is the victim's decision; their views are recorded.
// I.5.d: for a child, a destination other than the child's choice is possible only for the child's
// safety, and the reason is written down.
struct ReintegrationDecision {
  Destination destination = Destination::own_family;
  bool chosen_by_victim = false;
  std::string victim_views;
  std::string safety_reason;
};
constexpr auto describe(Type<ReintegrationDecision>) {
  return case_record_type("reintegration_decision", "II.7.a I.4.c I.5.b I.5.d", InformationCategory::plan,
                          choice("destination", &ReintegrationDecision::destination, kDestinationNames),
                          flag("chosen_by_victim", &ReintegrationDecision::chosen_by_victim),
                          text("victim_views", &ReintegrationDecision::victim_views),
                          text("safety_reason", &ReintegrationDecision::safety_reason));
}

// II.5.c: each action of a plan answers a need identified with the victim (I.2.a).
struct PlanAction {
  std::string need_id;  // the IdentifiedNeed record it answers; required in a final plan
  std::string need;     // the need in words, for a draft written before the needs are recorded
  std::string action;
};
constexpr auto describe(Type<PlanAction>) {
  return object_type("plan_action", optional_id("need_id", &PlanAction::need_id, "identified_need"),
                     text("need", &PlanAction::need), required_text("action", &PlanAction::action));
}

// II.5.a-e, II.4.c, II.7.c: one version of the reintegration plan. Each new version is a new record;
// the latest is the plan in force.
struct ReintegrationPlan {
  bool final = false;
  std::string purposes;
  std::string challenges;
  std::string procedures;
  std::string time_frame;
  std::vector<std::string> providers;
  std::string strengths;
  std::string abilities;
  std::string aspirations;
  std::string resources;
  std::string risk_assessment_id;  // the return risk assessment it is built on (II.4.c)
  bool victim_participated = false;  // II.5.a, I.5.b: the victim took part in this version
  std::string victim_views;          // I.4.c: what the victim said about it
  std::vector<PlanAction> actions;
  std::string education;  // for a child: school, grade, enrolment (II.7.c)
};
constexpr auto describe(Type<ReintegrationPlan>) {
  return case_record_type("reintegration_plan", "II.5.a II.5.b II.5.c II.5.d II.5.e II.4.c II.7.c I.4.c I.5.b", InformationCategory::plan,
                          flag("final", &ReintegrationPlan::final),
                          text("purposes", &ReintegrationPlan::purposes),
                          text("challenges", &ReintegrationPlan::challenges),
                          text("procedures", &ReintegrationPlan::procedures),
                          text("time_frame", &ReintegrationPlan::time_frame),
                          texts("providers", &ReintegrationPlan::providers),
                          text("strengths", &ReintegrationPlan::strengths),
                          text("abilities", &ReintegrationPlan::abilities),
                          text("aspirations", &ReintegrationPlan::aspirations),
                          text("resources", &ReintegrationPlan::resources),
                          optional_id("risk_assessment_id", &ReintegrationPlan::risk_assessment_id, "return_risk_assessment"),
                          flag("victim_participated", &ReintegrationPlan::victim_participated),
                          text("victim_views", &ReintegrationPlan::victim_views),
                          objects("actions", &ReintegrationPlan::actions),
                          text("education", &ReintegrationPlan::education));
}

// II.8.a: a contact with the victim, the family or the local authority while monitoring.
struct FollowUpContact {
  ContactChannel channel = ContactChannel::visit;
  std::string notes;
};
constexpr auto describe(Type<FollowUpContact>) {
  return case_record_type("follow_up_contact", "II.8.a", InformationCategory::contact,
                          choice("channel", &FollowUpContact::channel, kContactChannelNames),
                          text("notes", &FollowUpContact::notes));
}

inline constexpr std::int64_t kMaxFollowUpIntervalDays = 365;

// II.8.b: how often this victim is followed up, set from their needs; the latest schedule holds.
struct FollowUpSchedule {
  std::int64_t interval_days = 30;
  std::string reason;
};
constexpr auto describe(Type<FollowUpSchedule>) {
  return case_record_type("follow_up_schedule", "II.8.b", std::nullopt,
                          bounded_integer("interval_days", &FollowUpSchedule::interval_days, 1, kMaxFollowUpIntervalDays, "validation.follow_up_interval"),
                          text("reason", &FollowUpSchedule::reason));
}

// I.2.c: a regular consultation with the victim on their situation and the support they receive.
struct Consultation {
  std::string condition_observed;
  std::string victim_views;
};
constexpr auto describe(Type<Consultation>) {
  return case_record_type("consultation", "I.2.c I.4.c", InformationCategory::case_history,
                          text("condition_observed", &Consultation::condition_observed),
                          text("victim_views", &Consultation::victim_views));
}

// II.2.c: the most essential needs met while identification goes on.
struct EssentialNeeds {
  bool food = false;
  bool shelter = false;
  bool clothing = false;
  bool medical_care = false;
};
constexpr auto describe(Type<EssentialNeeds>) {
  return case_record_type("essential_needs", "II.2.c", InformationCategory::case_history,
                          flag("food", &EssentialNeeds::food),
                          flag("shelter", &EssentialNeeds::shelter),
                          flag("clothing", &EssentialNeeds::clothing),
                          flag("medical_care", &EssentialNeeds::medical_care));
}

// II.6.b, II.6.c: a referral to another service, with the victim's opinion and agreement and the
// expert advice sought where needed. Its status changes are ReferralUpdate records (II.6.e).
struct Referral {
  std::string provider;
  std::string services;
  std::string victim_opinion;
  bool victim_agreed = false;
  bool expert_advice = false;
};
constexpr auto describe(Type<Referral>) {
  return case_record_type("referral", "II.6.b II.6.c", InformationCategory::plan,
                          required_text("provider", &Referral::provider),
                          text("services", &Referral::services),
                          text("victim_opinion", &Referral::victim_opinion),
                          flag("victim_agreed", &Referral::victim_agreed),
                          flag("expert_advice", &Referral::expert_advice));
}

enum class ReferralStatus { sent, accepted, declined, completed };
inline constexpr EnumNames<ReferralStatus, 4> kReferralStatusNames{{{
    {ReferralStatus::sent, "sent"},
    {ReferralStatus::accepted, "accepted"},
    {ReferralStatus::declined, "declined"},
    {ReferralStatus::completed, "completed"},
}}};

// II.6.e: what became of a referral: accepted, declined or completed, with the outcome.
struct ReferralUpdate {
  std::string referral_id;
  ReferralStatus status = ReferralStatus::accepted;
  std::string outcome;
};
constexpr auto describe(Type<ReferralUpdate>) {
  return case_record_type("referral_update", "II.6.e", InformationCategory::plan,
                          id("referral_id", &ReferralUpdate::referral_id, "referral"),
                          choice("status", &ReferralUpdate::status, kReferralStatusNames),
                          text("outcome", &ReferralUpdate::outcome));
}

// I.1.d: feedback or a complaint from the victim about how they are treated, and its resolution.
struct Complaint {
  std::string summary;
};
constexpr auto describe(Type<Complaint>) {
  return case_record_type("complaint", "I.1.d", InformationCategory::case_history,
                          text("summary", &Complaint::summary));
}
struct ComplaintResolution {
  std::string complaint_id;
  std::string resolution;
};
constexpr auto describe(Type<ComplaintResolution>) {
  return case_record_type("complaint_resolution", "I.1.d", InformationCategory::case_history,
                          id("complaint_id", &ComplaintResolution::complaint_id, "complaint"),
                          text("resolution", &ComplaintResolution::resolution));
}

// I.1.c: guidance on safety and health, and who received it; for a child, given in a way a child
// understands.
struct SafetyGuidance {
  bool to_victim = false;
  bool to_family = false;
  bool to_others = false;
  bool child_appropriate = false;
  std::string topics;
};
constexpr auto describe(Type<SafetyGuidance>) {
  return case_record_type("safety_guidance", "I.1.c", InformationCategory::case_history,
                          flag("to_victim", &SafetyGuidance::to_victim),
                          flag("to_family", &SafetyGuidance::to_family),
                          flag("to_others", &SafetyGuidance::to_others),
                          flag("child_appropriate", &SafetyGuidance::child_appropriate),
                          text("topics", &SafetyGuidance::topics));
}

// I.2.a: a need identified with the victim, and how it was met: delivered here or referred.
struct IdentifiedNeed {
  std::string need;
};
constexpr auto describe(Type<IdentifiedNeed>) {
  return case_record_type("identified_need", "I.2.a", InformationCategory::plan,
                          required_text("need", &IdentifiedNeed::need));
}
enum class NeedResponse { delivered, referred };
inline constexpr EnumNames<NeedResponse, 2> kNeedResponseNames{{{
    {NeedResponse::delivered, "delivered"},
    {NeedResponse::referred, "referred"},
}}};
struct NeedAddressed {
  std::string need_id;
  NeedResponse response = NeedResponse::delivered;
  std::string service;
};
constexpr auto describe(Type<NeedAddressed>) {
  return case_record_type("need_addressed", "I.2.a", InformationCategory::plan,
                          id("need_id", &NeedAddressed::need_id, "identified_need"),
                          choice("response", &NeedAddressed::response, kNeedResponseNames),
                          text("service", &NeedAddressed::service));
}

// I.5.a: a foreign victim's wish about returning to their country, with the consular contact.
struct RepatriationWish {
  bool wishes_to_return = false;
  std::string consular_contact;
  std::string victim_views;
};
constexpr auto describe(Type<RepatriationWish>) {
  return case_record_type("repatriation_wish", "I.5.a", InformationCategory::plan,
                          flag("wishes_to_return", &RepatriationWish::wishes_to_return),
                          text("consular_contact", &RepatriationWish::consular_contact),
                          text("victim_views", &RepatriationWish::victim_views));
}

// I.5.a: whether returning to the country of origin is safe for the victim.
struct RepatriationSafetyAssessment {
  std::string country;  // ISO 3166-1 alpha-2
  bool safe = false;
  std::string findings;
};
constexpr auto describe(Type<RepatriationSafetyAssessment>) {
  return case_record_type("repatriation_safety_assessment", "I.5.a", InformationCategory::plan,
                          id("country", &RepatriationSafetyAssessment::country),
                          flag("safe", &RepatriationSafetyAssessment::safe),
                          text("findings", &RepatriationSafetyAssessment::findings));
}

// I.5.c: a physical or mental disadvantage noticed in the victim; from then on, decisions are taken
// with an expert and the relatives consulted.
struct DisadvantageNoted {
  bool physical = false;
  bool mental = false;
  std::string notes;
};
constexpr auto describe(Type<DisadvantageNoted>) {
  return case_record_type("disadvantage_noted", "I.5.c", InformationCategory::health,
                          flag("physical", &DisadvantageNoted::physical),
                          flag("mental", &DisadvantageNoted::mental),
                          text("notes", &DisadvantageNoted::notes));
}
struct ExpertAndFamilyConsultation {
  std::string expert;     // who was consulted, and their field
  std::string relatives;  // which relatives were consulted
  std::string advice;
};
constexpr auto describe(Type<ExpertAndFamilyConsultation>) {
  return case_record_type("expert_and_family_consultation", "I.5.c", InformationCategory::plan,
                          text("expert", &ExpertAndFamilyConsultation::expert),
                          text("relatives", &ExpertAndFamilyConsultation::relatives),
                          text("advice", &ExpertAndFamilyConsultation::advice));
}

// II.6.a: the victim was given the centre's list of service providers.
struct ProviderListGiven {
  std::string language;
};
constexpr auto describe(Type<ProviderListGiven>) {
  return case_record_type("provider_list_given", "II.6.a", InformationCategory::case_history,
                          id("language", &ProviderListGiven::language));
}

// III.2.c, I.2.b, II.1.b: a staff member assigned to the case. They declare no conflict of interest
// with the victim; when their sex or languages do not match what the victim prefers or speaks, the
// reason is written down.
struct StaffAssignment {
  std::string staff_id;
  bool no_conflict_of_interest = false;
  std::string matching_reason;
};
constexpr auto describe(Type<StaffAssignment>) {
  return case_record_type("staff_assignment", "III.2.c I.2.b II.1.b I.3.c", std::nullopt,
                          id("staff_id", &StaffAssignment::staff_id),
                          flag("no_conflict_of_interest", &StaffAssignment::no_conflict_of_interest),
                          text("matching_reason", &StaffAssignment::matching_reason));
}
struct StaffAssignmentEnded {
  std::string staff_id;
  std::string reason;
};
constexpr auto describe(Type<StaffAssignmentEnded>) {
  return case_record_type("staff_assignment_ended", "I.3.c", std::nullopt,
                          id("staff_id", &StaffAssignmentEnded::staff_id),
                          text("reason", &StaffAssignmentEnded::reason));
}

// II.1.d: the staff member the victim chose to turn to; they join the case's staff, replacing the one
// designated before. Recorded by the centre head, as every change to who is on a case (I.3.c), with
// the designated member's declaration of no conflict of interest, as for an assignment (III.2.c).
struct DesignatedStaff {
  std::string staff_id;
  bool no_conflict_of_interest = false;
};
constexpr auto describe(Type<DesignatedStaff>) {
  return case_record_type("designated_staff", "II.1.d III.2.c I.3.c", std::nullopt,
                          id("staff_id", &DesignatedStaff::staff_id),
                          flag("no_conflict_of_interest", &DesignatedStaff::no_conflict_of_interest));
}

// A guard passed over by the centre head with a written reason, where the standard allows judgement.
// Written by the server with the action or record it let through, never posted directly; the
// clauses it names count as not met.
struct GuardOverride {
  std::vector<std::string> clauses;
  std::string what;  // the action or record type let through, e.g. "referral"
  std::string reason;
};
constexpr auto describe(Type<GuardOverride>) {
  return server_record_type("guard_override", "",
                            ids("clauses", &GuardOverride::clauses, true),
                            id("what", &GuardOverride::what),
                            text("reason", &GuardOverride::reason));
}

// I.3.c: the centre head opens a case she is not on (break-glass), for a stated reason and until a
// set time. Written by the server, never posted, and kept in the case's history so that everyone on
// the case sees who looked and why.
struct BreakGlass {
  std::string reason;
  Timestamp until{};
};
constexpr auto describe(Type<BreakGlass>) {
  return server_record_type("break_glass", "I.3.c",
                            text("reason", &BreakGlass::reason),
                            time("until", &BreakGlass::until));
}

// A legal hold: an authority (a court, the police, the procuracy) needs the file kept, so it may not
// be erased while the hold is in force. Written by the server for the centre head, never posted.
struct LegalHold {
  std::string authority;
  std::string reason;
};
constexpr auto describe(Type<LegalHold>) {
  return server_record_type("legal_hold", "",
                            text("authority", &LegalHold::authority),
                            text("reason", &LegalHold::reason));
}
// The hold `hold_id` no longer applies (the proceedings ended); the file may be erased again.
struct LegalHoldLifted {
  std::string hold_id;
  std::string reason;
};
constexpr auto describe(Type<LegalHoldLifted>) {
  return server_record_type("legal_hold_lifted", "",
                            id("hold_id", &LegalHoldLifted::hold_id, "legal_hold"),
                            text("reason", &LegalHoldLifted::reason));
}

// A correction of what reception recorded (domain/correction.hpp): the person or the reception
// record, each changed field with its earlier and its new value, and why. Written by the server with
// the change itself, never posted, so that nothing recorded is overwritten without a trace.
struct CorrectedField {
  std::string field;  // as the API names it: "birth_date", "legal_basis"
  std::string before;
  std::string after;
};
constexpr auto describe(Type<CorrectedField>) {
  return object_type("corrected_field", id("field", &CorrectedField::field), text("before", &CorrectedField::before),
                     text("after", &CorrectedField::after));
}
struct Correction {
  std::string part;  // "person" or "reception"
  std::vector<CorrectedField> changes;
  std::string reason;
};
constexpr auto describe(Type<Correction>) {
  return server_record_type("correction", "", id("part", &Correction::part),
                            objects("changes", &Correction::changes), text("reason", &Correction::reason));
}

// The case moved from one stage to the next by a lifecycle action (the guards of I.1.c to II.8.d let
// it). Written by the server with the move, in the same transaction, so that the timeline tells
// when each stage began and who moved it; never posted.
struct StageMove {
  CaseStage from = CaseStage::received;
  CaseStage to = CaseStage::received;
  LifecycleAction action = LifecycleAction::begin_care;
};
constexpr auto describe(Type<StageMove>) {
  return server_record_type("stage_move", "", choice("from", &StageMove::from, kCaseStageNames),
                            choice("to", &StageMove::to, kCaseStageNames),
                            choice("action", &StageMove::action, kLifecycleActionNames));
}

using RecordBody = std::variant<IntakeAssessment, Orientation, InformationProvided, ChildInformationDecision,
                                HealthCheck, CounsellingSession, CrisisIntervention, IdentificationInterview,
                                ReturnRiskAssessment, ClosureChecklist, ContactAttempt, RecoveryAssessment,
                                LocationSafetyAssessment, ReintegrationDecision, ReintegrationPlan, FollowUpContact,
                                Consultation, EssentialNeeds, Referral, ReferralUpdate, Complaint, ComplaintResolution,
                                SafetyGuidance, IdentifiedNeed, NeedAddressed, RepatriationWish,
                                RepatriationSafetyAssessment, DisadvantageNoted, ExpertAndFamilyConsultation,
                                ProviderListGiven, Consent, ConsentWithdrawal, Disclosure, StaffAssignment,
                                StaffAssignmentEnded, DesignatedStaff, GuardOverride, FollowUpSchedule, BreakGlass,
                                LegalHold, LegalHoldLifted, Correction, StageMove, DisclosureRequest,
                                DisclosureDecision>;

// Stable names of the record types, as the API and the database spell them; same order as RecordBody.
inline constexpr const auto& kRecordTypeNames = RecordTypes<RecordBody>::names;
// The index of record type T in RecordBody, as a body's index() gives it.
template <class T>
inline constexpr std::size_t kRecordTypeIndex = *RecordTypes<RecordBody>::index_of(describe(Type<T>{}).name);

using CaseRecord = Record<RecordBody>;

}  // namespace haven::domain
