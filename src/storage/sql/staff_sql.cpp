// Staff accounts: who may sign in, with which role, and how an account is activated and confirmed.
#include "storage/sql/sql_values.hpp"
#include "storage/sql/sql_views.hpp"

namespace haven::storage {

using namespace sql_values;

namespace {

struct StaffColumns : SqlColumns {
  SqlColumn id = column("id");
  SqlColumn centre_id = column("COALESCE(centre_id, '')");
  SqlColumn username = column("username");
  SqlColumn display_name = column("display_name");
  SqlColumn role = column("role");
  SqlColumn password_hash = column("password_hash");
  SqlColumn disabled = column("disabled");
  SqlColumn created_at = column("created_at");
  SqlColumn version = column("version");
  SqlColumn organisation = column("organisation");
  SqlColumn created_by = column("created_by");
  SqlColumn confirmed_by = column("confirmed_by");
  SqlColumn confirmed_at = column("confirmed_at");
  SqlColumn activation_digest = column("activation_digest");
  SqlColumn activation_expires_at = column("activation_expires_at");
};
constexpr StaffColumns kStaff;

domain::StaffAccount staff_from(const SqlRow& row) {
  domain::StaffAccount s;
  s.id = row.text(kStaff.id);
  s.centre_id = row.text(kStaff.centre_id);
  s.username = row.text(kStaff.username);
  s.display_name = row.text(kStaff.display_name);
  s.role = parse_stored(domain::kRoleNames, row.text(kStaff.role), domain::Role::case_worker);
  s.password_hash = row.text(kStaff.password_hash);
  s.disabled = row.integer(kStaff.disabled) != 0;
  s.organisation = row.text(kStaff.organisation);
  s.created_at = timestamp(row.integer(kStaff.created_at));
  s.version = row.integer(kStaff.version);
  s.created_by = row.text(kStaff.created_by);
  s.confirmed_by = row.text(kStaff.confirmed_by);
  if (const auto at = row.optional_integer(kStaff.confirmed_at)) s.confirmed_at = timestamp(*at);
  s.activation_digest = row.text(kStaff.activation_digest);
  if (const auto at = row.optional_integer(kStaff.activation_expires_at)) s.activation_expires_at = timestamp(*at);
  return s;
}

}  // namespace

Result<std::optional<domain::StaffAccount>> SqlStaff::find_one(const std::string& sql, std::string_view value) {
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(sql, {text(value)}));
  if (rows.empty()) return std::optional<domain::StaffAccount>{};
  return std::optional<domain::StaffAccount>{staff_from(rows.front())};
}

Result<std::optional<domain::StaffAccount>> SqlStaff::find(std::string_view staff_id) {
  static const std::string kSql = kStaff.select("FROM staff WHERE id = $1");
  return find_one(kSql, staff_id);
}

Result<std::optional<domain::StaffAccount>> SqlStaff::find_by_username(std::string_view username) {
  static const std::string kSql = kStaff.select("FROM staff WHERE username = $1");
  return find_one(kSql, username);
}

Result<std::vector<domain::StaffAccount>> SqlStaff::list(std::string_view centre_id) {
  static const std::string kSql =
      kStaff.select("FROM staff WHERE centre_id = $1 OR ($1 = '' AND centre_id IS NULL) ORDER BY display_name, id");
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(kSql, {text(centre_id)}));
  std::vector<domain::StaffAccount> staff;
  staff.reserve(rows.size());
  for (const auto& row : rows) staff.push_back(staff_from(row));
  return staff;
}

Result<void> SqlStaff::insert(const domain::StaffAccount& staff) {
  auto r = db().execute(
      "INSERT INTO staff (id, centre_id, username, display_name, role, password_hash, disabled, created_at, version, "
      "organisation, created_by, activation_digest, activation_expires_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
      {text(staff.id), staff.centre_id.empty() ? SqlValue{nullptr} : text(staff.centre_id), text(staff.username),
       text(staff.display_name), text(domain::kRoleNames.name(staff.role)), text(staff.password_hash),
       flag(staff.disabled), seconds(staff.created_at), SqlValue{staff.version}, text(staff.organisation),
       text(staff.created_by), text(staff.activation_digest),
       staff.activation_expires_at ? seconds(*staff.activation_expires_at) : SqlValue{nullptr}});
  if (!r) {
    Error e = r.error();
    if (e.code == ErrorCode::already_exists) e.field = "username";
    return tl::unexpected(e);
  }
  return {};
}

Result<std::int64_t> SqlStaff::update_password(std::string_view staff_id, std::int64_t expected_version,
                                               std::string_view password_hash) {
  HAVEN_ASSIGN_OR_RETURN(
      auto changed,
      db().execute("UPDATE staff SET password_hash = $1, version = version + 1 WHERE id = $2 AND version = $3",
                   {text(password_hash), text(staff_id), SqlValue{expected_version}}));
  if (changed == 0) return scope_.conflict_with_current_version("FROM staff WHERE id = $1", {text(staff_id)});
  return expected_version + 1;
}

Result<void> SqlStaff::update_disabled(std::string_view staff_id, bool disabled) {
  HAVEN_ASSIGN_OR_RETURN(auto changed,
                         db().execute("UPDATE staff SET disabled = $1, version = version + 1 WHERE id = $2",
                                      {flag(disabled), text(staff_id)}));
  if (changed == 0) return fail(ErrorCode::not_found, {}, "error.staff_not_found");
  return {};
}

Result<bool> SqlStaff::activate(std::string_view staff_id, std::string_view activation_digest,
                                std::string_view password_hash, Timestamp now) {
  if (activation_digest.empty()) return false;
  HAVEN_ASSIGN_OR_RETURN(
      auto changed,
      db().execute("UPDATE staff SET password_hash = $1, activation_digest = '', activation_expires_at = NULL, version "
                   "= version + 1 "
                   "WHERE id = $2 AND password_hash = '' AND activation_digest = $3 AND activation_expires_at > $4",
                   {text(password_hash), text(staff_id), text(activation_digest), seconds(now)}));
  return changed == 1;
}

Result<bool> SqlStaff::set_activation(std::string_view staff_id, std::string_view activation_digest,
                                      Timestamp expires_at) {
  HAVEN_ASSIGN_OR_RETURN(
      auto changed,
      db().execute("UPDATE staff SET activation_digest = $1, activation_expires_at = $2, version = version + 1 "
                   "WHERE id = $3 AND password_hash = ''",
                   {text(activation_digest), seconds(expires_at), text(staff_id)}));
  return changed == 1;
}

Result<bool> SqlStaff::confirm(std::string_view staff_id, std::string_view by, Timestamp at) {
  HAVEN_ASSIGN_OR_RETURN(auto changed, db().execute("UPDATE staff SET confirmed_by = $1, confirmed_at = $2, version = "
                                                    "version + 1 WHERE id = $3 AND confirmed_by = ''",
                                                    {text(by), seconds(at), text(staff_id)}));
  return changed == 1;
}

}  // namespace haven::storage
