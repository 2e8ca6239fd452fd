// TOTP (RFC 6238) and its base32 secrets (RFC 4648), against the RFCs' own test vectors.
#include <gtest/gtest.h>

#include "security/random.hpp"
#include "security/totp.hpp"

namespace haven::security {
namespace {

const std::string kRfcSecret = "12345678901234567890";  // RFC 4226 appendix D and RFC 6238 appendix B (SHA1)

Timestamp at(std::int64_t seconds) { return Timestamp{std::chrono::seconds{seconds}}; }

TEST(Totp, MatchesTheHotpVectorsOfRfc4226) {
  const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                            "254676", "287922", "162583", "399871", "520489"};
  for (std::int64_t counter = 0; counter < 10; ++counter) {
    EXPECT_EQ(totp_code(kRfcSecret, counter), expected[counter]) << counter;
  }
}

TEST(Totp, MatchesTheSha1VectorsOfRfc6238InSixDigits) {
  const struct {
    std::int64_t time;
    const char* code;  // the RFC's 8-digit value, last 6 digits
  } vectors[] = {{59, "287082"},         {1111111109, "081804"}, {1111111111, "050471"},
                 {1234567890, "005924"}, {2000000000, "279037"}, {20000000000, "353130"}};
  for (const auto& v : vectors) EXPECT_EQ(totp_code(kRfcSecret, totp_step(at(v.time))), v.code) << v.time;
}

TEST(Totp, AcceptsTheStepsEitherSideOnceEachAndNothingElse) {
  const Timestamp now = at(1234567890);
  const std::int64_t step = totp_step(now);
  EXPECT_EQ(accepted_totp_step(kRfcSecret, totp_code(kRfcSecret, step), now, 0), step);
  EXPECT_EQ(accepted_totp_step(kRfcSecret, totp_code(kRfcSecret, step - 1), now, 0), step - 1);  // a slow phone
  EXPECT_EQ(accepted_totp_step(kRfcSecret, totp_code(kRfcSecret, step + 1), now, 0), step + 1);  // a fast one
  EXPECT_EQ(accepted_totp_step(kRfcSecret, totp_code(kRfcSecret, step - 2), now, 0), std::nullopt);
  EXPECT_EQ(accepted_totp_step(kRfcSecret, totp_code(kRfcSecret, step + 2), now, 0), std::nullopt);
  // A code is accepted once: not again, and no earlier one after it.
  EXPECT_EQ(accepted_totp_step(kRfcSecret, totp_code(kRfcSecret, step), now, step), std::nullopt);
  EXPECT_EQ(accepted_totp_step(kRfcSecret, totp_code(kRfcSecret, step - 1), now, step), std::nullopt);
  EXPECT_EQ(accepted_totp_step(kRfcSecret, totp_code(kRfcSecret, step + 1), now, step), step + 1);
}

TEST(Totp, ReadsACodeTypedWithSpacesAndRefusesAnythingElse) {
  const Timestamp now = at(59);
  EXPECT_EQ(accepted_totp_step(kRfcSecret, "287 082", now, 0), 1);
  for (const char* bad : {"", "28708", "2870822", "28708x", "-87082", "287082\n", "２８７０８２"}) {
    EXPECT_EQ(accepted_totp_step(kRfcSecret, bad, now, 0), std::nullopt) << bad;
  }
}

TEST(Totp, Base32FollowsRfc4648WithoutPadding) {
  const struct {
    const char* bytes;
    const char* text;
  } vectors[] = {{"", ""},           {"f", "MY"},           {"fo", "MZXQ"},          {"foo", "MZXW6"},
                 {"foob", "MZXW6YQ"}, {"fooba", "MZXW6YTB"}, {"foobar", "MZXW6YTBOI"}};
  for (const auto& v : vectors) {
    EXPECT_EQ(base32_encode(v.bytes), v.text);
    EXPECT_EQ(base32_decode(v.text), v.bytes);
  }
  EXPECT_EQ(base32_decode("mzxw 6ytb oi======"), "foobar");  // as a person may type it
  EXPECT_EQ(base32_decode("MZXW1"), std::nullopt);           // 1 is not in the alphabet
}

TEST(Totp, ANewSecretIs160RandomBitsAndTheUriNamesIt) {
  initialise();
  const std::string a = new_totp_secret();
  EXPECT_EQ(a.size(), 20u);
  EXPECT_NE(a, new_totp_secret());
  EXPECT_EQ(otpauth_uri("Haven", "lan nguyen", kRfcSecret),
            "otpauth://totp/Haven:lan%20nguyen?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Haven&algorithm=SHA1&digits=6"
            "&period=30");
}

}  // namespace
}  // namespace haven::security
