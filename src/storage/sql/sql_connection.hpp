// The small driver interface both SQL backends implement, so that the repository SQL (the
// transaction's views, *_sql.cpp) and the migration runner are written once. Statements use
// PostgreSQL's `$1, $2` placeholders; the SQLite driver binds them by name, which SQLite accepts
// as-is. Rows are read by named columns (sql_columns.hpp).
//
//   auto rows = connection.query(kCentre.select("FROM centres WHERE id = $1"), {SqlValue{id}});
//   if (rows && !rows->empty()) name = (*rows)[0].text(kCentre.name);
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/error.hpp"
#include "storage/sql/sql_columns.hpp"

namespace haven::storage {

using SqlValue = std::variant<std::nullptr_t, std::int64_t, std::string>;

class SqlRow {
 public:
  explicit SqlRow(std::vector<std::optional<std::string>> cells) : cells_(std::move(cells)) {}

  bool is_null(SqlColumn column) const { return !cells_.at(column.index()).has_value(); }
  const std::string& text(SqlColumn column) const;  // empty string for NULL
  std::int64_t integer(SqlColumn column) const;     // 0 for NULL
  std::optional<std::string> optional_text(SqlColumn column) const { return cells_.at(column.index()); }
  std::optional<std::int64_t> optional_integer(SqlColumn column) const;

 private:
  std::vector<std::optional<std::string>> cells_;
};

using SqlParams = std::vector<SqlValue>;

// The few words the two backends spell differently (a migration's serial key, a share lock).
enum class SqlDialect { sqlite, postgresql };

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;

  virtual Result<std::vector<SqlRow>> query(std::string_view sql, const SqlParams& params) = 0;
  virtual Result<std::int64_t> execute(std::string_view sql, const SqlParams& params) = 0;  // rows changed
  virtual Result<void> execute_script(std::string_view sql) = 0;  // several statements, no parameters
  // One transaction-control statement (BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE), run for every
  // unit of work: a backend that can keeps it prepared.
  virtual Result<void> control(std::string_view statement) { return execute_script(statement); }
  // True while a transaction is open. After a unit of work ends, a connection still inside one (its
  // ROLLBACK failed) is unusable and must be discarded.
  virtual bool in_transaction() const = 0;
  virtual SqlDialect dialect() const = 0;
};

}  // namespace haven::storage
