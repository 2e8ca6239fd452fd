// Reading and writing the session cookie.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace haven::http {

// Behind TLS the cookie takes the __Host- prefix: the browser then keeps it only if it is Secure, for
// this host alone (no Domain) and for every path, so a sibling subdomain cannot plant or shadow it.
inline std::string_view session_cookie_name(bool secure) { return secure ? "__Host-haven_session" : "haven_session"; }

// The value of cookie `name` from the request's Cookie header(s); empty if absent.
std::string cookie_value(const Request& request, std::string_view name);

// HttpOnly and SameSite=Strict always; Secure when served over TLS.
std::string session_cookie(std::string_view name, std::string_view value, std::chrono::seconds max_age, bool secure);
std::string expired_cookie(std::string_view name, bool secure);

}  // namespace haven::http
