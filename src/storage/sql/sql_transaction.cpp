#include "storage/sql/sql_transaction.hpp"

#include <boost/json.hpp>

#include "codec/centre_record_json.hpp"
#include "codec/record_json.hpp"
#include "domain/search_fold.hpp"
#include "security/audit_chain.hpp"
#include "security/blind_index.hpp"
#include "security/field_cipher.hpp"
#include "storage/sql/sql_values.hpp"

namespace haven::storage {
namespace {

using namespace sql_values;

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

// "50%_off" -> "50!%!_off": the user's text is matched literally inside LIKE ... ESCAPE '!'. The
// escape is '!' rather than a backslash, whose meaning in a literal depends on server settings.
std::string like_literal(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '!') out.push_back('!');
    out.push_back(c);
  }
  return out;
}

template <class E, std::size_t N>
E parse_stored(const EnumNames<E, N>& names, const std::string& stored, E fallback) {
  return names.parse(stored).value_or(fallback);
}

// staff_from() reads the columns in this order.
// A viewer's own list longer than this is read in reception order rather than from their cases.
constexpr std::int64_t kLongCaseList = 2000;

const std::string kSelectStaff =
    "SELECT id, COALESCE(centre_id, ''), username, display_name, role, password_hash, disabled, created_at, version, "
    "organisation, created_by, confirmed_by, confirmed_at, activation_digest, activation_expires_at FROM staff ";
const std::string kStaffById = kSelectStaff + "WHERE id = $1";
const std::string kStaffByUsername = kSelectStaff + "WHERE username = $1";
const std::string kStaffOfCentre = kSelectStaff + "WHERE centre_id = $1 OR ($1 = '' AND centre_id IS NULL) ORDER BY display_name, id";

domain::StaffAccount staff_from(const SqlRow& row) {
  domain::StaffAccount s;
  s.id = row.text(0);
  s.centre_id = row.text(1);
  s.username = row.text(2);
  s.display_name = row.text(3);
  s.role = parse_stored(domain::kRoleNames, row.text(4), domain::Role::case_worker);
  s.password_hash = row.text(5);
  s.disabled = row.integer(6) != 0;
  s.organisation = row.text(9);
  s.created_at = timestamp(row.integer(7));
  s.version = row.integer(8);
  s.created_by = row.text(10);
  s.confirmed_by = row.text(11);
  if (const auto at = row.optional_integer(12)) s.confirmed_at = timestamp(*at);
  s.activation_digest = row.text(13);
  if (const auto at = row.optional_integer(14)) s.activation_expires_at = timestamp(*at);
  return s;
}

constexpr std::string_view kCaseFileQuery = R"sql(
SELECT c.id, c.centre_id, c.code, c.stage, c.version, c.created_at, c.updated_at,
       p.name, p.name_is_alias, p.sex, p.birth_date, p.estimated_age, p.suspected_child, p.nationality,
       p.languages, p.preferred_staff_gender,
       r.received_at, r.referral_channel, r.referring_authority, r.legal_basis, r.documents, r.recorded_by,
       k.wrapped, c.erased_at, c.erased_by, c.erasure_ground
FROM cases c JOIN persons p ON p.case_id = c.id JOIN receptions r ON r.case_id = c.id
LEFT JOIN case_keys k ON k.case_id = c.id
WHERE c.centre_id = $1 AND c.id = $2
)sql";

domain::CaseFile case_file_from(const SqlRow& row) {
  using namespace domain;
  CaseFile f;
  f.id = row.text(0);
  f.centre_id = row.text(1);
  f.code = row.text(2);
  f.stage = parse_stored(kCaseStageNames, row.text(3), CaseStage::received);
  f.version = row.integer(4);
  f.created_at = timestamp(row.integer(5));
  f.updated_at = timestamp(row.integer(6));
  f.person.name = row.text(7);
  f.person.name_is_alias = row.integer(8) != 0;
  f.person.sex = parse_stored(kSexNames, row.text(9), Sex::unknown);
  if (const auto birth = row.optional_text(10)) f.person.birth_date = parse_iso_date(*birth);
  if (const auto age = row.optional_integer(11)) f.person.estimated_age = static_cast<int>(*age);
  f.person.suspected_child = row.integer(12) != 0;
  f.person.nationality = row.text(13);
  f.person.languages = from_json_array(row.text(14));
  f.person.preferred_staff_gender =
      parse_stored(kStaffGenderPreferenceNames, row.text(15), StaffGenderPreference::any);
  f.reception.received_at = timestamp(row.integer(16));
  f.reception.referral_channel = parse_stored(kReferralChannelNames, row.text(17), ReferralChannel::other);
  f.reception.referring_authority = row.text(18);
  f.reception.legal_basis = row.text(19);
  f.reception.documents = from_json_array(row.text(20));
  f.reception.recorded_by = row.text(21);
  if (const auto erased_at = row.optional_integer(23)) {
    f.erasure = Erasure{timestamp(*erased_at), row.text(24),
                        parse_stored(kErasureGroundNames, row.text(25), ErasureGround::purpose_ended)};
  }
  return f;
}

domain::CaseSummary case_summary_from(const SqlRow& row) {
  using namespace domain;
  CaseSummary s;
  s.id = row.text(0);
  s.code = row.text(1);
  s.stage = parse_stored(kCaseStageNames, row.text(2), CaseStage::received);
  s.name = row.text(3);
  s.name_is_alias = row.integer(4) != 0;
  s.sex = parse_stored(kSexNames, row.text(5), Sex::unknown);
  if (const auto birth = row.optional_text(6)) s.birth_date = parse_iso_date(*birth);
  if (const auto age = row.optional_integer(7)) s.estimated_age = static_cast<int>(*age);
  s.suspected_child = row.integer(8) != 0;
  s.received_at = timestamp(row.integer(9));
  s.on_case = row.integer(10) != 0;
  return s;
}

