#include "domain/utf8.hpp"

namespace haven::domain {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

unsigned char byte_at(std::string_view text, std::size_t i) { return static_cast<unsigned char>(text[i]); }

bool is_continuation(unsigned char b) { return (b & 0xC0U) == 0x80U; }

}  // namespace

char32_t next_code_point(std::string_view text, std::size_t& pos) {
  const unsigned char lead = byte_at(text, pos);
  std::size_t length = 0;
  char32_t cp = 0;
  char32_t minimum = 0;
  if (lead < 0x80U) {
    ++pos;
    return lead;
  } else if ((lead & 0xE0U) == 0xC0U) {
    length = 2, cp = lead & 0x1FU, minimum = 0x80;
  } else if ((lead & 0xF0U) == 0xE0U) {
    length = 3, cp = lead & 0x0FU, minimum = 0x800;
  } else if ((lead & 0xF8U) == 0xF0U) {
    length = 4, cp = lead & 0x07U, minimum = 0x10000;
  } else {
    ++pos;
    return kReplacement;
  }
  if (pos + length > text.size()) {
    pos = text.size();
    return kReplacement;
  }
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned char b = byte_at(text, pos + i);
    if (!is_continuation(b)) {
      pos += i;
      return kReplacement;
    }
    cp = (cp << 6U) | (b & 0x3FU);
  }
  pos += length;
  // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not UTF-8.
  if (cp < minimum || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return kReplacement;
  return cp;
}

bool is_valid_utf8(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t cp = next_code_point(text, pos);
    // A genuine U+FFFD is three bytes EF BF BD; anything else that decodes to it was malformed.
    if (cp == kReplacement && text.substr(start, pos - start) != "\xEF\xBF\xBD") return false;
  }
  return true;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0U | (cp >> 6U)));
    out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0U | (cp >> 12U)));
    out.push_back(static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
  } else {
    out.push_back(static_cast<char>(0xF0U | (cp >> 18U)));
    out.push_back(static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
  }
}

std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for_each_code_point(text, [&count](char32_t) { ++count; });
  return count;
}

}  // namespace haven::domain
