#include "security/blind_index.hpp"

#include <algorithm>
#include <array>

#include <sodium.h>

#include "security/hex.hpp"

namespace haven::security {
namespace {

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::string search_token(const KeyBytes& key, std::string_view folded_word) {
  std::array<unsigned char, 16> digest{};
  crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(folded_word.data()),
                     folded_word.size(), key.data(), key.size());
  return hex_of(digest);
}

std::vector<std::string> name_tokens(const KeyBytes& key, std::string_view folded_name) {
  std::vector<std::string> tokens;
  std::size_t start = 0;
  while (start < folded_name.size()) {
    std::size_t end = folded_name.find(' ', start);
    if (end == std::string_view::npos) end = folded_name.size();
    const auto word = folded_name.substr(start, end - start);
    // Every prefix that ends on a whole code point, from the third one on, and the word itself.
    std::size_t code_points = 0;
    for (std::size_t i = 0; i < word.size(); ++i) {
      if (continuation_byte(word[i])) continue;
      if (code_points >= kShortestPrefix) tokens.push_back(search_token(key, word.substr(0, i)));
      ++code_points;
    }
    if (!word.empty()) tokens.push_back(search_token(key, word));
    start = end + 1;
  }
  std::sort(tokens.begin(), tokens.end());
  tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
  return tokens;
}

}  // namespace haven::security
