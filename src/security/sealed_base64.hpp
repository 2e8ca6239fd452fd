// Base64 (standard alphabet, no padding) for sealed fields: nonce and ciphertext, which are not
// secret, so decoding need not be constant-time as libsodium's sodium_base642bin is. That decoder
// took 9% of a record write, which reads and opens the case's whole history (docs/performance.md);
// this one decodes four characters per step through a table. Keys stay with libsodium's.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace haven::security {

// Decodes `text` into `out` (room for text.size() * 3 / 4 bytes); the number of bytes written, or
// nothing for a character outside the alphabet, padding, a length no encoding has (4n + 1), or
// leftover bits that are not zero (so each byte string has exactly one encoding, as libsodium's).
std::optional<std::size_t> decode_sealed_base64(std::string_view text, unsigned char* out);

}  // namespace haven::security
