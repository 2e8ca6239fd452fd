// The query string of a GET, read strictly: a bad value answers 400 naming the parameter.
//
//   auto limit = integer_parameter(param.value, "limit", 1, 200);   // validation_failed, field "limit"
#pragma once

#include <charconv>
#include <string>
#include <string_view>

#include "common/error.hpp"

namespace haven::http {

inline tl::unexpected<Error> bad_query(std::string field) {
  return fail(ErrorCode::validation_failed, std::move(field), "validation.query_parameter");
}

inline Result<int> integer_parameter(std::string_view text, std::string_view name, int minimum, int maximum) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < minimum || value > maximum) {
    return bad_query(std::string(name));
  }
  return value;
}

}  // namespace haven::http
