// The key file wrapped under a passphrase (security/key_export.hpp): it comes back whole with the
// passphrase; a wrong passphrase, any changed byte, a file cut short or one that is not an export is
// refused; costs a crafted file names beyond libsodium's "sensitive" ones are refused before any work.
#include <gtest/gtest.h>

#include <sodium.h>

#include "security/key_export.hpp"
#include "security/random.hpp"

namespace haven::security {
namespace {

const std::string kKeyFile = "{\"data_keys\":[\"a key file's bytes\"]}\n";
const std::string kPassphrase = "một câu dài đủ để làm mật khẩu";

TEST(KeyExport, ComesBackWholeWithItsPassphrase) {
  initialise();
  const auto wrapped = wrap_key_file(kKeyFile, kPassphrase, least_stretch_cost());
  EXPECT_EQ(wrapped.find("data_keys"), std::string::npos) << "the key file is not in clear";
  auto opened = unwrap_key_file(wrapped, kPassphrase);
  ASSERT_TRUE(opened);
  EXPECT_EQ(*opened, kKeyFile);
}

TEST(KeyExport, AWrongPassphraseIsRefused) {
  initialise();
  auto opened = unwrap_key_file(wrap_key_file(kKeyFile, kPassphrase, least_stretch_cost()), kPassphrase + "!");
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().field, "passphrase");
}

TEST(KeyExport, EveryChangedByteIsRefused) {
  initialise();
  const auto wrapped = wrap_key_file(kKeyFile, kPassphrase, least_stretch_cost());
  // The header's costs are skipped here: changed, they name other work (and are checked apart).
  for (std::size_t i = 0; i < wrapped.size(); ++i) {
    if (i >= 35 && i < 51) continue;
    auto changed = wrapped;
    changed[i] = static_cast<char>(changed[i] ^ 0x01);
    EXPECT_FALSE(unwrap_key_file(changed, kPassphrase)) << "byte " << i;
  }
}

TEST(KeyExport, AFileCutShortOrNotAnExportIsNamedSo) {
  initialise();
  const auto wrapped = wrap_key_file(kKeyFile, kPassphrase, least_stretch_cost());
  auto cut = unwrap_key_file(wrapped.substr(0, 60), kPassphrase);
  ASSERT_FALSE(cut);
  EXPECT_EQ(cut.error().field, "file");
  auto other = unwrap_key_file(kKeyFile, kPassphrase);
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().field, "file");
}

TEST(KeyExport, CostsBeyondTheSensitiveOnesAreRefusedBeforeAnyWork) {
  initialise();
  auto wrapped = wrap_key_file(kKeyFile, kPassphrase, least_stretch_cost());
  // The memory cost, 8 bytes little-endian after the magic (19), the salt (16) and the passes (8).
  for (std::size_t i = 43; i < 51; ++i) wrapped[i] = static_cast<char>(0xff);
  auto refused = unwrap_key_file(wrapped, kPassphrase);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "file");
}

}  // namespace
}  // namespace haven::security
