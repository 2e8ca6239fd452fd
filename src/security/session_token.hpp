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

// The anti-forgery token of a session: derived from its secret token (keyed BLAKE2b), so that the
// server keeps nothing more and only a page that was told it (by the sign-in or GET /session
// answer) can send it back in X-CSRF-Token; another site's form or script cannot read it.
std::string csrf_token_for(std::string_view session_token);
bool csrf_token_matches(std::string_view session_token, std::string_view presented);  // constant time

}  // namespace haven::security
