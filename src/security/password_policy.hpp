// What a password must be (NIST SP 800-63B, as OWASP reads it): 12 to 128 characters, any
// characters, no composition rules; not a common password, a repetition or a run, and not the
// account's own name. The common passwords are shipped with Haven (common_passwords.cpp) and
// compared after folding case, so "Password1234" is as common as "password1234".
//
//   if (auto problem = password_problem(password, "worker1")) ...   // PasswordProblem::common
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace haven::security {

inline constexpr std::size_t kMinPasswordCharacters = 12;
inline constexpr std::size_t kMaxPasswordCharacters = 128;

enum class PasswordProblem { length, common, pattern, contains_username };

std::optional<PasswordProblem> password_problem(std::string_view password, std::string_view username);

bool is_common_password(std::string_view folded_password);  // lower case ASCII letters folded

// ASCII letters in lower case, everything else as it is: how a password is compared with the list,
// and how a typed username is counted by the sign-in limits.
std::string lower_ascii(std::string_view text);

}  // namespace haven::security
