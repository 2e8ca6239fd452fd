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
#include "domain/consent_records.hpp"

namespace haven::domain {

// I.1.b: physical, mental and psychological situation at intake.
struct IntakeAssessment {
  std::string physical;
  std::string mental;
  std::string psychological;
  bool immediate_safety_risk = false;
};

// II.1.c: layout, rules and necessary information explained.
struct Orientation {
  bool layout = false;
  bool rules = false;
  bool necessary_information = false;
};

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

// I.4.b: for a child, the staff's decision on what information to give and how.
struct ChildInformationDecision {
  std::string decision;
};

// II.1.e, I.1.b: the most important health services.
struct HealthCheck {
  bool by_medical_staff = false;
  std::string findings;
};

// II.3.a, II.3.b: counselling by trained staff; a crisis calls for intervention at once.
struct CounsellingSession {
  std::string condition_observed;
  bool crisis = false;
};

// II.3.b: the intervention a crisis called for.
struct CrisisIntervention {
  std::string action_taken;
};

// II.2.b: the identification interview.
struct IdentificationInterview {
  std::string place;
  std::vector<std::string> people_present;
  bool interpreter = false;
  std::string environment_notes;
};

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

// II.6.b, II.7.b: the victim's recovery situation, with expert advice where it was sought.
struct RecoveryAssessment {
  std::string findings;
  bool expert_advice = false;
};

// II.7.b, I.1.a: the safety of a place of reintegration: residence, work or study.
struct LocationSafetyAssessment {
  std::string place;
  bool safe = false;
  std::string findings;
};

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

// II.5.c: each action of a plan answers a need identified with the victim (I.2.a).
struct PlanAction {
  std::string need_id;  // the IdentifiedNeed record it answers; required in a final plan
  std::string need;     // the need in words, for a draft written before the needs are recorded
  std::string action;
};

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

// II.8.a: a contact with the victim, the family or the local authority while monitoring.
struct FollowUpContact {
  ContactChannel channel = ContactChannel::visit;
  std::string notes;
};

// II.8.b: how often this victim is followed up, set from their needs; the latest schedule holds.
struct FollowUpSchedule {
  std::int64_t interval_days = 30;
  std::string reason;
};
inline constexpr std::int64_t kMaxFollowUpIntervalDays = 365;

// I.2.c: a regular consultation with the victim on their situation and the support they receive.
struct Consultation {
  std::string condition_observed;
  std::string victim_views;
};

// II.2.c: the most essential needs met while identification goes on.
struct EssentialNeeds {
  bool food = false;
  bool shelter = false;
  bool clothing = false;
  bool medical_care = false;
};

// II.6.b, II.6.c: a referral to another service, with the victim's opinion and agreement and the
// expert advice sought where needed. Its status changes are ReferralUpdate records (II.6.e).
struct Referral {
  std::string provider;
  std::string services;
  std::string victim_opinion;
  bool victim_agreed = false;
  bool expert_advice = false;
};

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

// I.1.d: feedback or a complaint from the victim about how they are treated, and its resolution.
struct Complaint {
  std::string summary;
};
struct ComplaintResolution {
  std::string complaint_id;
  std::string resolution;
};

// I.1.c: guidance on safety and health, and who received it; for a child, given in a way a child
// understands.
struct SafetyGuidance {
  bool to_victim = false;
  bool to_family = false;
  bool to_others = false;
  bool child_appropriate = false;
  std::string topics;
};

// I.2.a: a need identified with the victim, and how it was met: delivered here or referred.
struct IdentifiedNeed {
  std::string need;
};
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

// I.5.a: a foreign victim's wish about returning to their country, with the consular contact.
struct RepatriationWish {
  bool wishes_to_return = false;
  std::string consular_contact;
  std::string victim_views;
};

// I.5.a: whether returning to the country of origin is safe for the victim.
struct RepatriationSafetyAssessment {
  std::string country;  // ISO 3166-1 alpha-2
  bool safe = false;
  std::string findings;
};

// I.5.c: a physical or mental disadvantage noticed in the victim; from then on, decisions are taken
// with an expert and the relatives consulted.
struct DisadvantageNoted {
  bool physical = false;
  bool mental = false;
  std::string notes;
};
struct ExpertAndFamilyConsultation {
  std::string expert;     // who was consulted, and their field
  std::string relatives;  // which relatives were consulted
  std::string advice;
};

// II.6.a: the victim was given the centre's list of service providers.
struct ProviderListGiven {
  std::string language;
};

// III.2.c, I.2.b, II.1.b: a staff member assigned to the case. They declare no conflict of interest
// with the victim; when their sex or languages do not match what the victim prefers or speaks, the
// reason is written down.
struct StaffAssignment {
  std::string staff_id;
  bool no_conflict_of_interest = false;
  std::string matching_reason;
};
struct StaffAssignmentEnded {
  std::string staff_id;
  std::string reason;
};

// II.1.d: the staff member the victim chose to turn to; they join the case's staff, replacing the one
// designated before. Recorded by the centre head, as every change to who is on a case (I.3.c), with
// the designated member's declaration of no conflict of interest, as for an assignment (III.2.c).
struct DesignatedStaff {
  std::string staff_id;
  bool no_conflict_of_interest = false;
};

// A guard passed over by the centre head with a written reason, where the standard allows judgement.
// Written by the server with the action or record it let through, never posted directly; the
// clauses it names count as not met.
struct GuardOverride {
  std::vector<std::string> clauses;
  std::string what;  // the action or record type let through, e.g. "referral"
  std::string reason;
};

// I.3.c: the centre head opens a case she is not on (break-glass), for a stated reason and until a
// set time. Written by the server, never posted, and kept in the case's history so that everyone on
// the case sees who looked and why.
struct BreakGlass {
  std::string reason;
  Timestamp until{};
};

// A legal hold: an authority (a court, the police, the procuracy) needs the file kept, so it may not
// be erased while the hold is in force. Written by the server for the centre head, never posted.
struct LegalHold {
  std::string authority;
  std::string reason;
};
// The hold `hold_id` no longer applies (the proceedings ended); the file may be erased again.
struct LegalHoldLifted {
  std::string hold_id;
  std::string reason;
};

using RecordBody = std::variant<IntakeAssessment, Orientation, InformationProvided, ChildInformationDecision,
                                HealthCheck, CounsellingSession, CrisisIntervention, IdentificationInterview,
                                ReturnRiskAssessment, ClosureChecklist, ContactAttempt, RecoveryAssessment,
                                LocationSafetyAssessment, ReintegrationDecision, ReintegrationPlan, FollowUpContact,
                                Consultation, EssentialNeeds, Referral, ReferralUpdate, Complaint, ComplaintResolution,
                                SafetyGuidance, IdentifiedNeed, NeedAddressed, RepatriationWish,
                                RepatriationSafetyAssessment, DisadvantageNoted, ExpertAndFamilyConsultation,
                                ProviderListGiven, Consent, ConsentWithdrawal, Disclosure, StaffAssignment,
                                StaffAssignmentEnded, DesignatedStaff, GuardOverride, FollowUpSchedule, BreakGlass,
                                LegalHold, LegalHoldLifted>;

// Stable names of the record types, as the API and the database spell them; same order as RecordBody.
inline constexpr std::string_view kRecordTypeNames[] = {
    "intake_assessment",      "orientation",         "information_provided", "child_information_decision",
    "health_check",           "counselling_session", "crisis_intervention",  "identification_interview",
    "return_risk_assessment", "closure_checklist",   "contact_attempt",      "recovery_assessment",
    "location_safety_assessment", "reintegration_decision", "reintegration_plan", "follow_up_contact",
    "consultation", "essential_needs", "referral", "referral_update", "complaint", "complaint_resolution",
    "safety_guidance", "identified_need", "need_addressed", "repatriation_wish",
    "repatriation_safety_assessment", "disadvantage_noted", "expert_and_family_consultation",
    "provider_list_given", "consent", "consent_withdrawal", "disclosure", "staff_assignment",
    "staff_assignment_ended", "designated_staff", "guard_override", "follow_up_schedule",
    "break_glass", "legal_hold", "legal_hold_lifted",
};
static_assert(std::size(kRecordTypeNames) == std::variant_size_v<RecordBody>);

struct CaseRecord {
  std::string id;
  Timestamp occurred_at{};  // when it happened (a session, an assessment), as the staff member states
  Timestamp recorded_at{};  // when it was written down
  std::string recorded_by;  // staff ID
  std::int64_t version = 1;
  RecordBody body;

  template <class T>
  bool is() const {
    return std::holds_alternative<T>(body);
  }
  template <class T>
  const T& as() const {
    return std::get<T>(body);
  }
  std::string_view type_name() const { return kRecordTypeNames[body.index()]; }
};

}  // namespace haven::domain
