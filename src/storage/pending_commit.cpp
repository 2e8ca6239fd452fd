#include "storage/pending_commit.hpp"

namespace haven::storage {

std::shared_ptr<PendingCommit> PendingCommit::finished(Result<void> outcome) {
  auto pending = std::make_shared<PendingCommit>();
  pending->finish(std::move(outcome));
  return pending;
}

void PendingCommit::finish(Result<void> outcome) {
  Continuation next;
  {
    std::lock_guard lock(mutex_);
    if (outcome_) return;
    outcome_ = std::move(outcome);
    next.swap(next_);
  }
  finished_.notify_all();
  // Outside the lock: the continuation may hand the outcome to another thread that reads it at once.
  if (next) next(*outcome_);
}

void PendingCommit::then(Continuation next) {
  {
    std::lock_guard lock(mutex_);
    if (!outcome_) {
      next_ = std::move(next);
      return;
    }
  }
  next(*outcome_);
}

Result<void> PendingCommit::wait() {
  std::unique_lock lock(mutex_);
  finished_.wait(lock, [&] { return outcome_.has_value(); });
  return *outcome_;
}

}  // namespace haven::storage
