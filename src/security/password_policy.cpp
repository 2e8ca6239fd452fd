#include "security/password_policy.hpp"

#include <string>

#include "domain/utf8.hpp"

namespace haven::security {
namespace {


// "aaaaaaaaaaaa", "abcabcabcabc", "123412341234": one short unit over and over.
bool is_repetition(std::string_view p) {
  for (std::size_t unit = 1; unit <= 4 && unit < p.size(); ++unit) {
    bool repeats = true;
    for (std::size_t i = unit; i < p.size() && repeats; ++i) repeats = p[i] == p[i - unit];
    if (repeats) return true;
  }
  return false;
}

// "123456789012", "abcdefghijkl", "987654321098": each character one after (or before) the last.
bool is_run(std::string_view p) {
  auto run = [&](int step) {
    for (std::size_t i = 1; i < p.size(); ++i) {
      const int d = static_cast<unsigned char>(p[i]) - static_cast<unsigned char>(p[i - 1]);
      const bool digit_wrap = p[i - 1] == (step > 0 ? '9' : '0') && p[i] == (step > 0 ? '0' : '9');
      if (d != step && !digit_wrap) return false;
    }
    return true;
  };
  return run(1) || run(-1);
}

}  // namespace

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::optional<PasswordProblem> password_problem(std::string_view password, std::string_view username) {
  if (!domain::is_valid_utf8(password)) return PasswordProblem::length;
  const auto characters = domain::count_code_points(password);
  if (characters < kMinPasswordCharacters || characters > kMaxPasswordCharacters) return PasswordProblem::length;
  const std::string folded = lower_ascii(password);
  if (is_common_password(folded)) return PasswordProblem::common;
  if (is_repetition(folded) || is_run(folded)) return PasswordProblem::pattern;
  if (username.size() >= 3 && folded.find(lower_ascii(username)) != std::string::npos) {
    return PasswordProblem::contains_username;
  }
  return std::nullopt;
}

}  // namespace haven::security