// Rows of (id, type, occurred_at, recorded_at, recorded_by, version, body, ...) as records whose body
// `decode` reads back from its stored JSON. A row that no longer reads is a bug or a damaged row: the
// error says which row and type, never its content.
template <class Record, class Decode, class OpenBody>
Result<std::vector<Record>> records_from(const std::vector<SqlRow>& rows, Decode decode, std::string_view what,
                                        OpenBody open_body) {
  std::vector<Record> records;
  records.reserve(rows.size());
  for (const auto& row : rows) {
    auto text = open_body(row);  // the body is sealed (security/field_cipher.hpp)
    HAVEN_TRY(text);
    boost::system::error_code ec;
    const auto json = boost::json::parse(*text, ec);
    auto body = ec ? decltype(decode(row.text(1), json, "body"))(fail(ErrorCode::internal))
                   : decode(row.text(1), json, "body");
    if (!body) {
      return fail_internal(ErrorCode::internal,
                           std::string(what) + " " + row.text(0) + " of type " + row.text(1) + " cannot be read back");
    }
    Record& r = records.emplace_back();
    r.id = row.text(0);
    r.occurred_at = timestamp(row.integer(2));
    r.recorded_at = timestamp(row.integer(3));
    r.recorded_by = row.text(4);
    r.version = row.integer(5);
    r.body = std::move(*body);
  }
  return records;
}

}  // namespace

Result<std::optional<domain::Centre>> SqlTransaction::find_centre(std::string_view centre_id) {
  auto rows = db_.query("SELECT id, name, created_at FROM centres WHERE id = $1", {text(centre_id)});
  if (!rows) return propagate<std::optional<domain::Centre>>(rows.error());
  if (rows->empty()) return std::optional<domain::Centre>{};
  const auto& row = rows->front();
  return domain::Centre{row.text(0), row.text(1), timestamp(row.integer(2))};
}

Result<std::vector<domain::Centre>> SqlTransaction::list_centres() {
  auto rows = db_.query("SELECT id, name, created_at FROM centres ORDER BY created_at, id", {});
  if (!rows) return propagate<std::vector<domain::Centre>>(rows.error());
  std::vector<domain::Centre> centres;
  for (const auto& row : *rows) centres.push_back({row.text(0), row.text(1), timestamp(row.integer(2))});
  return centres;
}

Result<std::optional<domain::StaffAccount>> SqlTransaction::find_one_staff(std::string_view sql,
                                                                           std::string_view value) {
  auto rows = db_.query(sql, {text(value)});
  if (!rows) return propagate<std::optional<domain::StaffAccount>>(rows.error());
  if (rows->empty()) return std::optional<domain::StaffAccount>{};
  return std::optional<domain::StaffAccount>{staff_from(rows->front())};
}

Result<std::optional<domain::StaffAccount>> SqlTransaction::find_staff(std::string_view staff_id) {
  return find_one_staff(kStaffById, staff_id);
}

Result<std::optional<domain::StaffAccount>> SqlTransaction::find_staff_by_username(std::string_view username) {
  return find_one_staff(kStaffByUsername, username);
}

Result<std::optional<SessionRecord>> SqlTransaction::find_session(std::string_view token_digest) {
  auto rows = db_.query(
      "SELECT token_digest, staff_id, created_at, last_seen_at, expires_at, needs_second_factor FROM sessions "
      "WHERE token_digest = $1",
      {text(token_digest)});
  if (!rows) return propagate<std::optional<SessionRecord>>(rows.error());
  if (rows->empty()) return std::optional<SessionRecord>{};
  const auto& row = rows->front();
  return std::optional<SessionRecord>{SessionRecord{row.text(0), row.text(1), timestamp(row.integer(2)),
                                                    timestamp(row.integer(3)), timestamp(row.integer(4)),
                                                    row.integer(5) != 0}};
}

Result<std::optional<domain::CaseFile>> SqlTransaction::find_case(std::string_view centre_id,
                                                                  std::string_view case_id) {
  auto rows = db_.query(kCaseFileQuery, {text(centre_id), text(case_id)});
  if (!rows) return propagate<std::optional<domain::CaseFile>>(rows.error());
  if (rows->empty()) return std::optional<domain::CaseFile>{};
  HAVEN_ASSIGN_OR_RETURN(auto file, case_file_opened(rows->front()));
  return std::optional<domain::CaseFile>{std::move(file)};
}

