// The audit log: every change and every opening of a case file, each entry linked to the one before
// with the audit key (security/audit_chain.hpp), and the views a centre and a breach notice read.
#include "security/audit_chain.hpp"
#include "storage/sql/sql_values.hpp"
#include "storage/sql/sql_views.hpp"

namespace haven::storage {

using namespace sql_values;

namespace {

// An entry of audit_log, aliased `a`; a SELECT adds its own columns by deriving, after these.
struct AuditEntryColumns : SqlColumns {
  SqlColumn at = column("a.at");
  SqlColumn actor_id = column("COALESCE(a.actor_id, '')");
  SqlColumn action = column("a.action");
  SqlColumn case_id = column("COALESCE(a.case_id, '')");
  SqlColumn detail = column("a.detail");
  SqlColumn subject_id = column("COALESCE(a.subject_id, '')");
};
constexpr AuditEntryColumns kEntry;

AuditEntry entry_from(const AuditEntryColumns& k, const SqlRow& row) {
  return {timestamp(row.integer(k.at)), row.text(k.actor_id), row.text(k.action),
          row.text(k.case_id),          row.text(k.detail),   row.text(k.subject_id)};
}

struct StoredEntryColumns : AuditEntryColumns {
  SqlColumn id = column("a.id");
  SqlColumn prev_hash = column("a.prev_hash");
  SqlColumn hash = column("a.hash");
};
constexpr StoredEntryColumns kStoredEntry;

struct CentreEntryColumns : AuditEntryColumns {
  SqlColumn id = column("a.id");
  SqlColumn case_code = column("COALESCE(c.code, '')");
};
constexpr CentreEntryColumns kCentreEntry;

struct CaseReadColumns : SqlColumns {
  SqlColumn actor_id = column("g.actor_id");
  SqlColumn actor_username = column("COALESCE(s.username, '')");
  SqlColumn case_id = column("g.case_id");
  SqlColumn case_code = column("COALESCE(c.code, '')");
  SqlColumn first = column("g.first_at");
  SqlColumn last = column("g.last_at");
  SqlColumn reads = column("g.reads");
};
constexpr CaseReadColumns kCaseRead;

constexpr OneColumn kHead{"last_hash"};

}  // namespace

Result<std::vector<AuditEntry>> SqlAudit::list_for_case(std::string_view case_id) {
  static const std::string kSql = kEntry.select("FROM audit_log a WHERE a.case_id = $1 ORDER BY a.id");
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(kSql, {text(case_id)}));
  std::vector<AuditEntry> entries;
  for (const auto& row : rows) entries.push_back(entry_from(kEntry, row));
  return entries;
}

Result<std::vector<StoredAuditEntry>> SqlAudit::list_page(std::int64_t after_id, int limit) {
  static const std::string kSql = kStoredEntry.select("FROM audit_log a WHERE a.id > $1 ORDER BY a.id LIMIT $2");
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(kSql, {SqlValue{after_id}, SqlValue{std::int64_t{limit}}}));
  std::vector<StoredAuditEntry> entries;
  entries.reserve(rows.size());
  for (const auto& row : rows) {
    entries.push_back({row.integer(kStoredEntry.id), entry_from(kStoredEntry, row), row.text(kStoredEntry.prev_hash),
                       row.text(kStoredEntry.hash)});
  }
  return entries;
}

