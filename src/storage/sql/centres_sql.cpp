// The centres: each deployment's shelters, the top of every case's and account's scope.
#include "storage/sql/sql_values.hpp"
#include "storage/sql/sql_views.hpp"

namespace haven::storage {

using namespace sql_values;

namespace {

struct CentreColumns : SqlColumns {
  SqlColumn id = column("id");
  SqlColumn name = column("name");
  SqlColumn created_at = column("created_at");
};
constexpr CentreColumns kCentre;

domain::Centre centre_from(const SqlRow& row) {
  return domain::Centre{row.text(kCentre.id), row.text(kCentre.name), timestamp(row.integer(kCentre.created_at))};
}

}  // namespace

Result<std::optional<domain::Centre>> SqlCentres::find(std::string_view centre_id) {
  static const std::string kSql = kCentre.select("FROM centres WHERE id = $1");
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(kSql, {text(centre_id)}));
  if (rows.empty()) return std::optional<domain::Centre>{};
  return centre_from(rows.front());
}

Result<std::vector<domain::Centre>> SqlCentres::list() {
  static const std::string kSql = kCentre.select("FROM centres ORDER BY created_at, id");
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(kSql, {}));
  std::vector<domain::Centre> centres;
  for (const auto& row : rows) centres.push_back(centre_from(row));
  return centres;
}

Result<void> SqlCentres::insert(const domain::Centre& centre) {
  HAVEN_TRY(db().execute("INSERT INTO centres (id, name, created_at) VALUES ($1, $2, $3)",
                         {text(centre.id), text(centre.name), seconds(centre.created_at)}));
  return {};
}

}  // namespace haven::storage
