#include "security/blind_index.hpp"

#include <algorithm>
#include <array>

#include <sodium.h>

#include "security/hex.hpp"

namespace haven::security {
namespace {

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The name's words, sorted and without repeats, one space apart: "thi hoa dang" and "dang thi hoa"
// are one person's name written in two orders.
std::string word_set(std::string_view folded_name) {
  std::vector<std::string_view> words;
  for (std::size_t start = 0; start < folded_name.size();) {
    std::size_t end = folded_name.find(' ', start);
    if (end == std::string_view::npos) end = folded_name.size();
    if (end > start) words.push_back(folded_name.substr(start, end - start));
    start = end + 1;
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::string out;
  for (const auto word : words) out.append(out.empty() ? "" : " ").append(word);
  return out;
}

// The unit separator (0x1F) is in no folded name (text rules refuse control characters), so these
// tokens never equal a word's.
std::string whole_name(std::string_view words) { return "\x1fname\x1f" + std::string(words); }
std::string whole_name_born(std::string_view words, std::optional<int> year) {
  return "\x1fname+year\x1f" + (year ? std::to_string(*year) : std::string("?")) + "\x1f" + std::string(words);
}

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

std::vector<std::string> whole_name_tokens(const KeyBytes& key, std::string_view folded_name,
                                           std::optional<int> birth_year) {
  const std::string words = word_set(folded_name);
  if (words.empty()) return {};
  return {search_token(key, whole_name(words)), search_token(key, whole_name_born(words, birth_year))};
}

std::vector<std::string> alike_name_tokens(const KeyBytes& key, std::string_view folded_name,
                                           std::optional<int> birth_year) {
  const std::string words = word_set(folded_name);
  if (words.empty()) return {};
  if (!birth_year) return {search_token(key, whole_name(words))};
  return {search_token(key, whole_name_born(words, birth_year)), search_token(key, whole_name_born(words, std::nullopt))};
}

}  // namespace haven::security
