// Runs every scenario of tests/standards/scenarios/ as its own test, named after its clause file.
#include <gtest/gtest.h>

#include "standards/scenario.hpp"
#include "standards/scenario_fields.hpp"

namespace haven::standards::testing {
namespace {

class ClauseScenario : public ::testing::TestWithParam<Scenario> {};

TEST_P(ClauseScenario, BehavesAsTheStandardRequires) {
  for (const auto& failure : run_scenario(GetParam())) ADD_FAILURE() << failure;
}

// II.1.b: services never depend on the victim's own sex (only on the staff gender they prefer, I.2.b),
// so every scenario has the same outcome whatever the person's sex.
TEST_P(ClauseScenario, NoRuleDependsOnTheVictimsSex) {
  for (const auto sex : {domain::Sex::female, domain::Sex::male, domain::Sex::other, domain::Sex::unknown}) {
    for (const auto& failure : run_scenario(GetParam(), [sex](domain::Person& p) { p.sex = sex; })) {
      ADD_FAILURE() << "with sex " << domain::kSexNames.name(sex) << ": " << failure;
    }
  }
}

std::string test_name(const ::testing::TestParamInfo<Scenario>& info) {
  std::string name = info.param.file.substr(0, info.param.file.find(".scenario")) + "_line" +
                     std::to_string(info.param.line);
  for (auto& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

// A scenario names fields as the record type's table does; a name the table lacks (an old shortcut, a
// typo) stops the scenario with the names it has, instead of quietly setting nothing.
TEST(ScenarioFields, SetFieldsByTheTablesNamesAndRefuseOthers) {
  CaseHistory history;
  domain::CaseRecord need;
  need.id = "need-1";
  need.body = domain::IdentifiedNeed{"vocational training"};
  history.records.push_back(need);

  domain::ReintegrationPlan plan;
  plan.actions = {{"", "income", "sewing course"}, {"", "school", "grade 8"}};
  EXPECT_EQ(set_field(plan, "victim_participated", "no", history), "");
  EXPECT_EQ(set_field(plan, "victim_views", "blank", history), "");
  EXPECT_EQ(set_field(plan, "providers", "women's_union,youth_union", history), "");
  EXPECT_EQ(set_field(plan, "actions.need_id", "latest", history), "");
  EXPECT_FALSE(plan.victim_participated);
  EXPECT_EQ(plan.victim_views, "   ");
  EXPECT_EQ(plan.providers, (std::vector<std::string>{"women's_union", "youth_union"}));
  EXPECT_EQ(plan.actions[0].need_id, "need-1");
  EXPECT_EQ(plan.actions[1].need_id, "need-1");
  EXPECT_EQ(set_field(plan, "risk_assessment_id", "nothing", history), "");
  EXPECT_EQ(plan.risk_assessment_id, "no-such-return_risk_assessment");

  domain::Consent consent;
  EXPECT_EQ(set_field(consent, "categories", "all", history), "");
  EXPECT_EQ(consent.categories.size(), domain::kInformationCategoryNames.entries.size());
  EXPECT_EQ(set_field(consent, "purposes", "referral,identification", history), "");
  EXPECT_EQ(consent.purposes.size(), 2U);

  const std::string unknown = set_field(plan, "participated", "no", history);
  EXPECT_NE(unknown.find("reintegration_plan participated=no: no such field"), std::string::npos) << unknown;
  EXPECT_NE(unknown.find("victim_participated"), std::string::npos) << "names the fields the table has: " << unknown;
  EXPECT_NE(set_field(plan, "final", "maybe", history), "");
  EXPECT_NE(set_field(consent, "categories", "secrets", history), "");
  domain::FollowUpSchedule schedule;
  EXPECT_NE(set_field(schedule, "interval_days", "two_weeks", history), "");
}

INSTANTIATE_TEST_SUITE_P(Standards, ClauseScenario, ::testing::ValuesIn(load_scenarios(HAVEN_SCENARIO_DIR)), test_name);

}  // namespace
}  // namespace haven::standards::testing
