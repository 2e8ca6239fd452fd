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
std::string new_session_token();  // 256 bits, base64url without padding

}  // namespace haven::security
