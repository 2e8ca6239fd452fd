// Session tokens are random; the database keeps only their BLAKE2b hash, so a copy of the database
// does not let anyone sign in as a member of staff.
//
//   std::string token = new_session_token();          // goes into the cookie, nowhere else
//   std::string key = session_token_digest(token);    // goes into the sessions table
#pragma once

#include <string>
#include <string_view>

namespace haven::security {

std::string session_token_digest(std::string_view token);  // hex of BLAKE2b-256

}  // namespace haven::security