Result<CasePage> SqlTransaction::list_cases(const CaseQuery& query) {
  SqlParams params{text(query.centre_id)};
  // Whether the viewer is on the case (I.3.c): a name is shown, and searched, only where they are.
  // The viewer's slot is added when first used: PostgreSQL refuses a parameter the query never reads.
  std::string viewer_slot;
  auto viewer = [&]() -> const std::string& {
    if (viewer_slot.empty()) {
      params.push_back(text(query.viewer_id));
      viewer_slot = "$" + std::to_string(params.size());
    }
    return viewer_slot;
  };
  auto on_case = [&] { return "EXISTS (SELECT 1 FROM case_staff s WHERE s.case_id = c.id AND s.staff_id = " + viewer() + ")"; };
  // An erased case is in no list: nothing of it is left to pick it by. `filters` holds the stage and
  // the words, whichever table the query starts from.
  const std::string centre = " WHERE c.centre_id = $1 AND c.erased_at IS NULL";
  std::string filters;
  if (query.stage) {
    params.push_back(text(std::string(domain::kCaseStageNames.name(*query.stage))));
    filters += " AND c.stage = $" + std::to_string(params.size());
  }
  if (query.only_ids) filters += " AND c.id " + in_list(params, *query.only_ids);
  // Names are indexed by the same folding (insert_case), as keyed tokens (security/blind_index.hpp):
  // a word finds a name by a whole word or the start of one; a case code by any part of it.
  const std::string search = domain::fold_for_search(query.search);
  int words = 0;
  for (std::size_t start = 0; start < search.size() && words < 6;) {
    std::size_t end = search.find(' ', start);
    if (end == std::string::npos) end = search.size();
    if (end > start) {
      const auto word = search.substr(start, end - start);
      params.push_back(text(security::search_token(keys_.index_key(), word)));
      const std::string token_slot = "$" + std::to_string(params.size());
      params.push_back(text("%" + like_literal(word) + "%"));
      const std::string code_slot = "$" + std::to_string(params.size());
      filters += " AND ((EXISTS (SELECT 1 FROM name_index n WHERE n.token = " + token_slot +
                 " AND n.case_id = c.id) AND " + on_case() + ") OR LOWER(c.code) LIKE " + code_slot + " ESCAPE '!')";
      ++words;
    }
    start = end + 1;
  }

  // Where the query starts. The centre's cases: by the centre. The viewer's own: from their cases (an
  // index range of hundreds), not the centre's (years of them), so that a name search probes the
  // name index once per case of theirs (docs/performance.md); CROSS JOIN keeps SQLite's planner from
  // starting at the centre when a search has many words (PostgreSQL plans it as the inner join it is).
  std::string from = " FROM cases c JOIN persons p ON p.case_id = c.id JOIN receptions r ON r.case_id = c.id";
  std::string where = centre + filters;
  if (query.only_viewers_cases) {
    from = " FROM case_staff v CROSS JOIN cases c JOIN persons p ON p.case_id = c.id JOIN receptions r ON r.case_id = c.id";
    where = centre + " AND v.staff_id = " + viewer() + " AND c.id = v.case_id" + filters;
  }
  CasePage page;
  const bool browsing = words == 0;
  if (browsing) {
    // No words: the count on its own (an index range), then the page. A window count would join and
    // sort every case before the first row: 0.8 s for a list of 100,000. A long list is read in the
    // receptions' time order instead, which stops after `limit` rows (docs/performance.md).
    auto counted = db_.query("SELECT COUNT(*)" + from + where, params);
    if (!counted) return propagate<CasePage>(counted.error());
    page.total = counted->front().integer(0);
    // With a stage or a set of cases, few match: walking every reception in time order to find them
    // would be slower.
    if (!query.stage && !query.only_ids && (!query.only_viewers_cases || page.total > kLongCaseList)) {
      from = " FROM receptions r CROSS JOIN cases c JOIN persons p ON p.case_id = c.id";
      where = centre + " AND r.case_id = c.id" + (query.only_viewers_cases ? " AND " + on_case() : std::string()) + filters;
    }
  }
  // After the count, which must not carry a parameter it does not read (PostgreSQL refuses one).
  const std::string viewer_on_case = on_case();
  params.push_back(SqlValue{std::int64_t{query.limit}});
  const std::string limit_slot = "$" + std::to_string(params.size());
  params.push_back(SqlValue{std::int64_t{query.offset}});
  const std::string offset_slot = "$" + std::to_string(params.size());
  auto rows = db_.query(
      "SELECT c.id, c.code, c.stage, CASE WHEN " + viewer_on_case + " THEN p.name ELSE '' END, p.name_is_alias, "
      "p.sex, p.birth_date, p.estimated_age, p.suspected_child, r.received_at, CASE WHEN " + viewer_on_case +
          " THEN 1 ELSE 0 END, " + (browsing ? "0" : "COUNT(*) OVER ()") +
          ", (SELECT k.wrapped FROM case_keys k WHERE k.case_id = c.id)" + from + where +
          " ORDER BY r.received_at DESC, c.id LIMIT " + limit_slot + " OFFSET " + offset_slot,
      params);
  if (!rows) return propagate<CasePage>(rows.error());

  // With words, the total rides on the page's rows (a window count), so that the filter, a name-index
  // probe per case, runs once rather than twice. Only a page past the end needs a count of its own.
  if (!browsing && !rows->empty()) {
    page.total = rows->front().integer(11);
  } else if (!browsing && query.offset > 0) {
    params.resize(params.size() - 2);  // without the limit and offset
    auto counted = db_.query("SELECT COUNT(*)" + from + where, params);
    if (!counted) return propagate<CasePage>(counted.error());
    page.total = counted->front().integer(0);
  }
  page.items.reserve(rows->size());
  for (const auto& row : *rows) {
    auto& summary = page.items.emplace_back(case_summary_from(row));
    auto key = case_key_from(summary.id, row.optional_text(12));
    if (key) key = key_for(summary.id, *key, row.text(3));
    HAVEN_TRY(key);
    HAVEN_ASSIGN_OR_RETURN(auto name, open("persons", summary.id, "name", row.text(3), *key));
    summary.name = std::move(name);
    summary.birth_date.reset();
    if (const auto stored = row.optional_text(6)) {
      HAVEN_ASSIGN_OR_RETURN(auto birth, open("persons", summary.id, "birth_date", *stored, *key));
      summary.birth_date = parse_iso_date(birth);
    }
  }
  return page;
}

