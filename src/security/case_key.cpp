#include "security/case_key.hpp"

#include <sodium.h>

namespace haven::security {

KeyBytes new_case_key() {
  KeyBytes key{};
  randombytes_buf(key.data(), key.size());
  return key;
}

std::string wrap_case_key(const KeyRing& keys, std::string_view case_id, const KeyBytes& case_key) {
  return wrap_case_key(keys, keys.current_data_key_id(), case_id, case_key);
}

std::string wrap_case_key(const KeyRing& keys, std::uint32_t key_id, std::string_view case_id, const KeyBytes& case_key) {
  const std::string_view raw(reinterpret_cast<const char*>(case_key.data()), case_key.size());
  return seal_field(keys, key_id, {kCaseKeysTable, case_id, kCaseKeysColumn}, raw);
}

Result<KeyBytes> unwrap_case_key(const KeyRing& keys, std::string_view case_id, std::string_view wrapped) {
  if (!sealed_key_id(wrapped)) {
    return fail_internal(ErrorCode::internal, "the key of case " + std::string(case_id) + " is not wrapped");
  }
  HAVEN_ASSIGN_OR_RETURN(auto raw, open_field(keys, {kCaseKeysTable, case_id, kCaseKeysColumn}, wrapped));
  KeyBytes key{};
  if (raw.size() != key.size()) {
    sodium_memzero(raw.data(), raw.size());
    return fail_internal(ErrorCode::internal, "the key of case " + std::string(case_id) + " has the wrong length");
  }
  std::copy(raw.begin(), raw.end(), key.begin());
  sodium_memzero(raw.data(), raw.size());
  return key;
}

}  // namespace haven::security
