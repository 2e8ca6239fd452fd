#include "storage/sqlite/sqlite_backup.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <memory>
#include <thread>

#include <sqlite3.h>

namespace haven::storage {
namespace {

// Pages a step: 1,024 pages of 4 KiB. Between steps the source's snapshot stays open.
constexpr int kPagesPerStep = 1024;
// The copy is pushed to the disk every this many bytes: left to the end, hundreds of megabytes of
// dirty pages went out at once and every commit's fsync waited behind them (430 ms at 100,000 cases).
constexpr std::int64_t kSyncEvery = 4 << 20;

struct Closer {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Database = std::unique_ptr<sqlite3, Closer>;

Result<Database> open_database(const std::filesystem::path& file, int flags) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(file.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  Database held(db);
  if (rc != SQLITE_OK) {
    return fail_internal(ErrorCode::unavailable, "cannot open SQLite database " + file.string() + ": " +
                                                     (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
  }
  sqlite3_busy_timeout(db, 10000);
  return held;
}

Result<void> run(sqlite3* db, const char* sql, std::string_view what) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string detail = message ? message : sqlite3_errmsg(db);
    sqlite3_free(message);
    return fail_internal(ErrorCode::unavailable, std::string(what) + ": " + detail);
  }
  return {};
}

}  // namespace

Result<void> copy_sqlite_database(const std::filesystem::path& from, const std::filesystem::path& to,
                                  FunctionRef<void(std::int64_t, std::int64_t)> progress) {
  // The copy is made 0600 before SQLite writes a page of it.
  const int fd = ::open(to.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) return fail_internal(ErrorCode::unavailable, "cannot create " + to.string() + ": it exists or the folder is not writable");
  ::close(fd);
  HAVEN_ASSIGN_OR_RETURN(auto source, open_database(from, SQLITE_OPEN_READONLY));
  HAVEN_ASSIGN_OR_RETURN(auto copy, open_database(to, SQLITE_OPEN_READWRITE));
  // A copy that is not finished is not a backup: no journal, and synced here, a piece at a time.
  HAVEN_TRY(run(copy.get(), "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;", "cannot prepare the copy"));
  const int sync_fd = ::open(to.c_str(), O_RDONLY | O_CLOEXEC);
  if (sync_fd < 0) return fail_internal(ErrorCode::unavailable, "cannot open " + to.string());
  const struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } sync_closer{sync_fd};
  std::int64_t synced_pages = 0;
  std::int64_t page_bytes = 4096;
  if (sqlite3_stmt* size = nullptr;
      sqlite3_prepare_v2(source.get(), "PRAGMA page_size", -1, &size, nullptr) == SQLITE_OK) {
    if (sqlite3_step(size) == SQLITE_ROW) page_bytes = sqlite3_column_int64(size, 0);
    sqlite3_finalize(size);
  }
  // One snapshot for the whole copy: a read transaction begun here and read once, so that the
  // backup's steps all see the database as it was now, whatever is committed meanwhile.
  HAVEN_TRY(run(source.get(), "BEGIN; SELECT COUNT(*) FROM sqlite_schema;", "cannot begin reading the database"));
  sqlite3_backup* backup = sqlite3_backup_init(copy.get(), "main", source.get(), "main");
  if (!backup) return fail_internal(ErrorCode::unavailable, std::string("cannot start the copy: ") + sqlite3_errmsg(copy.get()));
  int rc = SQLITE_OK;
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
    rc = sqlite3_backup_step(backup, kPagesPerStep);
    const std::int64_t total = sqlite3_backup_pagecount(backup);
    const std::int64_t done = total - sqlite3_backup_remaining(backup);
    progress(done, total);
    if ((done - synced_pages) * page_bytes >= kSyncEvery) {
      ::fdatasync(sync_fd);
      synced_pages = done;
    }
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    return fail_internal(ErrorCode::unavailable, std::string("the copy failed: ") + sqlite3_errstr(rc));
  }
  HAVEN_TRY(run(source.get(), "COMMIT;", "cannot end reading the database"));
  copy.reset();
  if (::fsync(sync_fd) != 0) return fail_internal(ErrorCode::unavailable, "cannot make " + to.string() + " durable");
  return {};
}

Result<std::string> sqlite_integrity_check(const std::filesystem::path& file) {
  HAVEN_ASSIGN_OR_RETURN(auto db, open_database(file, SQLITE_OPEN_READONLY));
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db.get(), "PRAGMA integrity_check", -1, &statement, nullptr) != SQLITE_OK) {
    // Not a database at all ("file is not a database") is a report, not a failure to read.
    return std::string(sqlite3_errmsg(db.get()));
  }
  std::string report;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
    if (!report.empty()) report += "\n";
    report += reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
  }
  if (rc != SQLITE_DONE) report += (report.empty() ? "" : "\n") + std::string(sqlite3_errmsg(db.get()));
  sqlite3_finalize(statement);
  return report;
}

}  // namespace haven::storage
