// The standings a server holds between readings (app/standing_cache.hpp): used only for the revision
// and basis they were read at, dropped when a whole reading no longer sees the case, and never taken
// back after an erasure or a transfer from a reading that began before it.
#include "app/standing_cache.hpp"

#include <gtest/gtest.h>

namespace haven::app {
namespace {

using storage::CaseRevision;

class StandingCacheTest : public ::testing::Test {
 protected:
  static StandingCache::Standing standing(domain::CaseStage stage) {
    standards::CaseStanding s;
    s.stage = stage;
    return std::make_shared<const standards::CaseStanding>(s);
  }

  // The standing held for the case at `revision` under `basis` in one reading, or null.
  StandingCache::Standing held(const std::string& case_id, std::int64_t revision, const std::string& basis = "b1") {
    const auto reading = cache_.begin_reading();
    const std::vector<CaseRevision> page{{case_id, revision}};
    std::vector<StandingCache::Standing> out;
    cache_.find("centre", basis, page, reading, out);
    cache_.end_reading(reading, "centre", false);
    return out.at(0);
  }

  void keep(const std::string& case_id, std::int64_t revision, domain::CaseStage stage, const std::string& basis = "b1") {
    const auto reading = cache_.begin_reading();
    cache_.keep("centre", basis, case_id, revision, standing(stage), reading);
    cache_.end_reading(reading, "centre", false);
  }

  StandingCache cache_;
};

TEST_F(StandingCacheTest, AStandingIsHeldOnlyForTheRevisionAndBasisItWasReadAt) {
  keep("c1", 3, domain::CaseStage::in_care);
  ASSERT_TRUE(held("c1", 3));
  EXPECT_EQ(held("c1", 3)->stage, domain::CaseStage::in_care);
  EXPECT_FALSE(held("c1", 4)) << "the case has changed since";
  EXPECT_FALSE(held("c2", 3)) << "another case";
  EXPECT_FALSE(held("c1", 3, "b2")) << "another engine or other parameters";
  EXPECT_FALSE(held("c1", 3)) << "nothing from before the new basis is kept";
  EXPECT_EQ(cache_.size(), 0U);
}

TEST_F(StandingCacheTest, AStandingReadFromAnOlderRevisionNeverReplacesANewerOne) {
  keep("c1", 5, domain::CaseStage::planning);
  keep("c1", 4, domain::CaseStage::in_care);  // a slower reading, from an earlier snapshot
  ASSERT_TRUE(held("c1", 5));
  EXPECT_EQ(held("c1", 5)->stage, domain::CaseStage::planning);
}

TEST_F(StandingCacheTest, AWholeReadingDropsTheCasesItNoLongerSaw) {
  keep("gone", 1, domain::CaseStage::received);
  keep("stays", 1, domain::CaseStage::received);
  const std::vector<CaseRevision> centre{{"stays", 1}};
  std::vector<StandingCache::Standing> out;
  // A reading stopped part-way says nothing of the cases it did not reach.
  auto partial = cache_.begin_reading();
  cache_.find("centre", "b1", centre, partial, out);
  cache_.end_reading(partial, "centre", false);
  EXPECT_EQ(cache_.size(), 2U);
  auto whole = cache_.begin_reading();
  cache_.find("centre", "b1", centre, whole, out);
  cache_.end_reading(whole, "centre", true);
  EXPECT_EQ(cache_.size(), 1U);
  EXPECT_TRUE(held("stays", 1));
}

TEST_F(StandingCacheTest, AnEarlierReadingEndingDropsNothingALaterOneSaw) {
  const auto earlier = cache_.begin_reading();
  const auto later = cache_.begin_reading();
  cache_.keep("centre", "b1", "new", 1, standing(domain::CaseStage::received), later);  // registered in between
  cache_.end_reading(earlier, "centre", true);
  EXPECT_TRUE(held("new", 1));
  cache_.end_reading(later, "centre", true);
}

TEST_F(StandingCacheTest, AForgottenCaseIsNotTakenBackFromAReadingBegunBefore) {
  keep("erased", 2, domain::CaseStage::closed);
  const auto before = cache_.begin_reading();  // its snapshot still shows the case
  cache_.forget("erased");
  EXPECT_EQ(cache_.size(), 0U);
  cache_.keep("centre", "b1", "erased", 2, standing(domain::CaseStage::closed), before);
  EXPECT_EQ(cache_.size(), 0U) << "the erasure came after that reading began";
  cache_.end_reading(before, "centre", false);
  // A case of that ID read afterwards (a transfer's destination centre, say) is held again.
  const auto after = cache_.begin_reading();
  cache_.keep("centre", "b1", "erased", 3, standing(domain::CaseStage::received), after);
  cache_.end_reading(after, "centre", false);
  EXPECT_EQ(cache_.size(), 1U);
}

}  // namespace
}  // namespace haven::app
