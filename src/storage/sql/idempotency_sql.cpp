// Idempotency keys (app/idempotency.hpp): which resource a member of staff's request with a key made,
// claimed in the transaction that made it.
#include "storage/sql/sql_values.hpp"
#include "storage/sql/sql_views.hpp"

namespace haven::storage {

using namespace sql_values;

namespace {

struct IdempotencyColumns : SqlColumns {
  SqlColumn fingerprint = column("fingerprint");
  SqlColumn operation = column("operation");
  SqlColumn resource_id = column("resource_id");
  SqlColumn created_at = column("created_at");
};
constexpr IdempotencyColumns kClaim;

}  // namespace

Result<std::optional<IdempotencyRecord>> SqlIdempotency::find(std::string_view staff_id, std::string_view key) {
  static const std::string kSql = kClaim.select("FROM idempotency_keys WHERE staff_id = $1 AND idempotency_key = $2");
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(kSql, {text(staff_id), text(key)}));
  if (rows.empty()) return std::optional<IdempotencyRecord>{};
  const auto& row = rows.front();
  return std::optional<IdempotencyRecord>{IdempotencyRecord{
      std::string(staff_id), std::string(key), row.text(kClaim.fingerprint), row.text(kClaim.operation),
      row.text(kClaim.resource_id), timestamp(row.integer(kClaim.created_at))}};
}

Result<void> SqlIdempotency::insert(const IdempotencyRecord& claim) {
  HAVEN_TRY(db().execute(
      "INSERT INTO idempotency_keys (staff_id, idempotency_key, fingerprint, operation, resource_id, created_at) "
      "VALUES ($1, $2, $3, $4, $5, $6)",
      {text(claim.staff_id), text(claim.key), text(claim.fingerprint), text(claim.operation), text(claim.resource_id),
       seconds(claim.created_at)}));
  return {};
}

Result<void> SqlIdempotency::remove_expired(std::string_view staff_id, std::string_view key, Timestamp before) {
  HAVEN_TRY(db().execute("DELETE FROM idempotency_keys WHERE staff_id = $1 AND idempotency_key = $2 AND created_at < $3",
                         {text(staff_id), text(key), seconds(before)}));
  return {};
}

Result<std::int64_t> SqlIdempotency::remove_created_before(Timestamp before) {
  return db().execute("DELETE FROM idempotency_keys WHERE created_at < $1", {seconds(before)});
}

}  // namespace haven::storage
