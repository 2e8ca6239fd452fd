// Notifications (app/notifications.hpp): a row per member of staff and thing noted, or read. What a
// kind adds (a decision's verdict) is sealed under the case's key, bound to the row; the rest are IDs,
// kinds, times and keyed tokens. A case's rows go with its erasure (cases_sql.cpp), and none is
// written for an erased case, even by a request that read the case before it was erased.
#include "storage/sql/sql_values.hpp"
#include "storage/sql/sql_views.hpp"

namespace haven::storage {

using namespace sql_values;

namespace {

struct NotificationColumns : SqlColumns {
  SqlColumn key = column("item_key");
  SqlColumn kind = column("kind");
  SqlColumn case_id = column("case_id");
  SqlColumn record_id = column("record_id");
  SqlColumn detail = column("detail");
  SqlColumn at = column("at");
  SqlColumn read_at = column("read_at");
};
constexpr NotificationColumns kNotification;

// A row as it is first written (noted, or already read), only while its case stands: a mark that
// read the case before an erasure does not bring a row of it back. Cast, so that PostgreSQL knows
// the parameters' types in a SELECT.
constexpr std::string_view kInsert =
    "INSERT INTO notifications (staff_id, item_key, kind, case_id, record_id, detail, at, read_at) "
    "SELECT CAST($1 AS TEXT), CAST($2 AS TEXT), CAST($3 AS TEXT), CAST($4 AS TEXT), CAST($5 AS TEXT), "
    "CAST($6 AS TEXT), CAST($7 AS BIGINT), CAST($8 AS BIGINT) "
    "WHERE EXISTS (SELECT 1 FROM cases WHERE id = $4 AND erased_at IS NULL) ";

// What the row's sealed detail is bound to: whose, and which notification.
std::string row_id(std::string_view staff_id, std::string_view key) {
  return std::string(staff_id) + "/" + std::string(key);
}

std::vector<SqlValue> values_of(const StoredNotification& n, std::string_view detail, std::optional<Timestamp> read_at) {
  return {text(n.staff_id), text(n.key),    text(n.kind),   text(n.case_id),
          text(n.record_id), text(detail), seconds(n.at), read_at ? seconds(*read_at) : SqlValue{nullptr}};
}

}  // namespace

Result<std::vector<StoredNotification>> SqlNotifications::list(std::string_view staff_id) {
  static const std::string kSql =
      kNotification.select("FROM notifications WHERE staff_id = $1 ORDER BY at DESC, item_key");
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(kSql, {text(staff_id)}));
  std::vector<StoredNotification> out;
  out.reserve(rows.size());
  for (const auto& row : rows) {
    StoredNotification n{std::string(staff_id),          row.text(kNotification.key),    row.text(kNotification.kind),
                         row.text(kNotification.case_id), row.text(kNotification.record_id), row.text(kNotification.detail),
                         timestamp(row.integer(kNotification.at)), std::nullopt};
    if (const auto read = row.optional_integer(kNotification.read_at)) n.read_at = timestamp(*read);
    if (!n.detail.empty()) {
      HAVEN_ASSIGN_OR_RETURN(const auto* key, scope_.case_key(n.case_id));
      HAVEN_ASSIGN_OR_RETURN(n.detail, scope_.open("notifications", row_id(staff_id, n.key), "detail", n.detail, key));
    }
    out.push_back(std::move(n));
  }
  return out;
}

Result<void> SqlNotifications::add(const StoredNotification& notification) {
  static const std::string kSql = std::string(kInsert) + "ON CONFLICT (staff_id, item_key) DO NOTHING";
  std::string detail;
  if (!notification.detail.empty()) {
    HAVEN_ASSIGN_OR_RETURN(const auto* key, scope_.case_key_for_writing(notification.case_id));
    detail = scope_.seal_case(*key, "notifications", row_id(notification.staff_id, notification.key), "detail",
                              notification.detail);
  }
  HAVEN_TRY(db().execute(kSql, values_of(notification, detail, std::nullopt)));
  return {};
}

Result<void> SqlNotifications::mark_read(std::span<const StoredNotification> notifications, Timestamp at) {
  // The first reading stays the time it was read.
  static const std::string kSql = std::string(kInsert) +
                                  "ON CONFLICT (staff_id, item_key) DO UPDATE SET read_at = "
                                  "COALESCE(notifications.read_at, excluded.read_at)";
  // A mark never carries what a kind adds: the row noted it already, or it is a derived one's token.
  for (const auto& n : notifications) HAVEN_TRY(db().execute(kSql, values_of(n, {}, at)));
  return {};
}

}  // namespace haven::storage
