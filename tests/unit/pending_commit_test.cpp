// PendingCommit: the outcome of a deferred write reaches whoever waits for it, once, whether they
// asked before or after it was known.
#include "storage/pending_commit.hpp"

#include <thread>

#include <gtest/gtest.h>

namespace haven::storage {
namespace {

TEST(PendingCommit, AContinuationSetBeforeTheOutcomeRunsWhenItIsKnown) {
  PendingCommit pending;
  int runs = 0;
  pending.then([&](const Result<void>& outcome) {
    ++runs;
    EXPECT_TRUE(outcome);
  });
  EXPECT_EQ(runs, 0);
  pending.finish({});
  EXPECT_EQ(runs, 1);
}

TEST(PendingCommit, AContinuationSetAfterTheOutcomeRunsAtOnce) {
  auto pending = PendingCommit::finished(fail(ErrorCode::unavailable));
  std::optional<ErrorCode> seen;
  pending->then([&](const Result<void>& outcome) { seen = outcome.error().code; });
  EXPECT_EQ(seen, ErrorCode::unavailable);
}

TEST(PendingCommit, OnlyTheFirstOutcomeCounts) {
  PendingCommit pending;
  int runs = 0;
  pending.then([&](const Result<void>&) { ++runs; });
  pending.finish(fail(ErrorCode::internal));
  pending.finish({});
  EXPECT_EQ(runs, 1);
  auto outcome = pending.wait();
  ASSERT_FALSE(outcome);
  EXPECT_EQ(outcome.error().code, ErrorCode::internal);
}

TEST(PendingCommit, WaitBlocksUntilAnotherThreadFinishesIt) {
  PendingCommit pending;
  std::atomic<bool> finished{false};
  std::thread committer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    finished = true;
    pending.finish({});
  });
  EXPECT_TRUE(pending.wait());
  EXPECT_TRUE(finished.load());
  committer.join();
}

}  // namespace
}  // namespace haven::storage
