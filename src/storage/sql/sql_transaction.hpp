// The repository SQL of Haven, written once over SqlConnection and used by both backends. The
// backend opens and ends the database transaction; this class only reads and writes rows.
#pragma once

#include <map>
#include <optional>

#include "security/key_ring.hpp"
#include "storage/sql/sql_connection.hpp"
#include "storage/store.hpp"

namespace haven::storage {

class SqlTransaction final : public WriteTransaction {
 public:
  SqlTransaction(SqlConnection& connection, const security::KeyRing& keys) : db_(connection), keys_(keys) {}
  SqlTransaction(const SqlTransaction&) = delete;
  SqlTransaction& operator=(const SqlTransaction&) = delete;
  ~SqlTransaction() override;  // forgets the case keys it opened

  Result<std::optional<domain::Centre>> find_centre(std::string_view centre_id) override;
  Result<std::vector<domain::Centre>> list_centres() override;
  Result<std::optional<domain::StaffAccount>> find_staff(std::string_view staff_id) override;
  Result<std::optional<domain::StaffAccount>> find_staff_by_username(std::string_view username) override;
  Result<std::optional<SessionRecord>> find_session(std::string_view token_digest) override;
  Result<std::optional<domain::CaseFile>> find_case(std::string_view centre_id, std::string_view case_id) override;
  Result<std::optional<std::int64_t>> case_content_bytes(std::string_view case_id) override;
  Result<CasePage> list_cases(const CaseQuery& query) override;
  Result<std::vector<domain::CaseRecord>> list_records(std::string_view centre_id, std::string_view case_id) override;
  Result<std::vector<CaseRecordRef>> list_records_of_type(std::string_view centre_id, std::string_view type_name) override;
  Result<std::vector<std::string>> list_cases_of_staff(std::string_view staff_id) override;
  Result<std::vector<CaseRevision>> list_case_revisions(std::string_view centre_id, std::string_view after_id,
                                                        int limit) override;
  Result<std::vector<StoredStanding>> find_case_standings(std::string_view centre_id,
                                                          std::span<const std::string> case_ids) override;
  Result<std::vector<AuditEntry>> list_audit_for_case(std::string_view case_id) override;
  Result<std::vector<StoredAuditEntry>> list_audit_page(std::int64_t after_id, int limit) override;
  Result<std::string> audit_head() override;
  Result<std::vector<CentreAuditEntry>> list_centre_audit(std::string_view centre_id, std::int64_t before_id,
                                                          int limit) override;
  Result<std::vector<CaseReadSummary>> list_case_reads(Timestamp from, Timestamp to) override;
  Result<std::vector<domain::CentreRecord>> list_centre_records(std::string_view centre_id,
                                                                std::optional<std::string_view> subject) override;
  Result<std::vector<domain::StaffAccount>> list_staff(std::string_view centre_id) override;

  Result<void> insert_centre(const domain::Centre& centre) override;
  Result<void> insert_staff(const domain::StaffAccount& staff) override;
  Result<std::int64_t> update_staff_password(std::string_view staff_id, std::int64_t expected_version,
                                             std::string_view password_hash) override;
  Result<void> update_staff_disabled(std::string_view staff_id, bool disabled) override;
  Result<bool> activate_staff(std::string_view staff_id, std::string_view activation_digest, std::string_view password_hash,
                              Timestamp now) override;
  Result<bool> set_staff_activation(std::string_view staff_id, std::string_view activation_digest,
                                    Timestamp expires_at) override;
  Result<bool> confirm_staff(std::string_view staff_id, std::string_view by, Timestamp at) override;
  Result<void> insert_session(const SessionRecord& session) override;
  Result<void> touch_session(std::string_view token_digest, Timestamp seen_at) override;
  Result<void> delete_session(std::string_view token_digest) override;
  Result<std::int64_t> delete_sessions_of_staff(std::string_view staff_id) override;
  Result<std::int64_t> delete_sessions_idle_since(Timestamp idle_before, Timestamp now) override;
  Result<void> insert_case(const domain::CaseFile& file) override;
  Result<std::int64_t> update_reception(std::string_view centre_id, std::string_view case_id,
                                        std::int64_t expected_version, const domain::Reception& reception,
                                        Timestamp at) override;
  Result<void> insert_record(std::string_view case_id, const domain::CaseRecord& record) override;
  Result<void> set_case_staff(std::string_view case_id, const std::vector<std::string>& staff_ids) override;
  Result<std::int64_t> update_stage(std::string_view centre_id, std::string_view case_id, std::int64_t expected_version,
                                    domain::CaseStage stage, Timestamp at) override;
  Result<void> insert_centre_record(std::string_view centre_id, const domain::CentreRecord& record) override;
  Result<void> put_case_standing(std::string_view case_id, std::optional<std::int64_t> revision, std::string_view basis,
                                 std::string_view body) override;
  Result<std::int64_t> update_case_centre(std::string_view centre_id, std::string_view case_id,
                                          std::int64_t expected_version, std::string_view new_centre_id,
                                          Timestamp at) override;
  Result<void> lock_case(std::string_view centre_id, std::string_view case_id) override;
  Result<void> erase_case(std::string_view centre_id, std::string_view case_id, const domain::Erasure& erasure) override;
  Result<void> append_audit(const AuditEntry& entry) override;
  Result<std::int64_t> count_sign_in_failures(std::string_view key, Timestamp since) override;
  Result<void> take_sign_in_turn() override;
  Result<void> record_sign_in_failure(std::string_view key, Timestamp at, std::string_view attempt) override;
  Result<void> release_sign_in_attempt(std::string_view attempt) override;
  Result<void> clear_sign_in_failures(std::string_view key) override;
  Result<void> delete_sign_in_failures_before(Timestamp before) override;
  Result<std::optional<SecondFactor>> find_second_factor(std::string_view staff_id) override;
  Result<void> put_second_factor(const SecondFactor& factor) override;
  Result<bool> delete_second_factor(std::string_view staff_id) override;
  Result<bool> use_second_factor_step(std::string_view staff_id, std::int64_t step) override;
  Result<void> settle_second_factor_sessions(std::string_view staff_id, std::string_view kept_digest) override;
  Result<ResealPage> reseal_page(SealedTable table, std::string_view after_id, int limit) override;
  Result<std::int64_t> count_rows(SealedTable table) override;
  Result<std::int64_t> count_sealed_under(std::uint32_t data_key_id) override;
  Result<std::optional<std::uint32_t>> sealing_key() override;
  Result<std::vector<ServerPresence>> list_servers(Timestamp seen_since) override;
  Result<void> set_sealing_key(std::uint32_t data_key_id) override;
  Result<void> put_server(const ServerPresence& server) override;
  Result<void> delete_server(std::string_view server_id) override;