Result<std::vector<AuditEntry>> SqlTransaction::list_audit_for_case(std::string_view case_id) {
  auto rows = db_.query(
      "SELECT at, COALESCE(actor_id, ''), action, COALESCE(case_id, ''), detail, COALESCE(subject_id, '') FROM audit_log "
      "WHERE case_id = $1 ORDER BY id",
      {text(case_id)});
  if (!rows) return propagate<std::vector<AuditEntry>>(rows.error());
  std::vector<AuditEntry> entries;
  for (const auto& row : *rows) {
    entries.push_back({timestamp(row.integer(0)), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5)});
  }
  return entries;
}

Result<std::vector<StoredAuditEntry>> SqlTransaction::list_audit_page(std::int64_t after_id, int limit) {
  auto rows = db_.query(
      "SELECT id, at, COALESCE(actor_id, ''), action, COALESCE(case_id, ''), detail, prev_hash, hash, "
      "COALESCE(subject_id, '') FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2",
      {SqlValue{after_id}, SqlValue{std::int64_t{limit}}});
  if (!rows) return propagate<std::vector<StoredAuditEntry>>(rows.error());
  std::vector<StoredAuditEntry> entries;
  entries.reserve(rows->size());
  for (const auto& row : *rows) {
    entries.push_back({row.integer(0),
                       {timestamp(row.integer(1)), row.text(2), row.text(3), row.text(4), row.text(5), row.text(8)},
                       row.text(6),
                       row.text(7)});
  }
  return entries;
}

Result<std::vector<CentreAuditEntry>> SqlTransaction::list_centre_audit(std::string_view centre_id,
                                                                        std::int64_t before_id, int limit) {
  // Newest first, walking back from `before_id`: the most recent entries are what a head looks for,
  // and each page stops after `limit` matches.
  auto rows = db_.query(
      "SELECT a.id, a.at, COALESCE(a.actor_id, ''), a.action, COALESCE(a.case_id, ''), a.detail, "
      "COALESCE(a.subject_id, ''), COALESCE(c.code, '') FROM audit_log a LEFT JOIN cases c ON c.id = a.case_id "
      "WHERE ($2 = 0 OR a.id < $2) AND (c.centre_id = $1 "
      "OR a.actor_id IN (SELECT id FROM staff WHERE centre_id = $1) "
      "OR a.subject_id IN (SELECT id FROM staff WHERE centre_id = $1)) "
      "ORDER BY a.id DESC LIMIT $3",
      {text(centre_id), SqlValue{before_id}, SqlValue{std::int64_t{limit}}});
  if (!rows) return propagate<std::vector<CentreAuditEntry>>(rows.error());
  std::vector<CentreAuditEntry> entries;
  entries.reserve(rows->size());
  for (const auto& row : *rows) {
    entries.push_back(
        {row.integer(0), {timestamp(row.integer(1)), row.text(2), row.text(3), row.text(4), row.text(5), row.text(6)}, row.text(7)});
  }
  return entries;
}

Result<std::string> SqlTransaction::audit_head() {
  auto rows = db_.query("SELECT last_hash FROM audit_head WHERE id = 1", {});
  if (!rows) return propagate<std::string>(rows.error());
  if (rows->empty()) return std::string();
  return rows->front().text(0);
}

Result<std::vector<CaseReadSummary>> SqlTransaction::list_case_reads(Timestamp from, Timestamp to) {
  // Every action on a case file by a member of staff opens it; refusals opened nothing. Grouped
  // first, then named: the names are looked up once per line, not once per entry (docs/performance.md).
  auto rows = db_.query(
      "SELECT g.actor_id, COALESCE(s.username, ''), g.case_id, COALESCE(c.code, ''), g.first_at, g.last_at, g.reads "
      "FROM (SELECT actor_id, case_id, MIN(at) AS first_at, MAX(at) AS last_at, COUNT(*) AS reads FROM audit_log "
      "WHERE at >= $1 AND at < $2 AND case_id IS NOT NULL AND actor_id IS NOT NULL "
      "AND action <> 'case.access_denied' GROUP BY actor_id, case_id) g "
      "LEFT JOIN staff s ON s.id = g.actor_id LEFT JOIN cases c ON c.id = g.case_id ORDER BY g.actor_id, g.case_id",
      {seconds(from), seconds(to)});
  if (!rows) return propagate<std::vector<CaseReadSummary>>(rows.error());
  std::vector<CaseReadSummary> reads;
  reads.reserve(rows->size());
  for (const auto& row : *rows) {
    reads.push_back({row.text(0), row.text(1), row.text(2), row.text(3), timestamp(row.integer(4)),
                     timestamp(row.integer(5)), row.integer(6)});
  }
  return reads;
}

Result<void> SqlTransaction::insert_centre(const domain::Centre& centre) {
  HAVEN_TRY(db_.execute("INSERT INTO centres (id, name, created_at) VALUES ($1, $2, $3)",
                       {text(centre.id), text(centre.name), seconds(centre.created_at)}));
  return {};
}

