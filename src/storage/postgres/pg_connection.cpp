#include "storage/postgres/pg_connection.hpp"

#include <cstdlib>

#include <libpq-fe.h>

namespace haven::storage {
namespace {

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

Error error_from(const PGresult* result, pg_conn* connection, std::string_view context) {
  Error e;
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string sqlstate = state ? state : "";
  if (sqlstate == "23505") {
    e.code = ErrorCode::already_exists;
  } else if (PQstatus(connection) != CONNECTION_OK || sqlstate.starts_with("08") || sqlstate.starts_with("53") ||
             sqlstate.starts_with("57") || sqlstate == "40001" || sqlstate == "40P01") {
    e.code = ErrorCode::unavailable;
  } else {
    e.code = ErrorCode::internal;
  }
  // Only the SQLSTATE and the names of the objects involved: PostgreSQL's message text can quote the
  // failing row or value, which holds personal data and must not reach a log.
  auto field = [result](int code) -> std::string {
    const char* value = result ? PQresultErrorField(result, code) : nullptr;
    return value ? value : "";
  };
  e.log_detail = std::string(context) + ": SQLSTATE " + (sqlstate.empty() ? "none" : sqlstate);
  if (const auto table = field(PG_DIAG_TABLE_NAME); !table.empty()) e.log_detail += " table " + table;
  if (const auto column = field(PG_DIAG_COLUMN_NAME); !column.empty()) e.log_detail += " column " + column;
  if (const auto constraint = field(PG_DIAG_CONSTRAINT_NAME); !constraint.empty()) {
    e.log_detail += " constraint " + constraint;
  }
  if (!result || PQstatus(connection) != CONNECTION_OK) e.log_detail += " (connection lost)";
  return e;
}

}  // namespace

Result<std::unique_ptr<PgConnection>> PgConnection::open(const std::string& conninfo) {
  // The conninfo may be a URI or keywords; expand_dbname lets a connect timeout be added to either.
  const char* keywords[] = {"dbname", "connect_timeout", nullptr};
  const char* values[] = {conninfo.c_str(), "10", nullptr};
  pg_conn* connection = PQconnectdbParams(keywords, values, 1);
  if (connection == nullptr || PQstatus(connection) != CONNECTION_OK) {
    std::string detail = connection ? PQerrorMessage(connection) : "out of memory";
    PQfinish(connection);
    return fail_internal(ErrorCode::unavailable,
                         "cannot connect to PostgreSQL at " + redact_conninfo(conninfo) + ": " + detail);
  }
  // Quiet NOTICE chatter ("relation already exists, skipping") that would otherwise go to stderr.
  PQsetNoticeProcessor(connection, [](void*, const char*) {}, nullptr);
  PQsetErrorVerbosity(connection, PQERRORS_TERSE);
  return std::unique_ptr<PgConnection>(new PgConnection(connection));
}

PgConnection::~PgConnection() { PQfinish(connection_); }

bool PgConnection::healthy() const { return PQstatus(connection_) == CONNECTION_OK; }

bool PgConnection::in_transaction() const { return PQtransactionStatus(connection_) != PQTRANS_IDLE; }

Result<std::vector<SqlRow>> PgConnection::run(std::string_view sql, const SqlParams& params, std::int64_t* changed) {
  const std::string key(sql);
  auto named = statement_names_.find(key);
  if (named == statement_names_.end()) {
    const std::string name = "haven_" + std::to_string(statement_names_.size() + 1);
    PgResult prepared(PQprepare(connection_, name.c_str(), key.c_str(), static_cast<int>(params.size()), nullptr));
    if (PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) {
      return tl::unexpected(error_from(prepared.get(), connection_, "prepare"));
    }
    named = statement_names_.emplace(key, name).first;
  }
  std::vector<std::string> texts(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  std::vector<int> lengths(params.size(), 0);
  for (std::size_t i = 0; i < params.size(); ++i) {
    const std::string* text = nullptr;
    if (const auto* integer = std::get_if<std::int64_t>(&params[i])) {
      texts[i] = std::to_string(*integer);
      text = &texts[i];
    } else if (const auto* value = std::get_if<std::string>(&params[i])) {
      text = value;
    }
    if (!text) continue;
    // Text-format values cannot hold NUL; libpq would silently cut the value short at one.
    if (text->find('\0') != std::string::npos) {
      return fail_internal(ErrorCode::validation_failed, "a text value contains a NUL byte");
    }
    values[i] = text->c_str();
    lengths[i] = static_cast<int>(text->size());
  }
  PgResult result(PQexecPrepared(connection_, named->second.c_str(), static_cast<int>(params.size()), values.data(),
                                 lengths.data(), nullptr, 0));
  const auto status = PQresultStatus(result.get());
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    return tl::unexpected(error_from(result.get(), connection_, "execute"));
  }
  if (changed) {
    const char* tuples = PQcmdTuples(result.get());
    *changed = (tuples && *tuples) ? std::strtoll(tuples, nullptr, 10) : 0;
  }
  std::vector<SqlRow> rows;
  const int row_count = PQntuples(result.get());
  const int column_count = PQnfields(result.get());
  rows.reserve(static_cast<std::size_t>(row_count));
  for (int r = 0; r < row_count; ++r) {
    std::vector<std::optional<std::string>> cells;
    cells.reserve(static_cast<std::size_t>(column_count));
    for (int c = 0; c < column_count; ++c) {
      if (PQgetisnull(result.get(), r, c)) {
        cells.emplace_back(std::nullopt);
      } else {
        cells.emplace_back(std::string(PQgetvalue(result.get(), r, c), static_cast<std::size_t>(PQgetlength(result.get(), r, c))));
      }
    }
    rows.emplace_back(std::move(cells));
  }
  return rows;
}

Result<std::vector<SqlRow>> PgConnection::query(std::string_view sql, const SqlParams& params) {
  return run(sql, params, nullptr);
}

Result<std::int64_t> PgConnection::execute(std::string_view sql, const SqlParams& params) {
  std::int64_t changed = 0;
  HAVEN_TRY(run(sql, params, &changed));
  return changed;
}

Result<void> PgConnection::execute_script(std::string_view sql) {
  const std::string terminated(sql);
  PgResult result(PQexec(connection_, terminated.c_str()));
  const auto status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
    return tl::unexpected(error_from(result.get(), connection_, "exec"));
  }
  // COMMIT of a transaction that had already failed "succeeds" with the tag ROLLBACK: nothing was kept.
  if (sql == "COMMIT" && std::string_view(PQcmdStatus(result.get())) != "COMMIT") {
    return fail_internal(ErrorCode::unavailable, "COMMIT rolled back: the transaction had failed");
  }
  return {};
}

std::string redact_conninfo(std::string_view conninfo) {
  std::string out(conninfo);
  // URI form: scheme://user:password@host/...
  if (const auto scheme = out.find("://"); scheme != std::string::npos) {
    const auto authority_end = out.find_first_of("/?", scheme + 3);
    const auto at = out.rfind('@', authority_end == std::string::npos ? out.size() : authority_end);
    if (at != std::string::npos && at > scheme) {
      const auto colon = out.find(':', scheme + 3);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  // Keyword form: password=secret or password='secret'
  for (auto pos = out.find("password"); pos != std::string::npos; pos = out.find("password", pos + 1)) {
    auto value = out.find_first_not_of(" ", pos + 8);
    if (value == std::string::npos || out[value] != '=') continue;
    value = out.find_first_not_of(" ", value + 1);
    if (value == std::string::npos) break;
    auto end = out[value] == '\'' ? out.find('\'', value + 1) : out.find(' ', value);
    if (end == std::string::npos) end = out.size(); else if (out[value] == '\'') ++end;
    out.replace(value, end - value, "***");
  }
  return out;
}

}  // namespace haven::storage
