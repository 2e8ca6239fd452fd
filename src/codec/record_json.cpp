#include "codec/record_json.hpp"

#include <utility>

#include <boost/json.hpp>

#include "codec/json_input.hpp"
#include "codec/record_input.hpp"
#include "common/iso_time.hpp"
#include "domain/text_rules.hpp"

namespace haven::codec {
namespace {

using namespace domain;
using namespace detail;
namespace json = boost::json;

// One reader per record type; the dispatch table below is built from the RecordBody variant, so a type
// without its reader does not compile.
IntakeAssessment read(Tag<IntakeAssessment>, Input& i) {
  return {i.text("physical"), i.text("mental"), i.text("psychological"), i.flag("immediate_safety_risk")};
}
Orientation read(Tag<Orientation>, Input& i) {
  return {i.flag("layout"), i.flag("rules"), i.flag("necessary_information")};
}
InformationProvided read(Tag<InformationProvided>, Input& i) {
  InformationProvided r;
  r.language = i.id("language");
  r.format = i.in.required_enum("format", kInformationFormatNames);
  r.services = i.flag("services");
  r.reintegration_process = i.flag("reintegration_process");
  r.given_to_relatives = i.flag("given_to_relatives");
  return r;
}
ChildInformationDecision read(Tag<ChildInformationDecision>, Input& i) { return {i.text("decision")}; }
HealthCheck read(Tag<HealthCheck>, Input& i) { return {i.flag("by_medical_staff"), i.text("findings")}; }
CounsellingSession read(Tag<CounsellingSession>, Input& i) { return {i.text("condition_observed"), i.flag("crisis")}; }
CrisisIntervention read(Tag<CrisisIntervention>, Input& i) { return {i.text("action_taken")}; }
IdentificationInterview read(Tag<IdentificationInterview>, Input& i) {
  IdentificationInterview r;
  r.place = i.text("place");
  r.people_present = i.texts("people_present", false);
  r.interpreter = i.flag("interpreter");
  r.environment_notes = i.text("environment_notes");
  return r;
}
ReturnRiskAssessment read(Tag<ReturnRiskAssessment>, Input& i) {
  ReturnRiskAssessment r;
  r.level = i.in.required_enum("level", kRiskLevelNames);
  r.findings = i.text("findings");
  return r;
}
ClosureChecklist read(Tag<ClosureChecklist>, Input& i) {
  ClosureChecklist r;
  r.health_improved = i.flag("health_improved");
  r.psychological_condition_stable = i.flag("psychological_condition_stable");
  r.confident_in_family_and_community = i.flag("confident_in_family_and_community");
  r.economic_prospects_assessed = i.flag("economic_prospects_assessed");
  r.discrimination_risks_assessed = i.flag("discrimination_risks_assessed");
  r.victim_views = i.text("victim_views");
  r.victim_agreed = i.flag("victim_agreed");
  return r;
}
ContactAttempt read(Tag<ContactAttempt>, Input& i) {
  ContactAttempt r;
  r.channel = i.in.required_enum("channel", kContactChannelNames);
  r.reached = i.flag("reached");
  r.notes = i.text("notes");
  return r;
}
RecoveryAssessment read(Tag<RecoveryAssessment>, Input& i) { return {i.text("findings"), i.flag("expert_advice")}; }
LocationSafetyAssessment read(Tag<LocationSafetyAssessment>, Input& i) {
  return {i.text("place"), i.flag("safe"), i.text("findings")};
}
ReintegrationDecision read(Tag<ReintegrationDecision>, Input& i) {
  ReintegrationDecision r;
  r.destination = i.in.required_enum("destination", kDestinationNames);
  r.chosen_by_victim = i.flag("chosen_by_victim");
  r.victim_views = i.text("victim_views");
  r.safety_reason = i.text("safety_reason");
  return r;
}
// II.5.c: [{"need": ..., "action": ...}], each element read with its own path (actions[2].need).
std::vector<PlanAction> read_actions(Input& i) {
  std::vector<PlanAction> actions;
  const auto* list = i.in.optional_array("actions");
  if (!list) return actions;
  for (std::size_t n = 0; n < list->size(); ++n) {
    ObjectReader item((*list)[n], i.prefix + ".actions[" + std::to_string(n) + "]");
    PlanAction a;
    a.need_id = item.optional_string("need_id");
    a.need = item.optional_string("need");
    a.action = item.required_string("action");
    if (!i.problem) {
      Input row{item, i.prefix + ".actions[" + std::to_string(n) + "]", std::nullopt};
      row.check_text("need", a.need);
      row.check_text("action", a.action);
      if (!Input::is_id(a.need_id)) row.refuse("need_id");
      i.problem = row.problem;
    }
    if (auto item_problem = item.finish(); item_problem && !i.problem) i.problem = *item_problem;
    actions.push_back(std::move(a));
  }
  return actions;
}
ReintegrationPlan read(Tag<ReintegrationPlan>, Input& i) {
  ReintegrationPlan r;
  r.final = i.flag("final");
  r.purposes = i.text("purposes");
  r.challenges = i.text("challenges");
  r.procedures = i.text("procedures");
  r.time_frame = i.text("time_frame");
  r.providers = i.texts("providers", false);
  r.strengths = i.text("strengths");
  r.abilities = i.text("abilities");
  r.aspirations = i.text("aspirations");
  r.resources = i.text("resources");
  r.risk_assessment_id = i.id("risk_assessment_id", false);
  r.victim_participated = i.flag("victim_participated");
  r.victim_views = i.text("victim_views");
  r.actions = read_actions(i);
  r.education = i.text("education");
  return r;
}
FollowUpContact read(Tag<FollowUpContact>, Input& i) {
  FollowUpContact r;
  r.channel = i.in.required_enum("channel", kContactChannelNames);
  r.notes = i.text("notes");
  return r;
}
Consultation read(Tag<Consultation>, Input& i) { return {i.text("condition_observed"), i.text("victim_views")}; }
EssentialNeeds read(Tag<EssentialNeeds>, Input& i) {
  return {i.flag("food"), i.flag("shelter"), i.flag("clothing"), i.flag("medical_care")};
}
Referral read(Tag<Referral>, Input& i) {
  Referral r;
  r.provider = i.required_text("provider");
  r.services = i.text("services");
  r.victim_opinion = i.text("victim_opinion");
  r.victim_agreed = i.flag("victim_agreed");
  r.expert_advice = i.flag("expert_advice");
  return r;
}
ReferralUpdate read(Tag<ReferralUpdate>, Input& i) {
  ReferralUpdate r;
  r.referral_id = i.id("referral_id");
  r.status = i.in.required_enum("status", kReferralStatusNames);
  r.outcome = i.text("outcome");
  return r;
}
Complaint read(Tag<Complaint>, Input& i) { return {i.text("summary")}; }
ComplaintResolution read(Tag<ComplaintResolution>, Input& i) {
  ComplaintResolution r;
  r.complaint_id = i.id("complaint_id");
  r.resolution = i.text("resolution");
  return r;
}
SafetyGuidance read(Tag<SafetyGuidance>, Input& i) {
  return {i.flag("to_victim"), i.flag("to_family"), i.flag("to_others"), i.flag("child_appropriate"), i.text("topics")};
}
IdentifiedNeed read(Tag<IdentifiedNeed>, Input& i) {
  IdentifiedNeed r;
  r.need = i.required_text("need");
  return r;
}
NeedAddressed read(Tag<NeedAddressed>, Input& i) {
  NeedAddressed r;
  r.need_id = i.id("need_id");
  r.response = i.in.required_enum("response", kNeedResponseNames);
  r.service = i.text("service");
  return r;
}
RepatriationWish read(Tag<RepatriationWish>, Input& i) {
  return {i.flag("wishes_to_return"), i.text("consular_contact"), i.text("victim_views")};
}
RepatriationSafetyAssessment read(Tag<RepatriationSafetyAssessment>, Input& i) {
  RepatriationSafetyAssessment r;
  r.country = i.id("country");
  r.safe = i.flag("safe");
  r.findings = i.text("findings");
  return r;
}
DisadvantageNoted read(Tag<DisadvantageNoted>, Input& i) { return {i.flag("physical"), i.flag("mental"), i.text("notes")}; }
ExpertAndFamilyConsultation read(Tag<ExpertAndFamilyConsultation>, Input& i) {
  return {i.text("expert"), i.text("relatives"), i.text("advice")};
}
ProviderListGiven read(Tag<ProviderListGiven>, Input& i) {
  ProviderListGiven r;
  r.language = i.id("language");
  return r;
}

StaffAssignment read(Tag<StaffAssignment>, Input& i) {
  StaffAssignment r;
  r.staff_id = i.id("staff_id");
  r.no_conflict_of_interest = i.flag("no_conflict_of_interest");
  r.matching_reason = i.text("matching_reason");
  return r;
}
StaffAssignmentEnded read(Tag<StaffAssignmentEnded>, Input& i) {
  StaffAssignmentEnded r;
  r.staff_id = i.id("staff_id");
  r.reason = i.text("reason");
  return r;
}
DesignatedStaff read(Tag<DesignatedStaff>, Input& i) {
  return {i.id("staff_id"), i.flag("no_conflict_of_interest")};
}
FollowUpSchedule read(Tag<FollowUpSchedule>, Input& i) {
  FollowUpSchedule r;
  r.interval_days = i.in.required_integer("interval_days");
  if (!i.in.failed() && !i.problem && (r.interval_days < 1 || r.interval_days > kMaxFollowUpIntervalDays)) {
    Error e(ErrorCode::validation_failed);
    e.field = i.prefix + ".interval_days";
    e.message_key = "validation.follow_up_interval";
    e.with_arg("max", std::to_string(kMaxFollowUpIntervalDays));
    i.problem = e;
  }
  r.reason = i.text("reason");
  return r;
}
GuardOverride read(Tag<GuardOverride>, Input& i) {
  GuardOverride r;
  r.clauses = i.ids("clauses", true);
  r.what = i.id("what");
  r.reason = i.text("reason");
  return r;
}
BreakGlass read(Tag<BreakGlass>, Input& i) {
  BreakGlass r;
  r.reason = i.text("reason");
  r.until = i.in.required_timestamp("until");
  return r;
}
LegalHold read(Tag<LegalHold>, Input& i) {
  LegalHold r;
  r.authority = i.text("authority");
  r.reason = i.text("reason");
  return r;
}
LegalHoldLifted read(Tag<LegalHoldLifted>, Input& i) {
  LegalHoldLifted r;
  r.hold_id = i.id("hold_id");
  r.reason = i.text("reason");
  return r;
}

Consent read(Tag<Consent>, Input& i) {
  Consent r;
  r.given_by = i.in.required_enum("given_by", kConsentGiverNames);
  r.categories = i.in.enum_array("categories", kInformationCategoryNames, true);
  r.recipient = i.required_text("recipient");
  r.purposes = i.in.enum_array("purposes", kDisclosurePurposeNames, true);
  r.expires_at = i.in.optional_timestamp("expires_at");
  r.informed = i.flag("informed");
  return r;
}
ConsentWithdrawal read(Tag<ConsentWithdrawal>, Input& i) { return {i.id("consent_id")}; }
Disclosure read(Tag<Disclosure>, Input& i) {
  Disclosure r;
  r.kind = i.in.required_enum("kind", kDisclosureKindNames);
  r.recipient = i.required_text("recipient");
  r.purpose = i.in.required_enum("purpose", kDisclosurePurposeNames);
  r.categories = i.in.enum_array("categories", kInformationCategoryNames, true);
  r.reason = i.text("reason");
  r.referral_id = i.id("referral_id", false);
  return r;
}


struct Encoder {
  json::object operator()(const IntakeAssessment& r) const {
    return {{"physical", r.physical}, {"mental", r.mental}, {"psychological", r.psychological},
            {"immediate_safety_risk", r.immediate_safety_risk}};
  }
  json::object operator()(const Orientation& r) const {
    return {{"layout", r.layout}, {"rules", r.rules}, {"necessary_information", r.necessary_information}};
  }
  json::object operator()(const InformationProvided& r) const {
    return {{"language", r.language}, {"format", kInformationFormatNames.name(r.format)}, {"services", r.services},
            {"reintegration_process", r.reintegration_process}, {"given_to_relatives", r.given_to_relatives}};
  }
  json::object operator()(const ChildInformationDecision& r) const { return {{"decision", r.decision}}; }
  json::object operator()(const HealthCheck& r) const {
    return {{"by_medical_staff", r.by_medical_staff}, {"findings", r.findings}};
  }
  json::object operator()(const CounsellingSession& r) const {
    return {{"condition_observed", r.condition_observed}, {"crisis", r.crisis}};
  }
  json::object operator()(const CrisisIntervention& r) const { return {{"action_taken", r.action_taken}}; }
  json::object operator()(const IdentificationInterview& r) const {
    return {{"place", r.place}, {"people_present", strings(r.people_present)}, {"interpreter", r.interpreter},
            {"environment_notes", r.environment_notes}};
  }
  json::object operator()(const ReturnRiskAssessment& r) const {
    return {{"level", kRiskLevelNames.name(r.level)}, {"findings", r.findings}};
  }
  json::object operator()(const ClosureChecklist& r) const {
    return {{"health_improved", r.health_improved},
            {"psychological_condition_stable", r.psychological_condition_stable},
            {"confident_in_family_and_community", r.confident_in_family_and_community},
            {"economic_prospects_assessed", r.economic_prospects_assessed},
            {"discrimination_risks_assessed", r.discrimination_risks_assessed},
            {"victim_views", r.victim_views},
            {"victim_agreed", r.victim_agreed}};
  }
  json::object operator()(const ContactAttempt& r) const {
    return {{"channel", kContactChannelNames.name(r.channel)}, {"reached", r.reached}, {"notes", r.notes}};
  }
  json::object operator()(const RecoveryAssessment& r) const {
    return {{"findings", r.findings}, {"expert_advice", r.expert_advice}};
  }
  json::object operator()(const LocationSafetyAssessment& r) const {
    return {{"place", r.place}, {"safe", r.safe}, {"findings", r.findings}};
  }
  json::object operator()(const ReintegrationDecision& r) const {
    return {{"destination", kDestinationNames.name(r.destination)}, {"chosen_by_victim", r.chosen_by_victim},
            {"victim_views", r.victim_views}, {"safety_reason", r.safety_reason}};
  }
  json::object operator()(const ReintegrationPlan& r) const {
    json::array actions;
    for (const auto& a : r.actions) {
      actions.push_back(json::object{{"need_id", a.need_id}, {"need", a.need}, {"action", a.action}});
    }
    return {{"final", r.final},
            {"purposes", r.purposes},
            {"challenges", r.challenges},
            {"procedures", r.procedures},
            {"time_frame", r.time_frame},
            {"providers", strings(r.providers)},
            {"strengths", r.strengths},
            {"abilities", r.abilities},
            {"aspirations", r.aspirations},
            {"resources", r.resources},
            {"risk_assessment_id", r.risk_assessment_id},
            {"victim_participated", r.victim_participated},
            {"victim_views", r.victim_views},
            {"actions", std::move(actions)},
            {"education", r.education}};
  }
  json::object operator()(const FollowUpContact& r) const {
    return {{"channel", kContactChannelNames.name(r.channel)}, {"notes", r.notes}};
  }
  json::object operator()(const Consultation& r) const {
    return {{"condition_observed", r.condition_observed}, {"victim_views", r.victim_views}};
  }
  json::object operator()(const EssentialNeeds& r) const {
    return {{"food", r.food}, {"shelter", r.shelter}, {"clothing", r.clothing}, {"medical_care", r.medical_care}};
  }
  json::object operator()(const Referral& r) const {
    return {{"provider", r.provider}, {"services", r.services}, {"victim_opinion", r.victim_opinion},
            {"victim_agreed", r.victim_agreed}, {"expert_advice", r.expert_advice}};
  }
  json::object operator()(const ReferralUpdate& r) const {
    return {{"referral_id", r.referral_id}, {"status", kReferralStatusNames.name(r.status)}, {"outcome", r.outcome}};
  }
  json::object operator()(const Complaint& r) const { return {{"summary", r.summary}}; }
  json::object operator()(const ComplaintResolution& r) const {
    return {{"complaint_id", r.complaint_id}, {"resolution", r.resolution}};
  }
  json::object operator()(const SafetyGuidance& r) const {
    return {{"to_victim", r.to_victim}, {"to_family", r.to_family}, {"to_others", r.to_others},
            {"child_appropriate", r.child_appropriate}, {"topics", r.topics}};
  }
  json::object operator()(const IdentifiedNeed& r) const { return {{"need", r.need}}; }
  json::object operator()(const NeedAddressed& r) const {
    return {{"need_id", r.need_id}, {"response", kNeedResponseNames.name(r.response)}, {"service", r.service}};
  }
  json::object operator()(const RepatriationWish& r) const {
    return {{"wishes_to_return", r.wishes_to_return}, {"consular_contact", r.consular_contact},
            {"victim_views", r.victim_views}};
  }
  json::object operator()(const RepatriationSafetyAssessment& r) const {
    return {{"country", r.country}, {"safe", r.safe}, {"findings", r.findings}};
  }
  json::object operator()(const DisadvantageNoted& r) const {
    return {{"physical", r.physical}, {"mental", r.mental}, {"notes", r.notes}};
  }
  json::object operator()(const ExpertAndFamilyConsultation& r) const {
    return {{"expert", r.expert}, {"relatives", r.relatives}, {"advice", r.advice}};
  }
  json::object operator()(const ProviderListGiven& r) const { return {{"language", r.language}}; }
  json::object operator()(const Consent& r) const {
    json::object out{{"given_by", kConsentGiverNames.name(r.given_by)},
                     {"categories", names(r.categories, kInformationCategoryNames)},
                     {"recipient", r.recipient},
                     {"purposes", names(r.purposes, kDisclosurePurposeNames)},
                     {"expires_at", nullptr},
                     {"informed", r.informed}};
    if (r.expires_at) out["expires_at"] = format_iso_timestamp(*r.expires_at);
    return out;
  }
  json::object operator()(const ConsentWithdrawal& r) const { return {{"consent_id", r.consent_id}}; }
  json::object operator()(const StaffAssignment& r) const {
    return {{"staff_id", r.staff_id}, {"no_conflict_of_interest", r.no_conflict_of_interest},
            {"matching_reason", r.matching_reason}};
  }
  json::object operator()(const StaffAssignmentEnded& r) const { return {{"staff_id", r.staff_id}, {"reason", r.reason}}; }
  json::object operator()(const DesignatedStaff& r) const {
    return {{"staff_id", r.staff_id}, {"no_conflict_of_interest", r.no_conflict_of_interest}};
  }
  json::object operator()(const FollowUpSchedule& r) const {
    return {{"interval_days", r.interval_days}, {"reason", r.reason}};
  }
  json::object operator()(const GuardOverride& r) const {
    return {{"clauses", strings(r.clauses)}, {"what", r.what}, {"reason", r.reason}};
  }
  json::object operator()(const BreakGlass& r) const {
    return {{"reason", r.reason}, {"until", format_iso_timestamp(r.until)}};
  }
  json::object operator()(const LegalHold& r) const { return {{"authority", r.authority}, {"reason", r.reason}}; }
  json::object operator()(const LegalHoldLifted& r) const { return {{"hold_id", r.hold_id}, {"reason", r.reason}}; }
  json::object operator()(const Disclosure& r) const {
    return {{"kind", kDisclosureKindNames.name(r.kind)},
            {"recipient", r.recipient},
            {"purpose", kDisclosurePurposeNames.name(r.purpose)},
            {"categories", names(r.categories, kInformationCategoryNames)},
            {"reason", r.reason},
            {"referral_id", r.referral_id}};
  }
};

}  // namespace

std::optional<std::size_t> record_type_index(std::string_view type_name) {
  for (std::size_t i = 0; i < std::size(kRecordTypeNames); ++i) {
    if (kRecordTypeNames[i] == type_name) return i;
  }
  return std::nullopt;
}

Result<RecordBody> decode_record_body(std::string_view type_name, const json::value& value, const std::string& prefix) {
  const auto index = record_type_index(type_name);
  if (!index) return fail(ErrorCode::not_found, {}, "error.record_type_not_found");
  ObjectReader in(value, prefix);
  Input input{in, prefix, std::nullopt};
  auto body = read_alternative<RecordBody>(*index, input, [](auto tag, Input& i) { return read(tag, i); });
  if (auto reader_problem = in.finish()) return fail(*reader_problem);
  if (input.problem) return fail(*input.problem);
  return body;
}

json::object encode_record_body(const RecordBody& body) { return std::visit(Encoder{}, body); }

}  // namespace haven::codec
