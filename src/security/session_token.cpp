#include "security/session_token.hpp"

#include <algorithm>
#include <array>

#include <sodium.h>

#include "security/hex.hpp"

namespace haven::security {

std::string session_token_digest(std::string_view token) {
  std::array<unsigned char, 32> digest{};
  crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                     nullptr, 0);
  return hex_of(digest);
}

std::string csrf_token_for(std::string_view session_token) {
  constexpr std::string_view kPurpose = "haven csrf v1";
  std::array<unsigned char, 32> digest{};
  const std::size_t key_length = std::min<std::size_t>(session_token.size(), crypto_generichash_KEYBYTES_MAX);
  crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(kPurpose.data()),
                     kPurpose.size(), reinterpret_cast<const unsigned char*>(session_token.data()), key_length);
  return hex_of(digest);
}

bool csrf_token_matches(std::string_view session_token, std::string_view presented) {
  const std::string expected = csrf_token_for(session_token);
  return presented.size() == expected.size() && sodium_memcmp(presented.data(), expected.data(), expected.size()) == 0;
}

}  // namespace haven::security
