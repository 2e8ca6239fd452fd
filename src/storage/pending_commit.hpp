// A write handed to the store to commit later, with the writes of other requests (Store::write_deferred).
// Whoever asked for it learns the outcome without holding a thread while the commit is on its way:
// the HTTP transport sends an audited read's answer only from `then`, once its audit entry is
// durable; a caller with a thread to spare blocks in `wait`.
//
//   auto pending = store.write_deferred([entry](WriteTransaction& tx) { return tx.audit().append(entry); });
//   pending->then([](const Result<void>& committed) { ... });   // on the committing thread
//   Result<void> committed = pending->wait();                     // or block until then
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "common/error.hpp"

namespace haven::storage {

class PendingCommit {
 public:
  using Continuation = std::function<void(const Result<void>&)>;

  // A commit whose outcome is already known (a store that writes at once, or a failure to queue).
  static std::shared_ptr<PendingCommit> finished(Result<void> outcome);

  // The store: the write is committed (or failed). Runs the continuation, if one is set, on this
  // thread; only the first call counts.
  void finish(Result<void> outcome);

  // Runs `next` once with the outcome: at once on this thread if it is known, otherwise on the thread
  // that finishes the commit. `next` must be quick: it holds up the commits that follow. One
  // continuation: a second call before the outcome is known replaces the first.
  void then(Continuation next);

  // Blocks until the outcome is known.
  Result<void> wait();

 private:
  std::mutex mutex_;
  std::condition_variable finished_;
  std::optional<Result<void>> outcome_;
  Continuation next_;
};

// The deferred writes a request's answer must wait for before it leaves (an audited read's entry).
using PendingCommits = std::vector<std::shared_ptr<PendingCommit>>;

}  // namespace haven::storage
