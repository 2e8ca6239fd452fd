// II.2.d: a person of uncertain age who is suspected to be a child is treated as a child. Table-driven,
// with a fixed "today".
#include <gtest/gtest.h>

#include "domain/person.hpp"

namespace haven::domain {
namespace {

struct ChildCase {
  const char* description;
  std::optional<const char*> birth_date;
  std::optional<int> estimated_age;
  bool suspected_child;
  const char* received_on;
  bool expected_child;
};

class ChildPresumptionTest : public ::testing::TestWithParam<ChildCase> {};

TEST_P(ChildPresumptionTest, II_2_d_TreatedAsChild) {
  const auto& c = GetParam();
  Person p;
  if (c.birth_date) p.birth_date = parse_iso_date(*c.birth_date);
  p.estimated_age = c.estimated_age;
  p.suspected_child = c.suspected_child;
  const Date today = *parse_iso_date("2026-11-27");
  EXPECT_EQ(treated_as_child(p, *parse_iso_date(c.received_on), today), c.expected_child) << c.description;
}

INSTANTIATE_TEST_SUITE_P(
    Table, ChildPresumptionTest,
    ::testing::Values(
        ChildCase{"known birth date, 17", "2009-01-01", std::nullopt, false, "2026-11-01", true},
        ChildCase{"known birth date, 18 today", "2008-11-27", std::nullopt, false, "2026-11-01", false},
        ChildCase{"known adult, suspicion cannot override a birth date", "1990-05-01", std::nullopt, true,
                  "2026-11-01", false},
        ChildCase{"age uncertain, suspected child", std::nullopt, std::nullopt, true, "2026-11-01", true},
        ChildCase{"age uncertain, estimated adult but suspected child: never silently cleared", std::nullopt, 19,
                  true, "2026-11-01", true},
        ChildCase{"estimated 16 at reception", std::nullopt, 16, false, "2026-11-01", true},
        ChildCase{"estimated 16 two years ago is 18 now", std::nullopt, 16, false, "2024-11-01", false},
        ChildCase{"nothing known and no suspicion", std::nullopt, std::nullopt, false, "2026-11-01", false}));

}  // namespace
}  // namespace haven::domain
