// The one storage interface of Haven. Two implementations stand behind it: SQLite for a single
// centre (storage/sqlite/) and PostgreSQL for many servers (storage/postgres/); the contract suite
// in tests/storage/ runs unchanged against both.
//
// Work happens in a unit of work: everything inside one write() commits together or not at all, so a
// change and its audit entry can never be separated.
//
// A transaction hands out one view per aggregate (tx.cases(), tx.records(), tx.audit()...); a read
// transaction's views only read.
//
//   store.write([&](WriteTransaction& tx) -> Result<void> {
//     HAVEN_TRY(tx.cases().insert(file));
//     return tx.audit().append({now, actor, "case.create", file.id, ""});
//   });
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "common/function_ref.hpp"
#include "domain/case_file.hpp"
#include "domain/case_record.hpp"
#include "domain/centre_record.hpp"
#include "domain/document.hpp"
#include "domain/draft.hpp"
#include "domain/staff.hpp"
#include "storage/pending_commit.hpp"

namespace haven::storage {

struct SessionRecord {
  std::string token_digest;  // BLAKE2b of the cookie's token; the token itself is never stored
  std::string staff_id;
  Timestamp created_at{};
  Timestamp last_seen_at{};
  Timestamp expires_at{};  // absolute end, whatever the activity
  // Signed in with a password alone by a role that must use two-step sign-in and has not set it up:
  // the session may only set it up (app/second_factor.hpp).
  bool needs_second_factor = false;
};

// A member of staff's TOTP secret (security/totp.hpp), sealed in storage like a case file's fields.
// Not enabled until a first code has confirmed it.
struct SecondFactor {
  std::string staff_id;
  std::string secret;  // the raw bytes
  bool enabled = false;
  std::int64_t last_used_step = 0;  // a code is accepted once: only a later step after this
  Timestamp updated_at{};
};

struct AuditEntry {
  Timestamp at{};
  std::string actor_id;  // staff ID, or empty for the system
  std::string action;    // "session.create", "case.create", "reception.update", ...
  std::string case_id;   // empty when the action concerns no case
  std::string detail;    // never personal data: IDs and outcome only
  std::string subject_id = {};  // the member of staff it is about, when not the actor (an account's changes)
};

// An entry as stored, with its place in the chain (security/audit_chain.hpp).
struct StoredAuditEntry {
  std::int64_t id = 0;
  AuditEntry entry;
  std::string prev_hash;
  std::string hash;
};

// An entry of a centre's audit view, with the code of the case it concerns ("" for none).
struct CentreAuditEntry {
  std::int64_t id = 0;
  AuditEntry entry;
  std::string case_code;
};

// Who read which case in a period, for a breach notice (the exposure report).
struct CaseReadSummary {
  std::string actor_id;
  std::string actor_username;  // "" if the account is gone
  std::string case_id;
  std::string case_code;       // "" if the case is gone
  Timestamp first{};
  Timestamp last{};
  std::int64_t reads = 0;
};

// A running server as it last said (app/key_rotation.hpp): which data keys its key file holds. One
// not seen for a while has stopped, or cannot reach the database, and writes nothing.
struct ServerPresence {
  std::string id;  // random, for the process's life
  std::string host;
  std::int64_t pid = 0;
  Timestamp started_at{};
  Timestamp seen_at{};
  std::vector<std::uint32_t> data_keys;
};

// The tables whose fields are sealed (security/field_cipher.hpp), for key rotation. A case's fields
// and records are under the case's own key, which case_keys holds wrapped by a data key.
enum class SealedTable { case_keys, cases, case_records, centre_records, second_factors, drafts };
struct ResealPage {
  std::int64_t rows = 0;      // rows read
  std::int64_t resealed = 0;  // rows sealed again under the current key
  std::string last_id;        // where the next page starts
};

// A record with the case it belongs to, for questions asked across a centre's cases.
struct CaseRecordRef {
  std::string case_id;
  std::string case_code;
  domain::CaseRecord record;
};

struct CaseQuery {
  std::string centre_id;
  std::string viewer_id;          // the member of staff asking: each case says whether they are on it
  bool only_viewers_cases = true;  // false: every case of the centre, names only where the viewer is on it
  std::string search;  // the user's words, found in names (of the viewer's cases) or case codes whatever their accents; empty: all
  int limit = 50;
  int offset = 0;
  std::optional<domain::CaseStage> stage;  // only the cases at this stage; none: every stage
  // Only these cases (at most a few hundred: one parameter each), as picked by what the database
  // cannot filter on (their sealed standings); none: no such restriction.
  std::optional<std::vector<std::string>> only_ids;
};

struct CasePage {
  std::vector<domain::CaseSummary> items;
  std::int64_t total = 0;
};

// A case's standing as last stored (app/case_standings.hpp), beside the case's revision now: a
// standing computed from an older revision (or under another basis) no longer says how the case stands.
struct StoredStanding {
  std::string case_id;
  std::int64_t case_revision = 0;  // bumped by every change to the case, its person, reception or records
  std::optional<std::int64_t> revision;  // the revision it was computed from; none: nothing stored
  std::string basis;               // what it was computed under (the engine and the parameters)
  std::string body;                // opened; "" when nothing is stored or it did not open
};

// A case of the centre and its revision now: enough to tell whether a standing already at hand for
// it still holds, without opening the stored one.
struct CaseRevision {
  std::string case_id;
  std::int64_t revision = 0;
};

// The views of a transaction, one per aggregate. Each comes as a pair: what a read transaction may
// do (CaseReads), and the same with what a write transaction adds (CaseWrites). Storage implements
// each once, in SQL for both backends (storage/sql/sql_views.hpp).

class CentreReads {
 public:
  virtual ~CentreReads() = default;
  virtual Result<std::optional<domain::Centre>> find(std::string_view centre_id) = 0;
  virtual Result<std::vector<domain::Centre>> list() = 0;
};

class CentreWrites : public CentreReads {
 public:
  virtual Result<void> insert(const domain::Centre& centre) = 0;
};

// A centre's records about itself and its staff.
class CentreRecordReads {
 public:
  virtual ~CentreRecordReads() = default;
  // In the order they happened; only those about `subject` when one is given ("" is the centre itself).
  virtual Result<std::vector<domain::CentreRecord>> list(std::string_view centre_id,
                                                         std::optional<std::string_view> subject) = 0;
};

class CentreRecordWrites : public CentreRecordReads {
 public:
  virtual Result<void> insert(std::string_view centre_id, const domain::CentreRecord& record) = 0;
};

class StaffReads {
 public:
  virtual ~StaffReads() = default;
  virtual Result<std::optional<domain::StaffAccount>> find(std::string_view staff_id) = 0;
  virtual Result<std::optional<domain::StaffAccount>> find_by_username(std::string_view username) = 0;
  // The accounts of a centre; an empty ID lists those of no centre (the administrators).
  virtual Result<std::vector<domain::StaffAccount>> list(std::string_view centre_id) = 0;
};

class StaffWrites : public StaffReads {
 public:
  virtual Result<void> insert(const domain::StaffAccount& staff) = 0;  // already_exists on a taken username
  // version_conflict (with the current version) when the account changed since it was read.
  virtual Result<std::int64_t> update_password(std::string_view staff_id, std::int64_t expected_version,
                                               std::string_view password_hash) = 0;
  // not_found when there is no such account.
  virtual Result<void> update_disabled(std::string_view staff_id, bool disabled) = 0;
  // Sets the password of an account waiting for activation whose code's digest is `activation_digest`
  // and has not expired, and forgets the code; false when it is not so (the code is used once).
  virtual Result<bool> activate(std::string_view staff_id, std::string_view activation_digest,
                                std::string_view password_hash, Timestamp now) = 0;
  // A new activation code for an account not yet activated; false when it is activated already.
  virtual Result<bool> set_activation(std::string_view staff_id, std::string_view activation_digest,
                                      Timestamp expires_at) = 0;
  // Records who confirmed an account; false when it was confirmed already.
  virtual Result<bool> confirm(std::string_view staff_id, std::string_view by, Timestamp at) = 0;
};

class SessionReads {
 public:
  virtual ~SessionReads() = default;
  virtual Result<std::optional<SessionRecord>> find(std::string_view token_digest) = 0;
};

class SessionWrites : public SessionReads {
 public:
  virtual Result<void> insert(const SessionRecord& session) = 0;
  virtual Result<void> touch(std::string_view token_digest, Timestamp seen_at) = 0;
  virtual Result<void> remove(std::string_view token_digest) = 0;
  virtual Result<std::int64_t> remove_of_staff(std::string_view staff_id) = 0;
  virtual Result<std::int64_t> remove_idle_since(Timestamp idle_before, Timestamp now) = 0;
  // Once the second factor is set up, the session that did it may do everything; the staff member's
  // other sessions still waiting for it end (one of them may be a thief's, with the password alone).
  virtual Result<void> settle_second_factor(std::string_view staff_id, std::string_view kept_digest) = 0;
};

class SecondFactorReads {
 public:
  virtual ~SecondFactorReads() = default;
  virtual Result<std::optional<SecondFactor>> find(std::string_view staff_id) = 0;
};

class SecondFactorWrites : public SecondFactorReads {
 public:
  // Adds or replaces the staff member's second factor.
  virtual Result<void> put(const SecondFactor& factor) = 0;
  virtual Result<bool> remove(std::string_view staff_id) = 0;  // false: there was none
  // Records `step` as used if it is later than the last one used; false if it is not, so that two
  // sign-ins racing with one code cannot both pass.
  virtual Result<bool> use_step(std::string_view staff_id, std::int64_t step) = 0;
};

// Failed sign-ins, counted under keys such as "account:NAME" and "address:IP".
class SignInReads {
 public:
  virtual ~SignInReads() = default;
  // Failed sign-ins under `key` at or after `since`.
  virtual Result<std::int64_t> count_failures(std::string_view key, Timestamp since) = 0;
};

class SignInWrites : public SignInReads {
 public:
  // Holds the sign-in counters until the transaction ends (on PostgreSQL a row lock; SQLite has one
  // writer), so that counting attempts and taking one are a single step for concurrent sign-ins.
  virtual Result<void> take_turn() = 0;
  // A failed attempt under `key`; `attempt` names it, so that it can be released if the attempt,
  // counted before it was checked, turns out to succeed.
  virtual Result<void> record_failure(std::string_view key, Timestamp at, std::string_view attempt = {}) = 0;
  virtual Result<void> release_attempt(std::string_view attempt) = 0;
  virtual Result<void> clear_failures(std::string_view key) = 0;
  virtual Result<void> remove_failures_before(Timestamp before) = 0;
};

// Case files: the case, its person and reception, who is on it.
// An earlier case of the centre whose person may be the one being registered (app/duplicates.hpp):
// no more of it than its code and reception date.
struct NameMatch {
  std::string case_id;
  std::string code;
  Timestamp received_at{};
};

// An open case of the centre short of the staff its service needs (app/staffing.hpp): nobody on it,
// or no case worker or no counsellor among those on it. No more of it than the head's case list shows
// of a case she is not on: its code, stage and reception date.
struct StaffingGap {
  std::string case_id;
  std::string code;
  domain::CaseStage stage = domain::CaseStage::received;
  Timestamp received_at{};
  std::int64_t staff_on_case = 0;  // enabled accounts
  bool has_case_worker = false;
  bool has_counsellor = false;
};

// How many open cases (not closed, not erased) a member of staff is on.
struct Caseload {
  std::string staff_id;
  std::int64_t open_cases = 0;
};

class CaseReads {
 public:
  virtual ~CaseReads() = default;
  // A case is found only within the given centre: staff never see another centre's cases.
  virtual Result<std::optional<domain::CaseFile>> find(std::string_view centre_id, std::string_view case_id) = 0;
  // The bytes of records the case holds (their bodies' plain JSON), any centre's, none for no such
  // case: what a reading of the case opens, known before opening it.
  virtual Result<std::optional<std::int64_t>> content_bytes(std::string_view case_id) = 0;
  virtual Result<CasePage> list(const CaseQuery& query) = 0;
  // The centre's cases (erased ones are in no list) with their revisions, by case ID after
  // `after_id`, at most `limit`: a centre's 100,000 are read a page at a time.
  virtual Result<std::vector<CaseRevision>> list_revisions(std::string_view centre_id, std::string_view after_id,
                                                           int limit) = 0;
  // The same, of the centre's cases a member of staff is on (case_staff), read from her side: her
  // dozen cases cost a dozen rows, however many the centre holds.
  virtual Result<std::vector<CaseRevision>> list_revisions_of_staff(std::string_view centre_id,
                                                                    std::string_view staff_id,
                                                                    std::string_view after_id, int limit) = 0;
  // The centre's cases (not erased) of a person with this name (the same words, in any order, accents
  // and case aside) and, when a birth date is given, born the same year or of unknown birth: newest
  // reception first, at most `limit`. Read from the name index (security/blind_index.hpp).
  virtual Result<std::vector<NameMatch>> named_alike(std::string_view centre_id, std::string_view name,
                                                     std::optional<Date> birth_date, int limit) = 0;
  // How many cases wait to have their whole names indexed (CaseWrites::index_pending_names).
  virtual Result<std::int64_t> names_pending() = 0;
  // The centre's open cases short of staff, longest waiting first, at most `limit`, and how many there
  // are in all.
  virtual Result<std::pair<std::vector<StaffingGap>, std::int64_t>> staffing_gaps(std::string_view centre_id,
                                                                                 int limit) = 0;
  // The open cases each member of staff of the centre is on (those on none are left out).
  virtual Result<std::vector<Caseload>> caseloads(std::string_view centre_id) = 0;
};

class CaseWrites : public CaseReads {
 public:
  virtual Result<void> insert(const domain::CaseFile& file) = 0;  // already_exists on a code collision
  // Replaces the reception record of a case of the centre; not_found for a case outside it;
  // version_conflict (with the current version) when the case changed since `expected_version`.
  virtual Result<std::int64_t> update_reception(std::string_view centre_id, std::string_view case_id,
                                                std::int64_t expected_version, const domain::Reception& reception,
                                                Timestamp at) = 0;
  // Who is on the case now (I.3.c), replacing what was there; the case list reads it.
  // The person as corrected (domain/correction.hpp), their name's search tokens with it; the new version,
  // or version_conflict.
  virtual Result<std::int64_t> update_person(std::string_view centre_id, std::string_view case_id,
                                             std::int64_t expected_version, const domain::Person& person,
                                             Timestamp at) = 0;
  virtual Result<void> set_staff(std::string_view case_id, const std::vector<std::string>& staff_ids) = 0;
  // Moves a case of the centre to a stage; version_conflict when it changed since `expected_version`.
  virtual Result<std::int64_t> update_stage(std::string_view centre_id, std::string_view case_id,
                                            std::int64_t expected_version, domain::CaseStage stage, Timestamp at) = 0;
  // Moves a case of the centre to another centre (a transfer); version_conflict when it changed since
  // `expected_version`, not_found outside the centre.
  virtual Result<std::int64_t> update_centre(std::string_view centre_id, std::string_view case_id,
                                             std::int64_t expected_version, std::string_view new_centre_id,
                                             Timestamp at) = 0;
  // Holds the case's row until the transaction ends (on PostgreSQL a row lock; SQLite has one writer),
  // so that whatever the transaction decides next about the case (an erasure, a new record) cannot
  // interleave with another's; not_found outside the centre or when erased.
  virtual Result<void> lock(std::string_view centre_id, std::string_view case_id) = 0;
  // Erases a case of the centre for good: destroys its key (security/case_key.hpp), so that no copy
  // of its sealed fields opens again, and empties what it held about the person (the name index too).
  // The case's row stays, with its code, stage and dates and the erasure; not_found outside the
  // centre or when already erased.
  virtual Result<void> erase(std::string_view centre_id, std::string_view case_id, const domain::Erasure& erasure) = 0;
  // Indexes the names of up to `limit` cases registered before the index held whole names (schema
  // version 19 lists them); returns how many it took off the list. index_pending_names(store) runs it
  // to the end.
  virtual Result<int> index_pending_names(int limit) = 0;
};

// Each case's standing (app/case_standings.hpp), stored sealed beside the case.
class StandingReads {
 public:
  virtual ~StandingReads() = default;
  // The stored standings of those of `case_ids` that are the centre's and not erased, by case ID.
  virtual Result<std::vector<StoredStanding>> find(std::string_view centre_id,
                                                   std::span<const std::string> case_ids) = 0;
};

class StandingWrites : public StandingReads {
 public:
  // Stores a case's standing, sealed under the case's key, as computed from `revision` (none: the
  // case as this transaction sees it). A standing of a revision since passed is simply not used.
  virtual Result<void> put(std::string_view case_id, std::optional<std::int64_t> revision, std::string_view basis,
                           std::string_view body) = 0;
};

// The records of a case.
class RecordReads {
 public:
  virtual ~RecordReads() = default;
  // The records of a case of the centre, in the order they happened.
  virtual Result<std::vector<domain::CaseRecord>> list(std::string_view centre_id, std::string_view case_id) = 0;
  // Every record of one type (e.g. "disclosure") on the centre's cases, oldest first.
  virtual Result<std::vector<CaseRecordRef>> list_of_type(std::string_view centre_id, std::string_view type_name) = 0;
};

class RecordWrites : public RecordReads {
 public:
  virtual Result<void> insert(std::string_view case_id, const domain::CaseRecord& record) = 0;
};

// The audit log, a hash chain (security/audit_chain.hpp).
class AuditReads {
 public:
  virtual ~AuditReads() = default;
  virtual Result<std::vector<AuditEntry>> list_for_case(std::string_view case_id) = 0;
  // The audit log in the order it was written, `limit` entries after the entry `after_id`.
  virtual Result<std::vector<StoredAuditEntry>> list_page(std::int64_t after_id, int limit) = 0;
  virtual Result<std::string> head() = 0;  // the hash of the latest entry, "" before any
  // The centre's audit view, newest first: entries by its staff, about its staff or on its cases,
  // before the entry `before_id` (0: from the newest), at most `limit`.
  virtual Result<std::vector<CentreAuditEntry>> list_for_centre(std::string_view centre_id, std::int64_t before_id,
                                                                int limit) = 0;
  // Every opening of a case file (reads and writes) in [from, to), one line per staff member and case.
  virtual Result<std::vector<CaseReadSummary>> list_case_reads(Timestamp from, Timestamp to) = 0;
};

class AuditWrites : public AuditReads {
 public:
  // Appends to the hash chain, after the entry before it.
  virtual Result<void> append(const AuditEntry& entry) = 0;
};

// The data keys sealed values are under, for key rotation (app/key_rotation.hpp).
class KeyReads {
 public:
  virtual ~KeyReads() = default;
  // The data key the database names for sealing; none before the first rotation.
  virtual Result<std::optional<std::uint32_t>> sealing() = 0;
  virtual Result<std::int64_t> count_rows(SealedTable table) = 0;  // for the progress of key rotation
  // How many stored values, in every sealed column, a data key sealed: a key may leave the key file
  // only at 0.
  virtual Result<std::int64_t> count_sealed_under(std::uint32_t data_key_id) = 0;
};

class KeyWrites : public KeyReads {
 public:
  // From now on every write seals under this key (on PostgreSQL once the transactions sealing under
  // the one before have committed: they hold a share lock on the row this changes).
  virtual Result<void> set_sealing(std::uint32_t data_key_id) = 0;
  // Seals again the fields of up to `limit` rows of `table` after `after_id` that are not under the
  // key they belong under: a case's fields under the case's own key (made if it has none), a wrapped
  // case key or the centre's records under the key file's current data key. Values an older version
  // stored in clear are sealed too, and their name index rebuilt. A page at a time, each in its own
  // transaction: key rotation can stop and resume. Erased cases are passed over.
  virtual Result<ResealPage> reseal_page(SealedTable table, std::string_view after_id, int limit) = 0;
};

// The running servers, as each last said which data keys it holds (ServerPresence).
class ServerReads {
 public:
  virtual ~ServerReads() = default;
  virtual Result<std::vector<ServerPresence>> list(Timestamp seen_since) = 0;
};

class ServerWrites : public ServerReads {
 public:
  virtual Result<void> put(const ServerPresence& server) = 0;
  virtual Result<void> remove(std::string_view server_id) = 0;
};

// What staff have typed and not saved (domain/draft.hpp): each reads and writes only their own, the
// case's under the case's key, the reception form's under the data key.
class DraftReads {
 public:
  virtual ~DraftReads() = default;
  virtual Result<std::optional<domain::Draft>> find(std::string_view staff_id, std::string_view case_id,
                                                    std::string_view form) = 0;
  // The staff member's drafts of a case (case_id empty: of the reception form), newest first.
  virtual Result<std::vector<domain::DraftSummary>> list(std::string_view staff_id, std::string_view case_id) = 0;
};

class DraftWrites : public DraftReads {
 public:
  virtual Result<void> put(const domain::Draft& draft) = 0;  // a new one, or the same form's again
  virtual Result<bool> remove(std::string_view staff_id, std::string_view case_id, std::string_view form) = 0;
  virtual Result<std::int64_t> remove_saved_before(Timestamp before) = 0;
};

// The Idempotency-Key of a request that created something, and what it created (app/idempotency.hpp).
struct IdempotencyRecord {
  std::string staff_id;
  std::string key;
  std::string fingerprint;  // of the request: the operation, its path and its body
  std::string operation;    // the route's operationId
  std::string resource_id;  // the case or record it made
  Timestamp created_at{};
};

class IdempotencyReads {
 public:
  virtual ~IdempotencyReads() = default;
  virtual Result<std::optional<IdempotencyRecord>> find(std::string_view staff_id, std::string_view key) = 0;
};

class IdempotencyWrites : public IdempotencyReads {
 public:
  virtual Result<void> insert(const IdempotencyRecord& claim) = 0;  // already_exists on a key the staff member used
  // This key's claim, when made before `before` (expired): the key may be claimed again.
  virtual Result<void> remove_expired(std::string_view staff_id, std::string_view key, Timestamp before) = 0;
  virtual Result<std::int64_t> remove_created_before(Timestamp before) = 0;
};

// In-app notifications (app/notifications.hpp): what the server noted for a member of staff when it
// happened (an assignment, a decision on her request), and which of her notifications she has read.
// IDs, a kind, times: no personal data, so nothing here is sealed.
struct StoredNotification {
  std::string staff_id;
  std::string key;        // one per staff member and thing noted, e.g. "assignment:<record>"
  std::string kind;       // app::NotificationKind's name
  std::string case_id;
  std::string record_id;  // the record it is about, where there is one
  std::string detail;     // what the kind adds (a decision's verdict); never personal data
  Timestamp at{};
  std::optional<Timestamp> read_at;
};

class NotificationReads {
 public:
  virtual ~NotificationReads() = default;
  // The staff member's rows, newest first: those noted and the read marks of those derived.
  virtual Result<std::vector<StoredNotification>> list(std::string_view staff_id) = 0;
};

class NotificationWrites : public NotificationReads {
 public:
  virtual Result<void> add(const StoredNotification& notification) = 0;  // a key already there is kept as it is
  // Marks these read at `at`, adding a row for those that have none (the derived ones); one read stays read.
  virtual Result<void> mark_read(std::span<const StoredNotification> notifications, Timestamp at) = 0;
};

// A case's documents (domain/document.hpp): described in `documents`, their bytes in sealed chunks.
class DocumentReads {
 public:
  virtual ~DocumentReads() = default;
  // The case's documents, oldest first.
  virtual Result<std::vector<domain::Document>> list(std::string_view case_id) = 0;
  virtual Result<std::optional<domain::Document>> find(std::string_view case_id, std::string_view document_id) = 0;
  // Its bytes handed to `take` in order, a chunk at a time (each opened as it is read).
  virtual Result<void> read_content(const domain::Document& document,
                                    FunctionRef<Result<void>(std::string_view chunk)> take) = 0;
};

class DocumentWrites : public DocumentReads {
 public:
  // The description and `content` (document.byte_size bytes), sealed a chunk at a time.
  virtual Result<void> add(const domain::Document& document, std::string_view content) = 0;
};

class ReadTransaction {
 public:
  virtual ~ReadTransaction() = default;

