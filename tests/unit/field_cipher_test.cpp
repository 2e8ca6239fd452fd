// Sealed fields open only in their own place and under a key the key file holds; name tokens are
// the whole words and their starts of three letters or more.
#include <gtest/gtest.h>

#include <algorithm>

#include "security/blind_index.hpp"
#include "security/case_key.hpp"
#include "security/field_cipher.hpp"
#include "security/random.hpp"

namespace haven::security {
namespace {

class FieldCipherTest : public ::testing::Test {
 protected:
  void SetUp() override { initialise(); }
  KeyRing keys_ = (initialise(), KeyRing::generate());
  const FieldPlace place_{"persons", "case-1", "name"};
};

TEST_F(FieldCipherTest, ASealedValueOpensInItsPlace) {
  const auto stored = seal_field(keys_, place_, "Đặng Thị Hoa");
  EXPECT_TRUE(stored.starts_with("v1:1:"));
  EXPECT_EQ(stored.find("Hoa"), std::string::npos);
  EXPECT_NE(seal_field(keys_, place_, "Đặng Thị Hoa"), stored) << "a fresh nonce every time";
  auto opened = open_field(keys_, place_, stored);
  ASSERT_TRUE(opened);
  EXPECT_EQ(*opened, "Đặng Thị Hoa");
  EXPECT_EQ(sealed_key_id(stored), 1U);
}

TEST_F(FieldCipherTest, ACaseFieldOpensOnlyUnderItsCasesKey) {
  const KeyBytes case_key = new_case_key();
  const auto stored = seal_case_field(case_key, place_, "Đặng Thị Hoa");
  EXPECT_TRUE(stored.starts_with("c1:"));
  EXPECT_TRUE(sealed_under_case_key(stored));
  EXPECT_FALSE(sealed_key_id(stored)) << "no data key opens it";
  auto opened = open_field(keys_, place_, stored, &case_key);
  ASSERT_TRUE(opened);
  EXPECT_EQ(*opened, "Đặng Thị Hoa");
  const KeyBytes other_case = new_case_key();
  EXPECT_FALSE(open_field(keys_, place_, stored, &other_case));
  EXPECT_FALSE(open_field(keys_, {"persons", "case-2", "name"}, stored, &case_key));
  EXPECT_FALSE(open_field(keys_, place_, stored, nullptr)) << "an erased case has no key";
}

TEST_F(FieldCipherTest, ACaseKeyIsWrappedForItsOwnCaseUnderTheCurrentDataKey) {
  const KeyBytes case_key = new_case_key();
  const auto wrapped = wrap_case_key(keys_, "case-1", case_key);
  EXPECT_EQ(sealed_key_id(wrapped), keys_.current_data_key_id());
  auto unwrapped = unwrap_case_key(keys_, "case-1", wrapped);
  ASSERT_TRUE(unwrapped);
  EXPECT_EQ(*unwrapped, case_key);
  EXPECT_FALSE(unwrap_case_key(keys_, "case-2", wrapped)) << "moved to another case, it does not open";
  EXPECT_FALSE(unwrap_case_key(keys_, "case-1", seal_field(keys_, {"case_keys", "case-1", "wrapped"}, "short")));
  EXPECT_FALSE(unwrap_case_key(keys_, "case-1", "not wrapped at all"));
  // After a rotation the old wrapping still opens (its key stays in the file until retired).
  keys_.add_data_key();
  EXPECT_TRUE(unwrap_case_key(keys_, "case-1", wrapped));
}

TEST_F(FieldCipherTest, ItDoesNotOpenInAnotherRowFieldOrTable) {
  const auto stored = seal_field(keys_, place_, "Đặng Thị Hoa");
  EXPECT_FALSE(open_field(keys_, {"persons", "case-2", "name"}, stored));
  EXPECT_FALSE(open_field(keys_, {"persons", "case-1", "birth_date"}, stored));
  EXPECT_FALSE(open_field(keys_, {"receptions", "case-1", "name"}, stored));
}

TEST_F(FieldCipherTest, ItDoesNotOpenUnderAnotherKeyOrWhenAltered) {
  const auto stored = seal_field(keys_, place_, "Đặng Thị Hoa");
  EXPECT_FALSE(open_field(KeyRing::generate(), place_, stored));
  std::string altered = stored;
  altered[altered.size() - 3] = altered[altered.size() - 3] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(open_field(keys_, place_, altered));
}

TEST_F(FieldCipherTest, OlderKeysStillOpenAfterRotation) {
  const auto old = seal_field(keys_, place_, "Đặng Thị Hoa");
  EXPECT_EQ(keys_.add_data_key(), 2U);
  const auto fresh = seal_field(keys_, place_, "Đặng Thị Hoa");
  EXPECT_EQ(sealed_key_id(fresh), 2U);
  EXPECT_EQ(*open_field(keys_, place_, old), "Đặng Thị Hoa");
  EXPECT_EQ(*open_field(keys_, place_, fresh), "Đặng Thị Hoa");
}

TEST_F(FieldCipherTest, AClearValueFromBeforeEncryptionReadsAsItIs) {
  EXPECT_FALSE(sealed_key_id("Đặng Thị Hoa"));
  EXPECT_EQ(*open_field(keys_, place_, "Đặng Thị Hoa"), "Đặng Thị Hoa");
}

TEST_F(FieldCipherTest, NameTokensAreWordsAndTheirStartsOfThreeLettersOrMore) {
  const auto& key = keys_.index_key();
  const auto tokens = name_tokens(key, "nguyen thi le");
  auto has = [&](const char* word) { return std::count(tokens.begin(), tokens.end(), search_token(key, word)) == 1; };
  EXPECT_TRUE(has("nguyen"));
  EXPECT_TRUE(has("ngu"));
  EXPECT_TRUE(has("nguye"));
  EXPECT_TRUE(has("thi"));
  EXPECT_TRUE(has("le"));
  EXPECT_FALSE(has("ng"));
  EXPECT_FALSE(has("guyen"));
  EXPECT_NE(search_token(key, "le"), search_token(KeyRing::generate().index_key(), "le")) << "keyed";
  // A script that folding leaves alone is cut on whole code points ("សុខា", Khmer).
  const auto khmer = name_tokens(key, "សុខា");
  EXPECT_EQ(khmer.size(), 2U);  // the first three code points, and the word
}

TEST_F(FieldCipherTest, WholeNameTokensAreTheWordSetWithAndWithoutTheBirthYearAndNoWordsToken) {
  const auto& key = keys_.index_key();
  const auto stored = whole_name_tokens(key, "dang thi hoa", 2001);
  ASSERT_EQ(stored.size(), 2U);
  EXPECT_EQ(whole_name_tokens(key, "hoa  dang thi thi", 2001), stored) << "a set of words: order and repeats aside";
  const auto found_by = [&](const std::vector<std::string>& probe) {
    return std::any_of(probe.begin(), probe.end(),
                       [&](const std::string& t) { return std::count(stored.begin(), stored.end(), t) > 0; });
  };
  EXPECT_TRUE(found_by(alike_name_tokens(key, "thi hoa dang", 2001)));
  EXPECT_TRUE(found_by(alike_name_tokens(key, "dang thi hoa", std::nullopt)));
  EXPECT_FALSE(found_by(alike_name_tokens(key, "dang thi hoa", 2002)));
  EXPECT_FALSE(found_by(alike_name_tokens(key, "dang thi", 2001)));
  // Born in an unknown year: found whatever year is asked.
  const auto unknown = whole_name_tokens(key, "dang thi hoa", std::nullopt);
  const auto probe = alike_name_tokens(key, "dang thi hoa", 1990);
  EXPECT_TRUE(std::any_of(probe.begin(), probe.end(),
                          [&](const std::string& t) { return std::count(unknown.begin(), unknown.end(), t) > 0; }));
  // A one-word name's whole-name token is not that word's search token, so "hoa" typed in the list's
  // search box never finds cases through whole names, nor a whole name through a word.
  for (const auto& t : whole_name_tokens(key, "hoa", std::nullopt)) EXPECT_NE(t, search_token(key, "hoa"));
  EXPECT_TRUE(whole_name_tokens(key, "", 2001).empty());
}

}  // namespace
}  // namespace haven::security
