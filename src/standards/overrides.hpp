// Overrides: where the standard allows judgement, a guard's refusal may be passed over by the centre
// head with a written reason. The override becomes a record of the case (domain::GuardOverride), and
// the clauses it passed over count as not met in the case's compliance.
//
//   auto check = check_override(decision, actor.role, reason, "referral");
//   if (check.outcome == OverrideOutcome::allowed) insert(check.record) ... then proceed
#pragma once

#include <string_view>

#include "domain/case_record.hpp"
#include "domain/staff.hpp"
#include "standards/guards.hpp"

namespace haven::standards {

enum class OverrideOutcome {
  not_asked,        // no reason was given: the refusal stands
  allowed,          // every refusal may be overridden, by this role, with this reason
  not_overridable,  // at least one refusal may not be passed over by anyone
  needs_head,       // only the centre head may override
};

struct OverrideCheck {
  OverrideOutcome outcome = OverrideOutcome::not_asked;
  domain::GuardOverride record;  // filled when allowed
};

OverrideCheck check_override(const GuardDecision& decision, domain::Role role, std::string_view reason,
                             std::string_view what);

}  // namespace haven::standards