  virtual CentreReads& centres() = 0;
  virtual CentreRecordReads& centre_records() = 0;
  virtual StaffReads& staff() = 0;
  virtual SessionReads& sessions() = 0;
  virtual SecondFactorReads& second_factors() = 0;
  virtual SignInReads& sign_ins() = 0;
  virtual CaseReads& cases() = 0;
  virtual StandingReads& standings() = 0;
  virtual RecordReads& records() = 0;
  virtual AuditReads& audit() = 0;
  virtual KeyReads& keys() = 0;
  virtual ServerReads& servers() = 0;
  virtual DraftReads& drafts() = 0;
  virtual IdempotencyReads& idempotency() = 0;
  virtual NotificationReads& notifications() = 0;
  virtual DocumentReads& documents() = 0;
};

// The same views, each also writing.
class WriteTransaction : public ReadTransaction {
 public:
  CentreWrites& centres() override = 0;
  CentreRecordWrites& centre_records() override = 0;
  StaffWrites& staff() override = 0;
  SessionWrites& sessions() override = 0;
  SecondFactorWrites& second_factors() override = 0;
  SignInWrites& sign_ins() override = 0;
  CaseWrites& cases() override = 0;
  StandingWrites& standings() override = 0;
  RecordWrites& records() override = 0;
  AuditWrites& audit() override = 0;
  KeyWrites& keys() override = 0;
  ServerWrites& servers() override = 0;
  DraftWrites& drafts() override = 0;
  IdempotencyWrites& idempotency() override = 0;
  NotificationWrites& notifications() override = 0;
  DocumentWrites& documents() override = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  virtual std::string_view backend() const = 0;  // "sqlite" or "postgresql"
  virtual Result<int> migrate() = 0;             // applies what is missing; returns the schema version
  virtual Result<int> schema_version() = 0;
  virtual Result<void> check() = 0;  // a round trip to the database, for /health

