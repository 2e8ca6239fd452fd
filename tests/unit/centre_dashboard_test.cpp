// The head's dashboard counts what a head would count by hand: cases by stage, what is overdue now by
// clause and by the staff on the case (open cases only) or on nobody's case, and each deadline in the
// month it fell due, kept, late or still open, over the 12 months up to today's. Fixed clock.
#include <gtest/gtest.h>

#include "standards/centre_dashboard.hpp"

namespace haven::standards {
namespace {

using namespace std::chrono;

constexpr Timestamp at(int y, unsigned m, unsigned d) {
  return Timestamp{sys_days{year{y} / month{m} / day{d}}.time_since_epoch()} + hours{10};
}
std::uint16_t clause(std::string_view id) { return *clause_index(id); }

// An obligation still open: pending until its deadline, overdue from it.
StandingItem open_until(std::string_view id, Timestamp due) {
  return {clause(id), ClauseState::pending, Reason::not_yet_due, due, ClauseState::overdue, Reason::overdue, due};
}
// An obligation done, on time (met) or late (not met), with the deadline it had.
StandingItem done(std::string_view id, Timestamp due, bool late) {
  StandingItem item{clause(id), late ? ClauseState::not_met : ClauseState::met, late ? Reason::late : Reason::none};
  item.due_at = due;
  return item;
}

CaseStanding standing(domain::CaseStage stage, std::vector<std::string> staff, std::vector<StandingItem> items) {
  CaseStanding s;
  s.stage = stage;
  s.staff = std::move(staff);
  s.items = std::move(items);
  return s;
}

TEST(CentreDashboard, CountsEachFigureAHeadWouldCountByHand) {
  DashboardTally tally(at(2026, 12, 7));
  tally.add(standing(domain::CaseStage::in_care, {"worker", "counsellor"},
                     {open_until("II.3.a", at(2026, 12, 1)),        // overdue now, fell due in December
                      done("II.1.e", at(2026, 11, 10), false),      // kept, November
                      done("II.4.b", at(2026, 10, 5), true),        // late, October
                      open_until("II.3.a", at(2026, 12, 20)),       // not due yet: neither overdue nor in the trend
                      done("II.1.e", at(2025, 11, 30), false),      // before the trend's first month
                      {clause("I.1.b"), ClauseState::met, Reason::none}}));  // an indicator: no deadline
  tally.add(standing(domain::CaseStage::closed, {"worker"}, {open_until("II.3.a", at(2026, 6, 1))}));
  tally.add(standing(domain::CaseStage::planning, {}, {}));
  tally.add(standing(domain::CaseStage::received, {}, {open_until("II.1.c", at(2026, 12, 2))}));  // nobody assigned yet

  EXPECT_EQ(tally.by_stage()[static_cast<std::size_t>(domain::CaseStage::in_care)], 1);
  EXPECT_EQ(tally.by_stage()[static_cast<std::size_t>(domain::CaseStage::closed)], 1);
  EXPECT_EQ(tally.by_stage()[static_cast<std::size_t>(domain::CaseStage::planning)], 1);
  EXPECT_EQ(tally.by_stage()[static_cast<std::size_t>(domain::CaseStage::received)], 1);
  EXPECT_EQ(tally.open_cases(), 3);

  // Overdue now on open cases only: the closed case's missed deadline is history, not work.
  EXPECT_EQ(tally.overdue_by_clause()[clause("II.3.a")], 1);
  EXPECT_EQ(tally.overdue_by_clause()[clause("II.4.b")], 0);
  EXPECT_EQ(tally.overdue_by_staff().at("worker"), 1);
  EXPECT_EQ(tally.overdue_by_staff().at("counsellor"), 1);
  EXPECT_EQ(tally.overdue_unassigned(), 1) << "overdue on a case nobody is assigned to is nobody's, and shown";
  EXPECT_EQ(tally.overdue_by_clause()[clause("II.1.c")], 1);

  EXPECT_EQ(tally.months().front(), year{2026} / January / 1);
  EXPECT_EQ(tally.months().back(), year{2026} / December / 1);
  const auto& total = tally.trend_total();
  EXPECT_EQ(total[11].overdue, 2);  // December: II.3.a, and II.1.c on the case nobody is on
  EXPECT_EQ(total[11].due(), 2);
  EXPECT_EQ(total[10].kept, 1);  // November
  EXPECT_EQ(total[9].late, 1);   // October
  EXPECT_EQ(total[5].overdue, 1) << "the closed case's missed June deadline stays in the trend";
  int counted = 0;
  for (const auto& month : total) counted += month.due();
  EXPECT_EQ(counted, 5);
  EXPECT_EQ(tally.trend(clause("II.3.a"))[11].overdue, 1);
  EXPECT_EQ(tally.trend(clause("II.1.e"))[10].kept, 1);
  EXPECT_EQ(tally.trend(clause("II.4.b"))[9].late, 1);
}

// A worker whose account was disabled leaves her cases' overdue work behind: it shows as on nobody's
// case, where the head assigns someone, not under a name the dashboard no longer lists. A colleague
// still on the case keeps it.
TEST(CentreDashboard, OverdueWorkOfStaffWhoLeftIsOnNobodysCase) {
  DashboardTally tally(at(2026, 12, 7));
  tally.set_working_staff({"worker"});
  tally.add(standing(domain::CaseStage::in_care, {"left"}, {open_until("II.3.a", at(2026, 12, 1))}));
  tally.add(standing(domain::CaseStage::in_care, {"left", "worker"}, {open_until("II.3.a", at(2026, 12, 2))}));
  EXPECT_EQ(tally.overdue_unassigned(), 1);
  EXPECT_EQ(tally.overdue_by_staff().count("left"), 0U);
  EXPECT_EQ(tally.overdue_by_staff().at("worker"), 1);
  EXPECT_EQ(tally.overdue_by_clause()[clause("II.3.a")], 2);
}

TEST(CentreDashboard, TheTrendCrossesTheYearBoundary) {
  DashboardTally tally(at(2027, 1, 15));
  tally.add(standing(domain::CaseStage::monitoring, {"w"},
                     {done("II.1.e", at(2026, 2, 3), false), done("II.1.e", at(2026, 1, 31), false),
                      done("II.4.b", at(2027, 1, 2), true)}));
  EXPECT_EQ(tally.months().front(), year{2026} / February / 1);
  EXPECT_EQ(tally.months().back(), year{2027} / January / 1);
  EXPECT_EQ(tally.trend_total()[0].kept, 1) << "3 February 2026 is the first month";
  EXPECT_EQ(tally.trend_total()[11].late, 1);
  int counted = 0;
  for (const auto& month : tally.trend_total()) counted += month.due();
  EXPECT_EQ(counted, 2) << "31 January 2026 is before the trend";
}

}  // namespace
}  // namespace haven::standards
