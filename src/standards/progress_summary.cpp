#include "standards/progress_summary.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace haven::standards {
namespace {

// The milestones, by record type; a record type not listed here stays off the victim's summary.
constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kMilestones{{
    {"intake_assessment", "progress.intake_assessment"},
    {"orientation", "progress.orientation"},
    {"information_provided", "progress.information_provided"},
    {"health_check", "progress.health_check"},
    {"counselling_session", "progress.counselling_session"},
    {"identification_interview", "progress.identification_interview"},
    {"return_risk_assessment", "progress.return_risk_assessment"},
    {"reintegration_plan", "progress.reintegration_plan"},
    {"reintegration_decision", "progress.reintegration_decision"},
    {"safety_guidance", "progress.safety_guidance"},
    {"referral", "progress.referral"},
    {"location_safety_assessment", "progress.location_safety_assessment"},
    {"follow_up_contact", "progress.follow_up_contact"},
    {"repatriation_safety_assessment", "progress.repatriation_safety_assessment"},
}};

// Whether a record says to the victim what its milestone says: a destination they chose, guidance
// given to them, a place or a return found safe. Anything else stays off their summary.
bool tells_the_truth(const domain::CaseRecord& r) {
  if (r.is<domain::ReintegrationDecision>()) return r.as<domain::ReintegrationDecision>().chosen_by_victim;
  if (r.is<domain::SafetyGuidance>()) return r.as<domain::SafetyGuidance>().to_victim;
  if (r.is<domain::LocationSafetyAssessment>()) return r.as<domain::LocationSafetyAssessment>().safe;
  if (r.is<domain::RepatriationSafetyAssessment>()) return r.as<domain::RepatriationSafetyAssessment>().safe;
  if (r.is<domain::ReintegrationPlan>()) return r.as<domain::ReintegrationPlan>().final;
  return true;
}

}  // namespace

std::string_view progress_key(std::string_view record_type) {
  for (const auto& [type, key] : kMilestones) {
    if (type == record_type) return key;
  }
  return {};
}

ProgressSummary progress_summary(const CaseHistory& history) {
  ProgressSummary summary;
  summary.stage = history.file.stage;
  for (const auto& r : history.records) {
    const auto key = progress_key(r.type_name());
    if (key.empty() || !tells_the_truth(r)) continue;
    // Repeated sessions say the same thing to the victim: the latest of each kind is enough.
    auto same = std::find_if(summary.done.begin(), summary.done.end(), [key](const ProgressStep& s) { return s.message_key == key; });
    if (same == summary.done.end()) {
      summary.done.push_back({r.occurred_at, key});
    } else if (r.occurred_at > same->at) {
      same->at = r.occurred_at;
    }
  }
  std::sort(summary.done.begin(), summary.done.end(), [](const ProgressStep& a, const ProgressStep& b) { return a.at < b.at; });
  summary.next_key = "progress.next." + std::string(domain::kCaseStageNames.name(history.file.stage));
  return summary;
}

}  // namespace haven::standards
