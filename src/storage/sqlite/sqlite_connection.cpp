#include "storage/sqlite/sqlite_connection.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

namespace haven::storage {
namespace {

// Resets a cached statement when a call ends, whatever the outcome, so it can be reused.
class StatementReset {
 public:
  explicit StatementReset(sqlite3_stmt* statement) : statement_(statement) {}
  ~StatementReset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }
  StatementReset(const StatementReset&) = delete;
  StatementReset& operator=(const StatementReset&) = delete;

 private:
  sqlite3_stmt* statement_;
};

// Before the first connection opens SQLite: it keeps allocation statistics under one process-wide
// mutex, taken on every allocation of every connection. Haven reads no such statistics, and with
// readings on several threads at once that mutex was contended (docs/performance.md).
void configure_sqlite_once() {
  static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)configured;  // SQLITE_MISUSE if SQLite was already started by someone else: harmless
}

// The database and its write-ahead log and shared-memory files readable by the service account alone
// (0600): the folder is 0700, but a copy made with its modes (cp -p, rsync -a, a backup tool) would
// otherwise let anyone read the columns that are not sealed. SQLite gives the -wal and -shm files the
// database's own mode; files an older version made 0644 are narrowed here.
void restrict_to_owner(const std::filesystem::path& path) {
  if (!std::filesystem::exists(path)) {
    const int fd = ::open(path.c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
    if (fd >= 0) ::close(fd);  // an empty file is an empty SQLite database
  }
  for (const char* suffix : {"", "-wal", "-shm"}) {
    const std::string file = path.string() + suffix;
    (void)::chmod(file.c_str(), 0600);  // absent files stay absent; SQLite makes them with this mode
  }
}

}  // namespace

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::open(const std::filesystem::path& path, Mode mode) {
  configure_sqlite_once();
  if (mode == Mode::writer) restrict_to_owner(path);
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_NOMUTEX |
                    SQLITE_OPEN_READWRITE | (mode == Mode::writer ? SQLITE_OPEN_CREATE : 0);
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return fail_internal(ErrorCode::unavailable, "cannot open SQLite database " + path.string() + ": " + detail);
  }
  std::unique_ptr<SqliteConnection> connection(new SqliteConnection(db));
  sqlite3_busy_timeout(db, 10000);
  sqlite3_extended_result_codes(db, 1);
  // WAL lets readers run beside the one writer; synchronous=FULL makes every acknowledged commit
  // survive a power cut, which a case file needs more than speed. Readers keep 16 MiB of pages: a
  // search probes pages all over a large database, and copying them in again through read() was
  // most of its time (docs/performance.md, name search). Mapping the file instead helped searches
  // as much but cost a quarter of the audited reads, which remap as the writer grows the file.
  const char* pragmas = mode == Mode::writer
                            ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;"
                            : "PRAGMA foreign_keys=ON; PRAGMA query_only=ON; PRAGMA cache_size=-16384;";
  HAVEN_TRY(connection->execute_script(pragmas));
  if (mode == Mode::writer) restrict_to_owner(path);  // the -wal and -shm that journal_mode=WAL made
  return connection;
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
  sqlite3_close_v2(db_);
}

Error SqliteConnection::error_from(int rc, std::string_view context) const {
  Error e;
  const int primary = rc & 0xFF;
  if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
    e.code = ErrorCode::already_exists;
  } else if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED || primary == SQLITE_FULL ||
             primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY) {
    e.code = ErrorCode::unavailable;
  } else {
    e.code = ErrorCode::internal;
  }
  e.log_detail = std::string(context) + ": " + sqlite3_errmsg(db_);
  return e;
}

Result<sqlite3_stmt*> SqliteConnection::prepare(std::string_view sql, const SqlParams& params) {
  auto found = statements_.find(std::string(sql));
  sqlite3_stmt* statement = nullptr;
  if (found != statements_.end()) {
    statement = found->second;
  } else {
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                      &statement, nullptr);
    if (rc != SQLITE_OK) return tl::unexpected(error_from(rc, "prepare"));
    statements_.emplace(std::string(sql), statement);
  }
  for (std::size_t i = 0; i < params.size(); ++i) {
    const std::string name = "$" + std::to_string(i + 1);
    const int index = sqlite3_bind_parameter_index(statement, name.c_str());
    if (index == 0) continue;  // a parameter the statement does not use
    int rc = SQLITE_OK;
    if (const auto* integer = std::get_if<std::int64_t>(&params[i])) {
      rc = sqlite3_bind_int64(statement, index, *integer);
    } else if (const auto* value = std::get_if<std::string>(&params[i])) {
      rc = sqlite3_bind_text(statement, index, value->data(), static_cast<int>(value->size()), SQLITE_TRANSIENT);
    } else {
      rc = sqlite3_bind_null(statement, index);
    }
    if (rc != SQLITE_OK) {
      sqlite3_reset(statement);
      sqlite3_clear_bindings(statement);
      return tl::unexpected(error_from(rc, "bind"));
    }
  }
  return statement;
}

Result<std::vector<SqlRow>> SqliteConnection::query(std::string_view sql, const SqlParams& params) {
  HAVEN_ASSIGN_OR_RETURN(auto prepared, prepare(sql, params));
  sqlite3_stmt* statement = prepared;
  StatementReset reset(statement);
  std::vector<SqlRow> rows;
  const int columns = sqlite3_column_count(statement);
  for (;;) {
    const int rc = sqlite3_step(statement);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) return tl::unexpected(error_from(rc, "step"));
    std::vector<std::optional<std::string>> cells;
    cells.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      if (sqlite3_column_type(statement, c) == SQLITE_NULL) {
        cells.emplace_back(std::nullopt);
      } else {
        const auto* bytes = sqlite3_column_text(statement, c);
        const int size = sqlite3_column_bytes(statement, c);
        cells.emplace_back(std::string(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size)));
      }
    }
    rows.emplace_back(std::move(cells));
  }
  return rows;
}

Result<std::int64_t> SqliteConnection::execute(std::string_view sql, const SqlParams& params) {
  HAVEN_ASSIGN_OR_RETURN(auto prepared, prepare(sql, params));
  StatementReset reset(prepared);
  int rc = SQLITE_ROW;
  while (rc == SQLITE_ROW) rc = sqlite3_step(prepared);
  if (rc != SQLITE_DONE) return tl::unexpected(error_from(rc, "step"));
  return sqlite3_changes64(db_);
}

Result<void> SqliteConnection::control(std::string_view statement) {
  // Prepared once and kept: parsing BEGIN, SAVEPOINT, RELEASE and COMMIT again for every unit of work
  // was a sixth of the committer's time (docs/performance.md).
  HAVEN_TRY(execute(statement, {}));
  return {};
}

bool SqliteConnection::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

Result<void> SqliteConnection::execute_script(std::string_view sql) {
  char* message = nullptr;
  const std::string terminated(sql);
  const int rc = sqlite3_exec(db_, terminated.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    Error e = error_from(rc, "exec");
    if (message) e.log_detail += std::string(" (") + message + ")";
    sqlite3_free(message);
    return tl::unexpected(e);
  }
  return {};
}

}  // namespace haven::storage
