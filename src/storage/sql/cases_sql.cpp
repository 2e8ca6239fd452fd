// Case files: the case, its person and reception, sealed under the case's own key, and who is on it.
// The case list and name search are in case_list_sql.cpp.
#include <boost/json.hpp>

#include "storage/sql/sql_values.hpp"
#include "storage/sql/sql_views.hpp"

namespace haven::storage {

using namespace sql_values;

namespace {

std::string to_json_array(const std::vector<std::string>& items) {
  boost::json::array array;
  for (const auto& item : items) array.emplace_back(item);
  return boost::json::serialize(array);
}

std::vector<std::string> from_json_array(const std::string& stored) {
  std::vector<std::string> items;
  boost::system::error_code ec;
  const auto value = boost::json::parse(stored, ec);
  if (ec || !value.is_array()) return items;
  for (const auto& item : value.as_array()) {
    if (item.is_string()) items.emplace_back(item.as_string());
  }
  return items;
}

struct CaseFileColumns : SqlColumns {
  SqlColumn id = column("c.id");
  SqlColumn centre_id = column("c.centre_id");
  SqlColumn code = column("c.code");
  SqlColumn stage = column("c.stage");
  SqlColumn version = column("c.version");
  SqlColumn created_at = column("c.created_at");
  SqlColumn updated_at = column("c.updated_at");
  SqlColumn name = column("p.name");  // sealed
  SqlColumn name_is_alias = column("p.name_is_alias");
  SqlColumn sex = column("p.sex");
  SqlColumn birth_date = column("p.birth_date");  // sealed
  SqlColumn estimated_age = column("p.estimated_age");
  SqlColumn suspected_child = column("p.suspected_child");
  SqlColumn nationality = column("p.nationality");
  SqlColumn languages = column("p.languages");
  SqlColumn preferred_staff_gender = column("p.preferred_staff_gender");
  SqlColumn received_at = column("r.received_at");
  SqlColumn referral_channel = column("r.referral_channel");
  SqlColumn referring_authority = column("r.referring_authority");  // sealed
  SqlColumn legal_basis = column("r.legal_basis");                  // sealed
  SqlColumn documents = column("r.documents");                      // sealed
  SqlColumn recorded_by = column("r.recorded_by");
  SqlColumn wrapped_key = column("k.wrapped");
  SqlColumn erased_at = column("c.erased_at");
  SqlColumn erased_by = column("c.erased_by");
  SqlColumn erasure_ground = column("c.erasure_ground");
};
constexpr CaseFileColumns kCaseFile;

// The case file as stored, its sealed fields not yet opened.
domain::CaseFile case_file_from(const SqlRow& row) {
  using namespace domain;
  const auto& k = kCaseFile;
  CaseFile f;
  f.id = row.text(k.id);
  f.centre_id = row.text(k.centre_id);
  f.code = row.text(k.code);
  f.stage = parse_stored(kCaseStageNames, row.text(k.stage), CaseStage::received);
  f.version = row.integer(k.version);
  f.created_at = timestamp(row.integer(k.created_at));
  f.updated_at = timestamp(row.integer(k.updated_at));
  f.person.name = row.text(k.name);
  f.person.name_is_alias = row.integer(k.name_is_alias) != 0;
  f.person.sex = parse_stored(kSexNames, row.text(k.sex), Sex::unknown);
  if (const auto birth = row.optional_text(k.birth_date)) f.person.birth_date = parse_iso_date(*birth);
  if (const auto age = row.optional_integer(k.estimated_age)) f.person.estimated_age = static_cast<int>(*age);
  f.person.suspected_child = row.integer(k.suspected_child) != 0;
  f.person.nationality = row.text(k.nationality);
  f.person.languages = from_json_array(row.text(k.languages));
  f.person.preferred_staff_gender =
      parse_stored(kStaffGenderPreferenceNames, row.text(k.preferred_staff_gender), StaffGenderPreference::any);
  f.reception.received_at = timestamp(row.integer(k.received_at));
  f.reception.referral_channel =
      parse_stored(kReferralChannelNames, row.text(k.referral_channel), ReferralChannel::other);
  f.reception.referring_authority = row.text(k.referring_authority);
  f.reception.legal_basis = row.text(k.legal_basis);
  f.reception.documents = from_json_array(row.text(k.documents));
  f.reception.recorded_by = row.text(k.recorded_by);
  if (const auto erased_at = row.optional_integer(k.erased_at)) {
    f.erasure = Erasure{timestamp(*erased_at), row.text(k.erased_by),
                        parse_stored(kErasureGroundNames, row.text(k.erasure_ground), ErasureGround::purpose_ended)};
  }
  return f;
}

// The case file with its sealed fields opened under the case's key.
Result<domain::CaseFile> case_file_opened(SqlScope& scope, const SqlRow& row) {
  const auto& k = kCaseFile;
  auto f = case_file_from(row);
  if (f.erasure) return f;  // nothing left to open: its key is gone and its fields are empty
  auto key = scope.case_key_from(f.id, row.optional_text(k.wrapped_key));
  if (key) key = scope.key_for(f.id, *key, row.text(k.name));
  HAVEN_TRY(key);
  HAVEN_ASSIGN_OR_RETURN(auto name, scope.open("persons", f.id, "name", row.text(k.name), *key));
  f.person.name = std::move(name);
  f.person.birth_date.reset();
  if (const auto stored = row.optional_text(k.birth_date)) {
    HAVEN_ASSIGN_OR_RETURN(auto birth, scope.open("persons", f.id, "birth_date", *stored, *key));
    f.person.birth_date = parse_iso_date(birth);
  }
  auto authority = scope.open("receptions", f.id, "referring_authority", row.text(k.referring_authority), *key);
  auto basis = scope.open("receptions", f.id, "legal_basis", row.text(k.legal_basis), *key);
  auto documents = scope.open("receptions", f.id, "documents", row.text(k.documents), *key);
  HAVEN_TRY(authority);
  HAVEN_TRY(basis);
  HAVEN_TRY(documents);
  f.reception.referring_authority = std::move(*authority);
  f.reception.legal_basis = std::move(*basis);
  f.reception.documents = from_json_array(*documents);
  return f;
}

constexpr OneColumn kContentBytes{"content_bytes"};
constexpr OneColumn kCaseRowId{"id"};

struct RevisionColumns : SqlColumns {
  SqlColumn id = column("id");
  SqlColumn revision = column("revision");
};
constexpr RevisionColumns kRevision;

}  // namespace

Result<std::optional<domain::CaseFile>> SqlCases::find(std::string_view centre_id, std::string_view case_id) {
  static const std::string kSql = kCaseFile.select(
      "FROM cases c JOIN persons p ON p.case_id = c.id JOIN receptions r ON r.case_id = c.id "
      "LEFT JOIN case_keys k ON k.case_id = c.id WHERE c.centre_id = $1 AND c.id = $2");
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(kSql, {text(centre_id), text(case_id)}));
  if (rows.empty()) return std::optional<domain::CaseFile>{};
  HAVEN_ASSIGN_OR_RETURN(auto file, case_file_opened(scope_, rows.front()));
  return std::optional<domain::CaseFile>{std::move(file)};
}

