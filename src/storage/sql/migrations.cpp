#include "storage/sql/migrations.hpp"

#include <array>

namespace haven::storage {
namespace {

constexpr std::string_view kMigrationsTable = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at BIGINT NOT NULL
);
)sql";

// Version 1: centres, staff accounts, sessions, cases with the person and the reception record
// (II.1.a), and the audit log. Times are UNIX seconds (UTC); lists are JSON arrays in TEXT.
constexpr std::string_view kFoundation = R"sql(
CREATE TABLE centres (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  centre_id TEXT REFERENCES centres(id),
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE TABLE sessions (
  token_digest TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_by_staff ON sessions(staff_id);
CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  centre_id TEXT NOT NULL REFERENCES centres(id),
  code TEXT NOT NULL UNIQUE,
  stage TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX cases_by_centre ON cases(centre_id);
CREATE TABLE persons (
  case_id TEXT PRIMARY KEY REFERENCES cases(id),
  name TEXT NOT NULL,
  name_search TEXT NOT NULL,
  name_is_alias INTEGER NOT NULL,
  sex TEXT NOT NULL,
  birth_date TEXT,
  estimated_age INTEGER,
  suspected_child INTEGER NOT NULL,
  nationality TEXT NOT NULL,
  languages TEXT NOT NULL,
  preferred_staff_gender TEXT NOT NULL
);
CREATE TABLE receptions (
  case_id TEXT PRIMARY KEY REFERENCES cases(id),
  received_at BIGINT NOT NULL,
  referral_channel TEXT NOT NULL,
  referring_authority TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  documents TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id)
);
CREATE INDEX receptions_by_time ON receptions(received_at);
CREATE TABLE audit_log (
  id {{serial_primary_key}},
  at BIGINT NOT NULL,
  actor_id TEXT,
  action TEXT NOT NULL,
  case_id TEXT,
  detail TEXT NOT NULL
);
CREATE INDEX audit_by_case ON audit_log(case_id, id);
)sql";

// Version 2: the records of the standards (assessments, sessions, checklists...), one row each with
// its type and its body as JSON written by codec/record_json.cpp.
constexpr std::string_view kCaseRecords = R"sql(
CREATE TABLE case_records (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  type TEXT NOT NULL,
  occurred_at BIGINT NOT NULL,
  recorded_at BIGINT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  version BIGINT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX case_records_by_case ON case_records(case_id, occurred_at);
)sql";

// Version 3: records about the centre and its staff (qualifications, screening, supervision, the
// facilities checklist, the provider directory); `subject` is the staff member, '' for the centre.
constexpr std::string_view kCentreRecords = R"sql(
CREATE TABLE centre_records (
  id TEXT PRIMARY KEY,
  centre_id TEXT NOT NULL REFERENCES centres(id),
  subject TEXT NOT NULL,
  type TEXT NOT NULL,
  occurred_at BIGINT NOT NULL,
  recorded_at BIGINT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  version BIGINT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX centre_records_by_subject ON centre_records(centre_id, subject, occurred_at);
)sql";

// Version 4: who is on each case now (I.3.c), as its staffing records say: the app rewrites a case's
// rows with each assignment, release or designation, so that a case list shows each member of staff
// only their own cases without reading (soon encrypted) record bodies.
constexpr std::string_view kCaseStaff = R"sql(
CREATE TABLE case_staff (
  case_id TEXT NOT NULL REFERENCES cases(id),
  staff_id TEXT NOT NULL REFERENCES staff(id),
  PRIMARY KEY (case_id, staff_id)
);
CREATE INDEX case_staff_by_staff ON case_staff(staff_id, case_id);
)sql";

// Version 5: the audit log's hash chain. Each entry carries the hash of the one before and its own
// (keyed: security/audit_chain.hpp); audit_head holds the latest hash, so that the loss of the last
// entries shows too, and its single row serialises the writers of the chain on PostgreSQL. Entries
// written before this version keep empty hashes and are reported as unchained. The index on time
// serves the exposure report (who read which cases between two times).
constexpr std::string_view kAuditChain = R"sql(
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT '';
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY,
  last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, last_hash) VALUES (1, '');
CREATE INDEX audit_by_time ON audit_log(at);
)sql";

