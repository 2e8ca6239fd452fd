// The password rules: length in characters (not bytes), no composition rules, and no common
// password, repetition, run or username.
#include <gtest/gtest.h>

#include "security/password_policy.hpp"

namespace haven::security {
namespace {

TEST(PasswordPolicy, LengthIsCountedInCharactersFrom12To128) {
  EXPECT_EQ(password_problem("short phrase", "worker1"), std::nullopt);  // 12
  EXPECT_EQ(password_problem("shortphrase", "worker1"), PasswordProblem::length);
  EXPECT_EQ(password_problem("mưa rơi bên", "worker1"), PasswordProblem::length) << "11 characters, 16 bytes";
  EXPECT_EQ(password_problem("mưa rơi bên hồ", "worker1"), std::nullopt);
  EXPECT_EQ(password_problem(std::string(129, 'x') + "y", "worker1"), PasswordProblem::length);
  EXPECT_EQ(password_problem("\xff\xfe not utf-8 at all", "worker1"), PasswordProblem::length);
}

TEST(PasswordPolicy, NoCompositionRules) {
  EXPECT_EQ(password_problem("all lower case words here", "worker1"), std::nullopt);
  EXPECT_EQ(password_problem("con mèo trèo cây cau", "worker1"), std::nullopt);
}

TEST(PasswordPolicy, CommonPasswordsAreRefusedWhateverTheirCase) {
  EXPECT_EQ(password_problem("password1234", "worker1"), PasswordProblem::common);
  EXPECT_EQ(password_problem("Password1234", "worker1"), PasswordProblem::common);
  EXPECT_EQ(password_problem("MatKhau123456", "worker1"), PasswordProblem::common);
  EXPECT_EQ(password_problem("1q2w3e4r5t6y", "worker1"), PasswordProblem::common);
}

TEST(PasswordPolicy, RepetitionsAndRunsAreRefused) {
  EXPECT_EQ(password_problem("111111111111", "worker1"), PasswordProblem::pattern);
  EXPECT_EQ(password_problem("abcabcabcabc", "worker1"), PasswordProblem::pattern);
  EXPECT_EQ(password_problem("1234567890123", "worker1"), PasswordProblem::pattern);
  EXPECT_EQ(password_problem("zyxwvutsrqpo", "worker1"), PasswordProblem::pattern);
}

TEST(PasswordPolicy, TheUsernameIsNotAPassword) {
  EXPECT_EQ(password_problem("nguyenthilan!2026", "NguyenThiLan"), PasswordProblem::contains_username);
}

}  // namespace
}  // namespace haven::security
