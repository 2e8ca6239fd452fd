#include "storage/sqlite/sqlite_store.hpp"

#include <exception>

#include "storage/sql/migrations.hpp"
#include "storage/sql/run_transaction.hpp"

namespace haven::storage {

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::filesystem::path& file, const Clock& clock,
                                                       const security::KeyRing& keys, std::size_t readers) {
  HAVEN_ASSIGN_OR_RETURN(auto writer, SqliteConnection::open(file, SqliteConnection::Mode::writer));
  return std::unique_ptr<SqliteStore>(new SqliteStore(file, clock, keys, std::move(writer), readers));
}

SqliteStore::SqliteStore(std::filesystem::path file, const Clock& clock, const security::KeyRing& keys,
                         std::unique_ptr<SqliteConnection> writer, std::size_t readers)
    : file_(std::move(file)),
      clock_(clock),
      keys_(keys),
      writer_(std::move(writer)),
      readers_(readers, [path = file_] { return SqliteConnection::open(path, SqliteConnection::Mode::reader); }),
      committer_([this] { commit_loop(); }) {}

Result<int> SqliteStore::migrate() {
  int version = 0;
  {
    std::lock_guard lock(writer_mutex_);
    auto done = run_transaction<WriteTransaction>(*writer_, keys_, "BEGIN IMMEDIATE", [&](WriteTransaction&) -> Result<void> {
      HAVEN_ASSIGN_OR_RETURN(auto applied, apply_migrations(*writer_, SqlDialect::sqlite, clock_.now()));
      version = applied;
      return {};
    });
    replace_writer_if_stuck();
    HAVEN_TRY(done);
  }
  HAVEN_TRY(index_pending_names(*this));
  return version;
}

Result<int> SqliteStore::schema_version() {
  std::lock_guard lock(writer_mutex_);
  return read_schema_version(*writer_);
}

Result<void> SqliteStore::check() {
  HAVEN_ASSIGN_OR_RETURN(auto lease, readers_.acquire());
  HAVEN_TRY(lease.connection().query("SELECT 1", {}));
  return {};
}

Result<void> SqliteStore::read(const std::function<Result<void>(ReadTransaction&)>& work) {
  HAVEN_ASSIGN_OR_RETURN(auto lease, readers_.acquire());
  // A deferred transaction gives the reader one consistent snapshot of the WAL.
  auto outcome = run_transaction<ReadTransaction>(lease.connection(), keys_, "BEGIN", work);
  if (lease.connection().in_transaction()) lease.discard();
  return outcome;
}

struct SqliteStore::PendingWrite {
  std::function<Result<void>(WriteTransaction&)> deferred_work;  // a deferred write's, kept until it runs
  const std::function<Result<void>(WriteTransaction&)>* work = nullptr;
  Result<void> outcome;
  std::exception_ptr thrown;
  std::shared_ptr<PendingCommit> deferred;  // set for write_deferred: told the outcome, nobody waits
  bool done = false;                         // its group committed (or failed): the outcome is final
  // A waiting caller sleeps on its own condition variable: a commit wakes the members of its group,
  // not every thread waiting (on the 2-core machine the wake-ups cost more than the work:
  // docs/performance.md).
  std::condition_variable woken;
};

SqliteStore::~SqliteStore() {
  {
    std::lock_guard queue_lock(queue_mutex_);
    stopping_ = true;
  }
  work_arrived_.notify_one();
  committer_.join();  // after committing what was queued: nothing handed over is lost
}

Result<void> SqliteStore::write(const std::function<Result<void>(WriteTransaction&)>& work) {
  auto mine = std::make_shared<PendingWrite>();
  mine->work = &work;
  std::unique_lock queue_lock(queue_mutex_);
  queue_.push_back(mine);
  work_arrived_.notify_one();
  mine->woken.wait(queue_lock, [&] { return mine->done; });
  if (mine->thrown) std::rethrow_exception(mine->thrown);
  return mine->outcome;
}

std::shared_ptr<PendingCommit> SqliteStore::write_deferred(std::function<Result<void>(WriteTransaction&)> work) {
  auto pending = std::make_shared<PendingWrite>();
  pending->deferred_work = std::move(work);
  pending->work = &pending->deferred_work;
  pending->deferred = std::make_shared<PendingCommit>();
  auto commit = pending->deferred;
  {
    std::lock_guard queue_lock(queue_mutex_);
    queue_.push_back(std::move(pending));
  }
  work_arrived_.notify_one();
  return commit;
}

