// Each case's own key (security/case_key.hpp): made with the case, unwrapped once per transaction,
// and destroyed when the case is erased. Sealing and opening of fields go through here.
#include <sodium.h>

#include "security/case_key.hpp"
#include "security/field_cipher.hpp"
#include "storage/sql/sql_transaction.hpp"
#include "storage/sql/sql_values.hpp"

namespace haven::storage {

using namespace sql_values;

SqlTransaction::~SqlTransaction() {
  for (auto& [id, key] : case_keys_) {
    if (key) sodium_memzero(key->data(), key->size());
  }
}

Result<std::uint32_t> SqlTransaction::sealing_key_id() {
  if (sealing_key_) return *sealing_key_;
  auto rows = db_.query(db_.dialect() == SqlDialect::postgresql ? "SELECT sealing_key FROM key_state WHERE id = 1 FOR SHARE"
                                                                 : "SELECT sealing_key FROM key_state WHERE id = 1",
                        {});
  if (!rows) return propagate<std::uint32_t>(rows.error());
  const auto named = rows->empty() ? std::nullopt : rows->front().optional_integer(0);
  const auto id = named ? static_cast<std::uint32_t>(*named) : keys_.current_data_key_id();
  if (!keys_.data_key(id)) {
    return fail_internal(ErrorCode::unavailable,
                         "the database seals under data key " + std::to_string(id) +
                             ", which this process's key file does not hold: copy the key file from where `haven keys "
                             "rotate` ran (a running server reads it again within seconds)");
  }
  sealing_key_ = id;
  return id;
}

Result<std::string> SqlTransaction::seal(std::string_view table, std::string_view row_id, std::string_view field,
                                         std::string_view plain) {
  auto key_id = sealing_key_id();
  if (!key_id) return propagate<std::string>(key_id.error());
  return security::seal_field(keys_, *key_id, {table, row_id, field}, plain);
}

std::string SqlTransaction::seal_case(const security::KeyBytes& case_key, std::string_view table,
                                      std::string_view row_id, std::string_view field, std::string_view plain) const {
  return security::seal_case_field(case_key, {table, row_id, field}, plain);
}

Result<std::string> SqlTransaction::open(std::string_view table, std::string_view row_id, std::string_view field,
                                         std::string_view stored, const security::KeyBytes* case_key) const {
  return security::open_field(keys_, {table, row_id, field}, stored, case_key);
}

Result<const security::KeyBytes*> SqlTransaction::case_key_from(std::string_view case_id,
                                                                std::optional<std::string_view> wrapped) {
  if (const auto known = case_keys_.find(case_id); known != case_keys_.end()) {
    return known->second ? &*known->second : nullptr;
  }
  std::optional<security::KeyBytes> key;
  if (wrapped) {
    HAVEN_ASSIGN_OR_RETURN(auto unwrapped, security::unwrap_case_key(keys_, case_id, *wrapped));
    key = unwrapped;
    sodium_memzero(unwrapped.data(), unwrapped.size());
  }
  const auto& kept = case_keys_.emplace(std::string(case_id), key).first->second;
  if (key) sodium_memzero(key->data(), key->size());
  return kept ? &*kept : nullptr;
}

Result<const security::KeyBytes*> SqlTransaction::case_key(std::string_view case_id) {
  if (const auto known = case_keys_.find(case_id); known != case_keys_.end()) {
    return known->second ? &*known->second : nullptr;
  }
  auto rows = db_.query("SELECT wrapped FROM case_keys WHERE case_id = $1", {text(case_id)});
  if (!rows) return propagate<const security::KeyBytes*>(rows.error());
  if (rows->empty()) return case_key_from(case_id, std::nullopt);
  return case_key_from(case_id, rows->front().text(0));
}

Result<const security::KeyBytes*> SqlTransaction::key_for(std::string_view case_id, const security::KeyBytes* known,
                                                          std::string_view stored) {
  if (known || !security::sealed_under_case_key(stored)) return known;
  if (const auto remembered = case_keys_.find(case_id); remembered != case_keys_.end() && !remembered->second) {
    case_keys_.erase(remembered);
  }
  return case_key(case_id);
}

Result<void> SqlTransaction::lock_case(std::string_view centre_id, std::string_view case_id) {
  HAVEN_ASSIGN_OR_RETURN(auto locked, db_.execute("UPDATE cases SET version = version WHERE centre_id = $1 AND id = $2 AND erased_at IS NULL",
                            {text(centre_id), text(case_id)}));
  if (locked == 0) return fail(ErrorCode::not_found, {}, "error.case_not_found");
  return {};
}

Result<const security::KeyBytes*> SqlTransaction::case_key_for_writing(std::string_view case_id) {
  // The case's row first: a write to a case waits for an erasure of it to end, then sees it erased;
  // and two transactions giving an older case its first key take turns.
  auto locked = db_.execute("UPDATE cases SET version = version WHERE id = $1 AND erased_at IS NULL", {text(case_id)});
  if (!locked) return propagate<const security::KeyBytes*>(locked.error());
  if (*locked == 0) {
    return fail_internal(ErrorCode::not_found, "case " + std::string(case_id) + " is gone or erased: nothing is written to it");
  }
  if (const auto known = case_keys_.find(case_id); known != case_keys_.end() && known->second) return &*known->second;
  case_keys_.erase(std::string(case_id));  // a "no key" remembered before the lock may be stale
  auto rows = db_.query("SELECT wrapped FROM case_keys WHERE case_id = $1", {text(case_id)});
  if (!rows) return propagate<const security::KeyBytes*>(rows.error());
  if (!rows->empty()) return case_key_from(case_id, rows->front().text(0));
  // A new case, or one sealed before case keys: it gets its key now, wrapped by the current data key.
  auto key_id = sealing_key_id();
  if (!key_id) return propagate<const security::KeyBytes*>(key_id.error());
  auto fresh = security::new_case_key();
  auto stored = db_.execute("INSERT INTO case_keys (case_id, wrapped) VALUES ($1, $2)",
                            {text(case_id), text(security::wrap_case_key(keys_, *key_id, case_id, fresh))});
  if (!stored) {
    sodium_memzero(fresh.data(), fresh.size());
    return propagate<const security::KeyBytes*>(stored.error());
  }
  auto& kept = case_keys_[std::string(case_id)];
  kept = fresh;
  sodium_memzero(fresh.data(), fresh.size());
  return &*kept;
}

Result<void> SqlTransaction::erase_case(std::string_view centre_id, std::string_view case_id,
                                        const domain::Erasure& erasure) {
  // Only a closed case (standards/erasure_rules.hpp); the caller decided on what it read after
  // lock_case, so this condition is the last word, not the only one.
  HAVEN_ASSIGN_OR_RETURN(auto marked, db_.execute(
      "UPDATE cases SET erased_at = $1, erased_by = $2, erasure_ground = $3, version = version + 1, "
      "revision = revision + 1, updated_at = $1 "
      "WHERE centre_id = $4 AND id = $5 AND erased_at IS NULL AND stage = 'closed'",
      {seconds(erasure.at), text(erasure.by), text(domain::kErasureGroundNames.name(erasure.ground)), text(centre_id),
       text(case_id)}));
  if (marked == 0) return fail(ErrorCode::not_found, {}, "error.case_not_found");
  // The key first: from here no copy of the case's sealed fields opens, in this database, a replica
  // or a backup (once the data key that wrapped it is retired: docs/security.md).
  const std::string id(case_id);
  for (const char* sql : {
           "DELETE FROM case_keys WHERE case_id = $1",
           "DELETE FROM name_index WHERE case_id = $1",
           "DELETE FROM case_staff WHERE case_id = $1",
           "DELETE FROM case_standings WHERE case_id = $1",
           // What is left is emptied too, so that not even ciphertext stays where it can be copied.
           "UPDATE persons SET name = '', birth_date = NULL, estimated_age = NULL, sex = 'unknown', "
           "suspected_child = 0, nationality = '', languages = '[]', preferred_staff_gender = 'any' WHERE case_id = $1",
           "UPDATE receptions SET referring_authority = '', legal_basis = '', documents = '[]' WHERE case_id = $1",
           "UPDATE case_records SET body = '' WHERE case_id = $1",
       }) {
    HAVEN_TRY(db_.execute(sql, {text(id)}));
  }
  if (auto known = case_keys_.find(case_id); known != case_keys_.end() && known->second) {
    sodium_memzero(known->second->data(), known->second->size());
  }
  case_keys_[id] = std::nullopt;
  return {};
}

}  // namespace haven::storage
