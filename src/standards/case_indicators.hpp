// The per-case indicators that are not deadlines: a clause's state read from what the file holds
// (a record present or missing, needs answered, the victim's part in the plan), or not applicable
// with the reason. Obligations (obligations.hpp) give the deadline clauses; case_compliance folds both.
#pragma once

#include "common/function_ref.hpp"
#include "standards/case_history.hpp"
#include "standards/compliance.hpp"
#include "standards/parameters.hpp"

namespace haven::standards {

struct IndicatorOutcome {
  std::string_view clause;
  ClauseState state = ClauseState::met;
  Reason reason = Reason::none;
  const domain::CaseRecord* evidence = nullptr;
};

// They read the file, never the time: a case's standing (case_standing.hpp) keeps their states until
// the case changes, so an indicator that came to depend on the time would need a deadline there.
using IndicatorVisitor = FunctionRef<void(const IndicatorOutcome&)>;
void visit_case_indicators(const CaseHistory& history, const Parameters& params, const IndicatorVisitor& visit);

}  // namespace haven::standards
