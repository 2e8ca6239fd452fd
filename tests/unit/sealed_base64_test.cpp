// The sealed fields' base64 decoder against libsodium's, which sealed them: the same bytes for every
// encoding, and the same refusals (padding, characters outside the alphabet, impossible lengths,
// leftover bits), so a sealed value opens exactly when it did before.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include <sodium.h>

#include "security/sealed_base64.hpp"

namespace haven::security {
namespace {

std::optional<std::vector<unsigned char>> sodium_decode(std::string_view text) {
  std::vector<unsigned char> out(text.size() + 3);
  std::size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &length, &end,
                        sodium_base64_VARIANT_ORIGINAL_NO_PADDING) != 0 ||
      end != text.data() + text.size()) {
    return std::nullopt;
  }
  out.resize(length);
  return out;
}

std::optional<std::vector<unsigned char>> ours(std::string_view text) {
  std::vector<unsigned char> out(text.size() * 3 / 4 + 3);
  const auto length = decode_sealed_base64(text, out.data());
  if (!length) return std::nullopt;
  out.resize(*length);
  return out;
}

TEST(SealedBase64, DecodesWhatLibsodiumEncodedAtEveryLength) {
  ASSERT_GE(sodium_init(), 0);
  for (std::size_t n = 0; n < 300; ++n) {
    std::vector<unsigned char> bytes(n);
    if (n > 0) randombytes_buf(bytes.data(), n);
    std::string text(sodium_base64_encoded_len(n, sodium_base64_VARIANT_ORIGINAL_NO_PADDING), '\0');
    sodium_bin2base64(text.data(), text.size(), bytes.data(), n, sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
    text.pop_back();
    ASSERT_EQ(ours(text), bytes) << "length " << n;
  }
}

// Every string of up to three characters over the alphabet and some ASCII that is not in it: ours
// accepts exactly what libsodium accepts, with the same bytes (leftover bits, 4n + 1 lengths,
// padding). Bytes past ASCII, which libsodium 1.0.18 reads as letters, ours refuses.
TEST(SealedBase64, AcceptsAndRefusesExactlyAsLibsodiumDoes) {
  ASSERT_GE(sodium_init(), 0);
  const std::string chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ \n.";
  std::size_t accepted = 0;
  for (const char a : chars) {
    for (const char b : chars) {
      for (const char c : chars) {
        for (const std::string& text : {std::string{a}, std::string{a, b}, std::string{a, b, c}, std::string{'Q', 'U', 'J', 'D', a, b, c}}) {
          const auto expected = sodium_decode(text);
          ASSERT_EQ(ours(text), expected) << "\"" << text << "\"";
          accepted += expected.has_value();
        }
      }
    }
  }
  EXPECT_GT(accepted, 1000U) << "the comparison covers accepted strings, not only refusals";
  EXPECT_FALSE(ours("QUJD="));
  EXPECT_FALSE(ours("A\x80" "A"));
  EXPECT_FALSE(ours("QUJ\xC3"));
  EXPECT_FALSE(ours("QUJDR"));
}

}  // namespace
}  // namespace haven::security
