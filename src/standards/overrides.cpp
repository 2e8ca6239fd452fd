#include "standards/overrides.hpp"

#include <algorithm>

namespace haven::standards {

OverrideCheck check_override(const GuardDecision& decision, domain::Role role, std::string_view reason,
                             std::string_view what) {
  OverrideCheck check;
  if (reason.find_first_not_of(" \t\r\n") == std::string_view::npos) return check;  // no reason, no override
  const bool all_overridable = std::all_of(decision.refusals.begin(), decision.refusals.end(),
                                           [](const Refusal& r) { return r.overridable; });
  if (!all_overridable) {
    check.outcome = OverrideOutcome::not_overridable;
    return check;
  }
  if (role != domain::Role::centre_head) {
    check.outcome = OverrideOutcome::needs_head;
    return check;
  }
  check.outcome = OverrideOutcome::allowed;
  for (const auto& r : decision.refusals) check.record.clauses.push_back(r.clause);
  check.record.what = std::string(what);
  check.record.reason = std::string(reason);
  return check;
}

}  // namespace haven::standards
