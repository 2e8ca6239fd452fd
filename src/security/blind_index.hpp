// Names are found without being stored: each word of the diacritic-folded name, and each of its
// prefixes of three letters or more, becomes a keyed BLAKE2b token (the key file's index key). A
// search word finds a name when its token is among the name's: a whole word ("le" finds "Lê") or the
// start of one of three letters or more ("nguy" finds "Nguyễn"). Without the key, a token says
// nothing about the name.
//
//   auto tokens = name_tokens(keys.index_key(), fold_for_search("Nguyễn Thị Lan"));
//   std::string t = search_token(keys.index_key(), "nguy");
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "security/key_ring.hpp"

namespace haven::security {

inline constexpr std::size_t kShortestPrefix = 3;  // code points

std::vector<std::string> name_tokens(const KeyBytes& key, std::string_view folded_name);
std::string search_token(const KeyBytes& key, std::string_view folded_word);

}  // namespace haven::security
