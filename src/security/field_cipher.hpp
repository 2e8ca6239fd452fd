// Sensitive fields are sealed before they reach storage: XChaCha20-Poly1305 (libsodium) under the
// key file's current data key, with the table, the row and the field bound in as associated data, so
// that a sealed value copied into another row or field no longer opens. Two kinds of stored text:
//   "v1:<key id>:<base64 of nonce and ciphertext>"  under a data key of the key file, named so that
//                                                   keys can rotate (the centre's own records);
//   "c1:<base64 of nonce and ciphertext>"           under the case's own key (security/case_key.hpp),
//                                                   so that destroying that key erases the case.
//
//   std::string stored = seal_field(keys, {"centre_records", id, "body"}, json);
//   std::string name = seal_case_field(case_key, {"persons", case_id, "name"}, "Đặng Thị Hoa");
//   auto opened = open_field(keys, {"persons", case_id, "name"}, name, &case_key);  // fails on a wrong key or row
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
// Under the data key `key_id`, which `keys` holds (the sealing key the database names).
std::string seal_field(const KeyRing& keys, std::uint32_t key_id, const FieldPlace& place, std::string_view plaintext);
std::string seal_case_field(const KeyBytes& case_key, const FieldPlace& place, std::string_view plaintext);
// Opens either kind. `case_key` is the key of the case the field belongs to, null when the case has
// none (its fields still under a data key, or its key destroyed by erasure).
Result<std::string> open_field(const KeyRing& keys, const FieldPlace& place, std::string_view stored,
                               const KeyBytes* case_key = nullptr);
bool sealed_under_case_key(std::string_view stored);

// The ID of the key a stored value was sealed with; empty for a value stored in clear (written
// before encryption at rest, waiting to be sealed).
std::optional<std::uint32_t> sealed_key_id(std::string_view stored);

}  // namespace haven::security
