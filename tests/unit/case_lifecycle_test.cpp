// The lifecycle: each action moves a case from one stage only; closed cases can only be reopened.
#include <gtest/gtest.h>

#include "domain/case_lifecycle.hpp"

namespace haven::domain {
namespace {

TEST(CaseLifecycle, FollowsTheServiceFromReceptionToClosure) {
  CaseStage stage = CaseStage::received;
  for (auto action : {LifecycleAction::begin_care, LifecycleAction::begin_identification,
                      LifecycleAction::begin_assessment, LifecycleAction::begin_planning,
                      LifecycleAction::begin_reintegration, LifecycleAction::begin_monitoring, LifecycleAction::close}) {
    auto next = next_stage(stage, action);
    ASSERT_TRUE(next) << kLifecycleActionNames.name(action) << " from " << kCaseStageNames.name(stage);
    stage = *next;
  }
  EXPECT_EQ(stage, CaseStage::closed);
  EXPECT_EQ(next_stage(CaseStage::closed, LifecycleAction::reopen), CaseStage::in_care);
}

TEST(CaseLifecycle, RefusesMovesFromTheWrongStage) {
  EXPECT_FALSE(next_stage(CaseStage::received, LifecycleAction::begin_planning));
  EXPECT_FALSE(next_stage(CaseStage::planning, LifecycleAction::close));
  EXPECT_FALSE(next_stage(CaseStage::in_care, LifecycleAction::reopen));
  EXPECT_FALSE(next_stage(CaseStage::closed, LifecycleAction::close_lost_contact));
}

TEST(CaseLifecycle, ContactCanBeLostAtAnyOpenStage) {
  for (auto stage : {CaseStage::received, CaseStage::in_care, CaseStage::planning, CaseStage::monitoring}) {
    EXPECT_EQ(next_stage(stage, LifecycleAction::close_lost_contact), CaseStage::closed);
  }
}

TEST(CaseLifecycle, AForeignVictimMayReturnHomeFromCareUntilReintegrationStarts) {
  for (auto stage : {CaseStage::in_care, CaseStage::identification, CaseStage::assessment, CaseStage::planning}) {
    EXPECT_EQ(next_stage(stage, LifecycleAction::begin_repatriation), CaseStage::repatriation);
  }
  for (auto stage : {CaseStage::received, CaseStage::reintegration, CaseStage::monitoring, CaseStage::closed}) {
    EXPECT_FALSE(next_stage(stage, LifecycleAction::begin_repatriation)) << kCaseStageNames.name(stage);
  }
  EXPECT_EQ(next_stage(CaseStage::repatriation, LifecycleAction::complete_repatriation), CaseStage::closed);
  EXPECT_FALSE(next_stage(CaseStage::planning, LifecycleAction::complete_repatriation));
  EXPECT_EQ(next_stage(CaseStage::repatriation, LifecycleAction::close_lost_contact), CaseStage::closed);
  // A victim who changes their mind, or whose return stays unsafe, comes back to care here.
  EXPECT_EQ(next_stage(CaseStage::repatriation, LifecycleAction::cancel_repatriation), CaseStage::in_care);
  EXPECT_FALSE(next_stage(CaseStage::in_care, LifecycleAction::cancel_repatriation));
}

}  // namespace
}  // namespace haven::domain
