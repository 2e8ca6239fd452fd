// The name index's whole names: finding an earlier case of a person being registered, and indexing
// the cases registered before the index held whole names.
#include <string>

#include "domain/search_fold.hpp"
#include "security/blind_index.hpp"
#include "storage/sql/sql_values.hpp"
#include "storage/sql/sql_views.hpp"

namespace haven::storage {

using namespace sql_values;
namespace {

struct NameMatchColumns : SqlColumns {
  SqlColumn id = column("c.id");
  SqlColumn code = column("c.code");
  SqlColumn received_at = column("r.received_at");
};
constexpr NameMatchColumns kNameMatch;

constexpr OneColumn kTaken{"case_id"};  // what kTake returns
constexpr OneColumn kCentreId{"centre_id"};

}  // namespace

Result<std::vector<NameMatch>> SqlCases::named_alike(std::string_view centre_id, std::string_view name,
                                                     std::optional<Date> birth_date, int limit) {
  std::optional<int> birth_year;
  if (birth_date) birth_year = static_cast<int>(birth_date->year());
  const auto tokens =
      security::alike_name_tokens(scope_.keys().index_key(), domain::fold_for_search(name), birth_year);
  std::vector<NameMatch> out;
  if (tokens.empty()) return out;
  SqlParams params{text(centre_id)};
  std::string slots;
  for (const auto& token : tokens) {
    params.push_back(text(token));
    slots += (slots.empty() ? "$" : ", $") + std::to_string(params.size());
  }
  params.push_back(SqlValue{std::int64_t{limit}});
  // The token is the index's key: each probe is a range of the few cases with that whole name.
  const std::string sql = kNameMatch.select(
      "FROM cases c JOIN receptions r ON r.case_id = c.id WHERE c.centre_id = $1 AND c.erased_at IS NULL AND c.id IN "
      "(SELECT n.case_id FROM name_index n WHERE n.token IN (" +
      slots + ")) ORDER BY r.received_at DESC, c.id LIMIT $" + std::to_string(params.size()));
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(sql, params));
  out.reserve(rows.size());
  for (const auto& row : rows) {
    out.push_back({row.text(kNameMatch.id), row.text(kNameMatch.code), timestamp(row.integer(kNameMatch.received_at))});
  }
  return out;
}

Result<int> SqlCases::index_pending_names(int limit) {
  // Taken off the list first: of two PostgreSQL servers starting at once, the second's DELETE skips
  // the rows the first took, and each indexes only its own.
  static const std::string kTake =
      "DELETE FROM name_index_pending WHERE case_id IN "
      "(SELECT case_id FROM name_index_pending ORDER BY case_id LIMIT $1) RETURNING case_id";
  static const std::string kCentre = kCentreId.select("FROM cases WHERE id = $1");
  HAVEN_ASSIGN_OR_RETURN(auto taken, db().query(kTake, {SqlValue{std::int64_t{limit}}}));
  for (const auto& row : taken) {
    const std::string& id = row.text(kTaken.value);
    HAVEN_ASSIGN_OR_RETURN(auto centre, db().query(kCentre, {text(id)}));
    if (centre.empty()) continue;
    const std::string& centre_id = centre.front().text(kCentreId.value);
    // The case's row as a writer holds it, so that a correction or an erasure on a server already
    // serving cannot interleave: an erased case (not_found) has nothing left to index.
    if (auto locked = lock(centre_id, id); !locked) {
      if (locked.error().code == ErrorCode::not_found) continue;
      return tl::unexpected(locked.error());
    }
    HAVEN_ASSIGN_OR_RETURN(auto file, find(centre_id, id));
    if (file && !file->erasure) {
      HAVEN_TRY(scope_.write_name_index(id, file->person.name, file->person.birth_date));
    }
  }
  return static_cast<int>(taken.size());
}

Result<std::int64_t> SqlCases::names_pending() {
  static constexpr OneColumn kWaiting{"COUNT(*)"};
  static const std::string kSql = kWaiting.select("FROM name_index_pending");
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(kSql, {}));
  return rows.front().integer(kWaiting.value);
}

}  // namespace haven::storage