Result<void> SqlTransaction::insert_staff(const domain::StaffAccount& staff) {
  auto r = db_.execute(
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

Result<std::int64_t> SqlTransaction::conflict_with_current_version(std::string_view select_version,
                                                                  const SqlParams& key) {
  auto rows = db_.query(select_version, key);
  if (!rows) return propagate<std::int64_t>(rows.error());
  if (rows->empty()) return fail(ErrorCode::not_found);
  Error e(ErrorCode::version_conflict);
  e.field = "version";
  e.current_version = rows->front().integer(0);
  return tl::unexpected(e);
}

Result<std::int64_t> SqlTransaction::update_staff_password(std::string_view staff_id, std::int64_t expected_version,
                                                           std::string_view password_hash) {
  auto changed = db_.execute(
      "UPDATE staff SET password_hash = $1, version = version + 1 WHERE id = $2 AND version = $3",
      {text(password_hash), text(staff_id), SqlValue{expected_version}});
  if (!changed) return propagate<std::int64_t>(changed.error());
  if (*changed == 0) return conflict_with_current_version("SELECT version FROM staff WHERE id = $1", {text(staff_id)});
  return expected_version + 1;
}

Result<void> SqlTransaction::insert_session(const SessionRecord& session) {
  HAVEN_TRY(db_.execute(
      "INSERT INTO sessions (token_digest, staff_id, created_at, last_seen_at, expires_at, needs_second_factor) "
      "VALUES ($1, $2, $3, $4, $5, $6)",
      {text(session.token_digest), text(session.staff_id), seconds(session.created_at), seconds(session.last_seen_at),
       seconds(session.expires_at), flag(session.needs_second_factor)}));
  return {};
}

Result<void> SqlTransaction::touch_session(std::string_view token_digest, Timestamp seen_at) {
  HAVEN_TRY(db_.execute("UPDATE sessions SET last_seen_at = $1 WHERE token_digest = $2 AND last_seen_at < $1",
                       {seconds(seen_at), text(token_digest)}));
  return {};
}

Result<void> SqlTransaction::delete_session(std::string_view token_digest) {
  HAVEN_TRY(db_.execute("DELETE FROM sessions WHERE token_digest = $1", {text(token_digest)}));
  return {};
}

Result<void> SqlTransaction::update_staff_disabled(std::string_view staff_id, bool disabled) {
  HAVEN_ASSIGN_OR_RETURN(auto changed, db_.execute("UPDATE staff SET disabled = $1, version = version + 1 WHERE id = $2",
                             {flag(disabled), text(staff_id)}));
  if (changed == 0) return fail(ErrorCode::not_found, {}, "error.staff_not_found");
  return {};
}

Result<bool> SqlTransaction::activate_staff(std::string_view staff_id, std::string_view activation_digest,
                                            std::string_view password_hash, Timestamp now) {
  if (activation_digest.empty()) return false;
  auto changed = db_.execute(
      "UPDATE staff SET password_hash = $1, activation_digest = '', activation_expires_at = NULL, version = version + 1 "
      "WHERE id = $2 AND password_hash = '' AND activation_digest = $3 AND activation_expires_at > $4",
      {text(password_hash), text(staff_id), text(activation_digest), seconds(now)});
  if (!changed) return propagate<bool>(changed.error());
  return *changed == 1;
}

Result<bool> SqlTransaction::set_staff_activation(std::string_view staff_id, std::string_view activation_digest,
                                                  Timestamp expires_at) {
  auto changed = db_.execute(
      "UPDATE staff SET activation_digest = $1, activation_expires_at = $2, version = version + 1 "
      "WHERE id = $3 AND password_hash = ''",
      {text(activation_digest), seconds(expires_at), text(staff_id)});
  if (!changed) return propagate<bool>(changed.error());
  return *changed == 1;
}

Result<bool> SqlTransaction::confirm_staff(std::string_view staff_id, std::string_view by, Timestamp at) {
  auto changed = db_.execute(
      "UPDATE staff SET confirmed_by = $1, confirmed_at = $2, version = version + 1 WHERE id = $3 AND confirmed_by = ''",
      {text(by), seconds(at), text(staff_id)});
  if (!changed) return propagate<bool>(changed.error());
  return *changed == 1;
}

Result<std::int64_t> SqlTransaction::delete_sessions_of_staff(std::string_view staff_id) {
  return db_.execute("DELETE FROM sessions WHERE staff_id = $1", {text(staff_id)});
}

Result<std::int64_t> SqlTransaction::delete_sessions_idle_since(Timestamp idle_before, Timestamp now) {
  return db_.execute("DELETE FROM sessions WHERE last_seen_at < $1 OR expires_at <= $2",
                     {seconds(idle_before), seconds(now)});
}

Result<void> SqlTransaction::insert_case(const domain::CaseFile& file) {
  using namespace domain;
  auto r = db_.execute(
      "INSERT INTO cases (id, centre_id, code, stage, version, created_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {text(file.id), text(file.centre_id), text(file.code), text(kCaseStageNames.name(file.stage)),
       SqlValue{file.version}, seconds(file.created_at), seconds(file.updated_at)});
  if (!r) {
    Error e = r.error();
    if (e.code == ErrorCode::already_exists) e.field = "code";
    return tl::unexpected(e);
  }
  HAVEN_ASSIGN_OR_RETURN(auto key, case_key_for_writing(file.id));
  const security::KeyBytes& k = *key;
  const Person& p = file.person;
  r = db_.execute(
      "INSERT INTO persons (case_id, name, name_is_alias, sex, birth_date, estimated_age, "
      "suspected_child, nationality, languages, preferred_staff_gender) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
      {text(file.id), text(seal_case(k, "persons", file.id, "name", p.name)), flag(p.name_is_alias),
       text(kSexNames.name(p.sex)),
       p.birth_date ? text(seal_case(k, "persons", file.id, "birth_date", format_iso_date(*p.birth_date))) : SqlValue{nullptr},
       p.estimated_age ? SqlValue{std::int64_t{*p.estimated_age}} : SqlValue{nullptr}, flag(p.suspected_child),
       text(p.nationality), text(to_json_array(p.languages)),
       text(kStaffGenderPreferenceNames.name(p.preferred_staff_gender))});
  HAVEN_TRY(r);
  const Reception& rec = file.reception;
  r = db_.execute(
      "INSERT INTO receptions (case_id, received_at, referral_channel, referring_authority, legal_basis, documents, "
      "recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {text(file.id), seconds(rec.received_at), text(kReferralChannelNames.name(rec.referral_channel)),
       text(seal_case(k, "receptions", file.id, "referring_authority", rec.referring_authority)),
       text(seal_case(k, "receptions", file.id, "legal_basis", rec.legal_basis)),
       text(seal_case(k, "receptions", file.id, "documents", to_json_array(rec.documents))), text(rec.recorded_by)});
  HAVEN_TRY(r);
  return write_name_index(file.id, p.name);
}

