// UTF-8 decoding for validation and search folding. Input from the network is checked with
// is_valid_utf8 before anything else reads it.
//
//   if (!is_valid_utf8(body)) return fail(ErrorCode::invalid_utf8);
//   for_each_code_point(name, [](char32_t cp) { ... });
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace haven::domain {

bool is_valid_utf8(std::string_view text);

// Decodes the code point at `pos` and advances `pos`; returns U+FFFD for a malformed sequence.
char32_t next_code_point(std::string_view text, std::size_t& pos);

void append_utf8(std::string& out, char32_t cp);

std::size_t count_code_points(std::string_view text);

template <class F>
void for_each_code_point(std::string_view text, F&& visit) {
  std::size_t pos = 0;
  while (pos < text.size()) visit(next_code_point(text, pos));
}

}  // namespace haven::domain
