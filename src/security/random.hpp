// Unpredictable identifiers and secrets from libsodium's CSPRNG. Call sodium_init() once at start
// (security::initialise) before any of these.
//
//   std::string id = new_record_id();          // 26 characters, 128 random bits
//   std::string code = new_case_code();        // "HV-7K3M-Q9PX"
//   std::string password = new_password();     // for a generated demo or reset password
#pragma once

#include <string>
#include <string_view>

namespace haven::security {

void initialise();  // throws std::runtime_error if libsodium cannot start

std::string new_record_id();
bool is_record_id(std::string_view text);  // the shape new_record_id makes; anything else names no record
std::string new_case_code();
std::string new_password(std::size_t length = 20);
// A one-time code that lets the owner of a new account set its password: 75 random bits as three
// groups of five Crockford base-32 characters ("K7M3Q-9PXRT-4HN2W"), read aloud or typed.
std::string new_activation_code();
// The code as typed, made comparable: upper case, without spaces or hyphens, O read as 0 and I, L as 1.
std::string normalise_activation_code(std::string_view typed);
std::string new_session_token();  // 256 bits, base64url without padding

}  // namespace haven::security