Result<std::optional<std::int64_t>> SqlCases::content_bytes(std::string_view case_id) {
  static const std::string kSql = kContentBytes.select("FROM cases WHERE id = $1");
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(kSql, {text(case_id)}));
  if (rows.empty()) return std::optional<std::int64_t>{};
  return std::optional<std::int64_t>{rows.front().integer(kContentBytes.value)};
}

Result<std::vector<CaseRevision>> SqlCases::list_revisions(std::string_view centre_id, std::string_view after_id,
                                                           int limit) {
  static const std::string kSql =
      kRevision.select("FROM cases WHERE centre_id = $1 AND erased_at IS NULL AND id > $2 ORDER BY id LIMIT $3");
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(kSql, {text(centre_id), text(after_id), SqlValue{std::int64_t{limit}}}));
  std::vector<CaseRevision> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back({row.text(kRevision.id), row.integer(kRevision.revision)});
  return out;
}

Result<std::vector<CaseRevision>> SqlCases::list_revisions_of_staff(std::string_view centre_id,
                                                                    std::string_view staff_id,
                                                                    std::string_view after_id, int limit) {
  // Along case_staff's (staff_id, case_id) index in case ID order, each case then by its key: the page
  // stops at `limit`. As `id IN (SELECT ...)` SQLite gathered every one of her cases after `after` for
  // each page, 50 pages of 2,000 a 100,000-case reading: 1.5 s a bell (bench/RESULTS.md, 2026-12-07).
  static const std::string kSql = kRevision.select(
      "FROM case_staff JOIN cases ON cases.id = case_staff.case_id WHERE case_staff.staff_id = $2 AND "
      "case_staff.case_id > $3 AND cases.centre_id = $1 AND cases.erased_at IS NULL ORDER BY case_staff.case_id LIMIT $4");
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(kSql, {text(centre_id), text(staff_id), text(after_id),
                                                      SqlValue{std::int64_t{limit}}}));
  std::vector<CaseRevision> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back({row.text(kRevision.id), row.integer(kRevision.revision)});
  return out;
}

