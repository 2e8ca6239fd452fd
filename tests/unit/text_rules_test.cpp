#include <gtest/gtest.h>

#include "domain/text_rules.hpp"
#include "domain/utf8.hpp"

namespace haven::domain {
namespace {

TEST(NameRules, AcceptsRealNamesInManyScripts) {
  for (const char* name : {"Đặng Thị Hoa", "H'Hen Niê", "Jean-Luc O'Brien", "Nguyễn Văn A.", "สมชาย", "李小龙",
                           "Nạn nhân 3"}) {
    EXPECT_EQ(check_name(name), TextProblem::none) << name;
  }
}

TEST(NameRules, RefusesScriptAndStatementText) {
  for (const char* name : {"<script>alert(1)</script>", "Robert'); DROP TABLE cases;--", "a; DELETE FROM staff",
                           "x\" OR \"1\"=\"1", "name -- comment", "tab\there", "{{7*7}}"}) {
    EXPECT_EQ(check_name(name), TextProblem::forbidden_character) << name;
  }
}

TEST(NameRules, RefusesEmptyAndTooLong) {
  EXPECT_EQ(check_name("   "), TextProblem::empty);
  EXPECT_EQ(check_name(std::string(201, 'a')), TextProblem::too_long);
  // 200 Vietnamese letters are 200 code points, though more bytes.
  std::string long_vietnamese;
  for (int i = 0; i < 200; ++i) long_vietnamese += "ệ";
  EXPECT_EQ(check_name(long_vietnamese), TextProblem::none);
}

TEST(ShortTextRules, AllowsPunctuationButNotMarkupOrControls) {
  EXPECT_EQ(check_short_text("Quyết định 12/QĐ-UBND (2026); điều 5"), TextProblem::none);
  EXPECT_EQ(check_short_text("<img src=x onerror=alert(1)>"), TextProblem::forbidden_character);
  EXPECT_EQ(check_short_text("line\nbreak"), TextProblem::forbidden_character);
  EXPECT_EQ(check_short_text("right-to-left \xE2\x80\xAE override"), TextProblem::forbidden_character);
}

TEST(Utf8, DetectsInvalidSequences) {
  EXPECT_TRUE(is_valid_utf8("Đặng Thị Hoa"));
  EXPECT_TRUE(is_valid_utf8("\xEF\xBF\xBD"));  // a real U+FFFD
  EXPECT_FALSE(is_valid_utf8("\xC3"));          // truncated
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));      // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));  // a UTF-16 surrogate
  EXPECT_FALSE(is_valid_utf8("\xFF"));
}

}  // namespace
}  // namespace haven::domain
