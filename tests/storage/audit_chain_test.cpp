// The audit log's hash chain on both backends: an intact log verifies; an entry edited, deleted,
// inserted or moved by someone with access to the database (but not to the key file) is found, and
// the first bad entry is named.
#include <gtest/gtest.h>

#include "app/audit_log.hpp"
#include "storage/store_fixture.hpp"

namespace haven::storage {
namespace {

using app::AuditProblem;

class AuditChain : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    for (int i = 1; i <= 5; ++i) {
      ASSERT_TRUE(store_->write([&](WriteTransaction& tx) {
        return tx.audit().append({kNow + std::chrono::seconds{i}, staff_.id, "case.read", "case-" + std::to_string(i), ""});
      }));
    }
    auto page = read_value<std::vector<StoredAuditEntry>>(*store_, [](ReadTransaction& tx) { return tx.audit().list_page(0, 100); });
    ASSERT_TRUE(page);
    ASSERT_EQ(page->size(), 5U);
    entries_ = *page;
  }

  app::AuditVerification verify() {
    auto check = app::verify_audit_log(*store_, keys_, [](std::int64_t) {});
    EXPECT_TRUE(check) << check.error().log_detail;
    return check ? *check : app::AuditVerification{};
  }

  void run(const std::string& sql, const SqlParams& params = {}) {
    auto r = raw().execute(sql, params);
    ASSERT_TRUE(r) << r.error().log_detail;
  }

  std::vector<StoredAuditEntry> entries_;
};

TEST_P(AuditChain, AnIntactLogVerifies) {
  const auto check = verify();
  EXPECT_EQ(check.problem, AuditProblem::none);
  EXPECT_EQ(check.chained, 5);
  EXPECT_FALSE(check.first_bad_id);
  EXPECT_EQ(entries_.front().prev_hash, "");
  EXPECT_EQ(entries_.at(1).prev_hash, entries_.at(0).hash);
}

TEST_P(AuditChain, AnEditedEntryIsNamed) {
  run("UPDATE " + table("audit_log") + " SET detail = 'nothing to see' WHERE id = $1", {SqlValue{entries_.at(2).id}});
  const auto check = verify();
  EXPECT_EQ(check.problem, AuditProblem::altered);
  EXPECT_EQ(check.first_bad_id, entries_.at(2).id);
}

TEST_P(AuditChain, AnEditedTimeIsNamed) {
  run("UPDATE " + table("audit_log") + " SET at = at + 3600 WHERE id = $1", {SqlValue{entries_.at(1).id}});
  EXPECT_EQ(verify().first_bad_id, entries_.at(1).id);
}

TEST_P(AuditChain, ADeletedEntryIsFoundAtTheOneAfterIt) {
  run("DELETE FROM " + table("audit_log") + " WHERE id = $1", {SqlValue{entries_.at(2).id}});
  const auto check = verify();
  EXPECT_EQ(check.problem, AuditProblem::broken_link);
  EXPECT_EQ(check.first_bad_id, entries_.at(3).id);
}

TEST_P(AuditChain, DeletingTheLastEntriesIsFound) {
  run("DELETE FROM " + table("audit_log") + " WHERE id >= $1", {SqlValue{entries_.at(3).id}});
  const auto check = verify();
  EXPECT_EQ(check.problem, AuditProblem::last_entries_missing);
  EXPECT_EQ(check.chained, 3);
}

TEST_P(AuditChain, AnInsertedEntryWithoutTheKeyIsNamed) {
  // Someone adds an entry that links to the real last one, with a hash they could only guess.
  run("INSERT INTO " + table("audit_log") +
          " (at, actor_id, action, case_id, detail, prev_hash, hash) VALUES ($1, $2, 'case.read', 'case-x', '', $3, $4)",
      {SqlValue{std::int64_t{1}}, SqlValue{staff_.id}, SqlValue{entries_.back().hash}, SqlValue{std::string(64, 'a')}});
  const auto check = verify();
  EXPECT_EQ(check.problem, AuditProblem::altered);
  EXPECT_GT(*check.first_bad_id, entries_.back().id);
}

TEST_P(AuditChain, AnEntryRecomputedWithAnotherKeyIsNamed) {
  // Even a well-formed chain fails when its hashes were made without this deployment's key.
  const auto other = security::KeyRing::generate();
  auto check = app::verify_audit_log(*store_, other, [](std::int64_t) {});
  ASSERT_TRUE(check);
  EXPECT_EQ(check->problem, AuditProblem::altered);
  EXPECT_EQ(check->first_bad_id, entries_.front().id);
}

TEST_P(AuditChain, ReorderedEntriesAreFound) {
  // Swap two entries whole (content and hashes), keeping their places in the log.
  const auto& a = entries_.at(1);
  const auto& b = entries_.at(2);
  const std::string set = "UPDATE " + table("audit_log") +
                          " SET at = $1, actor_id = $2, action = $3, case_id = $4, detail = $5, prev_hash = $6, hash = $7 "
                          "WHERE id = $8";
  auto params = [](const StoredAuditEntry& from, std::int64_t id) {
    return SqlParams{SqlValue{from.entry.at.time_since_epoch().count()}, SqlValue{from.entry.actor_id},
                     SqlValue{from.entry.action}, SqlValue{from.entry.case_id}, SqlValue{from.entry.detail},
                     SqlValue{from.prev_hash}, SqlValue{from.hash}, SqlValue{id}};
  };
  run(set, params(b, a.id));
  run(set, params(a, b.id));
  const auto check = verify();
  EXPECT_EQ(check.problem, AuditProblem::broken_link);
  EXPECT_EQ(check.first_bad_id, a.id);
}

TEST_P(AuditChain, TheExposureReportListsWhoOpenedWhichCase) {
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) {
    return tx.audit().append({kNow + std::chrono::seconds{6}, staff_.id, "case.read", "case-1", ""});
  }));
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) {
    return tx.audit().append({kNow + std::chrono::seconds{7}, staff_.id, "case.access_denied", "case-9", "I.3.c"});
  }));
  auto reads = read_value<std::vector<CaseReadSummary>>(*store_, [](ReadTransaction& tx) {
    return tx.audit().list_case_reads(kNow + std::chrono::seconds{1}, kNow + std::chrono::seconds{7});
  });
  ASSERT_TRUE(reads);
  ASSERT_EQ(reads->size(), 5U) << "cases 1 to 5; a refused opening opened nothing";
  EXPECT_EQ(reads->front().case_id, "case-1");
  EXPECT_EQ(reads->front().reads, 2);
  EXPECT_EQ(reads->front().actor_username, "worker1");
  EXPECT_EQ(reads->front().last, kNow + std::chrono::seconds{6});
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditChain, kBackends, backend_name);

}  // namespace
}  // namespace haven::storage
