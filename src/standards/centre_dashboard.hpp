// The centre head's dashboard: her centre's cases folded into the figures she would rather look at
// than read, one case's standing (case_standing.hpp) at a time, so that 100,000 cases are never held
// together: cases by stage, what is overdue by clause and by member of staff on the case (or on
// cases nobody is assigned to yet), and a 12-month trend of the deadlines that fell due and whether
// they were kept. Pure: the standings and the time come in. (Caseloads are the case list's own count,
// storage's caseloads(), as the staffing queue shows them.)
//
//   DashboardTally tally(now);
//   for (const auto& standing : standings) tally.add(standing);
//   chart(tally.by_stage()), chart(tally.trend_total());
//
// The trend counts each deadline in the calendar month (UTC) it fell due: kept (done on time), late
// (done after it) or still open (overdue now). A recurring review counts its current deadline only,
// and an indicator, which has no deadline, not at all.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "common/iso_time.hpp"
#include "domain/case_file.hpp"
#include "standards/case_standing.hpp"
#include "standards/clause.hpp"

namespace haven::standards {

inline constexpr std::size_t kTrendMonths = 12;
inline constexpr std::size_t kStageCount = domain::kCaseStageNames.entries.size();

struct DeadlinesKept {
  int kept = 0;     // done by the deadline
  int late = 0;     // done after it
  int overdue = 0;  // not done, and the deadline has passed
  int due() const { return kept + late + overdue; }
};
using MonthlyDeadlines = std::array<DeadlinesKept, kTrendMonths>;  // oldest month first

class DashboardTally {
 public:
  explicit DashboardTally(Timestamp now);
  // Who still works (enabled accounts), given before the cases: an overdue item on a case whose staff
  // have all left counts as on nobody's case, where the head sees it, not under a name she cannot
  // assign. Not given: everyone on a case counts.
  void set_working_staff(std::set<std::string, std::less<>> working) { working_ = std::move(working); }
  void add(const CaseStanding& standing);

  // The first day of each month of the trend, oldest first; the last is the month of `now`.
  const std::array<Date, kTrendMonths>& months() const { return months_; }
  const std::array<int, kStageCount>& by_stage() const { return by_stage_; }  // in kCaseStageNames' order
  int open_cases() const { return open_cases_; }
  // Open items overdue now, by clause (catalog order) and by member of staff on the case: a task
  // overdue on a case with two workers counts once for each of them.
  const std::array<int, kClauseCount>& overdue_by_clause() const { return overdue_by_clause_; }
  const std::map<std::string, int, std::less<>>& overdue_by_staff() const { return overdue_by_staff_; }
  // Overdue now on open cases nobody (still working) is assigned to: not yet, or no longer (the one who
  // received the person still works them).
  int overdue_unassigned() const { return overdue_unassigned_; }
  const MonthlyDeadlines& trend_total() const { return trend_total_; }
  const MonthlyDeadlines& trend(std::size_t clause_index) const { return trend_by_clause_.at(clause_index); }

 private:
  Timestamp now_;
  std::optional<std::set<std::string, std::less<>>> working_;
  std::array<Date, kTrendMonths> months_{};
  int first_month_ = 0;  // months since year 0 of months_[0]
  int open_cases_ = 0;
  std::array<int, kStageCount> by_stage_{};
  std::array<int, kClauseCount> overdue_by_clause_{};
  std::map<std::string, int, std::less<>> overdue_by_staff_;
  int overdue_unassigned_ = 0;
  MonthlyDeadlines trend_total_{};
  std::array<MonthlyDeadlines, kClauseCount> trend_by_clause_{};
};

}  // namespace haven::standards
