// The key file wrapped under a passphrase, to be kept offsite apart from the backups it opens
// (`haven keys export` / `haven keys import`): Argon2id stretches the passphrase into a key, and
// XChaCha20-Poly1305 seals the key file's bytes under it; the header (format, salt, Argon2id's
// costs, nonce) is authenticated with them, so a changed byte anywhere fails to open.
//
//   auto wrapped = wrap_key_file(bytes, passphrase);           // Argon2id at its "moderate" costs
//   auto bytes = unwrap_key_file(wrapped, passphrase);          // refused: wrong passphrase or changed
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/error.hpp"

namespace haven::security {

struct StretchCost {
  std::uint64_t operations;
  std::size_t memory_bytes;
};
// libsodium's "moderate" Argon2id: 3 passes over 256 MiB, about a second on the 2-core machine.
StretchCost moderate_stretch_cost();
// The least libsodium allows: only for tests, which check the format, not the cost.
StretchCost least_stretch_cost();

std::string wrap_key_file(std::string_view key_file_bytes, std::string_view passphrase, StretchCost cost);
std::string wrap_key_file(std::string_view key_file_bytes, std::string_view passphrase);

// The key file's bytes, or validation_failed (field "passphrase") when the passphrase is wrong or the
// file was changed, or (field "file") when it is not an exported key file; costs beyond libsodium's
// "sensitive" ones are refused before any work, so a crafted file cannot take the machine's memory.
Result<std::string> unwrap_key_file(std::string_view wrapped, std::string_view passphrase);

}  // namespace haven::security
