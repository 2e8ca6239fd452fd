// Names are found without being stored: each word of the diacritic-folded name, and each of its
// prefixes of three letters or more, becomes a keyed BLAKE2b token (the key file's index key). A
// search word finds a name when its token is among the name's: a whole word ("le" finds "Lê") or the
// start of one of three letters or more ("nguy" finds "Nguyễn"). Without the key, a token says
// nothing about the name.
//
//   auto tokens = name_tokens(keys.index_key(), fold_for_search("Nguyễn Thị Lan"));
//   std::string t = search_token(keys.index_key(), "nguy");
//
// A person registered twice is found by the whole name: the set of its folded words, whatever their
// order, alone and with the birth year ("?" when not known), each a token of its own that no word's
// token equals. Registration looks for a new person's by alike_name_tokens() (app/duplicates.hpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "security/key_ring.hpp"

namespace haven::security {

inline constexpr std::size_t kShortestPrefix = 3;  // code points

std::vector<std::string> name_tokens(const KeyBytes& key, std::string_view folded_name);
std::string search_token(const KeyBytes& key, std::string_view folded_word);

// What a case's name index holds besides its words' tokens: the whole name, and the whole name with
// the birth year (or with "?"). None for an empty name.
std::vector<std::string> whole_name_tokens(const KeyBytes& key, std::string_view folded_name,
                                           std::optional<int> birth_year);
// What a new registration looks for: with a birth year, the same name born that year or of unknown
// birth; without one, the same name whatever the year.
std::vector<std::string> alike_name_tokens(const KeyBytes& key, std::string_view folded_name,
                                           std::optional<int> birth_year);

}  // namespace haven::security