Result<std::int64_t> SqlTransaction::update_reception(std::string_view centre_id, std::string_view case_id,
                                                      std::int64_t expected_version, const domain::Reception& reception,
                                                      Timestamp at) {
  auto bumped = db_.execute(
      "UPDATE cases SET version = version + 1, revision = revision + 1, updated_at = $1 WHERE centre_id = $2 AND id = $3 AND version = $4",
      {seconds(at), text(centre_id), text(case_id), SqlValue{expected_version}});
  if (!bumped) return propagate<std::int64_t>(bumped.error());
  if (*bumped == 0) {
    return conflict_with_current_version("SELECT version FROM cases WHERE centre_id = $1 AND id = $2",
                                         {text(centre_id), text(case_id)});
  }
  auto key = case_key_for_writing(case_id);
  if (!key) return propagate<std::int64_t>(key.error());
  const security::KeyBytes& k = **key;
  auto r = db_.execute(
      "UPDATE receptions SET received_at = $1, referral_channel = $2, referring_authority = $3, legal_basis = $4, "
      "documents = $5 WHERE case_id = $6",
      {seconds(reception.received_at), text(domain::kReferralChannelNames.name(reception.referral_channel)),
       text(seal_case(k, "receptions", case_id, "referring_authority", reception.referring_authority)),
       text(seal_case(k, "receptions", case_id, "legal_basis", reception.legal_basis)),
       text(seal_case(k, "receptions", case_id, "documents", to_json_array(reception.documents))), text(case_id)});
  if (!r) return propagate<std::int64_t>(r.error());
  return expected_version + 1;
}

Result<std::vector<domain::CaseRecord>> SqlTransaction::list_records(std::string_view centre_id,
                                                                    std::string_view case_id) {
  auto rows = db_.query(
      "SELECT r.id, r.type, r.occurred_at, r.recorded_at, r.recorded_by, r.version, r.body FROM case_records r "
      "JOIN cases c ON c.id = r.case_id WHERE c.centre_id = $1 AND r.case_id = $2 AND c.erased_at IS NULL "
      "ORDER BY r.occurred_at, r.id",
      {text(centre_id), text(case_id)});
  if (!rows) return propagate<std::vector<domain::CaseRecord>>(rows.error());
  auto key = case_key(case_id);
  if (!key) return propagate<std::vector<domain::CaseRecord>>(key.error());
  return records_from<domain::CaseRecord>(*rows, codec::decode_record_body, "case record",
                                          [&](const SqlRow& row) -> Result<std::string> {
    HAVEN_ASSIGN_OR_RETURN(auto k, key_for(case_id, *key, row.text(6)));
    return open("case_records", row.text(0), "body", row.text(6), k);
  });
}

Result<std::vector<CaseRecordRef>> SqlTransaction::list_records_of_type(std::string_view centre_id,
                                                                        std::string_view type_name) {
  auto rows = db_.query(
      "SELECT r.id, r.type, r.occurred_at, r.recorded_at, r.recorded_by, r.version, r.body, r.case_id, c.code, k.wrapped "
      "FROM case_records r JOIN cases c ON c.id = r.case_id LEFT JOIN case_keys k ON k.case_id = r.case_id "
      "WHERE c.centre_id = $1 AND r.type = $2 AND c.erased_at IS NULL ORDER BY r.recorded_at, r.id",
      {text(centre_id), text(type_name)});
  if (!rows) return propagate<std::vector<CaseRecordRef>>(rows.error());
  auto records = records_from<domain::CaseRecord>(*rows, codec::decode_record_body, "case record",
                                                 [this](const SqlRow& row) -> Result<std::string> {
    auto key = case_key_from(row.text(7), row.optional_text(9));
    if (key) key = key_for(row.text(7), *key, row.text(6));
    HAVEN_TRY(key);
    return open("case_records", row.text(0), "body", row.text(6), *key);
  });
  if (!records) return propagate<std::vector<CaseRecordRef>>(records.error());
  std::vector<CaseRecordRef> out;
  out.reserve(records->size());
  for (std::size_t i = 0; i < records->size(); ++i) {
    out.push_back({(*rows)[i].text(7), (*rows)[i].text(8), std::move((*records)[i])});
  }
  return out;
}

