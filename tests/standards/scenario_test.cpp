// Runs every scenario of tests/standards/scenarios/ as its own test, named after its clause file.
#include <gtest/gtest.h>

#include "standards/scenario.hpp"

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

INSTANTIATE_TEST_SUITE_P(Standards, ClauseScenario, ::testing::ValuesIn(load_scenarios(HAVEN_SCENARIO_DIR)), test_name);

}  // namespace
}  // namespace haven::standards::testing