// Version 6: encryption at rest. Names, dates of birth, the reception's authority, legal basis and
// documents, and the bodies of case and centre records are stored sealed (security/field_cipher.hpp);
// the folded name that search read in clear gives way to blind-index tokens
// (security/blind_index.hpp). The values an older database holds in clear are sealed by the first
// command to open it after this migration (storage/reseal.hpp).
constexpr std::string_view kEncryptionAtRest = R"sql(
CREATE TABLE name_index (
  token TEXT NOT NULL,
  case_id TEXT NOT NULL REFERENCES cases(id),
  PRIMARY KEY (token, case_id)
);
CREATE INDEX name_index_by_case ON name_index(case_id);
ALTER TABLE persons DROP COLUMN name_search;
)sql";

// Version 7: failed sign-ins, by account and by client address, for the attempt limits (kept in the
// database, so that every server of a deployment counts the same attempts).
constexpr std::string_view kSignInFailures = R"sql(
CREATE TABLE sign_in_failures (
  key TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX sign_in_failures_by_key ON sign_in_failures(key, at);
)sql";

// Version 8: two-step sign-in (TOTP). The secret is sealed like a case file's fields; a session
// signed in without it, by a role that needs it, may only set it up. The heads' and administrators'
// sessions opened before it end, so that none keeps going without the factor.
constexpr std::string_view kSecondFactors = R"sql(
CREATE TABLE second_factors (
  staff_id TEXT PRIMARY KEY REFERENCES staff(id),
  secret TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 0,
  last_used_step BIGINT NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL
);
ALTER TABLE sessions ADD COLUMN needs_second_factor INTEGER NOT NULL DEFAULT 0;
DELETE FROM sessions WHERE staff_id IN (SELECT id FROM staff WHERE role IN ('administrator', 'centre_head'));
)sql";

// Version 9: external providers' accounts name their organisation, to which referral packages go.
constexpr std::string_view kStaffOrganisation = R"sql(
ALTER TABLE staff ADD COLUMN organisation TEXT NOT NULL DEFAULT '';
)sql";

// Version 10: each case has its own key, wrapped by a data key (security/case_key.hpp); cases sealed
// before this keep their fields under a data key until `haven keys reencrypt` moves them. An erased
// case keeps its row, without its key, and says when, by whom and why.
constexpr std::string_view kCaseKeys = R"sql(
CREATE TABLE case_keys (
  case_id TEXT PRIMARY KEY REFERENCES cases(id),
  wrapped TEXT NOT NULL
);
ALTER TABLE cases ADD COLUMN erased_at BIGINT;
ALTER TABLE cases ADD COLUMN erased_by TEXT;
ALTER TABLE cases ADD COLUMN erasure_ground TEXT;
)sql";

// Version 11: each case's standing against the standard (app/case_standings.hpp), sealed under the
// case's key, and the case's revision, bumped by every change to the case or its records, which
// tells whether a stored standing still holds. A centre's cases are read in ID order, a page at a
// time: the index keeps each page a range (without it, every page sorted all 100,000: 0.9 s each).
constexpr std::string_view kCaseStandings = R"sql(
ALTER TABLE cases ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
CREATE INDEX cases_by_centre_and_id ON cases(centre_id, id);
CREATE TABLE case_standings (
  case_id TEXT PRIMARY KEY REFERENCES cases(id),
  revision BIGINT NOT NULL,
  basis TEXT NOT NULL,
  body TEXT NOT NULL
);
)sql";

// Version 12: a centre's cases with their revisions (app/case_standings.cpp lists them on every
// reading of the centre's figures) are read from the index alone: through cases_by_centre_and_id
// each of 100,000 rows was a lookup in the table as well (0.28 to 0.41 s against 0.02 s).
constexpr std::string_view kCaseRevisionsIndex = R"sql(
CREATE INDEX cases_by_centre_with_revision ON cases(centre_id, id, erased_at, revision);
DROP INDEX cases_by_centre_and_id;
)sql";

// Version 13: a sign-in attempt is counted before its password is hashed, not after, so that
// concurrent attempts cannot all pass the limit: each counted failure names the attempt that took it
// (released if the password was right), and one row is the turn every sign-in takes to count and take
// (on PostgreSQL its lock; SQLite has one writer).
constexpr std::string_view kSignInAttempts = R"sql(
ALTER TABLE sign_in_failures ADD COLUMN attempt TEXT NOT NULL DEFAULT '';
CREATE INDEX sign_in_failures_by_attempt ON sign_in_failures(attempt);
CREATE TABLE sign_in_turn (id INTEGER PRIMARY KEY);
INSERT INTO sign_in_turn (id) VALUES (1);
)sql";