Result<std::vector<domain::CentreRecord>> SqlTransaction::list_centre_records(std::string_view centre_id,
                                                                              std::optional<std::string_view> subject) {
  const std::string sql = std::string(
                              "SELECT id, type, occurred_at, recorded_at, recorded_by, version, body, subject "
                              "FROM centre_records WHERE centre_id = $1") +
                          (subject ? " AND subject = $2" : "") + " ORDER BY occurred_at, id";
  SqlParams params{text(centre_id)};
  if (subject) params.push_back(text(*subject));
  auto rows = db_.query(sql, params);
  if (!rows) return propagate<std::vector<domain::CentreRecord>>(rows.error());
  auto records = records_from<domain::CentreRecord>(*rows, codec::decode_centre_record_body, "centre record",
                                                    [this](const SqlRow& row) {
                                                      return open("centre_records", row.text(0), "body", row.text(6));
                                                    });
  if (!records) return records;
  for (std::size_t i = 0; i < records->size(); ++i) (*records)[i].subject = (*rows)[i].text(7);
  return records;
}

Result<std::vector<domain::StaffAccount>> SqlTransaction::list_staff(std::string_view centre_id) {
  auto rows = db_.query(kStaffOfCentre, {text(centre_id)});
  if (!rows) return propagate<std::vector<domain::StaffAccount>>(rows.error());
  std::vector<domain::StaffAccount> staff;
  staff.reserve(rows->size());
  for (const auto& row : *rows) staff.push_back(staff_from(row));
  return staff;
}

Result<void> SqlTransaction::insert_centre_record(std::string_view centre_id, const domain::CentreRecord& record) {
  HAVEN_ASSIGN_OR_RETURN(auto sealed, seal("centre_records", record.id, "body", boost::json::serialize(codec::encode_centre_record_body(record.body))));
  HAVEN_TRY(db_.execute(
      "INSERT INTO centre_records (id, centre_id, subject, type, occurred_at, recorded_at, recorded_by, version, body) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      {text(record.id), text(centre_id), text(record.subject), text(record.type_name()), seconds(record.occurred_at),
       seconds(record.recorded_at), text(record.recorded_by), SqlValue{record.version},
       text(sealed)}));
  return {};
}

Result<void> SqlTransaction::insert_record(std::string_view case_id, const domain::CaseRecord& record) {
  HAVEN_ASSIGN_OR_RETURN(auto key, case_key_for_writing(case_id));
  const std::string body = boost::json::serialize(codec::encode_record_body(record.body));
  HAVEN_TRY(db_.execute(
      "INSERT INTO case_records (id, case_id, type, occurred_at, recorded_at, recorded_by, version, body) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      {text(record.id), text(case_id), text(record.type_name()), seconds(record.occurred_at),
       seconds(record.recorded_at), text(record.recorded_by), SqlValue{record.version},
       text(seal_case(*key, "case_records", record.id, "body", body))}));
  // A new record changes how the case stands: a standing stored before it no longer holds.
  if (auto bumped = db_.execute("UPDATE cases SET revision = revision + 1, content_bytes = content_bytes + $2 WHERE id = $1",
                                {text(case_id), SqlValue{static_cast<std::int64_t>(body.size())}});
      !bumped) {
    return tl::unexpected(bumped.error());
  }
  return {};
}

Result<std::optional<std::int64_t>> SqlTransaction::case_content_bytes(std::string_view case_id) {
  auto rows = db_.query("SELECT content_bytes FROM cases WHERE id = $1", {text(case_id)});
  if (!rows) return propagate<std::optional<std::int64_t>>(rows.error());
  if (rows->empty()) return std::optional<std::int64_t>{};
  return std::optional<std::int64_t>{rows->front().integer(0)};
}

Result<std::vector<std::string>> SqlTransaction::list_cases_of_staff(std::string_view staff_id) {
  auto rows = db_.query("SELECT case_id FROM case_staff WHERE staff_id = $1", {text(staff_id)});
  if (!rows) return propagate<std::vector<std::string>>(rows.error());
  std::vector<std::string> ids;
  ids.reserve(rows->size());
  for (const auto& row : *rows) ids.push_back(row.text(0));
  return ids;
}

Result<void> SqlTransaction::set_case_staff(std::string_view case_id, const std::vector<std::string>& staff_ids) {
  if (auto r = db_.execute("DELETE FROM case_staff WHERE case_id = $1", {text(case_id)}); !r) {
    return tl::unexpected(r.error());
  }
  for (const auto& staff_id : staff_ids) {
    HAVEN_TRY(db_.execute("INSERT INTO case_staff (case_id, staff_id) VALUES ($1, $2)", {text(case_id), text(staff_id)}));
  }
  return {};
}

Result<std::int64_t> SqlTransaction::update_stage(std::string_view centre_id, std::string_view case_id,
                                                  std::int64_t expected_version, domain::CaseStage stage, Timestamp at) {
  auto changed = db_.execute(
      "UPDATE cases SET stage = $1, version = version + 1, revision = revision + 1, updated_at = $2 "
      "WHERE centre_id = $3 AND id = $4 AND version = $5",
      {text(domain::kCaseStageNames.name(stage)), seconds(at), text(centre_id), text(case_id), SqlValue{expected_version}});
  if (!changed) return propagate<std::int64_t>(changed.error());
  if (*changed == 0) {
    return conflict_with_current_version("SELECT version FROM cases WHERE centre_id = $1 AND id = $2",
                                         {text(centre_id), text(case_id)});
  }
  return expected_version + 1;
}

