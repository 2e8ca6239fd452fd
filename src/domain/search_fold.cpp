#include "domain/search_fold.hpp"

#include <unordered_map>

#include "domain/utf8.hpp"

namespace haven::domain {
namespace {

// Each row: the ASCII base letter, then every precomposed letter (both cases) that folds to it.
// Vietnamese letters first, then the Latin-1 and Latin Extended-A letters seen in foreign names.
struct FoldRow {
  char base;
  std::string_view letters;
};

constexpr FoldRow kFoldRows[] = {
    {'a', "àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬäåāąÄÅĀĄ"},
    {'d', "đĐďĎ"},
    {'e', "èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆëēęěËĒĘĚ"},
    {'i', "ìíỉĩịÌÍỈĨỊîïīÎÏĪ"},
    {'o', "òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢöøōÖØŌ"},
    {'u', "ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰûüūůÛÜŪŮ"},
    {'y', "ỳýỷỹỵỲÝỶỸỴÿŸ"},
    {'c', "çćčÇĆČ"},
    {'n', "ñńňÑŃŇ"},
    {'s', "śšŠŚ"},
    {'z', "źżžŹŻŽ"},
    {'r', "řŘ"},
    {'l', "łŁ"},
    {'t', "ťŤ"},
    {'g', "ğĞ"},
};

const std::unordered_map<char32_t, char>& fold_table() {
  static const std::unordered_map<char32_t, char> table = [] {
    std::unordered_map<char32_t, char> built;
    for (const auto& row : kFoldRows) {
      for_each_code_point(row.letters, [&](char32_t cp) { built.emplace(cp, row.base); });
    }
    return built;
  }();
  return table;
}

bool is_combining_mark(char32_t cp) { return cp >= 0x0300 && cp <= 0x036F; }

bool is_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x00A0; }

}  // namespace

std::string fold_for_search(std::string_view text) {
  const auto& table = fold_table();
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for_each_code_point(text, [&](char32_t cp) {
    if (is_combining_mark(cp)) return;  // decomposed input (NFD): drop the accent, keep the letter
    if (is_space(cp)) {
      pending_space = !out.empty();
      return;
    }
    if (pending_space) {
      out.push_back(' ');
      pending_space = false;
    }
    if (cp < 0x80) {
      const char c = static_cast<char>(cp);
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    } else if (const auto it = table.find(cp); it != table.end()) {
      out.push_back(it->second);
    } else {
      append_utf8(out, cp);
    }
  });
  return out;
}

}  // namespace haven::domain
