#include "standards/guards.hpp"

#include <set>

namespace haven::standards {

using domain::LifecycleAction;

std::optional<Refusal> guard_identification_after_care(const CaseHistory& history) {
  // II.1.e: identification interviews only after the most important health and psychological
  // recovery services: a health check and a first counselling session must be on the file.
  const bool health = history.first<domain::HealthCheck>() != nullptr;
  const bool psychological = history.first<domain::CounsellingSession>() != nullptr;
  if (health && psychological) return std::nullopt;
  Refusal r{"II.1.e", "guard.identification_after_care", {}, false};
  r.args.push_back({"missing", !health && !psychological ? "guard.missing.health_and_counselling"
                               : !health                 ? "guard.missing.health_check"
                                                         : "guard.missing.counselling"});
  return r;
}

std::optional<Refusal> guard_closure_checklist(const CaseHistory& history) {
  // II.8.c: before closing, health improved, psychological condition stable, confident in family and
  // community, and the economic prospects and discrimination risks assessed.
  const auto* latest = history.latest<domain::ClosureChecklist>();
  if (latest) {
    const auto& c = latest->as<domain::ClosureChecklist>();
    if (c.health_improved && c.psychological_condition_stable && c.confident_in_family_and_community &&
        c.economic_prospects_assessed && c.discrimination_risks_assessed) {
      return std::nullopt;
    }
  }
  return Refusal{"II.8.c", "guard.closure_checklist", {}, false};
}

std::optional<Refusal> guard_lost_contact_attempts(const CaseHistory& history, const Parameters& params) {
  // II.8.d: before closing for lost contact, documented attempts to reach the victim, the family and
  // other service providers: at least N unanswered attempts over at least M channels.
  const auto min_attempts = params.value("II.8.d", "lost_contact_min_attempts");
  const auto min_channels = params.value("II.8.d", "lost_contact_min_channels");
  std::int64_t attempts = 0;
  std::set<domain::ContactChannel> channels;
  for (const auto* record : history.all<domain::ContactAttempt>()) {
    const auto& attempt = record->as<domain::ContactAttempt>();
    if (attempt.reached) continue;
    ++attempts;
    channels.insert(attempt.channel);
  }
  if (attempts >= min_attempts && static_cast<std::int64_t>(channels.size()) >= min_channels) return std::nullopt;
  Refusal r{"II.8.d", "guard.lost_contact_attempts", {}, false};
  r.args = {{"attempts", std::to_string(attempts)},
            {"channels", std::to_string(channels.size())},
            {"min_attempts", std::to_string(min_attempts)},
            {"min_channels", std::to_string(min_channels)}};
  return r;
}

GuardDecision check_action(const CaseHistory& history, LifecycleAction action, const Parameters& params,
                           Timestamp /*now*/) {
  GuardDecision decision;
  if (!domain::next_stage(history.file.stage, action)) {
    Refusal r{"", "guard.transition_not_allowed", {}, false};
    r.args = {{"action", std::string(domain::kLifecycleActionNames.name(action))},
              {"stage", "stage." + std::string(domain::kCaseStageNames.name(history.file.stage))}};
    decision.refusals.push_back(std::move(r));
    return decision;
  }
  auto add = [&decision](std::optional<Refusal> refusal) {
    if (refusal) decision.refusals.push_back(std::move(*refusal));
  };
  switch (action) {
    case LifecycleAction::begin_identification: add(guard_identification_after_care(history)); break;
    case LifecycleAction::close: add(guard_closure_checklist(history)); break;
    case LifecycleAction::close_lost_contact: add(guard_lost_contact_attempts(history, params)); break;
    default: break;
  }
  return decision;
}

GuardDecision check_new_record(const CaseHistory& history, const domain::RecordBody& body, const Parameters& /*params*/,
                               Timestamp /*now*/) {
  GuardDecision decision;
  if (std::holds_alternative<domain::IdentificationInterview>(body)) {
    if (auto refusal = guard_identification_after_care(history)) decision.refusals.push_back(std::move(*refusal));
  }
  return decision;
}

Error refusal_error(const GuardDecision& decision) {
  const Refusal& first = decision.refusals.front();
  Error e(ErrorCode::guard_refused);
  e.clause = first.clause;
  e.message_key = first.message_key;
  e.args = first.args;
  return e;
}

}  // namespace haven::standards