// Version 14: separation of duties (docs/security.md). An account made through the API is activated by
// its owner with a one-time code (its digest kept until used) and confirmed by someone other than its
// maker; the accounts an administrator made through the API before this wait for that confirmation
// too, their maker read from the audit log. An audit entry names the member of staff it is about, so
// that a centre's heads see what was done to their staff's accounts.
constexpr std::string_view kAccountConfirmation = R"sql(
ALTER TABLE staff ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
ALTER TABLE staff ADD COLUMN confirmed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE staff ADD COLUMN confirmed_at BIGINT;
ALTER TABLE staff ADD COLUMN activation_digest TEXT NOT NULL DEFAULT '';
ALTER TABLE staff ADD COLUMN activation_expires_at BIGINT;
UPDATE staff SET created_by = COALESCE((SELECT MIN(a.actor_id) FROM audit_log a
                                         WHERE a.action = 'staff.create' AND a.detail = 'staff=' || staff.id), '');
ALTER TABLE audit_log ADD COLUMN subject_id TEXT;
CREATE INDEX audit_by_subject ON audit_log(subject_id, id);
)sql";

// Version 15: key rotation while serving (app/key_rotation.hpp). The database names the data key
// every server seals under (none until the first rotation: each seals under its key file's newest),
// so that a new key is used only once every running server holds it; and each running server says,
// every few seconds, which keys it holds.
constexpr std::string_view kKeyState = R"sql(
CREATE TABLE key_state (
  id INTEGER PRIMARY KEY,
  sealing_key BIGINT
);
INSERT INTO key_state (id, sealing_key) VALUES (1, NULL);
CREATE TABLE server_presence (
  id TEXT PRIMARY KEY,
  host TEXT NOT NULL,
  pid BIGINT NOT NULL,
  started_at BIGINT NOT NULL,
  seen_at BIGINT NOT NULL,
  data_keys TEXT NOT NULL
);
)sql";

// Version 16: how many bytes of records each case holds (the plain JSON of their bodies), so that a
// case's size is capped and a big case is read on a worker thread (docs/security.md, "Big cases").
// Cases from before it count their records' sealed size, a little more than the plain one.
constexpr std::string_view kCaseContentBytes = R"sql(
ALTER TABLE cases ADD COLUMN content_bytes BIGINT NOT NULL DEFAULT 0;
UPDATE cases SET content_bytes = COALESCE((SELECT SUM(LENGTH(r.body)) FROM case_records r WHERE r.case_id = cases.id), 0);
)sql";

// Version 17: what staff have typed and not saved (domain/draft.hpp), sealed; `id` is
// "<staff>/<case>/<form>", case empty for the reception form.
constexpr std::string_view kDrafts = R"sql(
CREATE TABLE drafts (
  id TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL,
  case_id TEXT NOT NULL,
  form TEXT NOT NULL,
  content TEXT NOT NULL,
  saved_at BIGINT NOT NULL
);
CREATE INDEX drafts_by_staff_case ON drafts (staff_id, case_id);
CREATE INDEX drafts_by_case ON drafts (case_id);
CREATE INDEX drafts_by_saved_at ON drafts (saved_at);
)sql";

// Version 18: the Idempotency-Key a member of staff sent with a request that created something, and
// what it created (app/idempotency.hpp), claimed in the same transaction; kept 48 hours.
constexpr std::string_view kIdempotencyKeys = R"sql(
CREATE TABLE idempotency_keys (
  staff_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  operation TEXT NOT NULL,
  resource_id TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (staff_id, idempotency_key)
);
CREATE INDEX idempotency_keys_by_created_at ON idempotency_keys (created_at);
)sql";

// Version 19: the name index holds whole names too (security/blind_index.hpp), for finding a person
// registered again. Their tokens are keyed, so SQL cannot make them: the cases registered before wait
// here until the store indexes them (storage::index_pending_names, run by migrate()).
constexpr std::string_view kWholeNames = R"sql(
CREATE TABLE name_index_pending (
  case_id TEXT PRIMARY KEY
);
INSERT INTO name_index_pending (case_id) SELECT id FROM cases WHERE erased_at IS NULL;
)sql";

