// The data keys of key rotation while serving (app/key_rotation.hpp): the sealing key the database
// names, and how much each key still seals. The pages of a rotation are in reseal_sql.cpp.
#include "storage/sql/sql_values.hpp"
#include "storage/sql/sql_views.hpp"

namespace haven::storage {

using namespace sql_values;

Result<std::optional<std::uint32_t>> SqlKeys::sealing() {
  return scope_.named_sealing_key(false);
}

Result<void> SqlKeys::set_sealing(std::uint32_t data_key_id) {
  HAVEN_ASSIGN_OR_RETURN(auto r, db().execute("UPDATE key_state SET sealing_key = $1 WHERE id = 1",
                                              {SqlValue{std::int64_t{data_key_id}}}));
  if (r == 0) return fail_internal(ErrorCode::internal, "key_state has no row");
  scope_.forget_sealing_key();  // this transaction seals under the new one from here on
  return {};
}

Result<std::int64_t> SqlKeys::count_rows(SealedTable table) {
  const char* from = nullptr;
  switch (table) {
    case SealedTable::case_keys:
      from = "FROM case_keys";
      break;
    case SealedTable::cases:
      from = "FROM cases";
      break;
    case SealedTable::case_records:
      from = "FROM case_records";
      break;
    case SealedTable::centre_records:
      from = "FROM centre_records";
      break;
    case SealedTable::second_factors:
      from = "FROM second_factors";
      break;
    case SealedTable::drafts:
      from = "FROM drafts";
      break;
  }
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(kCount.select(from), {}));
  return rows.front().integer(kCount.value);
}

Result<std::int64_t> SqlKeys::count_sealed_under(std::uint32_t data_key_id) {
  // Every column seal_field writes to (a case's own fields are under its key, which case_keys holds
  // under a data key; older databases may still hold them under a data key directly).
  static constexpr std::pair<const char*, const char*> kColumns[] = {
      {"case_keys", "wrapped"},      {"persons", "name"},
      {"persons", "birth_date"},     {"receptions", "referring_authority"},
      {"receptions", "legal_basis"}, {"receptions", "documents"},
      {"case_records", "body"},      {"centre_records", "body"},
      {"second_factors", "secret"},  {"drafts", "content"},
  };
  const std::string prefix = "v1:" + std::to_string(data_key_id) + ":%";
  std::int64_t total = 0;
  for (const auto& [table, column] : kColumns) {
    HAVEN_ASSIGN_OR_RETURN(
        auto rows,
        db().query(kCount.select(std::string("FROM ") + table + " WHERE " + column + " LIKE $1"), {text(prefix)}));
    total += rows.front().integer(kCount.value);
  }
  return total;
}

}  // namespace haven::storage
