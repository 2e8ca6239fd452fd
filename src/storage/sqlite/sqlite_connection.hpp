// One SQLite connection with a cache of prepared statements. Not thread-safe: the store hands a
// connection to one thread at a time.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>

#include "storage/sql/sql_connection.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace haven::storage {

class SqliteConnection final : public SqlConnection {
 public:
  enum class Mode { writer, reader };

  // Opens (creating if needed, for the writer) the database and sets WAL, synchronous=FULL, foreign keys.
  static Result<std::unique_ptr<SqliteConnection>> open(const std::filesystem::path& path, Mode mode);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Result<std::vector<SqlRow>> query(std::string_view sql, const SqlParams& params) override;
  Result<std::int64_t> execute(std::string_view sql, const SqlParams& params) override;
  Result<void> execute_script(std::string_view sql) override;
  Result<void> control(std::string_view statement) override;
  bool in_transaction() const override;
  SqlDialect dialect() const override { return SqlDialect::sqlite; }

 private:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  Result<sqlite3_stmt*> prepare(std::string_view sql, const SqlParams& params);
  Error error_from(int rc, std::string_view context) const;

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace haven::storage
