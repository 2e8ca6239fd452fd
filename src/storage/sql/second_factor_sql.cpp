// The second factors of staff accounts (TOTP secrets, sealed) and the sessions waiting for one.
#include "storage/sql/sql_transaction.hpp"
#include "storage/sql/sql_values.hpp"

namespace haven::storage {

using namespace sql_values;

Result<std::optional<SecondFactor>> SqlTransaction::find_second_factor(std::string_view staff_id) {
  auto rows = db_.query("SELECT staff_id, secret, enabled, last_used_step, updated_at FROM second_factors WHERE staff_id = $1",
                        {text(staff_id)});
  if (!rows) return propagate<std::optional<SecondFactor>>(rows.error());
  if (rows->empty()) return std::optional<SecondFactor>{};
  const auto& row = rows->front();
  auto secret = open("second_factors", row.text(0), "secret", row.text(1));
  if (!secret) return propagate<std::optional<SecondFactor>>(secret.error());
  return std::optional<SecondFactor>{
      SecondFactor{row.text(0), std::move(*secret), row.integer(2) != 0, row.integer(3), timestamp(row.integer(4))}};
}

Result<void> SqlTransaction::put_second_factor(const SecondFactor& factor) {
  HAVEN_ASSIGN_OR_RETURN(auto sealed, seal("second_factors", factor.staff_id, "secret", factor.secret));
  HAVEN_TRY(db_.execute(
      "INSERT INTO second_factors (staff_id, secret, enabled, last_used_step, updated_at) VALUES ($1, $2, $3, $4, $5) "
      "ON CONFLICT (staff_id) DO UPDATE SET secret = excluded.secret, enabled = excluded.enabled, "
      "last_used_step = excluded.last_used_step, updated_at = excluded.updated_at",
      {text(factor.staff_id), text(sealed), flag(factor.enabled),
       SqlValue{factor.last_used_step}, seconds(factor.updated_at)}));
  return {};
}

Result<bool> SqlTransaction::delete_second_factor(std::string_view staff_id) {
  auto deleted = db_.execute("DELETE FROM second_factors WHERE staff_id = $1", {text(staff_id)});
  if (!deleted) return propagate<bool>(deleted.error());
  return *deleted > 0;
}

Result<bool> SqlTransaction::use_second_factor_step(std::string_view staff_id, std::int64_t step) {
  // One statement, so that of two sign-ins with the same code only one changes the row.
  auto changed = db_.execute(
      "UPDATE second_factors SET last_used_step = $1 WHERE staff_id = $2 AND enabled = 1 AND last_used_step < $1",
      {SqlValue{step}, text(staff_id)});
  if (!changed) return propagate<bool>(changed.error());
  return *changed == 1;
}

Result<void> SqlTransaction::settle_second_factor_sessions(std::string_view staff_id, std::string_view kept_digest) {
  HAVEN_TRY(db_.execute("UPDATE sessions SET needs_second_factor = 0 WHERE token_digest = $1 AND staff_id = $2",
                          {text(kept_digest), text(staff_id)}));
  HAVEN_TRY(db_.execute("DELETE FROM sessions WHERE staff_id = $1 AND needs_second_factor = 1", {text(staff_id)}));
  return {};
}

}  // namespace haven::storage
