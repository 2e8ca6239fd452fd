// Indicators for one case: for each applicable clause the engine evaluates, met, pending, overdue or
// not met, with the evidence (record IDs) and, when not met, the reason.
//
//   for (const auto& s : case_compliance(history, params, now)) print(s.clause, s.state, s.evidence);
#pragma once

#include <string>
#include <vector>

#include "common/enum_names.hpp"
#include "standards/case_history.hpp"
#include "standards/parameters.hpp"

namespace haven::standards {

enum class ClauseState { met, pending, overdue, not_met, not_applicable };
inline constexpr EnumNames<ClauseState, 5> kClauseStateNames{{{
    {ClauseState::met, "met"},
    {ClauseState::pending, "pending"},
    {ClauseState::overdue, "overdue"},
    {ClauseState::not_met, "not_met"},
    {ClauseState::not_applicable, "not_applicable"},
}}};

struct ClauseStatus {
  std::string clause;
  ClauseState state = ClauseState::pending;
  std::vector<std::string> evidence;  // record IDs
  std::string reason_key;             // why it is not met: "reason.late", "reason.missing"
};

std::vector<ClauseStatus> case_compliance(const CaseHistory& history, const Parameters& params, Timestamp now);

}  // namespace haven::standards
