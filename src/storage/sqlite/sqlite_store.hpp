// The embedded store of a single centre: one SQLite file in the data folder. One writer connection
// takes BEGIN IMMEDIATE under a mutex (SQLite allows one writer at a time; waiting in our queue is
// cheaper than spinning on SQLITE_BUSY); readers run in parallel on a pool of connections.
//
// Group commit: one committer thread runs the units of work handed over while it committed the last
// group all in one transaction, each inside its own savepoint, and commits once. A unit that fails is
// rolled back to its savepoint alone. `write` returns only after the commit that holds its work, so
// each caller still sees its own all-or-nothing, durable write; `write_deferred` returns at once and
// tells its PendingCommit after that commit. An audited read pays a share of one fsync instead of one
// of its own, and, deferred, holds no thread while it waits (docs/performance.md).
//
//   auto store = SqliteStore::open(data_dir / "haven.db", clock, keys);
//   store.value()->migrate();
#pragma once

#include <filesystem>
#include <memory>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "common/clock.hpp"
#include "security/key_ring.hpp"
#include "storage/sql/connection_pool.hpp"
#include "storage/sqlite/sqlite_connection.hpp"
#include "storage/store.hpp"

namespace haven::storage {

class SqliteStore final : public Store {
 public:
  // `keys` must outlive the store.
  static Result<std::unique_ptr<SqliteStore>> open(const std::filesystem::path& file, const Clock& clock,
                                                   const security::KeyRing& keys, std::size_t readers = 8);

  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  std::string_view backend() const override { return "sqlite"; }
  Result<int> migrate() override;
  Result<int> schema_version() override;
  Result<void> check() override;
  Result<void> read(const std::function<Result<void>(ReadTransaction&)>& work) override;
  Result<void> write(const std::function<Result<void>(WriteTransaction&)>& work) override;
  std::shared_ptr<PendingCommit> write_deferred(std::function<Result<void>(WriteTransaction&)> work) override;

  // PRAGMA integrity_check: "ok" for a sound file (the kill test and `haven check` read it).
  Result<std::string> integrity_check();

 private:
  SqliteStore(std::filesystem::path file, const Clock& clock, const security::KeyRing& keys,
              std::unique_ptr<SqliteConnection> writer, std::size_t readers);
  void replace_writer_if_stuck();  // with writer_mutex_ held

  struct PendingWrite;
  void commit_loop();  // the committer thread
  void run_group(const std::vector<std::shared_ptr<PendingWrite>>& group);  // with writer_mutex_ held

  std::filesystem::path file_;
  const Clock& clock_;
  const security::KeyRing& keys_;
  std::mutex writer_mutex_;
  std::mutex queue_mutex_;
  std::condition_variable work_arrived_;            // wakes the committer
  std::vector<std::shared_ptr<PendingWrite>> queue_;  // waiting for the next group
  bool stopping_ = false;
  std::unique_ptr<SqliteConnection> writer_;
  ConnectionPool<SqliteConnection> readers_;
  std::thread committer_;  // last: it starts once everything above is ready
};

}  // namespace haven::storage
