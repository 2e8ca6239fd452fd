// The guards about who works on a case: only screened staff (III.1.b), who declared no conflict of
// interest (III.2.c), matched to what the victim prefers and speaks or with the reason written down
// (I.2.b, II.1.b); qualified staff for counselling and the identification interview (I.2.d); the
// victim's designated staff member (II.1.d); and who may open a case at all (I.3.c).
#pragma once

#include <optional>

#include "standards/case_history.hpp"
#include "standards/guards.hpp"
#include "standards/team.hpp"

namespace haven::standards {

std::vector<Refusal> guard_assignment(const CaseHistory& history, const domain::StaffAssignment& assignment,
                                      const Team& team);  // III.1.b, III.2.c, I.2.b, II.1.b
std::optional<Refusal> guard_designation(const domain::DesignatedStaff& designation, const Team& team);  // II.1.d
std::optional<Refusal> guard_release(const CaseHistory& history,
                                     const domain::StaffAssignmentEnded& release);  // I.3.c, II.1.d
std::optional<Refusal> guard_qualified_author(const domain::RecordBody& body, const Author& author);     // I.2.d

// I.3.c: a case is open to the staff on it (assigned or designated), and only once screened
// (III.1.b). The confidentiality work checks this on every route, with the head's break-glass.
GuardDecision check_case_access(const CaseHistory& history, const StaffFacts& staff);

}  // namespace haven::standards
