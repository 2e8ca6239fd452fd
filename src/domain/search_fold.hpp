// Vietnamese-aware search folding: lower case, diacritics removed, đ/Đ to d, runs of white space
// collapsed. SQLite's and PostgreSQL's own case folding do not know đ, so Haven folds names itself
// when it stores them and when it searches.
//
//   fold_for_search("Đặng  Thị Đức") == "dang thi duc"
//   fold_for_search("NGUYỄN") == "nguyen"
#pragma once

#include <string>
#include <string_view>

namespace haven::domain {

std::string fold_for_search(std::string_view text);

}  // namespace haven::domain
