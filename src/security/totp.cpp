#include "security/totp.hpp"

#include <array>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sodium.h>

namespace haven::security {
namespace {

constexpr std::string_view kBase32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr std::size_t kSecretBytes = 20;

// Percent-encoding of one URI component (RFC 3986 unreserved characters pass as they are).
std::string uri_component(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0x0F];
    }
  }
  return out;
}

std::string digits_only(std::string_view code) {
  std::string out;
  for (const char c : code) {
    if (c == ' ') continue;
    out += c;
  }
  return out;
}

}  // namespace

std::string new_totp_secret() {
  std::string secret(kSecretBytes, '\0');
  randombytes_buf(secret.data(), secret.size());
  return secret;
}

std::string base32_encode(std::string_view bytes) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (const char c : bytes) {
    buffer = (buffer << 8) | static_cast<unsigned char>(c);
    bits += 8;
    while (bits >= 5) {
      out += kBase32Alphabet[(buffer >> (bits - 5)) & 0x1F];
      bits -= 5;
    }
  }
  if (bits > 0) out += kBase32Alphabet[(buffer << (5 - bits)) & 0x1F];
  return out;
}

std::optional<std::string> base32_decode(std::string_view text) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (c == ' ' || c == '=') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    const auto index = kBase32Alphabet.find(c);
    if (index == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 5) | static_cast<unsigned>(index);
    bits += 5;
    if (bits >= 8) {
      out += static_cast<char>((buffer >> (bits - 8)) & 0xFF);
      bits -= 8;
    }
  }
  return out;
}

std::int64_t totp_step(Timestamp at) {
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count();
  return seconds / kTotpPeriodSeconds;
}

std::string totp_code(std::string_view secret, std::int64_t step) {
  std::array<unsigned char, 8> counter{};
  auto value = static_cast<std::uint64_t>(step);
  for (int i = 7; i >= 0; --i) {
    counter[static_cast<std::size_t>(i)] = static_cast<unsigned char>(value & 0xFF);
    value >>= 8;
  }
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  unsigned int mac_length = 0;
  HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()), counter.data(), counter.size(), mac.data(), &mac_length);
  // Dynamic truncation (RFC 4226 §5.3).
  const std::size_t offset = mac[mac_length - 1] & 0x0F;
  const std::uint32_t binary = (static_cast<std::uint32_t>(mac[offset] & 0x7F) << 24) |
                               (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                               (static_cast<std::uint32_t>(mac[offset + 2]) << 8) | static_cast<std::uint32_t>(mac[offset + 3]);
  std::string code = std::to_string(binary % 1'000'000);
  return std::string(static_cast<std::size_t>(kTotpDigits) - code.size(), '0') + code;
}

std::optional<std::int64_t> accepted_totp_step(std::string_view secret, std::string_view code, Timestamp now,
                                               std::int64_t last_used_step) {
  const std::string typed = digits_only(code);
  if (typed.size() != static_cast<std::size_t>(kTotpDigits)) return std::nullopt;
  const std::int64_t current = totp_step(now);
  std::optional<std::int64_t> matched;
  // Every candidate is computed and compared, matched or not, so the time taken says nothing.
  for (std::int64_t step = current - 1; step <= current + 1; ++step) {
    const std::string expected = totp_code(secret, step);
    if (sodium_memcmp(expected.data(), typed.data(), expected.size()) == 0 && step > last_used_step && !matched) {
      matched = step;
    }
  }
  return matched;
}

std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view secret) {
  const std::string label = uri_component(issuer) + ":" + uri_component(account);
  return "otpauth://totp/" + label + "?secret=" + base32_encode(secret) + "&issuer=" + uri_component(issuer) +
         "&algorithm=SHA1&digits=" + std::to_string(kTotpDigits) + "&period=" + std::to_string(kTotpPeriodSeconds);
}

}  // namespace haven::security
