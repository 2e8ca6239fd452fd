// The guards about who works on a case: only screened staff (III.1.b), who declared no conflict of
// interest (III.2.c), matched to what the victim prefers and speaks or with the reason written down
// (I.2.b, II.1.b); qualified staff for counselling and the identification interview (I.2.d); the
// victim's designated staff member (II.1.d); and who may open a case at all (I.3.c).
#pragma once

#include <optional>

#include "common/enum_names.hpp"
#include "standards/case_history.hpp"
#include "standards/guards.hpp"
#include "standards/team.hpp"

namespace haven::standards {

std::vector<Refusal> guard_assignment(const CaseHistory& history, const domain::StaffAssignment& assignment,
                                      const Team& team);  // III.1.b, III.2.c, I.2.b, II.1.b
std::optional<Refusal> guard_designation(const domain::DesignatedStaff& designation, const Team& team);  // II.1.d, III.2.c
// I.3.c: nobody puts themselves on a case, by assignment or designation: who opens a victim's file is
// decided by someone else, so that nobody alone both grants access and uses it. A centre head who must
// open a case she is not on breaks the glass, for a reason and a time, shown on the case.
std::optional<Refusal> guard_self_staffing(const domain::RecordBody& body, std::string_view author_id);
// Nobody certifies themselves: a record about a member of staff (their screening, III.1.b;
// qualification, I.2.d; training, III.2.b; supervision, III.1.c; what matching reads, I.2.b) is
// written by someone else. Names the clause the record serves.
std::optional<Refusal> guard_record_about_self(const domain::CentreRecordBody& body, std::string_view subject,
                                               std::string_view author_id);
std::optional<Refusal> guard_release(const CaseHistory& history,
                                     const domain::StaffAssignmentEnded& release);  // I.3.c, II.1.d
std::optional<Refusal> guard_qualified_author(std::size_t type, const Author& author);  // I.2.d (type: RecordBody index)

// I.3.c: why a member of staff may open a case now, if at all. The staff on it (assigned or
// designated); before anyone was ever assigned, the one who received the person, so that the first
// steps of II.1 are not held up; and a centre head during her break-glass.
enum class AccessVia { on_case, received, break_glass };
inline constexpr EnumNames<AccessVia, 3> kAccessViaNames{{{
    {AccessVia::on_case, "on_case"},
    {AccessVia::received, "received"},
    {AccessVia::break_glass, "break_glass"},
}}};
struct CaseAccess {
  AccessVia via = AccessVia::on_case;
  Timestamp until{};  // break_glass: when it ends
};
std::optional<CaseAccess> case_access_of(const CaseHistory& history, std::string_view staff_id, Timestamp now);

// I.3.c with III.1.b: a case is open only to someone case_access_of() admits, and only once screened.
// Checked on every route that reads or writes a case file (app/case_access.hpp).
GuardDecision check_case_access(const CaseHistory& history, const StaffFacts& staff, Timestamp now);

}  // namespace haven::standards