void SqliteStore::commit_loop() {
  std::unique_lock queue_lock(queue_mutex_);
  for (;;) {
    work_arrived_.wait(queue_lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, and everything handed over is committed
    // Those who arrived while the last group committed form the next group.
    std::vector<std::shared_ptr<PendingWrite>> group;
    group.swap(queue_);
    queue_lock.unlock();
    try {
      std::lock_guard writer_lock(writer_mutex_);
      run_group(group);
      replace_writer_if_stuck();
    } catch (...) {
      // Out of memory, say, outside any unit: the group is not known to be committed, so none of it
      // counts, and the committer goes on with the next group rather than take the server down.
      (void)writer_->control("ROLLBACK");
      const std::exception_ptr thrown = std::current_exception();
      for (const auto& pending : group) {
        if (!pending->thrown) pending->thrown = thrown;
      }
    }
    for (const auto& pending : group) {
      if (!pending->deferred) continue;
      if (pending->thrown) {
        pending->outcome = fail_internal(ErrorCode::internal, "a deferred write threw an exception");
        try {
          std::rethrow_exception(pending->thrown);
        } catch (const std::exception& e) {
          pending->outcome.error().log_detail += std::string(": ") + e.what();
        } catch (...) {
        }
      }
      pending->deferred->finish(std::move(pending->outcome));
    }
    queue_lock.lock();
    for (const auto& pending : group) {
      pending->done = true;
      if (!pending->deferred) pending->woken.notify_one();
    }
  }
}

void SqliteStore::run_group(const std::vector<std::shared_ptr<PendingWrite>>& group) {
  if (group.size() == 1) {
    // Alone: the plain transaction, exactly as without grouping.
    try {
      group.front()->outcome = run_transaction<WriteTransaction>(*writer_, keys_, "BEGIN IMMEDIATE", *group.front()->work);
    } catch (...) {
      group.front()->thrown = std::current_exception();
    }
    return;
  }
  if (auto begun = writer_->control("BEGIN IMMEDIATE"); !begun) {
    for (const auto& pending : group) pending->outcome = begun;
    return;
  }
  for (const auto& pending : group) {
    if (auto r = writer_->control("SAVEPOINT unit"); !r) {
      pending->outcome = r;
      continue;
    }
    try {
      // A transaction object of its own: what it remembers (the case keys it opened or made) must
      // not outlive a unit that rolls back.
      SqlTransaction transaction(*writer_, keys_);
      pending->outcome = (*pending->work)(transaction);
    } catch (...) {
      pending->thrown = std::current_exception();
    }
    Result<void> ended;
    if (!pending->outcome || pending->thrown) ended = writer_->control("ROLLBACK TO unit");
    if (ended) ended = writer_->control("RELEASE unit");
    if (!ended || !writer_->in_transaction()) {
      // The unit could not be taken back alone, or SQLite rolled the whole transaction back itself (a
      // full disk, an I/O error): nothing of the group is known to hold. It all fails together.
      if (writer_->in_transaction()) (void)writer_->control("ROLLBACK");
      Error failed = ended ? Error(ErrorCode::unavailable) : ended.error();
      if (ended) failed.log_detail = "SQLite rolled the group's transaction back during a unit";
      for (const auto& unit : group) {
        if (unit->outcome && !unit->thrown) unit->outcome = tl::unexpected(failed);
      }
      return;
    }
  }
  if (auto committed = writer_->control("COMMIT"); !committed) {
    (void)writer_->control("ROLLBACK");
    for (const auto& pending : group) {
      if (pending->outcome && !pending->thrown) pending->outcome = committed;
    }
  }
}

void SqliteStore::replace_writer_if_stuck() {
  // A writer left inside a transaction (its ROLLBACK failed) would refuse every later BEGIN: the
  // centre could no longer write until a restart. A fresh connection lets SQLite roll back instead.
  if (!writer_->in_transaction()) return;
  if (auto fresh = SqliteConnection::open(file_, SqliteConnection::Mode::writer)) writer_ = std::move(*fresh);
}

Result<std::string> SqliteStore::integrity_check() {
  static constexpr OneColumn kReportLine{"integrity_check"};  // the pragma's one column, a line a row
  std::lock_guard lock(writer_mutex_);
  HAVEN_ASSIGN_OR_RETURN(auto rows, writer_->query("PRAGMA integrity_check", {}));
  std::string report;
  for (const auto& row : rows) {
    if (!report.empty()) report += "\n";
    report += row.text(kReportLine.value);
  }
  return report;
}

}  // namespace haven::storage
