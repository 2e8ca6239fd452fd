// The second factors of staff accounts: TOTP secrets, sealed under the current data key.
#include "storage/sql/sql_values.hpp"
#include "storage/sql/sql_views.hpp"

namespace haven::storage {

using namespace sql_values;

namespace {

struct SecondFactorColumns : SqlColumns {
  SqlColumn staff_id = column("staff_id");
  SqlColumn secret = column("secret");
  SqlColumn enabled = column("enabled");
  SqlColumn last_used_step = column("last_used_step");
  SqlColumn updated_at = column("updated_at");
};
constexpr SecondFactorColumns kFactor;

}  // namespace

Result<std::optional<SecondFactor>> SqlSecondFactors::find(std::string_view staff_id) {
  static const std::string kSql = kFactor.select("FROM second_factors WHERE staff_id = $1");
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(kSql, {text(staff_id)}));
  if (rows.empty()) return std::optional<SecondFactor>{};
  const auto& row = rows.front();
  HAVEN_ASSIGN_OR_RETURN(auto secret,
                         scope_.open("second_factors", row.text(kFactor.staff_id), "secret", row.text(kFactor.secret)));
  return std::optional<SecondFactor>{
      SecondFactor{row.text(kFactor.staff_id), std::move(secret), row.integer(kFactor.enabled) != 0,
                   row.integer(kFactor.last_used_step), timestamp(row.integer(kFactor.updated_at))}};
}

Result<void> SqlSecondFactors::put(const SecondFactor& factor) {
  HAVEN_ASSIGN_OR_RETURN(auto sealed, scope_.seal("second_factors", factor.staff_id, "secret", factor.secret));
  HAVEN_TRY(db().execute(
      "INSERT INTO second_factors (staff_id, secret, enabled, last_used_step, updated_at) VALUES ($1, $2, $3, $4, $5) "
      "ON CONFLICT (staff_id) DO UPDATE SET secret = excluded.secret, enabled = excluded.enabled, "
      "last_used_step = excluded.last_used_step, updated_at = excluded.updated_at",
      {text(factor.staff_id), text(sealed), flag(factor.enabled), SqlValue{factor.last_used_step},
       seconds(factor.updated_at)}));
  return {};
}

Result<bool> SqlSecondFactors::remove(std::string_view staff_id) {
  HAVEN_ASSIGN_OR_RETURN(auto deleted,
                         db().execute("DELETE FROM second_factors WHERE staff_id = $1", {text(staff_id)}));
  return deleted > 0;
}

Result<bool> SqlSecondFactors::use_step(std::string_view staff_id, std::int64_t step) {
  // One statement, so that of two sign-ins with the same code only one changes the row.
  HAVEN_ASSIGN_OR_RETURN(
      auto changed,
      db().execute(
          "UPDATE second_factors SET last_used_step = $1 WHERE staff_id = $2 AND enabled = 1 AND last_used_step < $1",
          {SqlValue{step}, text(staff_id)}));
  return changed == 1;
}

}  // namespace haven::storage
