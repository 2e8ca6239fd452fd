// Each case has a key of its own, under which its sensitive fields are sealed
// (security/field_cipher.hpp, "c1:"). The case key is stored wrapped: sealed under the key file's
// current data key, bound to the case. Destroying the wrapped key erases the case's file for good,
// without finding every copy of every field; rotating the data key re-wraps 32 bytes per case instead
// of resealing the whole file.
//
//   KeyBytes key = new_case_key();
//   std::string stored = wrap_case_key(keys, case_id, key);     // into case_keys.wrapped
//   auto again = unwrap_case_key(keys, case_id, stored);        // fails for another case's row
#pragma once

#include <string>
#include <string_view>

#include "common/error.hpp"
#include "security/field_cipher.hpp"
#include "security/key_ring.hpp"

namespace haven::security {

// Where a wrapped case key lives; also what it is bound to.
inline constexpr std::string_view kCaseKeysTable = "case_keys";
inline constexpr std::string_view kCaseKeysColumn = "wrapped";

KeyBytes new_case_key();
std::string wrap_case_key(const KeyRing& keys, std::string_view case_id, const KeyBytes& case_key);
std::string wrap_case_key(const KeyRing& keys, std::uint32_t key_id, std::string_view case_id, const KeyBytes& case_key);
Result<KeyBytes> unwrap_case_key(const KeyRing& keys, std::string_view case_id, std::string_view wrapped);

}  // namespace haven::security
