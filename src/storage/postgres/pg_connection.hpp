// One libpq connection with a cache of prepared statements. Not thread-safe: the store's pool hands
// it to one thread at a time. Values travel in text format.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "storage/sql/sql_connection.hpp"

struct pg_conn;

namespace haven::storage {

class PgConnection final : public SqlConnection {
 public:
  static Result<std::unique_ptr<PgConnection>> open(const std::string& conninfo);
  ~PgConnection() override;
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  Result<std::vector<SqlRow>> query(std::string_view sql, const SqlParams& params) override;
  Result<std::int64_t> execute(std::string_view sql, const SqlParams& params) override;
  Result<void> execute_script(std::string_view sql) override;
  bool in_transaction() const override;
  SqlDialect dialect() const override { return SqlDialect::postgresql; }

  bool healthy() const;  // false once the server has gone away; the pool then discards it

 private:
  explicit PgConnection(pg_conn* connection) : connection_(connection) {}
  Result<std::vector<SqlRow>> run(std::string_view sql, const SqlParams& params, std::int64_t* changed);

  pg_conn* connection_;
  std::unordered_map<std::string, std::string> statement_names_;
};

// "postgresql://haven:secret@db/haven" -> "postgresql://haven:***@db/haven": for logs and messages.
std::string redact_conninfo(std::string_view conninfo);

}  // namespace haven::storage
