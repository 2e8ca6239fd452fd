#include "security/sealed_base64.hpp"

#include <array>
#include <cstdint>

namespace haven::security {
namespace {

constexpr std::uint8_t kInvalid = 0xFF;

constexpr std::array<std::uint8_t, 256> decoding_table() {
  std::array<std::uint8_t, 256> table{};
  table.fill(kInvalid);
  constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (std::size_t i = 0; i < alphabet.size(); ++i) table[static_cast<unsigned char>(alphabet[i])] = static_cast<std::uint8_t>(i);
  return table;
}
constexpr auto kTable = decoding_table();

}  // namespace

std::optional<std::size_t> decode_sealed_base64(std::string_view text, unsigned char* out) {
  const std::size_t whole = text.size() / 4 * 4;
  const std::size_t rest = text.size() - whole;
  if (rest == 1) return std::nullopt;
  const auto* in = reinterpret_cast<const unsigned char*>(text.data());
  unsigned char* o = out;
  for (std::size_t i = 0; i < whole; i += 4) {
    const std::uint32_t a = kTable[in[i]], b = kTable[in[i + 1]], c = kTable[in[i + 2]], d = kTable[in[i + 3]];
    if (((a | b | c | d) & 0xC0) != 0) return std::nullopt;  // kInvalid has these bits, no value does
    const std::uint32_t v = a << 18 | b << 12 | c << 6 | d;
    *o++ = static_cast<unsigned char>(v >> 16);
    *o++ = static_cast<unsigned char>(v >> 8);
    *o++ = static_cast<unsigned char>(v);
  }
  if (rest == 0) return static_cast<std::size_t>(o - out);
  const std::uint32_t a = kTable[in[whole]], b = kTable[in[whole + 1]];
  const std::uint32_t c = rest == 3 ? kTable[in[whole + 2]] : 0;
  if (((a | b | c) & 0xC0) != 0) return std::nullopt;
  const std::uint32_t v = a << 18 | b << 12 | c << 6;
  if (rest == 2 && (v & 0xFFFF) != 0) return std::nullopt;  // leftover bits of one byte
  if (rest == 3 && (v & 0xFF) != 0) return std::nullopt;    // of two bytes
  *o++ = static_cast<unsigned char>(v >> 16);
  if (rest == 3) *o++ = static_cast<unsigned char>(v >> 8);
  return static_cast<std::size_t>(o - out);
}

}  // namespace haven::security
