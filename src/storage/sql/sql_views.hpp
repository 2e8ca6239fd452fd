// The views of a transaction (storage/store.hpp), written once in SQL for both backends, one
// aggregate per file: centres_sql.cpp, centre_records_sql.cpp, staff_sql.cpp, sessions_sql.cpp,
// second_factors_sql.cpp, sign_ins_sql.cpp, cases_sql.cpp (the list in case_list_sql.cpp),
// standings_sql.cpp, records_sql.cpp, audit_sql.cpp, keys_sql.cpp (rotation's pages in
// reseal_sql.cpp), servers_sql.cpp, drafts_sql.cpp, idempotency_sql.cpp,
// notifications_sql.cpp. Each reads and writes through the transaction's SqlScope.
//
//   SqlScope scope(connection, key_ring);
//   SqlCases cases(scope);
//   HAVEN_ASSIGN_OR_RETURN(auto file, cases.find(centre_id, case_id));
#pragma once

#include "storage/sql/sql_scope.hpp"
#include "storage/store.hpp"

namespace haven::storage {

// The base of every view: the scope it reads and writes through.
class SqlView {
 public:
  explicit SqlView(SqlScope& scope) : scope_(scope) {}
  SqlView(const SqlView&) = delete;
  SqlView& operator=(const SqlView&) = delete;

 protected:
  SqlScope& scope_;
  SqlConnection& db() { return scope_.db(); }
};

class SqlCentres final : public CentreWrites, SqlView {
 public:
  using SqlView::SqlView;
  Result<std::optional<domain::Centre>> find(std::string_view centre_id) override;
  Result<std::vector<domain::Centre>> list() override;
  Result<void> insert(const domain::Centre& centre) override;
};

class SqlCentreRecords final : public CentreRecordWrites, SqlView {
 public:
  using SqlView::SqlView;
  Result<std::vector<domain::CentreRecord>> list(std::string_view centre_id,
                                                 std::optional<std::string_view> subject) override;
  Result<void> insert(std::string_view centre_id, const domain::CentreRecord& record) override;
};

class SqlStaff final : public StaffWrites, SqlView {
 public:
  using SqlView::SqlView;
  Result<std::optional<domain::StaffAccount>> find(std::string_view staff_id) override;
  Result<std::optional<domain::StaffAccount>> find_by_username(std::string_view username) override;
  Result<std::vector<domain::StaffAccount>> list(std::string_view centre_id) override;
  Result<void> insert(const domain::StaffAccount& staff) override;
  Result<std::int64_t> update_password(std::string_view staff_id, std::int64_t expected_version,
                                       std::string_view password_hash) override;
  Result<void> update_disabled(std::string_view staff_id, bool disabled) override;
  Result<bool> activate(std::string_view staff_id, std::string_view activation_digest, std::string_view password_hash,
                        Timestamp now) override;
  Result<bool> set_activation(std::string_view staff_id, std::string_view activation_digest,
                              Timestamp expires_at) override;
  Result<bool> confirm(std::string_view staff_id, std::string_view by, Timestamp at) override;

