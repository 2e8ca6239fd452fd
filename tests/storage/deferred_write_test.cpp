// Store::write_deferred on both backends: the outcome is told only once the write is committed; a
// unit that fails or throws takes only itself back and says why; deferred and waiting writers share
// commits and lose nothing; and on SQLite what was handed over before the store closes is committed.
#include <atomic>
#include <set>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

#include "store_fixture.hpp"

namespace haven::storage {
namespace {

// The whole audit log, in order (the tests write far fewer entries than a page holds).
Result<std::vector<StoredAuditEntry>> audit_log(Store& store) {
  return read_value<std::vector<StoredAuditEntry>>(store, [](ReadTransaction& tx) { return tx.audit().list_page(0, 100000); });
}

class DeferredWrite : public StoreFixture {
 protected:
  std::size_t audit_entries() {
    auto entries = audit_log(*store_);
    EXPECT_TRUE(entries);
    return entries ? entries->size() : 0;
  }
  AuditEntry read_of(const std::string& case_id) { return {kNow, staff_.id, "case.read", case_id, ""}; }
};

TEST_P(DeferredWrite, TheOutcomeIsToldOnlyOnceTheWriteIsCommitted) {
  const CaseFile f = case_file("Đặng Thị Hoa", centre_.id);
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) { return tx.cases().insert(f); }));
  auto pending =
      store_->write_deferred([entry = read_of(f.id)](WriteTransaction& tx) { return tx.audit().append(entry); });
  std::atomic<bool> told{false};
  std::atomic<std::size_t> entries_when_told{0};
  pending->then([&](const Result<void>& committed) {
    EXPECT_TRUE(committed) << committed.error().log_detail;
    // Another connection sees the entry when the outcome is told: it is committed, not merely written.
    entries_when_told = audit_entries();
    told = true;
  });
  ASSERT_TRUE(pending->wait());
  while (!told) std::this_thread::yield();  // wait() and the continuation may be told on two threads
  EXPECT_EQ(entries_when_told.load(), 1u);
  // A continuation set once the outcome is known runs at once, with the same outcome.
  bool ran = false;
  pending->then([&](const Result<void>& committed) { ran = static_cast<bool>(committed); });
  EXPECT_TRUE(ran);
}

TEST_P(DeferredWrite, AFailedUnitWritesNothingAndSaysWhy) {
  const CaseFile f = case_file("Nguyễn Văn An", centre_.id);
  auto pending = store_->write_deferred([f](WriteTransaction& tx) -> Result<void> {
    if (auto r = tx.cases().insert(f); !r) return r;
    return fail(ErrorCode::validation_failed, "why");
  });
  auto outcome = pending->wait();
  ASSERT_FALSE(outcome);
  EXPECT_EQ(outcome.error().code, ErrorCode::validation_failed);
  EXPECT_EQ(outcome.error().field, "why");
  EXPECT_FALSE(find(centre_.id, f.id));
}

TEST_P(DeferredWrite, AUnitThatThrowsIsAnInternalErrorAndWritesNothing) {
  const CaseFile f = case_file("Lê Thị Bình", centre_.id);
  auto pending = store_->write_deferred([f](WriteTransaction& tx) -> Result<void> {
    if (auto r = tx.cases().insert(f); !r) return r;
    throw std::runtime_error("a bug in the unit of work");
  });
  auto outcome = pending->wait();
  ASSERT_FALSE(outcome);
  EXPECT_EQ(outcome.error().code, ErrorCode::internal);
  EXPECT_NE(outcome.error().log_detail.find("a bug in the unit of work"), std::string::npos);
  EXPECT_FALSE(find(centre_.id, f.id));
  // The store goes on writing.
  EXPECT_TRUE(store_->write([&](WriteTransaction& tx) { return tx.audit().append(read_of(f.id)); }));
}