Result<void> SqlCases::insert(const domain::CaseFile& file) {
  using namespace domain;
  auto r = db().execute(
      "INSERT INTO cases (id, centre_id, code, stage, version, created_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {text(file.id), text(file.centre_id), text(file.code), text(kCaseStageNames.name(file.stage)),
       SqlValue{file.version}, seconds(file.created_at), seconds(file.updated_at)});
  if (!r) {
    Error e = r.error();
    if (e.code == ErrorCode::already_exists) e.field = "code";
    return tl::unexpected(e);
  }
  HAVEN_ASSIGN_OR_RETURN(auto key, scope_.case_key_for_writing(file.id));
  const security::KeyBytes& k = *key;
  const Person& p = file.person;
  HAVEN_TRY(db().execute(
      "INSERT INTO persons (case_id, name, name_is_alias, sex, birth_date, estimated_age, "
      "suspected_child, nationality, languages, preferred_staff_gender) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
      {text(file.id), text(scope_.seal_case(k, "persons", file.id, "name", p.name)), flag(p.name_is_alias),
       text(kSexNames.name(p.sex)),
       p.birth_date ? text(scope_.seal_case(k, "persons", file.id, "birth_date", format_iso_date(*p.birth_date)))
                    : SqlValue{nullptr},
       p.estimated_age ? SqlValue{std::int64_t{*p.estimated_age}} : SqlValue{nullptr}, flag(p.suspected_child),
       text(p.nationality), text(to_json_array(p.languages)),
       text(kStaffGenderPreferenceNames.name(p.preferred_staff_gender))}));
  const Reception& rec = file.reception;
  HAVEN_TRY(db().execute(
      "INSERT INTO receptions (case_id, received_at, referral_channel, referring_authority, legal_basis, documents, "
      "recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {text(file.id), seconds(rec.received_at), text(kReferralChannelNames.name(rec.referral_channel)),
       text(scope_.seal_case(k, "receptions", file.id, "referring_authority", rec.referring_authority)),
       text(scope_.seal_case(k, "receptions", file.id, "legal_basis", rec.legal_basis)),
       text(scope_.seal_case(k, "receptions", file.id, "documents", to_json_array(rec.documents))),
       text(rec.recorded_by)}));
  return scope_.write_name_index(file.id, p.name, p.birth_date);
}

