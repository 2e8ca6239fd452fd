#include "security/random.hpp"

#include <array>
#include <stdexcept>

#include <sodium.h>

#include "domain/case_code.hpp"

namespace haven::security {
namespace {
constexpr std::string_view kIdAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";  // Crockford, lower case
// Passwords are read off a screen and typed: no 0/O, 1/l/I.
constexpr std::string_view kPasswordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
}  // namespace

void initialise() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

std::string new_record_id() {
  std::array<unsigned char, 16> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::string out;
  out.reserve(26);
  unsigned buffer = 0;
  int bits = 0;
  for (const unsigned char b : bytes) {
    buffer = (buffer << 8U) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out.push_back(kIdAlphabet[(buffer >> static_cast<unsigned>(bits)) & 0x1FU]);
    }
  }
  if (bits > 0) out.push_back(kIdAlphabet[(buffer << static_cast<unsigned>(5 - bits)) & 0x1FU]);
  return out;
}

bool is_record_id(std::string_view text) {
  return text.size() == 26 && text.find_first_not_of(kIdAlphabet) == std::string_view::npos;
}

std::string new_case_code() {
  std::array<std::uint8_t, domain::kCaseCodeRandomBytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  return domain::format_case_code(bytes);
}

std::string new_password(std::size_t length) {
  std::string out(length, ' ');
  for (auto& c : out) c = kPasswordAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kPasswordAlphabet.size()))];
  return out;
}

std::string new_activation_code() {
  constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  std::string out;
  for (int i = 0; i < 15; ++i) {
    if (i > 0 && i % 5 == 0) out.push_back('-');
    out.push_back(kCrockford[randombytes_uniform(32)]);
  }
  return out;
}

std::string normalise_activation_code(std::string_view typed) {
  std::string out;
  for (const char raw : typed) {
    char c = (raw >= 'a' && raw <= 'z') ? static_cast<char>(raw - 'a' + 'A') : raw;
    if (c == ' ' || c == '-') continue;
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    out.push_back(c);
  }
  return out;
}

std::string new_session_token() {
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

}  // namespace haven::security
