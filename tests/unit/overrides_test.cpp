// Overrides: who may pass over a refusal, with what, and which refusals allow it at all. A table of
// cases, each one decision, one role and one reason.
#include <gtest/gtest.h>

#include "standards/overrides.hpp"

namespace haven::standards {
namespace {

using domain::Role;

struct Row {
  const char* name;
  std::vector<Refusal> refusals;
  Role role;
  const char* reason;
  OverrideOutcome expected;
};

const Refusal kJudgement{"II.6.b", "guard.referral_without_recovery_assessment", {}, true};
const Refusal kStrict{"I.3.b", "guard.no_consent", {}, false};

TEST(Overrides, OnlyTheHeadWithAReasonPassesOverOnlyWhatAllowsJudgement) {
  const Row rows[] = {
      {"no reason: the refusal stands", {kJudgement}, Role::centre_head, "", OverrideOutcome::not_asked},
      {"a blank reason is no reason", {kJudgement}, Role::centre_head, "   ", OverrideOutcome::not_asked},
      {"the head, with a reason", {kJudgement}, Role::centre_head, "urgent surgery", OverrideOutcome::allowed},
      {"a case worker may not", {kJudgement}, Role::case_worker, "urgent surgery", OverrideOutcome::needs_head},
      {"consent is never passed over", {kStrict}, Role::centre_head, "the police insist", OverrideOutcome::not_overridable},
      {"one strict refusal among others stops it", {kJudgement, kStrict}, Role::centre_head, "urgent",
       OverrideOutcome::not_overridable},
  };
  for (const auto& row : rows) {
    const auto check = check_override(GuardDecision{row.refusals}, row.role, row.reason, "referral");
    EXPECT_EQ(check.outcome, row.expected) << row.name;
    if (check.outcome == OverrideOutcome::allowed) {
      EXPECT_EQ(check.record.clauses, std::vector<std::string>{"II.6.b"}) << row.name;
      EXPECT_EQ(check.record.reason, row.reason) << row.name;
      EXPECT_EQ(check.record.what, "referral") << row.name;
    }
  }
}

}  // namespace
}  // namespace haven::standards
