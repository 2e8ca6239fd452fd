#include "standards/erasure_rules.hpp"

#include <algorithm>

namespace haven::standards {

std::vector<const domain::CaseRecord*> legal_holds_in_force(const CaseHistory& history) {
  std::vector<const domain::CaseRecord*> holds;
  for (const auto* hold : history.all<domain::LegalHold>()) {
    const bool lifted = std::any_of(history.records.begin(), history.records.end(), [&](const domain::CaseRecord& r) {
      return r.is<domain::LegalHoldLifted>() && r.as<domain::LegalHoldLifted>().hold_id == hold->id;
    });
    if (!lifted) holds.push_back(hold);
  }
  return holds;
}

std::optional<Refusal> guard_erasure_after_closure(const CaseHistory& history) {
  // The purpose of processing a victim's data is the service; it ends when the case is closed.
  if (history.file.stage == domain::CaseStage::closed) return std::nullopt;
  return Refusal{"", "guard.erasure_case_open", {}, false};
}

std::optional<Refusal> guard_no_legal_hold(const CaseHistory& history) {
  const auto holds = legal_holds_in_force(history);
  if (holds.empty()) return std::nullopt;
  Refusal r{"", "guard.erasure_legal_hold", {}, false};
  r.args = {{"authority", holds.front()->as<domain::LegalHold>().authority}};
  return r;
}

std::optional<Refusal> guard_lift_names_a_hold(const CaseHistory& history, const domain::LegalHoldLifted& lift) {
  const auto holds = legal_holds_in_force(history);
  const bool named = std::any_of(holds.begin(), holds.end(), [&](const auto* h) { return h->id == lift.hold_id; });
  if (named) return std::nullopt;
  return Refusal{"", "guard.unknown_legal_hold", {}, false};
}

GuardDecision check_erasure(const CaseHistory& history) {
  GuardDecision decision;
  if (auto r = guard_erasure_after_closure(history)) decision.refusals.push_back(std::move(*r));
  if (auto r = guard_no_legal_hold(history)) decision.refusals.push_back(std::move(*r));
  return decision;
}

}  // namespace haven::standards
