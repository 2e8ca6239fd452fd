// Notifications (app/notifications.hpp): a row per member of staff and thing noted, or read. Nothing
// here is personal data (IDs, a kind, times), so nothing is sealed; the rows of a case go with it when
// it is erased (cases_sql.cpp).
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

// What a row becomes when it is first written: as noted, or (a derived one) already read.
constexpr std::string_view kInsert =
    "INSERT INTO notifications (staff_id, item_key, kind, case_id, record_id, detail, at, read_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ";

std::vector<SqlValue> values_of(const StoredNotification& n, std::optional<Timestamp> read_at) {
  return {text(n.staff_id), text(n.key),    text(n.kind),     text(n.case_id),
          text(n.record_id), text(n.detail), seconds(n.at),   read_at ? seconds(*read_at) : SqlValue{nullptr}};
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
    out.push_back(std::move(n));
  }
  return out;
}

Result<void> SqlNotifications::add(const StoredNotification& notification) {
  static const std::string kSql = std::string(kInsert) + "ON CONFLICT (staff_id, item_key) DO NOTHING";
  HAVEN_TRY(db().execute(kSql, values_of(notification, std::nullopt)));
  return {};
}

Result<void> SqlNotifications::mark_read(std::span<const StoredNotification> notifications, Timestamp at) {
  // The first reading stays the time it was read.
  static const std::string kSql = std::string(kInsert) +
                                  "ON CONFLICT (staff_id, item_key) DO UPDATE SET read_at = "
                                  "COALESCE(notifications.read_at, excluded.read_at)";
  for (const auto& n : notifications) HAVEN_TRY(db().execute(kSql, values_of(n, at)));
  return {};
}

}  // namespace haven::storage
