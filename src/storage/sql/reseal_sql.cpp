// Key rotation's storage side: a page of rows at a time, each field sealed again under the key it
// belongs under (SqlTransaction::reseal_page). Reads what an older key sealed, or an older version
// stored in clear; writes only what changes.
#include <sodium.h>

#include "domain/search_fold.hpp"
#include "security/case_key.hpp"
#include "security/field_cipher.hpp"
#include "storage/sql/sql_transaction.hpp"
#include "storage/sql/sql_values.hpp"

namespace haven::storage {

using namespace sql_values;

Result<std::int64_t> SqlTransaction::count_rows(SealedTable table) {
  const char* sql = nullptr;
  switch (table) {
    case SealedTable::case_keys: sql = "SELECT COUNT(*) FROM case_keys"; break;
    case SealedTable::cases: sql = "SELECT COUNT(*) FROM cases"; break;
    case SealedTable::case_records: sql = "SELECT COUNT(*) FROM case_records"; break;
    case SealedTable::centre_records: sql = "SELECT COUNT(*) FROM centre_records"; break;
    case SealedTable::second_factors: sql = "SELECT COUNT(*) FROM second_factors"; break;
  }
  auto rows = db_.query(sql, {});
  if (!rows) return propagate<std::int64_t>(rows.error());
  return rows->front().integer(0);
}

Result<std::int64_t> SqlTransaction::count_sealed_under(std::uint32_t data_key_id) {
  // Every column seal_field writes to (a case's own fields are under its key, which case_keys holds
  // under a data key; older databases may still hold them under a data key directly).
  static constexpr std::pair<const char*, const char*> kColumns[] = {
      {"case_keys", "wrapped"},          {"persons", "name"},
      {"persons", "birth_date"},         {"receptions", "referring_authority"},
      {"receptions", "legal_basis"},     {"receptions", "documents"},
      {"case_records", "body"},          {"centre_records", "body"},
      {"second_factors", "secret"},
  };
  const std::string prefix = "v1:" + std::to_string(data_key_id) + ":%";
  std::int64_t total = 0;
  for (const auto& [table, column] : kColumns) {
    auto rows = db_.query(std::string("SELECT COUNT(*) FROM ") + table + " WHERE " + column + " LIKE $1", {text(prefix)});
    if (!rows) return propagate<std::int64_t>(rows.error());
    total += rows->front().integer(0);
  }
  return total;
}

Result<ResealPage> SqlTransaction::reseal_page(SealedTable table, std::string_view after_id, int limit) {
  switch (table) {
    case SealedTable::case_keys: return rewrap_case_keys(after_id, limit);
    case SealedTable::cases: return reseal_cases(after_id, limit);
    case SealedTable::case_records: return reseal_case_records(after_id, limit);
    case SealedTable::centre_records: return reseal_column("centre_records", "id", "body", after_id, limit);
    case SealedTable::second_factors: return reseal_column("second_factors", "staff_id", "secret", after_id, limit);
  }
  return fail_internal(ErrorCode::internal, "no such sealed table");
}

namespace {

// One page of key rotation: rows keyed by their first column, each handed to `reseal_row`, which seals
// it again and says whether it had to (false: already under the key it belongs under).
template <class ResealRow>
Result<ResealPage> reseal_rows(const Result<std::vector<SqlRow>>& rows, ResealRow reseal_row) {
  if (!rows) return propagate<ResealPage>(rows.error());
  ResealPage page;
  for (const auto& row : *rows) {
    ++page.rows;
    page.last_id = row.text(0);
    auto resealed = reseal_row(row, page.last_id);
    if (!resealed) return propagate<ResealPage>(resealed.error());
    if (*resealed) ++page.resealed;
  }
  return page;
}

}  // namespace

Result<ResealPage> SqlTransaction::rewrap_case_keys(std::string_view after_id, int limit) {
  auto rows = db_.query("SELECT case_id, wrapped FROM case_keys WHERE case_id > $1 ORDER BY case_id LIMIT $2",
                        {text(after_id), SqlValue{std::int64_t{limit}}});
  auto sealing = sealing_key_id();
  if (!sealing) return propagate<ResealPage>(sealing.error());
  return reseal_rows(rows, [&](const SqlRow& row, const std::string& id) -> Result<bool> {
    if (security::sealed_key_id(row.text(1)) == *sealing) return false;
    HAVEN_ASSIGN_OR_RETURN(auto key, security::unwrap_case_key(keys_, id, row.text(1)));
    auto r = db_.execute("UPDATE case_keys SET wrapped = $1 WHERE case_id = $2",
                         {text(security::wrap_case_key(keys_, *sealing, id, key)), text(id)});
    sodium_memzero(key.data(), key.size());
    HAVEN_TRY(r);
    return true;
  });
}

Result<ResealPage> SqlTransaction::reseal_cases(std::string_view after_id, int limit) {
  auto rows = db_.query(
      "SELECT c.id, p.name, p.birth_date, r.referring_authority, r.legal_basis, r.documents, c.erased_at FROM cases c "
      "JOIN persons p ON p.case_id = c.id JOIN receptions r ON r.case_id = c.id WHERE c.id > $1 ORDER BY c.id LIMIT $2",
      {text(after_id), SqlValue{std::int64_t{limit}}});
  return reseal_rows(rows, [&](const SqlRow& row, const std::string& id) -> Result<bool> {
    if (row.optional_integer(6)) return false;  // erased: nothing left to seal
    const auto birth = row.optional_text(2);
    // Under the case's own key already: a new data key changes only how that key is wrapped.
    const bool stale = !security::sealed_under_case_key(row.text(1)) ||
                       (birth && !security::sealed_under_case_key(*birth)) ||
                       !security::sealed_under_case_key(row.text(3)) || !security::sealed_under_case_key(row.text(4)) ||
                       !security::sealed_under_case_key(row.text(5));
    if (!stale) return false;
    HAVEN_ASSIGN_OR_RETURN(auto key, case_key_for_writing(id));
    const security::KeyBytes& k = *key;
    auto name = open("persons", id, "name", row.text(1), &k);
    auto authority = open("receptions", id, "referring_authority", row.text(3), &k);
    auto basis = open("receptions", id, "legal_basis", row.text(4), &k);
    auto documents = open("receptions", id, "documents", row.text(5), &k);
    if (!name || !authority || !basis || !documents) {
      return fail_internal(ErrorCode::internal, "case " + id + " cannot be opened to seal it again");
    }
    std::optional<std::string> birth_plain;
    if (birth) {
      HAVEN_ASSIGN_OR_RETURN(auto opened, open("persons", id, "birth_date", *birth, &k));
      birth_plain = std::move(opened);
    }
    auto r = db_.execute("UPDATE persons SET name = $1, birth_date = $2 WHERE case_id = $3",
                         {text(seal_case(k, "persons", id, "name", *name)),
                          birth_plain ? text(seal_case(k, "persons", id, "birth_date", *birth_plain)) : SqlValue{nullptr},
                          text(id)});
    HAVEN_TRY(r);
    r = db_.execute("UPDATE receptions SET referring_authority = $1, legal_basis = $2, documents = $3 WHERE case_id = $4",
                    {text(seal_case(k, "receptions", id, "referring_authority", *authority)),
                     text(seal_case(k, "receptions", id, "legal_basis", *basis)),
                     text(seal_case(k, "receptions", id, "documents", *documents)), text(id)});
    HAVEN_TRY(r);
    HAVEN_TRY(write_name_index(id, *name));
    return true;
  });
}

Result<ResealPage> SqlTransaction::reseal_case_records(std::string_view after_id, int limit) {
  auto rows = db_.query(
      "SELECT r.id, r.body, r.case_id, c.erased_at FROM case_records r JOIN cases c ON c.id = r.case_id "
      "WHERE r.id > $1 ORDER BY r.id LIMIT $2",
      {text(after_id), SqlValue{std::int64_t{limit}}});
  return reseal_rows(rows, [&](const SqlRow& row, const std::string& id) -> Result<bool> {
    if (row.optional_integer(3) || security::sealed_under_case_key(row.text(1))) return false;
    HAVEN_ASSIGN_OR_RETURN(auto key, case_key_for_writing(row.text(2)));
    HAVEN_ASSIGN_OR_RETURN(auto plain, open("case_records", id, "body", row.text(1), key));
    HAVEN_TRY(db_.execute("UPDATE case_records SET body = $1 WHERE id = $2",
                         {text(seal_case(*key, "case_records", id, "body", plain)), text(id)}));
    return true;
  });
}

Result<ResealPage> SqlTransaction::reseal_column(std::string_view table, std::string_view key, std::string_view column,
                                               std::string_view after_id, int limit) {
  const std::string t(table);
  const std::string k(key);
  const std::string c(column);
  auto rows = db_.query("SELECT " + k + ", " + c + " FROM " + t + " WHERE " + k + " > $1 ORDER BY " + k + " LIMIT $2",
                        {text(after_id), SqlValue{std::int64_t{limit}}});
  auto sealing = sealing_key_id();
  if (!sealing) return propagate<ResealPage>(sealing.error());
  return reseal_rows(rows, [&](const SqlRow& row, const std::string& id) -> Result<bool> {
    if (security::sealed_key_id(row.text(1)) == *sealing) return false;
    HAVEN_ASSIGN_OR_RETURN(auto plain, open(table, id, column, row.text(1)));
    HAVEN_ASSIGN_OR_RETURN(auto sealed, seal(table, id, column, plain));
    HAVEN_TRY(db_.execute("UPDATE " + t + " SET " + c + " = $1 WHERE " + k + " = $2", {text(sealed), text(id)}));
    return true;
  });
}

}  // namespace haven::storage
