// Each case's stored standing (app/case_standings.hpp) on both backends: sealed under the case's key,
// listed with the case's revision so that a standing the case has moved past is known for what it
// is, never stored over a newer one, and gone with an erasure.
#include <map>

#include <gtest/gtest.h>

#include "security/random.hpp"
#include "storage/store_fixture.hpp"

namespace haven::storage {
namespace {

class CaseStandingStore : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    case_ = case_file("Lò Thị Đứng", centre_.id);
    ASSERT_TRUE(insert(case_));
  }

  Result<void> put(std::optional<std::int64_t> revision, const std::string& body) {
    return store_->write([&](WriteTransaction& tx) { return tx.standings().put(case_.id, revision, "basis-1", body); });
  }

  StoredStanding stored() {
    const std::vector<std::string> ids{case_.id};
    auto all = read_value<std::vector<StoredStanding>>(
        *store_, [&](ReadTransaction& tx) { return tx.standings().find(centre_.id, ids); });
    EXPECT_TRUE(all) << all.error().log_detail;
    EXPECT_EQ(all->size(), 1U);
    return all->empty() ? StoredStanding{} : all->front();
  }

  Result<void> add_record() {
    domain::CaseRecord r{security::new_record_id(), kNow, kNow, staff_.id, 1, domain::CounsellingSession{"ổn", false}};
    return store_->write([&](WriteTransaction& tx) { return tx.records().insert(case_.id, r); });
  }

  CaseFile case_;
};

TEST_P(CaseStandingStore, AStandingIsSealedAndReadBackWithTheRevisionItWasComputedFrom) {
  EXPECT_FALSE(stored().revision) << "nothing stored yet";
  ASSERT_TRUE(put(std::nullopt, R"({"child":true})"));
  const auto s = stored();
  EXPECT_EQ(s.case_id, case_.id);
  ASSERT_TRUE(s.revision);
  EXPECT_EQ(*s.revision, s.case_revision);
  EXPECT_EQ(s.basis, "basis-1");
  EXPECT_EQ(s.body, R"({"child":true})");
  // At rest it is ciphertext: whether the victim is a child is not there to read.
  auto raw_body = raw().query("SELECT body FROM " + table("case_standings") + " WHERE case_id = $1", {SqlValue{case_.id}});
  ASSERT_TRUE(raw_body);
  ASSERT_EQ(raw_body->size(), 1U);
  EXPECT_EQ(raw_body->front().text(kRaw.first).find("child"), std::string::npos);
}

TEST_P(CaseStandingStore, EveryChangeToTheCaseLeavesAStoredStandingBehind) {
  ASSERT_TRUE(put(std::nullopt, "{}"));
  const auto before = stored();
  ASSERT_TRUE(add_record());
  const auto after_record = stored();
  EXPECT_GT(after_record.case_revision, *after_record.revision) << "a new record";
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) -> Result<void> {
    auto moved = tx.cases().update_stage(centre_.id, case_.id, case_.version, domain::CaseStage::in_care, kNow);
    if (!moved) return tl::unexpected(moved.error());
    return {};
  }));
  EXPECT_GT(stored().case_revision, after_record.case_revision) << "a stage move";
  EXPECT_EQ(*stored().revision, *before.revision);
}

TEST_P(CaseStandingStore, AnOlderStandingIsNeverStoredOverANewerOne) {
  ASSERT_TRUE(add_record());
  ASSERT_TRUE(put(std::nullopt, R"({"new":1})"));
  const auto current = *stored().revision;
  // A reading that evaluated the case before that change stores its standing late.
  ASSERT_TRUE(put(current - 1, R"({"old":1})"));
  EXPECT_EQ(stored().body, R"({"new":1})");
  EXPECT_EQ(*stored().revision, current);
}

TEST_P(CaseStandingStore, TheCentresCasesArePagedWithTheirRevisionsAndKeepToTheCentre) {
  std::vector<std::string> ids{case_.id};
  for (int i = 0; i < 4; ++i) {
    const CaseFile f = case_file("Người " + std::to_string(i), centre_.id);
    ASSERT_TRUE(insert(f));
    ids.push_back(f.id);
  }
  ASSERT_TRUE(insert(case_file("Ở trung tâm khác", other_centre_.id)));
  ASSERT_TRUE(add_record());
  std::sort(ids.begin(), ids.end());
  std::vector<std::string> seen;
  std::map<std::string, std::int64_t> revisions;
  std::string after;
  for (;;) {
    auto page = read_value<std::vector<CaseRevision>>(
        *store_, [&](ReadTransaction& tx) { return tx.cases().list_revisions(centre_.id, after, 2); });
    ASSERT_TRUE(page);
    if (page->empty()) break;
    for (const auto& c : *page) {
      seen.push_back(c.case_id);
      revisions[c.case_id] = c.revision;
    }
    after = page->back().case_id;
  }
  EXPECT_EQ(seen, ids);
  // The one with a record added has moved on from the others, as registered.
  for (const auto& id : ids) {
    if (id == case_.id) continue;
    EXPECT_GT(revisions[case_.id], revisions[id]);
  }
}

