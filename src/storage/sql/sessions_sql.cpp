// Sessions: a signed-in browser, known by its token's digest; the token itself is never stored.
#include "storage/sql/sql_values.hpp"
#include "storage/sql/sql_views.hpp"

namespace haven::storage {

using namespace sql_values;

namespace {

struct SessionColumns : SqlColumns {
  SqlColumn token_digest = column("token_digest");
  SqlColumn staff_id = column("staff_id");
  SqlColumn created_at = column("created_at");
  SqlColumn last_seen_at = column("last_seen_at");
  SqlColumn expires_at = column("expires_at");
  SqlColumn needs_second_factor = column("needs_second_factor");
};
constexpr SessionColumns kSession;

}  // namespace

Result<std::optional<SessionRecord>> SqlSessions::find(std::string_view token_digest) {
  static const std::string kSql = kSession.select("FROM sessions WHERE token_digest = $1");
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(kSql, {text(token_digest)}));
  if (rows.empty()) return std::optional<SessionRecord>{};
  const auto& row = rows.front();
  return std::optional<SessionRecord>{
      SessionRecord{row.text(kSession.token_digest), row.text(kSession.staff_id),
                    timestamp(row.integer(kSession.created_at)), timestamp(row.integer(kSession.last_seen_at)),
                    timestamp(row.integer(kSession.expires_at)), row.integer(kSession.needs_second_factor) != 0}};
}

Result<void> SqlSessions::insert(const SessionRecord& session) {
  HAVEN_TRY(db().execute(
      "INSERT INTO sessions (token_digest, staff_id, created_at, last_seen_at, expires_at, needs_second_factor) "
      "VALUES ($1, $2, $3, $4, $5, $6)",
      {text(session.token_digest), text(session.staff_id), seconds(session.created_at), seconds(session.last_seen_at),
       seconds(session.expires_at), flag(session.needs_second_factor)}));
  return {};
}

Result<void> SqlSessions::touch(std::string_view token_digest, Timestamp seen_at) {
  HAVEN_TRY(db().execute("UPDATE sessions SET last_seen_at = $1 WHERE token_digest = $2 AND last_seen_at < $1",
                         {seconds(seen_at), text(token_digest)}));
  return {};
}

Result<void> SqlSessions::remove(std::string_view token_digest) {
  HAVEN_TRY(db().execute("DELETE FROM sessions WHERE token_digest = $1", {text(token_digest)}));
  return {};
}

Result<std::int64_t> SqlSessions::remove_of_staff(std::string_view staff_id) {
  return db().execute("DELETE FROM sessions WHERE staff_id = $1", {text(staff_id)});
}

Result<std::int64_t> SqlSessions::remove_idle_since(Timestamp idle_before, Timestamp now) {
  return db().execute("DELETE FROM sessions WHERE last_seen_at < $1 OR expires_at <= $2",
                      {seconds(idle_before), seconds(now)});
}

Result<void> SqlSessions::settle_second_factor(std::string_view staff_id, std::string_view kept_digest) {
  HAVEN_TRY(db().execute("UPDATE sessions SET needs_second_factor = 0 WHERE token_digest = $1 AND staff_id = $2",
                         {text(kept_digest), text(staff_id)}));
  HAVEN_TRY(db().execute("DELETE FROM sessions WHERE staff_id = $1 AND needs_second_factor = 1", {text(staff_id)}));
  return {};
}

}  // namespace haven::storage
