// A bounded pool of database connections, opened lazily and handed to one thread at a time. Used by
// the SQLite store for its readers and by the PostgreSQL store for every connection.
//
//   ConnectionPool<PgConnection> pool(8, [&] { return PgConnection::open(conninfo); });
//   auto lease = pool.acquire();            // waits while all connections are in use
//   HAVEN_TRY(lease);
//   lease->connection().query(...);         // returned to the pool when `lease` goes out of scope
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "common/error.hpp"

namespace haven::storage {

inline constexpr std::chrono::seconds kAcquireTimeout{15};

template <class Connection>
class ConnectionPool {
 public:
  using Opener = std::function<Result<std::unique_ptr<Connection>>()>;

  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<Connection> connection)
        : pool_(&pool), connection_(std::move(connection)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() {
      if (connection_) pool_->release(std::move(connection_), discard_);
    }
    Connection& connection() { return *connection_; }
    // The connection is broken: close it instead of returning it to the pool.
    void discard() { discard_ = true; }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Connection> connection_;
    bool discard_ = false;
  };

  ConnectionPool(std::size_t capacity, Opener opener) : capacity_(capacity == 0 ? 1 : capacity), opener_(std::move(opener)) {}

  Result<Lease> acquire() {
    std::unique_lock lock(mutex_);
    // A request waits a while for a connection, then answers 503 rather than hang its worker forever.
    if (!available_.wait_for(lock, kAcquireTimeout, [this] { return !idle_.empty() || open_count_ < capacity_; })) {
      return fail_internal(ErrorCode::unavailable, "no database connection became free in time");
    }
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(connection));
    }
    ++open_count_;
    lock.unlock();
    auto opened = opener_();
    if (!opened) {
      lock.lock();
      --open_count_;
      available_.notify_one();
      return tl::unexpected(opened.error());
    }
    return Lease(*this, std::move(*opened));
  }

 private:
  void release(std::unique_ptr<Connection> connection, bool discard) {
    {
      std::lock_guard lock(mutex_);
      if (discard) {
        --open_count_;
      } else {
        idle_.push_back(std::move(connection));
      }
    }
    available_.notify_one();
  }

  std::size_t capacity_;
  Opener opener_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::size_t open_count_ = 0;
};

}  // namespace haven::storage