TEST_P(CaseStandingStore, AStaffMembersCasesArePagedFromHerSideWithoutOthersOrErasedOnes) {
  std::vector<std::string> hers{case_.id};
  for (int i = 0; i < 5; ++i) {
    const CaseFile f = case_file("Người " + std::to_string(i), centre_.id);
    ASSERT_TRUE(insert(f));
    hers.push_back(f.id);
  }
  const CaseFile nobodys = case_file("Chưa ai nhận", centre_.id);
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) -> Result<void> {
    if (auto r = tx.cases().insert(nobodys); !r) return r;
    return tx.cases().set_staff(nobodys.id, {});
  }));
  ASSERT_TRUE(insert(case_file("Ở trung tâm khác", other_centre_.id)));
  const CaseFile erased = case_file("Đã xoá", centre_.id);
  ASSERT_TRUE(insert(erased));
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) -> Result<void> {
    auto moved = tx.cases().update_stage(centre_.id, erased.id, erased.version, domain::CaseStage::closed, kNow);
    if (!moved) return tl::unexpected(moved.error());
    return tx.cases().erase(centre_.id, erased.id, {kNow, staff_.id, domain::ErasureGround::subject_request});
  }));
  std::sort(hers.begin(), hers.end());
  std::vector<std::string> seen;
  std::string after;
  for (int pages = 0; pages < 10; ++pages) {
    auto page = read_value<std::vector<CaseRevision>>(*store_, [&](ReadTransaction& tx) {
      return tx.cases().list_revisions_of_staff(centre_.id, staff_.id, after, 2);
    });
    ASSERT_TRUE(page) << page.error().log_detail;
    for (const auto& c : *page) seen.push_back(c.case_id);
    if (page->size() < 2) break;  // a short page is the last: her cases after it, none
    after = page->back().case_id;
  }
  EXPECT_EQ(seen, hers) << "each of hers once, by case ID, in full pages until the last";
}

TEST_P(CaseStandingStore, StandingsAreFoundByCaseOnlyWithinTheCentre) {
  const CaseFile other = case_file("Ở trung tâm khác", other_centre_.id);
  ASSERT_TRUE(insert(other));
  std::vector<std::string> ids{case_.id};
  for (int i = 0; i < 4; ++i) {
    const CaseFile f = case_file("Người " + std::to_string(i), centre_.id);
    ASSERT_TRUE(insert(f));
    ids.push_back(f.id);
  }
  std::sort(ids.begin(), ids.end());
  ASSERT_TRUE(put(std::nullopt, "{}"));
  // Five asked for (a list padded to eight), one of another centre's and one that does not exist.
  std::vector<std::string> asked = ids;
  asked.push_back(other.id);
  asked.push_back("no-such-case");
  auto found = read_value<std::vector<StoredStanding>>(
      *store_, [&](ReadTransaction& tx) { return tx.standings().find(centre_.id, asked); });
  ASSERT_TRUE(found) << found.error().log_detail;
  std::vector<std::string> seen;
  for (const auto& s : *found) seen.push_back(s.case_id);
  EXPECT_EQ(seen, ids) << "each once, by case ID, none of another centre";
  for (const auto& s : *found) EXPECT_EQ(s.revision.has_value(), s.case_id == case_.id) << s.case_id;
  auto none = read_value<std::vector<StoredStanding>>(
      *store_, [&](ReadTransaction& tx) { return tx.standings().find(centre_.id, {}); });
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
}

TEST_P(CaseStandingStore, AnErasedCaseHasNoStandingAndTakesNoNewOne) {
  ASSERT_TRUE(put(std::nullopt, "{}"));
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) -> Result<void> {
    auto moved = tx.cases().update_stage(centre_.id, case_.id, case_.version, domain::CaseStage::closed, kNow);
    if (!moved) return tl::unexpected(moved.error());
    return tx.cases().erase(centre_.id, case_.id, {kNow, staff_.id, domain::ErasureGround::subject_request});
  }));
  auto left = raw().query("SELECT COUNT(*) FROM " + table("case_standings") + " WHERE case_id = $1", {SqlValue{case_.id}});
  ASSERT_TRUE(left);
  EXPECT_EQ(left->front().integer(kCount.value), 0);
  const std::vector<std::string> ids{case_.id};
  auto found = read_value<std::vector<StoredStanding>>(
      *store_, [&](ReadTransaction& tx) { return tx.standings().find(centre_.id, ids); });
  ASSERT_TRUE(found);
  EXPECT_TRUE(found->empty());
  auto listed = read_value<std::vector<CaseRevision>>(
      *store_, [&](ReadTransaction& tx) { return tx.cases().list_revisions(centre_.id, "", 100); });
  ASSERT_TRUE(listed);
  EXPECT_TRUE(listed->empty());
  auto again = put(std::nullopt, "{}");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::not_found);
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseStandingStore, kBackends, backend_name);

}  // namespace
}  // namespace haven::storage
