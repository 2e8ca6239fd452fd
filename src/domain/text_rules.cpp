#include "domain/text_rules.hpp"

#include "domain/utf8.hpp"

namespace haven::domain {
namespace {

bool is_control_or_invisible(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||  // C0, DEL, C1
         (cp >= 0x200B && cp <= 0x200F) ||            // zero-width and direction marks
         (cp >= 0x202A && cp <= 0x202E) ||            // bidirectional overrides
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF || cp == 0xFFFD;
}

bool is_name_punctuation(char32_t cp) { return cp == ' ' || cp == '\'' || cp == '-' || cp == '.' || cp == 0x2019; }

bool is_ascii_alnum(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
}

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == 0x00A0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F;
}

bool is_blank(std::string_view text) {
  bool blank = true;
  for_each_code_point(text, [&blank](char32_t cp) { blank = blank && is_space(cp); });
  return blank;
}

}  // namespace

TextProblem check_name(std::string_view text, std::size_t max_code_points) {
  if (is_blank(text)) return TextProblem::empty;
  if (count_code_points(text) > max_code_points) return TextProblem::too_long;
  bool ok = true;
  for_each_code_point(text, [&ok](char32_t cp) {
    if (cp < 0x80) {
      ok = ok && (is_ascii_alnum(cp) || is_name_punctuation(cp));
    } else {
      ok = ok && !is_control_or_invisible(cp);  // letters of every script pass
    }
  });
  if (!ok) return TextProblem::forbidden_character;
  // No name has a doubled hyphen; it is the tail of most injection text, which must not reach the
  // exports and printed pages other tools read, even though Haven's own queries are parameterised.
  if (text.find("--") != std::string_view::npos) return TextProblem::forbidden_character;
  return TextProblem::none;
}

TextProblem check_short_text(std::string_view text, std::size_t max_code_points) {
  if (is_blank(text)) return TextProblem::empty;
  if (count_code_points(text) > max_code_points) return TextProblem::too_long;
  bool ok = true;
  for_each_code_point(text, [&ok](char32_t cp) { ok = ok && !is_control_or_invisible(cp) && cp != '<' && cp != '>'; });
  return ok ? TextProblem::none : TextProblem::forbidden_character;
}

}  // namespace haven::domain

namespace haven::domain {

TextProblem check_narrative(std::string_view text, std::size_t max_code_points) {
  if (count_code_points(text) > max_code_points) return TextProblem::too_long;
  bool ok = true;
  for_each_code_point(text, [&ok](char32_t cp) {
    const bool line_break = cp == '\n' || cp == '\r' || cp == '\t';
    ok = ok && (line_break || !is_control_or_invisible(cp)) && cp != '<' && cp != '>';
  });
  return ok ? TextProblem::none : TextProblem::forbidden_character;
}

}  // namespace haven::domain