 private:
  Result<std::optional<domain::StaffAccount>> find_one(const std::string& sql, std::string_view value);
};

class SqlSessions final : public SessionWrites, SqlView {
 public:
  using SqlView::SqlView;
  Result<std::optional<SessionRecord>> find(std::string_view token_digest) override;
  Result<void> insert(const SessionRecord& session) override;
  Result<void> touch(std::string_view token_digest, Timestamp seen_at) override;
  Result<void> remove(std::string_view token_digest) override;
  Result<std::int64_t> remove_of_staff(std::string_view staff_id) override;
  Result<std::int64_t> remove_idle_since(Timestamp idle_before, Timestamp now) override;
  Result<void> settle_second_factor(std::string_view staff_id, std::string_view kept_digest) override;
};

class SqlSecondFactors final : public SecondFactorWrites, SqlView {
 public:
  using SqlView::SqlView;
  Result<std::optional<SecondFactor>> find(std::string_view staff_id) override;
  Result<void> put(const SecondFactor& factor) override;
  Result<bool> remove(std::string_view staff_id) override;
  Result<bool> use_step(std::string_view staff_id, std::int64_t step) override;
};

class SqlSignIns final : public SignInWrites, SqlView {
 public:
  using SqlView::SqlView;
  Result<std::int64_t> count_failures(std::string_view key, Timestamp since) override;
  Result<void> take_turn() override;
  Result<void> record_failure(std::string_view key, Timestamp at, std::string_view attempt) override;
  Result<void> release_attempt(std::string_view attempt) override;
  Result<void> clear_failures(std::string_view key) override;
  Result<void> remove_failures_before(Timestamp before) override;
};

class SqlCases final : public CaseWrites, SqlView {
 public:
  using SqlView::SqlView;
  Result<std::optional<domain::CaseFile>> find(std::string_view centre_id, std::string_view case_id) override;
  Result<std::optional<std::int64_t>> content_bytes(std::string_view case_id) override;
  Result<CasePage> list(const CaseQuery& query) override;  // case_list_sql.cpp
  Result<std::vector<CaseRevision>> list_revisions(std::string_view centre_id, std::string_view after_id,
                                                   int limit) override;
  Result<std::vector<CaseRevision>> list_revisions_of_staff(std::string_view centre_id, std::string_view staff_id,
                                                            std::string_view after_id, int limit) override;
  Result<void> insert(const domain::CaseFile& file) override;
  Result<std::int64_t> update_reception(std::string_view centre_id, std::string_view case_id,
                                        std::int64_t expected_version, const domain::Reception& reception,
                                        Timestamp at) override;
  Result<std::int64_t> update_person(std::string_view centre_id, std::string_view case_id, std::int64_t expected_version,
                                     const domain::Person& person, Timestamp at) override;
  Result<void> set_staff(std::string_view case_id, const std::vector<std::string>& staff_ids) override;
  Result<std::int64_t> update_stage(std::string_view centre_id, std::string_view case_id, std::int64_t expected_version,
                                    domain::CaseStage stage, Timestamp at) override;
  Result<std::int64_t> update_centre(std::string_view centre_id, std::string_view case_id,
                                     std::int64_t expected_version, std::string_view new_centre_id,
                                     Timestamp at) override;
  Result<void> lock(std::string_view centre_id, std::string_view case_id) override;
  Result<void> erase(std::string_view centre_id, std::string_view case_id, const domain::Erasure& erasure) override;
  Result<std::vector<NameMatch>> named_alike(std::string_view centre_id, std::string_view name,
                                             std::optional<Date> birth_date, int limit) override;  // name_index_sql.cpp
  Result<int> index_pending_names(int limit) override;               // name_index_sql.cpp
  Result<std::int64_t> names_pending() override;                     // name_index_sql.cpp
  Result<std::pair<std::vector<StaffingGap>, std::int64_t>> staffing_gaps(std::string_view centre_id,
                                                                         int limit) override;  // staffing_sql.cpp
  Result<std::vector<Caseload>> caseloads(std::string_view centre_id) override;               // staffing_sql.cpp

