#include "http/cookies.hpp"

namespace haven::http {

std::string cookie_value(const Request& request, std::string_view name) {
  const auto [first, last] = request.equal_range(beast_http::field::cookie);
  for (auto field = first; field != last; ++field) {
    std::string_view header = field->value();
    while (!header.empty()) {
      const auto end = header.find(';');
      std::string_view pair = header.substr(0, end);
      header = end == std::string_view::npos ? std::string_view{} : header.substr(end + 1);
      while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
      const auto equals = pair.find('=');
      if (equals != std::string_view::npos && pair.substr(0, equals) == name) {
        return std::string(pair.substr(equals + 1));
      }
    }
  }
  return {};
}

std::string session_cookie(std::string_view name, std::string_view value, std::chrono::seconds max_age, bool secure) {
  std::string cookie = std::string(name) + "=" + std::string(value) +
                       "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age.count());
  if (secure) cookie += "; Secure";
  return cookie;
}

std::string expired_cookie(std::string_view name, bool secure) {
  return session_cookie(name, "", std::chrono::seconds{0}, secure);
}

}  // namespace haven::http