// Version 20: in-app notifications (app/notifications.hpp): what was noted for a member of staff (an
// assignment, a decision on her request) and the read marks of those derived from the cases'
// standings. IDs and times only: no personal data.
constexpr std::string_view kNotifications = R"sql(
CREATE TABLE notifications (
  staff_id TEXT NOT NULL,
  item_key TEXT NOT NULL,
  kind TEXT NOT NULL,
  case_id TEXT NOT NULL,
  record_id TEXT NOT NULL,
  detail TEXT NOT NULL,
  at BIGINT NOT NULL,
  read_at BIGINT,
  PRIMARY KEY (staff_id, item_key)
);
CREATE INDEX notifications_by_case ON notifications (case_id);
)sql";

// Version 21: documents attached to a case (domain/document.hpp): the file's description, its name
// sealed under the case's key, and its bytes in sealed chunks of 256 KiB, the same TEXT columns on
// both backends.
constexpr std::string_view kDocuments = R"sql(
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL,
  record_id TEXT NOT NULL,
  name TEXT NOT NULL,
  category TEXT NOT NULL,
  media_type TEXT NOT NULL,
  byte_size BIGINT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at BIGINT NOT NULL
);
CREATE INDEX documents_by_case ON documents (case_id, recorded_at);
CREATE TABLE document_chunks (
  document_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (document_id, seq)
);
)sql";

constexpr std::array kMigrations{
    Migration{1, "foundation", kFoundation},
    Migration{2, "case_records", kCaseRecords},
    Migration{3, "centre_records", kCentreRecords},
    Migration{4, "case_staff", kCaseStaff},
    Migration{5, "audit_chain", kAuditChain},
    Migration{6, "encryption_at_rest", kEncryptionAtRest},
    Migration{7, "sign_in_failures", kSignInFailures},
    Migration{8, "second_factors", kSecondFactors},
    Migration{9, "staff_organisation", kStaffOrganisation},
    Migration{10, "case_keys", kCaseKeys},
    Migration{11, "case_standings", kCaseStandings},
    Migration{12, "case_revisions_index", kCaseRevisionsIndex},
    Migration{13, "sign_in_attempts", kSignInAttempts},
    Migration{14, "account_confirmation", kAccountConfirmation},
    Migration{15, "key_state", kKeyState},
    Migration{16, "case_content_bytes", kCaseContentBytes},
    Migration{17, "drafts", kDrafts},
    Migration{18, "idempotency_keys", kIdempotencyKeys},
    Migration{19, "whole_names", kWholeNames},
    Migration{20, "notifications", kNotifications},
    Migration{21, "documents", kDocuments},
};

void replace_all(std::string& text, std::string_view token, std::string_view with) {
  for (std::size_t pos = text.find(token); pos != std::string::npos; pos = text.find(token, pos + with.size())) {
    text.replace(pos, token.size(), with);
  }
}

}  // namespace

std::span<const Migration> schema_migrations() { return kMigrations; }

std::string render_for(std::string_view sql, SqlDialect dialect) {
  std::string out(sql);
  replace_all(out, "{{serial_primary_key}}",
              dialect == SqlDialect::sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                                            : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY");
  return out;
}

Result<int> read_schema_version(SqlConnection& connection) {
  static constexpr OneColumn kVersion{"COALESCE(MAX(version), 0)"};
  HAVEN_TRY(connection.execute_script(kMigrationsTable));
  HAVEN_ASSIGN_OR_RETURN(auto rows, connection.query(kVersion.select("FROM schema_migrations"), {}));
  return static_cast<int>(rows.at(0).integer(kVersion.value));
}

Result<int> apply_migrations(SqlConnection& connection, SqlDialect dialect, Timestamp now) {
  auto current = read_schema_version(connection);
  if (!current) return current;
  const int latest = kMigrations.back().version;
  if (*current > latest) {
    return fail_internal(ErrorCode::unavailable, "the database schema (version " + std::to_string(*current) +
                                                     ") is newer than this binary (" + std::to_string(latest) +
                                                     "); upgrade haven");
  }
  for (const auto& migration : kMigrations) {
    if (migration.version <= *current) continue;
    HAVEN_TRY(connection.execute_script(render_for(migration.sql, dialect)));
    HAVEN_TRY(connection.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                                       {SqlValue{std::int64_t{migration.version}}, SqlValue{std::string(migration.name)},
                                        SqlValue{std::int64_t{now.time_since_epoch().count()}}}));
  }
  return latest;
}

}  // namespace haven::storage