// Readings hand their audit entries over while other requests write and wait: every entry and every
// case is kept, the failing units alone are dropped, and the hash chain stays whole.
TEST_P(DeferredWrite, DeferredAndWaitingWritersShareCommitsAndLoseNothing) {
  constexpr int kThreads = 6;
  constexpr int kEach = 20;
  std::vector<std::thread> threads;
  std::atomic<int> unexpected{0};
  std::atomic<int> cases{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      PendingCommits pending;
      for (int i = 0; i < kEach; ++i) {
        const int n = t * kEach + i;
        if (t % 2 == 0) {
          const CaseFile f = case_file("Nhóm " + std::to_string(n), centre_.id);
          auto r = store_->write([&](WriteTransaction& tx) -> Result<void> {
            if (auto w = tx.cases().insert(f); !w) return w;
            return tx.audit().append({kNow, staff_.id, "case.create", f.id, ""});
          });
          if (!r) ++unexpected;
          ++cases;
        } else {
          const bool fails = n % 5 == 0;
          pending.push_back(store_->write_deferred(
              [fails, entry = read_of("case-" + std::to_string(n))](WriteTransaction& tx) -> Result<void> {
                if (auto w = tx.audit().append(entry); !w) return w;
                if (fails) return fail(ErrorCode::internal);
                return {};
              }));
        }
      }
      for (std::size_t i = 0; i < pending.size(); ++i) {
        const int n = t * kEach + static_cast<int>(i);
        if (static_cast<bool>(pending[i]->wait()) == (n % 5 == 0)) ++unexpected;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(unexpected.load(), 0);
  int deferred_kept = 0;
  for (int t = 1; t < kThreads; t += 2) {
    for (int i = 0; i < kEach; ++i) deferred_kept += (t * kEach + i) % 5 == 0 ? 0 : 1;
  }
  auto check = audit_log(*store_);
  ASSERT_TRUE(check);
  EXPECT_EQ(check->size(), static_cast<std::size_t>(cases.load() + deferred_kept));
  for (std::size_t i = 1; i < check->size(); ++i) EXPECT_EQ((*check)[i].prev_hash, (*check)[i - 1].hash);
}

INSTANTIATE_TEST_SUITE_P(Backends, DeferredWrite, kBackends, backend_name);

// Closing the store (a graceful shutdown) commits what was handed over first: no reading that was
// answered loses its audit entry.
TEST(SqliteDeferredWrite, WhatWasHandedOverBeforeTheStoreClosesIsCommitted) {
  security::initialise();
  testing::TempDir dir;
  const auto keys = security::KeyRing::generate();
  FixedClock clock(kNow);
  PendingCommits pending;
  {
    auto store = SqliteStore::open(dir.path() / "haven.db", clock, keys);
    ASSERT_TRUE(store);
    ASSERT_TRUE((*store)->migrate());
    for (int i = 0; i < 50; ++i) {
      pending.push_back((*store)->write_deferred([i](WriteTransaction& tx) {
        return tx.audit().append({kNow, "staff", "case.read", "case-" + std::to_string(i), ""});
      }));
    }
  }  // closed at once, without waiting
  for (const auto& commit : pending) EXPECT_TRUE(commit->wait());
  auto reopened = SqliteStore::open(dir.path() / "haven.db", clock, keys);
  ASSERT_TRUE(reopened);
  auto entries = audit_log(**reopened);
  ASSERT_TRUE(entries);
  EXPECT_EQ(entries->size(), 50u);
}

// A unit can make SQLite roll the whole group's transaction back (a full disk; here a trigger's
// RAISE(ROLLBACK)). Then nothing of the group holds, and no unit of it may be reported committed, nor
// anything kept that was reported failed. Before, the units after the failing one ran outside any
// transaction and committed one by one, and were then reported failed.
TEST(SqliteDeferredWrite, AUnitThatRollsTheGroupBackFailsTheWholeGroupAndOnlyIt) {
  security::initialise();
  testing::TempDir dir;
  const auto keys = security::KeyRing::generate();
  FixedClock clock(kNow);
  auto store = SqliteStore::open(dir.path() / "haven.db", clock, keys);
  ASSERT_TRUE(store);
  ASSERT_TRUE((*store)->migrate());
  {
    auto db = SqliteConnection::open(dir.path() / "haven.db", SqliteConnection::Mode::writer);
    ASSERT_TRUE(db);
    ASSERT_TRUE((*db)->execute_script("CREATE TRIGGER disk_full BEFORE INSERT ON audit_log WHEN NEW.case_id = 'case-5' "
                                      "BEGIN SELECT RAISE(ROLLBACK, 'disk full'); END;"));
  }
  PendingCommits pending;
  for (int i = 0; i < 40; ++i) {
    pending.push_back((*store)->write_deferred([i](WriteTransaction& tx) {
      return tx.audit().append({kNow, "staff", "case.read", "case-" + std::to_string(i), ""});
    }));
  }
  std::set<std::string> reported;
  for (int i = 0; i < 40; ++i) {
    if (pending[static_cast<std::size_t>(i)]->wait()) reported.insert("case-" + std::to_string(i));
  }
  auto entries = audit_log(**store);
  ASSERT_TRUE(entries);
  std::set<std::string> kept;
  for (const auto& e : *entries) kept.insert(e.entry.case_id);
  EXPECT_EQ(kept, reported);  // reported committed exactly when kept
  EXPECT_FALSE(kept.contains("case-5"));
  EXPECT_LT(kept.size(), 40u);
  for (std::size_t i = 1; i < entries->size(); ++i) EXPECT_EQ((*entries)[i].prev_hash, (*entries)[i - 1].hash);
  // The writer is left sound: the next write commits.
  EXPECT_TRUE((*store)->write([](WriteTransaction& tx) { return tx.audit().append({kNow, "staff", "case.read", "after", ""}); }));
}

}  // namespace
}  // namespace haven::storage
