// Each case's standing against the standard (app/case_standings.hpp), kept beside the case so that a
// centre's figures read one small row per case. Sealed under the case's key like the file it comes
// from: it tells, for one, whether the victim is a child and whether a crisis was recorded.
#include <sodium.h>

#include "security/case_key.hpp"
#include "storage/sql/sql_values.hpp"
#include "storage/sql/sql_views.hpp"

namespace haven::storage {

using namespace sql_values;

namespace {

struct StandingColumns : SqlColumns {
  SqlColumn case_id = column("c.id");
  SqlColumn case_revision = column("c.revision");
  SqlColumn revision = column("s.revision");
  SqlColumn basis = column("s.basis");
  SqlColumn body = column("s.body");  // sealed
  SqlColumn wrapped_key = column("k.wrapped");
};
constexpr StandingColumns kStanding;

}  // namespace

Result<std::vector<StoredStanding>> SqlStandings::find(std::string_view centre_id,
                                                       std::span<const std::string> case_ids) {
  std::vector<SqlValue> params{text(centre_id)};
  const std::string ids = in_list(params, case_ids);
  HAVEN_ASSIGN_OR_RETURN(
      auto rows,
      db().query(
          kStanding.select(
              "FROM cases c LEFT JOIN case_standings s ON s.case_id = c.id LEFT JOIN case_keys k ON k.case_id = c.id "
              "WHERE c.centre_id = $1 AND c.erased_at IS NULL AND c.id " +
              ids + " ORDER BY c.id"),
          params));
  std::vector<StoredStanding> out;
  out.reserve(rows.size());
  for (const auto& row : rows) {
    StoredStanding s{row.text(kStanding.case_id),
                     row.integer(kStanding.case_revision),
                     row.optional_integer(kStanding.revision),
                     row.text(kStanding.basis),
                     {}};
    if (s.revision && !row.is_null(kStanding.wrapped_key)) {
      // Unwrapped for this row only, not kept for the transaction: a reading may open thousands.
      auto key = security::unwrap_case_key(scope_.keys(), s.case_id, row.text(kStanding.wrapped_key));
      if (key) {
        // A standing that does not open is as good as none: the case is evaluated again.
        if (auto body = scope_.open("case_standings", s.case_id, "body", row.text(kStanding.body), &*key)) {
          s.body = std::move(*body);
        }
        sodium_memzero(key->data(), key->size());
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

Result<void> SqlStandings::put(std::string_view case_id, std::optional<std::int64_t> revision, std::string_view basis,
                               std::string_view body) {
  // not_found once erased; a case sealed before case keys gets its key, as when a record is written.
  HAVEN_ASSIGN_OR_RETURN(auto key, scope_.case_key_for_writing(case_id));
  const std::string sealed = scope_.seal_case(*key, "case_standings", case_id, "body", body);
  // Never over one computed from a later revision (a reading's standing stored after a write's).
  constexpr std::string_view kUpsert =
      " ON CONFLICT (case_id) DO UPDATE SET revision = excluded.revision, basis = excluded.basis, body = excluded.body"
      " WHERE case_standings.revision <= excluded.revision";
  // Computed from a given revision, or from the case as it stands in this transaction.
  HAVEN_TRY(revision
                ? db().execute("INSERT INTO case_standings (case_id, revision, basis, body) VALUES ($1, $2, $3, $4)" +
                                   std::string(kUpsert),
                               {text(case_id), SqlValue{*revision}, text(basis), text(sealed)})
                : db().execute("INSERT INTO case_standings (case_id, revision, basis, body) "
                               "SELECT id, revision, $2, $3 FROM cases WHERE id = $1" +
                                   std::string(kUpsert),
                               {text(case_id), text(basis), text(sealed)}));
  return {};
}

}  // namespace haven::storage