 private:
  // Bumps the version and revision of a case of the centre at `expected_version`, setting `changes`
  // too ("stage = $1, "): the new version, or version_conflict.
  Result<std::int64_t> change(std::string_view changes, SqlParams params, std::string_view centre_id,
                              std::string_view case_id, std::int64_t expected_version, Timestamp at);
};

class SqlStandings final : public StandingWrites, SqlView {
 public:
  using SqlView::SqlView;
  Result<std::vector<StoredStanding>> find(std::string_view centre_id, std::span<const std::string> case_ids) override;
  Result<void> put(std::string_view case_id, std::optional<std::int64_t> revision, std::string_view basis,
                   std::string_view body) override;
};

class SqlRecords final : public RecordWrites, SqlView {
 public:
  using SqlView::SqlView;
  Result<std::vector<domain::CaseRecord>> list(std::string_view centre_id, std::string_view case_id) override;
  Result<std::vector<CaseRecordRef>> list_of_type(std::string_view centre_id, std::string_view type_name) override;
  Result<void> insert(std::string_view case_id, const domain::CaseRecord& record) override;
};

class SqlAudit final : public AuditWrites, SqlView {
 public:
  using SqlView::SqlView;
  Result<std::vector<AuditEntry>> list_for_case(std::string_view case_id) override;
  Result<std::vector<StoredAuditEntry>> list_page(std::int64_t after_id, int limit) override;
  Result<std::string> head() override;
  Result<std::vector<CentreAuditEntry>> list_for_centre(std::string_view centre_id, std::int64_t before_id,
                                                        int limit) override;
  Result<std::vector<CaseReadSummary>> list_case_reads(Timestamp from, Timestamp to) override;
  Result<void> append(const AuditEntry& entry) override;
};

class SqlKeys final : public KeyWrites, SqlView {
 public:
  using SqlView::SqlView;
  Result<std::optional<std::uint32_t>> sealing() override;
  Result<std::int64_t> count_rows(SealedTable table) override;
  Result<std::int64_t> count_sealed_under(std::uint32_t data_key_id) override;
  Result<void> set_sealing(std::uint32_t data_key_id) override;
  Result<ResealPage> reseal_page(SealedTable table, std::string_view after_id, int limit) override;  // reseal_sql.cpp

 private:
  // reseal_sql.cpp: one page of each sealed table.
  Result<ResealPage> rewrap_case_keys(std::string_view after_id, int limit);
  Result<ResealPage> reseal_cases(std::string_view after_id, int limit);
  Result<ResealPage> reseal_case_records(std::string_view after_id, int limit);
  // One sealed column of a table keyed by `key`, e.g. ("centre_records", "id", "body").
  Result<ResealPage> reseal_column(std::string_view table, std::string_view key, std::string_view column,
                                   std::string_view after_id, int limit);
};

class SqlServers final : public ServerWrites, SqlView {
 public:
  using SqlView::SqlView;
  Result<std::vector<ServerPresence>> list(Timestamp seen_since) override;
  Result<void> put(const ServerPresence& server) override;
  Result<void> remove(std::string_view server_id) override;
};

class SqlDrafts final : public DraftWrites, SqlView {
 public:
  using SqlView::SqlView;
  Result<std::optional<domain::Draft>> find(std::string_view staff_id, std::string_view case_id,
                                            std::string_view form) override;
  Result<std::vector<domain::DraftSummary>> list(std::string_view staff_id, std::string_view case_id) override;
  Result<void> put(const domain::Draft& draft) override;
  Result<bool> remove(std::string_view staff_id, std::string_view case_id, std::string_view form) override;
  Result<std::int64_t> remove_saved_before(Timestamp before) override;
};

class SqlIdempotency final : public IdempotencyWrites, SqlView {
 public:
  using SqlView::SqlView;
  Result<std::optional<IdempotencyRecord>> find(std::string_view staff_id, std::string_view key) override;
  Result<void> insert(const IdempotencyRecord& claim) override;
  Result<void> remove_expired(std::string_view staff_id, std::string_view key, Timestamp before) override;
  Result<std::int64_t> remove_created_before(Timestamp before) override;
};

class SqlNotifications final : public NotificationWrites, SqlView {
 public:
  using SqlView::SqlView;
  Result<std::vector<StoredNotification>> list(std::string_view staff_id) override;
  Result<void> add(const StoredNotification& notification) override;
  Result<void> mark_read(std::span<const StoredNotification> notifications, Timestamp at) override;
};

class SqlDocuments final : public DocumentWrites, SqlView {
 public:
  using SqlView::SqlView;
  Result<std::vector<domain::Document>> list(std::string_view case_id) override;
  Result<std::optional<domain::Document>> find(std::string_view case_id, std::string_view document_id) override;
  Result<void> read_content(const domain::Document& document,
                            FunctionRef<Result<void>(std::string_view chunk)> take) override;
  Result<void> add(const domain::Document& document, std::string_view content) override;
};

}  // namespace haven::storage