Result<std::int64_t> SqlCases::change(std::string_view changes, SqlParams params, std::string_view centre_id,
                                      std::string_view case_id, std::int64_t expected_version, Timestamp at) {
  const auto slot = [&params] { return "$" + std::to_string(params.size()); };
  params.push_back(seconds(at));
  std::string sql = "UPDATE cases SET " + std::string(changes) +
                    "version = version + 1, revision = revision + 1, updated_at = " + slot();
  params.push_back(text(centre_id));
  sql += " WHERE centre_id = " + slot();
  params.push_back(text(case_id));
  sql += " AND id = " + slot();
  params.push_back(SqlValue{expected_version});
  sql += " AND version = " + slot();
  HAVEN_ASSIGN_OR_RETURN(auto changed, db().execute(sql, params));
  if (changed == 0) {
    return scope_.conflict_with_current_version("FROM cases WHERE centre_id = $1 AND id = $2",
                                                {text(centre_id), text(case_id)});
  }
  return expected_version + 1;
}

Result<std::int64_t> SqlCases::update_reception(std::string_view centre_id, std::string_view case_id,
                                                std::int64_t expected_version, const domain::Reception& reception,
                                                Timestamp at) {
  HAVEN_ASSIGN_OR_RETURN(auto version, change("", {}, centre_id, case_id, expected_version, at));
  HAVEN_ASSIGN_OR_RETURN(auto key, scope_.case_key_for_writing(case_id));
  const security::KeyBytes& k = *key;
  HAVEN_TRY(db().execute(
      "UPDATE receptions SET received_at = $1, referral_channel = $2, referring_authority = $3, legal_basis = $4, "
      "documents = $5 WHERE case_id = $6",
      {seconds(reception.received_at), text(domain::kReferralChannelNames.name(reception.referral_channel)),
       text(scope_.seal_case(k, "receptions", case_id, "referring_authority", reception.referring_authority)),
       text(scope_.seal_case(k, "receptions", case_id, "legal_basis", reception.legal_basis)),
       text(scope_.seal_case(k, "receptions", case_id, "documents", to_json_array(reception.documents))),
       text(case_id)}));
  return version;
}

Result<std::int64_t> SqlCases::update_person(std::string_view centre_id, std::string_view case_id,
                                             std::int64_t expected_version, const domain::Person& p, Timestamp at) {
  using namespace domain;
  HAVEN_ASSIGN_OR_RETURN(auto version, change("", {}, centre_id, case_id, expected_version, at));
  HAVEN_ASSIGN_OR_RETURN(auto key, scope_.case_key_for_writing(case_id));
  const security::KeyBytes& k = *key;
  HAVEN_TRY(db().execute(
      "UPDATE persons SET name = $1, name_is_alias = $2, sex = $3, birth_date = $4, estimated_age = $5, "
      "suspected_child = $6, nationality = $7, languages = $8, preferred_staff_gender = $9 WHERE case_id = $10",
      {text(scope_.seal_case(k, "persons", case_id, "name", p.name)), flag(p.name_is_alias),
       text(kSexNames.name(p.sex)),
       p.birth_date ? text(scope_.seal_case(k, "persons", case_id, "birth_date", format_iso_date(*p.birth_date)))
                    : SqlValue{nullptr},
       p.estimated_age ? SqlValue{std::int64_t{*p.estimated_age}} : SqlValue{nullptr}, flag(p.suspected_child),
       text(p.nationality), text(to_json_array(p.languages)),
       text(kStaffGenderPreferenceNames.name(p.preferred_staff_gender)), text(case_id)}));
  HAVEN_TRY(scope_.write_name_index(case_id, p.name, p.birth_date));
  return version;
}

Result<void> SqlCases::set_staff(std::string_view case_id, const std::vector<std::string>& staff_ids) {
  HAVEN_TRY(db().execute("DELETE FROM case_staff WHERE case_id = $1", {text(case_id)}));
  for (const auto& staff_id : staff_ids) {
    HAVEN_TRY(
        db().execute("INSERT INTO case_staff (case_id, staff_id) VALUES ($1, $2)", {text(case_id), text(staff_id)}));
  }
  return {};
}

