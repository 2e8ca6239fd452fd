// Notifications on both backends (app/notifications.hpp): what was noted for a member of staff is
// kept once per key, newest first and hers alone; a read mark stays at its first reading and can be
// the only row of a notification derived elsewhere; the case's rows go with its erasure.
#include <gtest/gtest.h>

#include "storage/store_fixture.hpp"

namespace haven::storage {
namespace {

class NotificationStore : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    case_ = case_file("Lù Thị Báo", centre_.id);
    ASSERT_TRUE(insert(case_));
  }
  StoredNotification noted(std::string key, Timestamp at, std::string staff_id = {}) const {
    return {staff_id.empty() ? staff_.id : std::move(staff_id), std::move(key), "assignment", case_.id, "record-1", {}, at,
            std::nullopt};
  }
  std::vector<StoredNotification> list(const std::string& staff_id) {
    auto rows = read_value<std::vector<StoredNotification>>(
        *store_, [&](ReadTransaction& tx) { return tx.notifications().list(staff_id); });
    EXPECT_TRUE(rows) << (rows ? "" : rows.error().log_detail);
    return rows ? *rows : std::vector<StoredNotification>{};
  }
  Result<void> add(const StoredNotification& n) {
    return store_->write([&](WriteTransaction& tx) { return tx.notifications().add(n); });
  }
  Result<void> mark(std::vector<StoredNotification> rows, Timestamp at) {
    return store_->write([&](WriteTransaction& tx) { return tx.notifications().mark_read(rows, at); });
  }
  CaseFile case_;
};

TEST_P(NotificationStore, KeptOncePerKeyNewestFirstAndHersAlone) {
  ASSERT_TRUE(add(noted("assignment:a", kNow)));
  ASSERT_TRUE(add(noted("assignment:b", kNow + std::chrono::minutes{1})));
  ASSERT_TRUE(add(noted("assignment:a", kNow + std::chrono::minutes{5}))) << "noted again: no error, kept as it was";
  ASSERT_TRUE(add(noted("assignment:c", kNow, "someone-else")));
  const auto rows = list(staff_.id);
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[0].key, "assignment:b");
  EXPECT_EQ(rows[1].key, "assignment:a");
  EXPECT_EQ(rows[1].at, kNow);
  EXPECT_EQ(rows[1].case_id, case_.id);
  EXPECT_EQ(rows[1].record_id, "record-1");
  EXPECT_FALSE(rows[1].read_at);
}

TEST_P(NotificationStore, AReadMarkStaysAtItsFirstReadingAndMayBeTheOnlyRow) {
  ASSERT_TRUE(add(noted("assignment:a", kNow)));
  auto derived = noted("overdue:" + case_.id + ":II.3.a:1", kNow - std::chrono::hours{1});
  derived.kind = "overdue";
  ASSERT_TRUE(mark({noted("assignment:a", kNow), derived}, kNow + std::chrono::minutes{2}));
  ASSERT_TRUE(mark({noted("assignment:a", kNow)}, kNow + std::chrono::minutes{9}));
  const auto rows = list(staff_.id);
  ASSERT_EQ(rows.size(), 2U);
  for (const auto& row : rows) {
    ASSERT_TRUE(row.read_at) << row.key;
    EXPECT_EQ(*row.read_at, kNow + std::chrono::minutes{2}) << row.key;
  }
  EXPECT_EQ(rows[1].kind, "overdue");
}

// A decision's verdict is the case's: sealed under its key, bound to its row.
TEST_P(NotificationStore, WhatAKindAddsIsSealedUnderTheCasesKey) {
  auto decided = noted("decision:d", kNow);
  decided.kind = "disclosure_decision";
  decided.detail = "decline";
  ASSERT_TRUE(add(decided));
  const auto rows = list(staff_.id);
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].detail, "decline");
  static constexpr OneColumn kDetail{"detail"};
  auto stored = raw().query(kDetail.select("FROM " + table("notifications")), {});
  ASSERT_TRUE(stored);
  ASSERT_EQ(stored->size(), 1U);
  EXPECT_TRUE(stored->front().text(kDetail.value).starts_with("c1:")) << stored->front().text(kDetail.value);
}

// Erased, the case takes its rows; and a mark or a note that read the case before it was erased
// does not bring one back.
TEST_P(NotificationStore, GoneWithTheCasesErasureAndNeverWrittenAfter) {
  ASSERT_TRUE(add(noted("assignment:a", kNow)));
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) -> Result<void> {
    HAVEN_TRY(tx.cases().update_stage(centre_.id, case_.id, case_.version, domain::CaseStage::closed, kNow));
    return tx.cases().erase(centre_.id, case_.id, {kNow, staff_.id, domain::ErasureGround::subject_request});
  }));
  EXPECT_TRUE(list(staff_.id).empty());
  ASSERT_TRUE(add(noted("assignment:b", kNow)));
  ASSERT_TRUE(mark({noted("overdue-token", kNow)}, kNow));
  EXPECT_TRUE(list(staff_.id).empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, NotificationStore, kBackends, backend_name);

}  // namespace
}  // namespace haven::storage
