// Each case's own key (security/case_key.hpp): made with the case, unwrapped once per transaction,
// and destroyed when the case is erased. A case's fields are sealed and opened under it (SqlScope).
#include <sodium.h>

#include "security/case_key.hpp"
#include "security/field_cipher.hpp"
#include "storage/sql/sql_scope.hpp"
#include "storage/sql/sql_values.hpp"

namespace haven::storage {

using namespace sql_values;

namespace {

constexpr OneColumn kWrappedKey{"wrapped"};

const std::string kFindWrappedKey = kWrappedKey.select("FROM case_keys WHERE case_id = $1");

}  // namespace

SqlScope::~SqlScope() {
  for (auto& [id, key] : case_keys_) {
    if (key) sodium_memzero(key->data(), key->size());
  }
}

Result<const security::KeyBytes*> SqlScope::case_key_from(std::string_view case_id,
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

Result<const security::KeyBytes*> SqlScope::case_key(std::string_view case_id) {
  if (const auto known = case_keys_.find(case_id); known != case_keys_.end()) {
    return known->second ? &*known->second : nullptr;
  }
  HAVEN_ASSIGN_OR_RETURN(auto rows, db_.query(kFindWrappedKey, {text(case_id)}));
  if (rows.empty()) return case_key_from(case_id, std::nullopt);
  return case_key_from(case_id, rows.front().text(kWrappedKey.value));
}

Result<const security::KeyBytes*> SqlScope::key_for(std::string_view case_id, const security::KeyBytes* known,
                                                    std::string_view stored) {
  if (known || !security::sealed_under_case_key(stored)) return known;
  if (const auto remembered = case_keys_.find(case_id); remembered != case_keys_.end() && !remembered->second) {
    case_keys_.erase(remembered);
  }
  return case_key(case_id);
}

Result<const security::KeyBytes*> SqlScope::case_key_for_writing(std::string_view case_id) {
  // The case's row first: a write to a case waits for an erasure of it to end, then sees it erased;
  // and two transactions giving an older case its first key take turns.
  HAVEN_ASSIGN_OR_RETURN(
      auto locked,
      db_.execute("UPDATE cases SET version = version WHERE id = $1 AND erased_at IS NULL", {text(case_id)}));
  if (locked == 0) {
    return fail_internal(ErrorCode::not_found,
                         "case " + std::string(case_id) + " is gone or erased: nothing is written to it");
  }
  if (const auto known = case_keys_.find(case_id); known != case_keys_.end() && known->second) return &*known->second;
  case_keys_.erase(std::string(case_id));  // a "no key" remembered before the lock may be stale
  HAVEN_ASSIGN_OR_RETURN(auto rows, db_.query(kFindWrappedKey, {text(case_id)}));
  if (!rows.empty()) return case_key_from(case_id, rows.front().text(kWrappedKey.value));
  // A new case, or one sealed before case keys: it gets its key now, wrapped by the current data key.
  HAVEN_ASSIGN_OR_RETURN(auto key_id, sealing_key_id());
  auto fresh = security::new_case_key();
  auto stored = db_.execute("INSERT INTO case_keys (case_id, wrapped) VALUES ($1, $2)",
                            {text(case_id), text(security::wrap_case_key(keys_, key_id, case_id, fresh))});
  if (!stored) {
    sodium_memzero(fresh.data(), fresh.size());
    return tl::unexpected(stored.error());
  }
  auto& kept = case_keys_[std::string(case_id)];
  kept = fresh;
  sodium_memzero(fresh.data(), fresh.size());
  return &*kept;
}

void SqlScope::forget_case_key(std::string_view case_id) {
  if (auto known = case_keys_.find(case_id); known != case_keys_.end() && known->second) {
    sodium_memzero(known->second->data(), known->second->size());
  }
  case_keys_[std::string(case_id)] = std::nullopt;
}

}  // namespace haven::storage
