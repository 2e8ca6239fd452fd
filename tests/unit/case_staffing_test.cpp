// Who is on a case and whom the victim designated (II.1.d), as every screen shows it: read from the
// staffing records by one rule (standards::CaseHistory::staffing), which the case file's header
// receives from the server instead of keeping its own copy.
#include <gtest/gtest.h>

#include "standards/case_history.hpp"

namespace haven::standards {
namespace {

domain::CaseRecord at(int day, domain::RecordBody body) {
  domain::CaseRecord r;
  r.id = "r" + std::to_string(day);
  r.occurred_at = Timestamp{std::chrono::sys_days{Date{std::chrono::year{2026}, std::chrono::month{1}, std::chrono::day{static_cast<unsigned>(day)}}}};
  r.body = std::move(body);
  return r;
}

TEST(CaseStaffing, AssignedOrDesignatedNotSinceReleasedAndAnEndAtTheSameTimeWins) {
  CaseHistory h;
  EXPECT_TRUE(h.staffing().on_case.empty());
  EXPECT_FALSE(h.staffing().designated);
  h.records = {
      at(1, domain::StaffAssignment{"a", true, ""}),
      at(2, domain::StaffAssignment{"b", true, ""}),
      at(3, domain::StaffAssignmentEnded{"a", "chuyển công tác"}),
      at(3, domain::DesignatedStaff{"a"}),
  };
  // Designated and released at the same moment: the release wins, and the designation with it.
  EXPECT_EQ(h.staffing().on_case, (std::vector<std::string>{"b"}));
  EXPECT_FALSE(h.staffing().designated);
  h.records.push_back(at(4, domain::DesignatedStaff{"c"}));
  EXPECT_EQ(h.staffing().on_case, (std::vector<std::string>{"b", "c"}));
  EXPECT_EQ(h.staffing().designated, "c");
  EXPECT_EQ(h.case_staff(), h.staffing().on_case);
  EXPECT_TRUE(h.staffed());
}

TEST(CaseStaffing, ANewDesignationReplacesTheOneBeforeUnlessTheHeadAssignedThem) {
  CaseHistory h;
  h.records = {at(1, domain::DesignatedStaff{"c"}), at(2, domain::DesignatedStaff{"d"})};
  EXPECT_EQ(h.staffing().on_case, (std::vector<std::string>{"d"}));
  EXPECT_EQ(h.staffing().designated, "d");
  // Assigned as well, "d" stays when the victim chooses "e"; designated again, "c" comes back last.
  h.records.push_back(at(3, domain::StaffAssignment{"d", true, ""}));
  h.records.push_back(at(4, domain::DesignatedStaff{"e"}));
  EXPECT_EQ(h.staffing().on_case, (std::vector<std::string>{"d", "e"}));
  h.records.push_back(at(5, domain::DesignatedStaff{"c"}));
  EXPECT_EQ(h.staffing().on_case, (std::vector<std::string>{"d", "c"}));
  EXPECT_TRUE(h.staffed());
  // The designated member released: nobody designated, and with the assignment ended, nobody on it.
  h.records.push_back(at(6, domain::StaffAssignmentEnded{"c", "nạn nhân đổi ý"}));
  h.records.push_back(at(6, domain::StaffAssignmentEnded{"d", "chuyển công tác"}));
  EXPECT_TRUE(h.staffing().on_case.empty());
  EXPECT_FALSE(h.staffing().designated);
  EXPECT_FALSE(h.staffed()) << "staffed() and staffing() say the same";
}

}  // namespace
}  // namespace haven::standards
