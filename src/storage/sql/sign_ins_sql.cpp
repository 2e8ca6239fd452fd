// Failed sign-ins, counted per account and per address so that guessing is throttled
// (app/sign_in_attempts.hpp).
#include "storage/sql/sql_values.hpp"
#include "storage/sql/sql_views.hpp"

namespace haven::storage {

using namespace sql_values;

Result<std::int64_t> SqlSignIns::count_failures(std::string_view key, Timestamp since) {
  static const std::string kSql = kCount.select("FROM sign_in_failures WHERE key = $1 AND at >= $2");
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(kSql, {text(key), seconds(since)}));
  return rows.front().integer(kCount.value);
}

Result<void> SqlSignIns::take_turn() {
  HAVEN_TRY(db().execute("UPDATE sign_in_turn SET id = id WHERE id = 1", {}));
  return {};
}

Result<void> SqlSignIns::record_failure(std::string_view key, Timestamp at, std::string_view attempt) {
  HAVEN_TRY(db().execute("INSERT INTO sign_in_failures (key, at, attempt) VALUES ($1, $2, $3)",
                         {text(key), seconds(at), text(attempt)}));
  return {};
}

Result<void> SqlSignIns::release_attempt(std::string_view attempt) {
  if (attempt.empty()) return {};
  HAVEN_TRY(db().execute("DELETE FROM sign_in_failures WHERE attempt = $1", {text(attempt)}));
  return {};
}

Result<void> SqlSignIns::clear_failures(std::string_view key) {
  HAVEN_TRY(db().execute("DELETE FROM sign_in_failures WHERE key = $1", {text(key)}));
  return {};
}

Result<void> SqlSignIns::remove_failures_before(Timestamp before) {
  HAVEN_TRY(db().execute("DELETE FROM sign_in_failures WHERE at < $1", {seconds(before)}));
  return {};
}

}  // namespace haven::storage