 private:
  Result<std::optional<domain::StaffAccount>> find_one_staff(std::string_view sql, std::string_view value);
  // The version a record has now, for a version_conflict answer; not_found if it is gone.
  Result<std::int64_t> conflict_with_current_version(std::string_view select_version, const SqlParams& key);

  // Sensitive fields are sealed here, on their way to the database, and opened on their way back:
  // the centre's under the current data key, a case's under the case's own key.
  Result<std::string> seal(std::string_view table, std::string_view row_id, std::string_view field,
                           std::string_view plain);
  // The data key this transaction seals under: the one the database names (key_state, set by a
  // rotation once every server holds it), read once per transaction, on PostgreSQL with a share
  // lock, so that a rotation's switch waits for the transactions sealing under the key before it.
  // Where none is named yet, the key file's newest. unavailable when this process's key file does
  // not hold it (a server whose key file was not updated: it writes nothing it could not read).
  Result<std::uint32_t> sealing_key_id();
  std::string seal_case(const security::KeyBytes& case_key, std::string_view table, std::string_view row_id,
                        std::string_view field, std::string_view plain) const;
  Result<std::string> open(std::string_view table, std::string_view row_id, std::string_view field,
                           std::string_view stored, const security::KeyBytes* case_key = nullptr) const;

  // The case's own key (security/case_key.hpp), unwrapped once per transaction; null when it has
  // none: erased, or sealed before case keys until `haven keys reencrypt`. `wrapped` is the stored
  // key when a query already joined it (nullopt: the case has none).
  Result<const security::KeyBytes*> case_key(std::string_view case_id);
  Result<const security::KeyBytes*> case_key_from(std::string_view case_id, std::optional<std::string_view> wrapped);
  // The key to open `stored` with: `known`, unless the value is under a case key and `known` is
  // none. Then the key is read again: on PostgreSQL a statement sees what committed since the last
  // one, and `haven keys reencrypt` may just have given an older case its key.
  Result<const security::KeyBytes*> key_for(std::string_view case_id, const security::KeyBytes* known,
                                            std::string_view stored);
  // The key a case's new or changed fields are sealed under, made and stored first if it has none;
  // not_found for an erased case, whose fields are never written again.
  Result<const security::KeyBytes*> case_key_for_writing(std::string_view case_id);
  Result<ResealPage> reseal_case_records(std::string_view after_id, int limit);
  Result<ResealPage> rewrap_case_keys(std::string_view after_id, int limit);
  Result<domain::CaseFile> case_file_opened(const SqlRow& row);
  Result<void> write_name_index(std::string_view case_id, std::string_view name);
  Result<ResealPage> reseal_cases(std::string_view after_id, int limit);
  // One sealed column of a table keyed by `key`, e.g. ("case_records", "id", "body").
  Result<ResealPage> reseal_column(std::string_view table, std::string_view key, std::string_view column,
                                   std::string_view after_id, int limit);

  SqlConnection& db_;
  const security::KeyRing& keys_;
  std::optional<std::uint32_t> sealing_key_;
  // By case ID; nullopt: the case has no key. Per transaction, so that a rolled-back key is never used.
  std::map<std::string, std::optional<security::KeyBytes>, std::less<>> case_keys_;
};

}  // namespace haven::storage
