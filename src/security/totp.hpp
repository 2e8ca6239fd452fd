// Time-based one-time passwords (RFC 6238, over HOTP of RFC 4226): HMAC-SHA1, 6 digits, 30-second
// steps, what every authenticator app computes by default. The secret is 20 random bytes (RFC 4226
// §4), shown to the user once as base32 and as an otpauth:// URI for a QR code. A code is accepted
// for the step before and after the current one (clock drift), and each step only once: the caller
// keeps the last step used and passes it in (security/totp.cpp, app/second_factor.cpp).
//
//   std::string secret = new_totp_secret();
//   std::string uri = otpauth_uri("Haven", "worker1", secret);            // for the QR code
//   auto step = accepted_totp_step(secret, "492039", now, last_used_step); // nullopt: refused
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.hpp"

namespace haven::security {

inline constexpr int kTotpDigits = 6;
inline constexpr std::int64_t kTotpPeriodSeconds = 30;

std::string new_totp_secret();  // 20 bytes from the CSPRNG

// RFC 4648 base32, upper case, without padding (what authenticator apps take by hand).
std::string base32_encode(std::string_view bytes);
std::optional<std::string> base32_decode(std::string_view text);  // ignores spaces and case

std::int64_t totp_step(Timestamp at);
// The code for one step, `kTotpDigits` digits with leading zeros.
std::string totp_code(std::string_view secret, std::int64_t step);
// The step whose code `code` is, among the current step and one either side, if that step is later
// than `last_used_step` (a code is accepted once). Spaces in the code are ignored; the comparison
// runs in constant time.
std::optional<std::int64_t> accepted_totp_step(std::string_view secret, std::string_view code, Timestamp now,
                                               std::int64_t last_used_step);

// otpauth://totp/ISSUER:ACCOUNT?secret=...&issuer=ISSUER&algorithm=SHA1&digits=6&period=30
std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view secret);

}  // namespace haven::security
