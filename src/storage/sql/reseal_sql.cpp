// Key rotation's storage side (SqlKeys::reseal_page): a page of rows at a time, each field sealed
// again under the key it belongs under. Reads what an older key sealed, or an older version stored
// in clear; writes only what changes.
#include <sodium.h>

#include "security/case_key.hpp"
#include "security/field_cipher.hpp"
#include "storage/sql/sql_values.hpp"
#include "storage/sql/sql_views.hpp"

namespace haven::storage {

using namespace sql_values;

Result<ResealPage> SqlKeys::reseal_page(SealedTable table, std::string_view after_id, int limit) {
  switch (table) {
    case SealedTable::case_keys:
      return rewrap_case_keys(after_id, limit);
    case SealedTable::cases:
      return reseal_cases(after_id, limit);
    case SealedTable::case_records:
      return reseal_case_records(after_id, limit);
    case SealedTable::centre_records:
      return reseal_column("centre_records", "id", "body", after_id, limit);
    case SealedTable::second_factors:
      return reseal_column("second_factors", "staff_id", "secret", after_id, limit);
    case SealedTable::drafts:  // a case's drafts are under its key: only the reception form's change
      return reseal_column("drafts", "id", "content", after_id, limit);
  }
  return fail_internal(ErrorCode::internal, "no such sealed table");
}

namespace {

// One page of key rotation: rows keyed by their `id` column, each handed to `reseal_row`, which
// seals it again and says whether it had to (false: already under the key it belongs under).
template <class ResealRow>
Result<ResealPage> reseal_rows(const Result<std::vector<SqlRow>>& rows, SqlColumn id, ResealRow reseal_row) {
  HAVEN_TRY(rows);
  ResealPage page;
  for (const auto& row : *rows) {
    ++page.rows;
    page.last_id = row.text(id);
    HAVEN_ASSIGN_OR_RETURN(auto resealed, reseal_row(row, page.last_id));
    if (resealed) ++page.resealed;
  }
  return page;
}

struct WrappedKeyColumns : SqlColumns {
  SqlColumn case_id = column("case_id");
  SqlColumn wrapped = column("wrapped");
};
constexpr WrappedKeyColumns kWrappedKey;

struct SealedCaseColumns : SqlColumns {
  SqlColumn id = column("c.id");
  SqlColumn name = column("p.name");
  SqlColumn birth_date = column("p.birth_date");
  SqlColumn referring_authority = column("r.referring_authority");
  SqlColumn legal_basis = column("r.legal_basis");
  SqlColumn documents = column("r.documents");
  SqlColumn erased_at = column("c.erased_at");
};
constexpr SealedCaseColumns kSealedCase;

struct SealedRecordColumns : SqlColumns {
  SqlColumn id = column("r.id");
  SqlColumn body = column("r.body");
  SqlColumn case_id = column("r.case_id");
  SqlColumn erased_at = column("c.erased_at");
};
constexpr SealedRecordColumns kSealedRecord;

// One sealed column of a table, by the table's key.
struct SealedValueColumns : SqlColumns {
  SealedValueColumns(std::string_view key_column, std::string_view sealed_column)
      : key(column(key_column)), sealed(column(sealed_column)) {}
  SqlColumn key;
  SqlColumn sealed;
};

}  // namespace

Result<ResealPage> SqlKeys::rewrap_case_keys(std::string_view after_id, int limit) {
  static const std::string kSql = kWrappedKey.select("FROM case_keys WHERE case_id > $1 ORDER BY case_id LIMIT $2");
  auto rows = db().query(kSql, {text(after_id), SqlValue{std::int64_t{limit}}});
  HAVEN_ASSIGN_OR_RETURN(auto sealing, scope_.sealing_key_id());
  const auto& keys = scope_.keys();
  return reseal_rows(rows, kWrappedKey.case_id, [&](const SqlRow& row, const std::string& id) -> Result<bool> {
    const std::string& wrapped = row.text(kWrappedKey.wrapped);
    if (security::sealed_key_id(wrapped) == sealing) return false;
    HAVEN_ASSIGN_OR_RETURN(auto key, security::unwrap_case_key(keys, id, wrapped));
    auto r = db().execute("UPDATE case_keys SET wrapped = $1 WHERE case_id = $2",
                          {text(security::wrap_case_key(keys, sealing, id, key)), text(id)});
    sodium_memzero(key.data(), key.size());
    HAVEN_TRY(r);
    return true;
  });
}

Result<ResealPage> SqlKeys::reseal_cases(std::string_view after_id, int limit) {
  static const std::string kSql = kSealedCase.select(
      "FROM cases c JOIN persons p ON p.case_id = c.id JOIN receptions r ON r.case_id = c.id WHERE c.id > $1 "
      "ORDER BY c.id LIMIT $2");
  auto rows = db().query(kSql, {text(after_id), SqlValue{std::int64_t{limit}}});
  const auto& k = kSealedCase;
  return reseal_rows(rows, k.id, [&](const SqlRow& row, const std::string& id) -> Result<bool> {
    if (row.optional_integer(k.erased_at)) return false;  // erased: nothing left to seal
    const auto birth = row.optional_text(k.birth_date);
    // Under the case's own key already: a new data key changes only how that key is wrapped.
    const bool stale = !security::sealed_under_case_key(row.text(k.name)) ||
                       (birth && !security::sealed_under_case_key(*birth)) ||
                       !security::sealed_under_case_key(row.text(k.referring_authority)) ||
                       !security::sealed_under_case_key(row.text(k.legal_basis)) ||
                       !security::sealed_under_case_key(row.text(k.documents));
    if (!stale) return false;
    HAVEN_ASSIGN_OR_RETURN(auto key, scope_.case_key_for_writing(id));
    const security::KeyBytes& case_key = *key;
    auto name = scope_.open("persons", id, "name", row.text(k.name), &case_key);
    auto authority = scope_.open("receptions", id, "referring_authority", row.text(k.referring_authority), &case_key);
    auto basis = scope_.open("receptions", id, "legal_basis", row.text(k.legal_basis), &case_key);
    auto documents = scope_.open("receptions", id, "documents", row.text(k.documents), &case_key);
    if (!name || !authority || !basis || !documents) {
      return fail_internal(ErrorCode::internal, "case " + id + " cannot be opened to seal it again");
    }
    std::optional<std::string> birth_plain;
    if (birth) {
      HAVEN_ASSIGN_OR_RETURN(auto opened, scope_.open("persons", id, "birth_date", *birth, &case_key));
      birth_plain = std::move(opened);
    }
    HAVEN_TRY(db().execute(
        "UPDATE persons SET name = $1, birth_date = $2 WHERE case_id = $3",
        {text(scope_.seal_case(case_key, "persons", id, "name", *name)),
         birth_plain ? text(scope_.seal_case(case_key, "persons", id, "birth_date", *birth_plain)) : SqlValue{nullptr},
         text(id)}));
    HAVEN_TRY(db().execute(
        "UPDATE receptions SET referring_authority = $1, legal_basis = $2, documents = $3 WHERE case_id = $4",
        {text(scope_.seal_case(case_key, "receptions", id, "referring_authority", *authority)),
         text(scope_.seal_case(case_key, "receptions", id, "legal_basis", *basis)),
         text(scope_.seal_case(case_key, "receptions", id, "documents", *documents)), text(id)}));
    HAVEN_TRY(scope_.write_name_index(id, *name, birth_plain ? parse_iso_date(*birth_plain) : std::nullopt));
    return true;
  });
}

Result<ResealPage> SqlKeys::reseal_case_records(std::string_view after_id, int limit) {
  static const std::string kSql = kSealedRecord.select(
      "FROM case_records r JOIN cases c ON c.id = r.case_id WHERE r.id > $1 ORDER BY r.id LIMIT $2");
  auto rows = db().query(kSql, {text(after_id), SqlValue{std::int64_t{limit}}});
  const auto& k = kSealedRecord;
  return reseal_rows(rows, k.id, [&](const SqlRow& row, const std::string& id) -> Result<bool> {
    if (row.optional_integer(k.erased_at) || security::sealed_under_case_key(row.text(k.body))) return false;
    HAVEN_ASSIGN_OR_RETURN(auto key, scope_.case_key_for_writing(row.text(k.case_id)));
    HAVEN_ASSIGN_OR_RETURN(auto plain, scope_.open("case_records", id, "body", row.text(k.body), key));
    HAVEN_TRY(db().execute("UPDATE case_records SET body = $1 WHERE id = $2",
                           {text(scope_.seal_case(*key, "case_records", id, "body", plain)), text(id)}));
    return true;
  });
}

Result<ResealPage> SqlKeys::reseal_column(std::string_view table, std::string_view key, std::string_view column,
                                          std::string_view after_id, int limit) {
  const std::string t(table);
  const std::string k(key);
  const std::string c(column);
  const SealedValueColumns columns(k, c);
  auto rows = db().query(columns.select("FROM " + t + " WHERE " + k + " > $1 ORDER BY " + k + " LIMIT $2"),
                         {text(after_id), SqlValue{std::int64_t{limit}}});
  HAVEN_ASSIGN_OR_RETURN(auto sealing, scope_.sealing_key_id());
  return reseal_rows(rows, columns.key, [&](const SqlRow& row, const std::string& id) -> Result<bool> {
    const std::string& stored = row.text(columns.sealed);
    if (security::sealed_key_id(stored) == sealing || security::sealed_under_case_key(stored)) return false;
    HAVEN_ASSIGN_OR_RETURN(auto plain, scope_.open(table, id, column, stored));
    HAVEN_ASSIGN_OR_RETURN(auto sealed, scope_.seal(table, id, column, plain));
    HAVEN_TRY(db().execute("UPDATE " + t + " SET " + c + " = $1 WHERE " + k + " = $2", {text(sealed), text(id)}));
    return true;
  });
}

}  // namespace haven::storage
