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
  e.log_detail = std::string(context) + ": [" + sqlstate + "] " + PQerrorMessage(connection);
  return e;
}

}  // namespace

Result<std::unique_ptr<PgConnection>> PgConnection::open(const std::string& conninfo) {
  pg_conn* connection = PQconnectdb(conninfo.c_str());
  if (connection == nullptr || PQstatus(connection) != CONNECTION_OK) {
    std::string detail = connection ? PQerrorMessage(connection) : "out of memory";
    PQfinish(connection);
    return fail_internal(ErrorCode::unavailable,
                         "cannot connect to PostgreSQL at " + redact_conninfo(conninfo) + ": " + detail);
  }
  // Quiet NOTICE chatter ("relation already exists, skipping") that would otherwise go to stderr.
  PQsetNoticeProcessor(connection, [](void*, const char*) {}, nullptr);
  return std::unique_ptr<PgConnection>(new PgConnection(connection));
}

PgConnection::~PgConnection() { PQfinish(connection_); }

bool PgConnection::healthy() const { return PQstatus(connection_) == CONNECTION_OK; }

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
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (const auto* integer = std::get_if<std::int64_t>(&params[i])) {
      texts[i] = std::to_string(*integer);
      values[i] = texts[i].c_str();
    } else if (const auto* value = std::get_if<std::string>(&params[i])) {
      values[i] = value->c_str();
    }
  }
  PgResult result(PQexecPrepared(connection_, named->second.c_str(), static_cast<int>(params.size()), values.data(),
                                 nullptr, nullptr, 0));
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
  auto r = run(sql, params, &changed);
  if (!r) return tl::unexpected(r.error());
  return changed;
}

Result<void> PgConnection::execute_script(std::string_view sql) {
  const std::string terminated(sql);
  PgResult result(PQexec(connection_, terminated.c_str()));
  const auto status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
    return tl::unexpected(error_from(result.get(), connection_, "exec"));
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