  virtual Result<void> read(const std::function<Result<void>(ReadTransaction&)>& work) = 0;
  virtual Result<void> write(const std::function<Result<void>(WriteTransaction&)>& work) = 0;
  // Hands `work` over to be committed later and returns at once: for a write the answer does not
  // depend on but must not leave before, the audit entry of a read. The caller sends its answer from
  // the PendingCommit's continuation. SQLite queues it for its next group commit; PostgreSQL, whose
  // callers hold a connection each anyway, writes it at once. `work` may run on another thread.
  virtual std::shared_ptr<PendingCommit> write_deferred(std::function<Result<void>(WriteTransaction&)> work) = 0;
};

// Indexes every case waiting for its whole-name tokens (CaseWrites::index_pending_names), a page per
// transaction so that a centre's years of cases never hold the writer long; migrate() calls it.
// Returns how many cases it indexed.
Result<std::int64_t> index_pending_names(Store& store);

// Runs `work` in a read transaction and hands back the value it produced.
template <class T, class Work>
Result<T> read_value(Store& store, Work&& work) {
  std::optional<T> value;
  HAVEN_TRY(store.read([&](ReadTransaction& tx) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto r, work(tx));
    value.emplace(std::move(r));
    return {};
  }));
  return std::move(*value);
}

}  // namespace haven::storage
