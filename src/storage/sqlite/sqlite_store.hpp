// The embedded store of a single centre: one SQLite file in the data folder. One writer connection
// takes BEGIN IMMEDIATE under a mutex (SQLite allows one writer at a time; waiting in our queue is
// cheaper than spinning on SQLITE_BUSY); readers run in parallel on a pool of connections.
//
// Group commit: the units of work that arrive while one commits wait together, and the next of them
// runs them all in one transaction, each inside its own savepoint, and commits once. A unit that
// fails is rolled back to its savepoint alone; every caller returns only after the commit that holds
// its work, so each still sees its own all-or-nothing, durable write, and an audited read pays a
// share of one fsync instead of one of its own.
//
//   auto store = SqliteStore::open(data_dir / "haven.db", clock, keys);
//   store.value()->migrate();
#pragma once

#include <filesystem>
#include <memory>
#include <condition_variable>
#include <mutex>
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

  std::string_view backend() const override { return "sqlite"; }
  Result<int> migrate() override;
  Result<int> schema_version() override;
  Result<void> check() override;
  Result<void> read(const std::function<Result<void>(ReadTransaction&)>& work) override;
  Result<void> write(const std::function<Result<void>(WriteTransaction&)>& work) override;

  // PRAGMA integrity_check: "ok" for a sound file (the kill test and `haven check` read it).
  Result<std::string> integrity_check();

 private:
  SqliteStore(std::filesystem::path file, const Clock& clock, const security::KeyRing& keys,
              std::unique_ptr<SqliteConnection> writer, std::size_t readers);
  void replace_writer_if_stuck();  // with writer_mutex_ held

  struct PendingWrite;
  void run_group(const std::vector<PendingWrite*>& group);  // with writer_mutex_ held

  std::filesystem::path file_;
  const Clock& clock_;
  const security::KeyRing& keys_;
  std::mutex writer_mutex_;
  std::mutex queue_mutex_;
  std::vector<PendingWrite*> queue_;  // waiting for the next group
  bool group_running_ = false;
  std::unique_ptr<SqliteConnection> writer_;
  ConnectionPool<SqliteConnection> readers_;
};

}  // namespace haven::storage
