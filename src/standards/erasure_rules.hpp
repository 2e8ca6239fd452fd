// When a case's file may be erased (Law 91/2025/QH15 on personal data protection): once the purpose
// of processing it has ended, that is once the case is closed, and never while a legal hold is in
// force (a court, the police or the procuracy needs the file kept). Pure: the history comes in.
//
//   auto decision = check_erasure(history);
//   if (!decision.allowed()) return refusal_error(decision);  // 409 "guard.erasure_legal_hold"
#pragma once

#include <optional>
#include <vector>

#include "domain/case_record.hpp"
#include "standards/case_history.hpp"
#include "standards/guards.hpp"

namespace haven::standards {

// The case's legal holds not yet lifted, oldest first.
std::vector<const domain::CaseRecord*> legal_holds_in_force(const CaseHistory& history);

std::optional<Refusal> guard_erasure_after_closure(const CaseHistory& history);
std::optional<Refusal> guard_no_legal_hold(const CaseHistory& history);
// A lift names a hold of this case that is still in force.
std::optional<Refusal> guard_lift_names_a_hold(const CaseHistory& history, const domain::LegalHoldLifted& lift);

GuardDecision check_erasure(const CaseHistory& history);

}  // namespace haven::standards