Result<std::int64_t> SqlCases::update_stage(std::string_view centre_id, std::string_view case_id,
                                            std::int64_t expected_version, domain::CaseStage stage, Timestamp at) {
  return change("stage = $1, ", {text(domain::kCaseStageNames.name(stage))}, centre_id, case_id, expected_version, at);
}

Result<std::int64_t> SqlCases::update_centre(std::string_view centre_id, std::string_view case_id,
                                             std::int64_t expected_version, std::string_view new_centre_id,
                                             Timestamp at) {
  return change("centre_id = $1, ", {text(new_centre_id)}, centre_id, case_id, expected_version, at);
}

Result<void> SqlCases::lock(std::string_view centre_id, std::string_view case_id) {
  // PostgreSQL: the lock an UPDATE of the row takes, without writing a new version of it. SQLite has
  // one writer: a write transaction already holds every case, and only whether it is there is asked.
  static const std::string kSelect =
      kCaseRowId.select("FROM cases WHERE centre_id = $1 AND id = $2 AND erased_at IS NULL");
  static const std::string kForUpdate = kSelect + " FOR NO KEY UPDATE";
  HAVEN_ASSIGN_OR_RETURN(auto locked, db().query(db().dialect() == SqlDialect::postgresql ? kForUpdate : kSelect,
                                                 {text(centre_id), text(case_id)}));
  if (locked.empty()) return fail(ErrorCode::not_found, {}, "error.case_not_found");
  return {};
}

Result<void> SqlCases::erase(std::string_view centre_id, std::string_view case_id, const domain::Erasure& erasure) {
  // Only a closed case (standards/erasure_rules.hpp); the caller decided on what it read after
  // lock(), so this condition is the last word, not the only one.
  HAVEN_ASSIGN_OR_RETURN(
      auto marked,
      db().execute("UPDATE cases SET erased_at = $1, erased_by = $2, erasure_ground = $3, version = version + 1, "
                   "revision = revision + 1, updated_at = $1 "
                   "WHERE centre_id = $4 AND id = $5 AND erased_at IS NULL AND stage = 'closed'",
                   {seconds(erasure.at), text(erasure.by), text(domain::kErasureGroundNames.name(erasure.ground)),
                    text(centre_id), text(case_id)}));
  if (marked == 0) return fail(ErrorCode::not_found, {}, "error.case_not_found");
  // The key first: from here no copy of the case's sealed fields opens, in this database, a replica
  // or a backup (once the data key that wrapped it is retired: docs/security.md).
  const std::string id(case_id);
  for (const char* sql : {
           "DELETE FROM case_keys WHERE case_id = $1",
           "DELETE FROM name_index WHERE case_id = $1",
           "DELETE FROM name_index_pending WHERE case_id = $1",
           "DELETE FROM case_staff WHERE case_id = $1",
           "DELETE FROM case_standings WHERE case_id = $1",
           "DELETE FROM drafts WHERE case_id = $1",
           "DELETE FROM notifications WHERE case_id = $1",
           "DELETE FROM document_chunks WHERE document_id IN (SELECT id FROM documents WHERE case_id = $1)",
           "DELETE FROM documents WHERE case_id = $1",
           "DELETE FROM idempotency_keys WHERE resource_id = $1 OR resource_id IN "
           "(SELECT id FROM case_records WHERE case_id = $1)",
           // What is left is emptied too, so that not even ciphertext stays where it can be copied.
           "UPDATE persons SET name = '', birth_date = NULL, estimated_age = NULL, sex = 'unknown', "
           "suspected_child = 0, nationality = '', languages = '[]', preferred_staff_gender = 'any' WHERE case_id = $1",
           "UPDATE receptions SET referring_authority = '', legal_basis = '', documents = '[]' WHERE case_id = $1",
           "UPDATE case_records SET body = '' WHERE case_id = $1",
       }) {
    HAVEN_TRY(db().execute(sql, {text(id)}));
  }
  scope_.forget_case_key(case_id);
  return {};
}

}  // namespace haven::storage
