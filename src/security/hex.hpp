// Lower-case hex of a digest, the way Haven spells hashes wherever it stores or sends one (session
// digests, the audit chain, name tokens, CSRF tokens, ETags).
//
//   std::array<unsigned char, 32> digest{...};
//   std::string text = hex_of(digest);   // 64 characters
#pragma once

#include <span>
#include <string>

#include <sodium.h>

namespace haven::security {

inline std::string hex_of(std::span<const unsigned char> bytes) {
  std::string hex(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  hex.pop_back();  // the terminating NUL
  return hex;
}

}  // namespace haven::security