Result<std::int64_t> SqlTransaction::update_case_centre(std::string_view centre_id, std::string_view case_id,
                                                        std::int64_t expected_version, std::string_view new_centre_id,
                                                        Timestamp at) {
  auto changed = db_.execute(
      "UPDATE cases SET centre_id = $1, version = version + 1, revision = revision + 1, updated_at = $2 "
      "WHERE centre_id = $3 AND id = $4 AND version = $5",
      {text(new_centre_id), seconds(at), text(centre_id), text(case_id), SqlValue{expected_version}});
  if (!changed) return propagate<std::int64_t>(changed.error());
  if (*changed == 0) {
    return conflict_with_current_version("SELECT version FROM cases WHERE centre_id = $1 AND id = $2",
                                         {text(centre_id), text(case_id)});
  }
  return expected_version + 1;
}

Result<void> SqlTransaction::append_audit(const AuditEntry& entry) {
  // The head row first: on PostgreSQL its lock makes concurrent writers take their turn, so that
  // each links to the entry committed before it.
  HAVEN_ASSIGN_OR_RETURN(auto head, db_.query("UPDATE audit_head SET last_hash = last_hash WHERE id = 1 RETURNING last_hash", {}));
  if (head.empty()) return fail_internal(ErrorCode::internal, "audit_head has no row");
  const std::string previous = head.front().text(0);
  const std::string hash = security::audit_link(
      keys_.audit_key(), previous,
      {entry.at.time_since_epoch().count(), entry.actor_id, entry.action, entry.case_id, entry.detail, entry.subject_id});
  HAVEN_TRY(db_.execute(
      "INSERT INTO audit_log (at, actor_id, action, case_id, detail, prev_hash, hash, subject_id) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      {seconds(entry.at), entry.actor_id.empty() ? SqlValue{nullptr} : text(entry.actor_id), text(entry.action),
       entry.case_id.empty() ? SqlValue{nullptr} : text(entry.case_id), text(entry.detail), text(previous), text(hash),
       entry.subject_id.empty() ? SqlValue{nullptr} : text(entry.subject_id)}));
  HAVEN_TRY(db_.execute("UPDATE audit_head SET last_hash = $1 WHERE id = 1", {text(hash)}));
  return {};
}

Result<std::int64_t> SqlTransaction::count_sign_in_failures(std::string_view key, Timestamp since) {
  auto rows = db_.query("SELECT COUNT(*) FROM sign_in_failures WHERE key = $1 AND at >= $2", {text(key), seconds(since)});
  if (!rows) return propagate<std::int64_t>(rows.error());
  return rows->front().integer(0);
}

Result<void> SqlTransaction::take_sign_in_turn() {
  HAVEN_TRY(db_.execute("UPDATE sign_in_turn SET id = id WHERE id = 1", {}));
  return {};
}

Result<void> SqlTransaction::record_sign_in_failure(std::string_view key, Timestamp at, std::string_view attempt) {
  HAVEN_TRY(db_.execute("INSERT INTO sign_in_failures (key, at, attempt) VALUES ($1, $2, $3)",
                       {text(key), seconds(at), text(attempt)}));
  return {};
}

Result<void> SqlTransaction::release_sign_in_attempt(std::string_view attempt) {
  if (attempt.empty()) return {};
  HAVEN_TRY(db_.execute("DELETE FROM sign_in_failures WHERE attempt = $1", {text(attempt)}));
  return {};
}

Result<void> SqlTransaction::clear_sign_in_failures(std::string_view key) {
  HAVEN_TRY(db_.execute("DELETE FROM sign_in_failures WHERE key = $1", {text(key)}));
  return {};
}

Result<void> SqlTransaction::delete_sign_in_failures_before(Timestamp before) {
  HAVEN_TRY(db_.execute("DELETE FROM sign_in_failures WHERE at < $1", {seconds(before)}));
  return {};
}

Result<domain::CaseFile> SqlTransaction::case_file_opened(const SqlRow& row) {
  // The row's sealed columns, by position in kCaseFileQuery.
  auto f = case_file_from(row);
  if (f.erasure) return f;  // nothing left to open: its key is gone and its fields are empty
  auto key = case_key_from(f.id, row.optional_text(22));
  if (key) key = key_for(f.id, *key, row.text(7));
  HAVEN_TRY(key);
  HAVEN_ASSIGN_OR_RETURN(auto name, open("persons", f.id, "name", row.text(7), *key));
  f.person.name = std::move(name);
  f.person.birth_date.reset();
  if (const auto stored = row.optional_text(10)) {
    HAVEN_ASSIGN_OR_RETURN(auto birth, open("persons", f.id, "birth_date", *stored, *key));
    f.person.birth_date = parse_iso_date(birth);
  }
  auto authority = open("receptions", f.id, "referring_authority", row.text(18), *key);
  auto basis = open("receptions", f.id, "legal_basis", row.text(19), *key);
  auto documents = open("receptions", f.id, "documents", row.text(20), *key);
  HAVEN_TRY(authority);
  HAVEN_TRY(basis);
  HAVEN_TRY(documents);
  f.reception.referring_authority = std::move(*authority);
  f.reception.legal_basis = std::move(*basis);
  f.reception.documents = from_json_array(*documents);
  return f;
}

Result<void> SqlTransaction::write_name_index(std::string_view case_id, std::string_view name) {
  if (auto r = db_.execute("DELETE FROM name_index WHERE case_id = $1", {text(case_id)}); !r) {
    return tl::unexpected(r.error());
  }
  for (const auto& token : security::name_tokens(keys_.index_key(), domain::fold_for_search(name))) {
    HAVEN_TRY(db_.execute("INSERT INTO name_index (token, case_id) VALUES ($1, $2)", {text(token), text(case_id)}));
  }
  return {};
}

}  // namespace haven::storage
