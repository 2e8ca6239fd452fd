#include "codec/record_json.hpp"

#include <boost/json.hpp>

#include "codec/json_input.hpp"
#include "domain/text_rules.hpp"

namespace haven::codec {
namespace {

using namespace domain;
namespace json = boost::json;

// Reads a narrative field and checks its text; the reader remembers the first problem.
std::string narrative(ObjectReader& in, std::string_view key, const std::string& prefix,
                      std::optional<Error>& problem) {
  std::string text = in.optional_string(key);
  if (!problem && check_narrative(text) != TextProblem::none) {
    Error e(ErrorCode::validation_failed);
    e.field = prefix.empty() ? std::string(key) : prefix + "." + std::string(key);
    e.message_key = "validation.forbidden_characters";
    problem = e;
  }
  return text;
}

// II.5.c: [{"need": ..., "action": ...}], each element read with its own path (actions[2].need).
std::vector<PlanAction> read_actions(ObjectReader& in, const std::string& p, std::optional<Error>& problem) {
  std::vector<PlanAction> actions;
  const auto* list = in.optional_array("actions");
  if (!list) return actions;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string path = p + ".actions[" + std::to_string(i) + "]";
    ObjectReader item((*list)[i], path);
    PlanAction a;
    a.need = item.required_string("need");
    a.action = item.required_string("action");
    if (auto item_problem = item.finish(); item_problem && !problem) problem = *item_problem;
    actions.push_back(std::move(a));
  }
  return actions;
}

RecordBody read_body(std::size_t index, ObjectReader& in, const std::string& p, std::optional<Error>& problem) {
  switch (index) {
    case 0: return IntakeAssessment{narrative(in, "physical", p, problem), narrative(in, "mental", p, problem),
                                    narrative(in, "psychological", p, problem), in.optional_bool("immediate_safety_risk")};
    case 1: return Orientation{in.optional_bool("layout"), in.optional_bool("rules"), in.optional_bool("necessary_information")};
    case 2: {
      InformationProvided r;
      r.language = in.required_string("language");
      r.format = in.required_enum("format", kInformationFormatNames);
      r.services = in.optional_bool("services");
      r.reintegration_process = in.optional_bool("reintegration_process");
      r.given_to_relatives = in.optional_bool("given_to_relatives");
      return r;
    }
    case 3: return ChildInformationDecision{narrative(in, "decision", p, problem)};
    case 4: return HealthCheck{in.optional_bool("by_medical_staff"), narrative(in, "findings", p, problem)};
    case 5: return CounsellingSession{narrative(in, "condition_observed", p, problem), in.optional_bool("crisis")};
    case 6: return CrisisIntervention{narrative(in, "action_taken", p, problem)};
    case 7: {
      IdentificationInterview r;
      r.place = narrative(in, "place", p, problem);
      r.people_present = in.string_array("people_present", false);
      r.interpreter = in.optional_bool("interpreter");
      r.environment_notes = narrative(in, "environment_notes", p, problem);
      return r;
    }
    case 8: {
      ReturnRiskAssessment r;
      const std::string level = in.required_string("level");
      r.level = level == "low" ? ReturnRiskAssessment::Level::low
                : level == "high" ? ReturnRiskAssessment::Level::high
                                  : ReturnRiskAssessment::Level::medium;
      if (!in.failed() && level != "low" && level != "medium" && level != "high" && !problem) {
        Error e(ErrorCode::validation_failed);
        e.field = p + ".level";
        e.message_key = "validation.enum";
        e.with_arg("allowed", "low, medium, high");
        problem = e;
      }
      r.findings = narrative(in, "findings", p, problem);
      return r;
    }
    case 9: return ClosureChecklist{in.optional_bool("health_improved"), in.optional_bool("psychological_condition_stable"),
                                    in.optional_bool("confident_in_family_and_community"),
                                    in.optional_bool("economic_prospects_assessed"),
                                    in.optional_bool("discrimination_risks_assessed")};
    case 10: {
      ContactAttempt r;
      r.channel = in.required_enum("channel", kContactChannelNames);
      r.reached = in.optional_bool("reached");
      r.notes = narrative(in, "notes", p, problem);
      return r;
    }
    case 11: return RecoveryAssessment{narrative(in, "findings", p, problem), in.optional_bool("expert_advice")};
    case 12: return LocationSafetyAssessment{narrative(in, "place", p, problem), in.optional_bool("safe"),
                                             narrative(in, "findings", p, problem)};
    case 13: {
      ReintegrationDecision r;
      r.destination = in.required_enum("destination", kDestinationNames);
      r.chosen_by_victim = in.optional_bool("chosen_by_victim");
      r.victim_views = narrative(in, "victim_views", p, problem);
      return r;
    }
    case 14: {
      ReintegrationPlan r;
      r.final = in.optional_bool("final");
      r.purposes = narrative(in, "purposes", p, problem);
      r.challenges = narrative(in, "challenges", p, problem);
      r.procedures = narrative(in, "procedures", p, problem);
      r.time_frame = narrative(in, "time_frame", p, problem);
      r.providers = in.string_array("providers", false);
      r.strengths = narrative(in, "strengths", p, problem);
      r.abilities = narrative(in, "abilities", p, problem);
      r.aspirations = narrative(in, "aspirations", p, problem);
      r.resources = narrative(in, "resources", p, problem);
      r.risk_assessment_id = in.optional_string("risk_assessment_id");
      r.victim_participated = in.optional_bool("victim_participated");
      r.actions = read_actions(in, p, problem);
      r.education = narrative(in, "education", p, problem);
      return r;
    }
    case 15: {
      FollowUpContact r;
      r.channel = in.required_enum("channel", kContactChannelNames);
      r.notes = narrative(in, "notes", p, problem);
      return r;
    }
    case 16: return Consultation{narrative(in, "condition_observed", p, problem), narrative(in, "victim_views", p, problem)};
    case 17: return EssentialNeeds{in.optional_bool("food"), in.optional_bool("shelter"), in.optional_bool("clothing"),
                                   in.optional_bool("medical_care")};
    case 18: {
      Referral r;
      r.provider = in.required_string("provider");
      r.services = narrative(in, "services", p, problem);
      r.victim_opinion = narrative(in, "victim_opinion", p, problem);
      r.victim_agreed = in.optional_bool("victim_agreed");
      r.expert_advice = in.optional_bool("expert_advice");
      return r;
    }
    case 19: {
      ReferralUpdate r;
      r.referral_id = in.required_string("referral_id");
      r.status = in.required_enum("status", kReferralStatusNames);
      r.outcome = narrative(in, "outcome", p, problem);
      return r;
    }
    case 20: return Complaint{narrative(in, "summary", p, problem)};
    case 21: {
      ComplaintResolution r;
      r.complaint_id = in.required_string("complaint_id");
      r.resolution = narrative(in, "resolution", p, problem);
      return r;
    }
    default: return IntakeAssessment{};
  }
}

json::array strings(const std::vector<std::string>& items) {
  json::array out;
  for (const auto& i : items) out.emplace_back(i);
  return out;
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
    const char* level = r.level == ReturnRiskAssessment::Level::low    ? "low"
                        : r.level == ReturnRiskAssessment::Level::high ? "high"
                                                                       : "medium";
    return {{"level", level}, {"findings", r.findings}};
  }
  json::object operator()(const ClosureChecklist& r) const {
    return {{"health_improved", r.health_improved},
            {"psychological_condition_stable", r.psychological_condition_stable},
            {"confident_in_family_and_community", r.confident_in_family_and_community},
            {"economic_prospects_assessed", r.economic_prospects_assessed},
            {"discrimination_risks_assessed", r.discrimination_risks_assessed}};
  }
  json::object operator()(const RecoveryAssessment& r) const {
    return {{"findings", r.findings}, {"expert_advice", r.expert_advice}};
  }
  json::object operator()(const LocationSafetyAssessment& r) const {
    return {{"place", r.place}, {"safe", r.safe}, {"findings", r.findings}};
  }
  json::object operator()(const ReintegrationDecision& r) const {
    return {{"destination", kDestinationNames.name(r.destination)}, {"chosen_by_victim", r.chosen_by_victim},
            {"victim_views", r.victim_views}};
  }
  json::object operator()(const ReintegrationPlan& r) const {
    json::array actions;
    for (const auto& a : r.actions) actions.push_back(json::object{{"need", a.need}, {"action", a.action}});
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
  json::object operator()(const ContactAttempt& r) const {
    return {{"channel", kContactChannelNames.name(r.channel)}, {"reached", r.reached}, {"notes", r.notes}};
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
  std::optional<Error> problem;
  RecordBody body = read_body(*index, in, prefix, problem);
  if (auto reader_problem = in.finish()) return fail(*reader_problem);
  if (problem) return fail(*problem);
  return body;
}

json::object encode_record_body(const RecordBody& body) { return std::visit(Encoder{}, body); }

}  // namespace haven::codec