Result<std::vector<CentreAuditEntry>> SqlAudit::list_for_centre(std::string_view centre_id, std::int64_t before_id,
                                                                int limit) {
  // Newest first, walking back from `before_id`: the most recent entries are what a head looks for,
  // and each page stops after `limit` matches.
  static const std::string kSql = kCentreEntry.select(
      "FROM audit_log a LEFT JOIN cases c ON c.id = a.case_id "
      "WHERE ($2 = 0 OR a.id < $2) AND (c.centre_id = $1 "
      "OR a.actor_id IN (SELECT id FROM staff WHERE centre_id = $1) "
      "OR a.subject_id IN (SELECT id FROM staff WHERE centre_id = $1)) "
      "ORDER BY a.id DESC LIMIT $3");
  HAVEN_ASSIGN_OR_RETURN(auto rows,
                         db().query(kSql, {text(centre_id), SqlValue{before_id}, SqlValue{std::int64_t{limit}}}));
  std::vector<CentreAuditEntry> entries;
  entries.reserve(rows.size());
  for (const auto& row : rows) {
    entries.push_back({row.integer(kCentreEntry.id), entry_from(kCentreEntry, row), row.text(kCentreEntry.case_code)});
  }
  return entries;
}

Result<std::string> SqlAudit::head() {
  static const std::string kSql = kHead.select("FROM audit_head WHERE id = 1");
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(kSql, {}));
  if (rows.empty()) return std::string();
  return rows.front().text(kHead.value);
}

Result<std::vector<CaseReadSummary>> SqlAudit::list_case_reads(Timestamp from, Timestamp to) {
  // Every action on a case file by a member of staff opens it; refusals opened nothing. Grouped
  // first, then named: the names are looked up once per line, not once per entry (docs/performance.md).
  static const std::string kSql = kCaseRead.select(
      "FROM (SELECT actor_id, case_id, MIN(at) AS first_at, MAX(at) AS last_at, COUNT(*) AS reads FROM audit_log "
      "WHERE at >= $1 AND at < $2 AND case_id IS NOT NULL AND actor_id IS NOT NULL "
      "AND action <> 'case.access_denied' GROUP BY actor_id, case_id) g "
      "LEFT JOIN staff s ON s.id = g.actor_id LEFT JOIN cases c ON c.id = g.case_id ORDER BY g.actor_id, g.case_id");
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(kSql, {seconds(from), seconds(to)}));
  std::vector<CaseReadSummary> reads;
  reads.reserve(rows.size());
  for (const auto& row : rows) {
    reads.push_back({row.text(kCaseRead.actor_id), row.text(kCaseRead.actor_username), row.text(kCaseRead.case_id),
                     row.text(kCaseRead.case_code), timestamp(row.integer(kCaseRead.first)),
                     timestamp(row.integer(kCaseRead.last)), row.integer(kCaseRead.reads)});
  }
  return reads;
}

Result<void> SqlAudit::append(const AuditEntry& entry) {
  // The head row first: on PostgreSQL its lock makes concurrent writers take their turn, so that
  // each links to the entry committed before it.
  static const std::string kTakeHead =
      "UPDATE audit_head SET last_hash = last_hash WHERE id = 1 RETURNING " + kHead.list();
  HAVEN_ASSIGN_OR_RETURN(auto head, db().query(kTakeHead, {}));
  if (head.empty()) return fail_internal(ErrorCode::internal, "audit_head has no row");
  const std::string previous = head.front().text(kHead.value);
  const std::string hash = security::audit_link(scope_.keys().audit_key(), previous,
                                                {entry.at.time_since_epoch().count(), entry.actor_id, entry.action,
                                                 entry.case_id, entry.detail, entry.subject_id});
  HAVEN_TRY(db().execute(
      "INSERT INTO audit_log (at, actor_id, action, case_id, detail, prev_hash, hash, subject_id) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      {seconds(entry.at), entry.actor_id.empty() ? SqlValue{nullptr} : text(entry.actor_id), text(entry.action),
       entry.case_id.empty() ? SqlValue{nullptr} : text(entry.case_id), text(entry.detail), text(previous), text(hash),
       entry.subject_id.empty() ? SqlValue{nullptr} : text(entry.subject_id)}));
  HAVEN_TRY(db().execute("UPDATE audit_head SET last_hash = $1 WHERE id = 1", {text(hash)}));
  return {};
}

}  // namespace haven::storage
