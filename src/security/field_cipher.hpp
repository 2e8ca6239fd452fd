// Sensitive fields are sealed before they reach storage: XChaCha20-Poly1305 (libsodium) under the
// key file's current data key, with the table, the row and the field bound in as associated data, so
// that a sealed value copied into another row or field no longer opens. The stored text names its
// key, so that keys can rotate: "v1:<key id>:<base64 of nonce and ciphertext>".
//
//   std::string stored = seal_field(keys, "persons", case_id, "name", "Đặng Thị Hoa");
//   auto name = open_field(keys, stored, "persons", case_id, "name");   // fails on a wrong key or row
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "security/key_ring.hpp"

namespace haven::security {

struct FieldPlace {
  std::string_view table;
  std::string_view row_id;
  std::string_view field;
};

std::string seal_field(const KeyRing& keys, const FieldPlace& place, std::string_view plaintext);
Result<std::string> open_field(const KeyRing& keys, const FieldPlace& place, std::string_view stored);

// The ID of the key a stored value was sealed with; empty for a value stored in clear (written
// before encryption at rest, waiting to be sealed).
std::optional<std::uint32_t> sealed_key_id(std::string_view stored);

}  // namespace haven::security
