#include <gtest/gtest.h>

#include <algorithm>

#include "common/error.hpp"
#include "i18n/messages.hpp"

namespace haven::i18n {
namespace {

TEST(Messages, CatalogIsSortedForLookup) {
  const auto keys = all_message_keys();
  EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
  EXPECT_EQ(std::adjacent_find(keys.begin(), keys.end()), keys.end());
}

TEST(Messages, EveryErrorCodeHasAMessageInBothLanguages) {
  for (int c = 0; c <= static_cast<int>(ErrorCode::internal); ++c) {
    const auto key = default_message_key(static_cast<ErrorCode>(c));
    EXPECT_TRUE(has_message(key)) << key;
    EXPECT_NE(render_message(Language::vi, key), render_message(Language::en, key)) << key;
  }
}

TEST(Messages, FillsPlaceholders) {
  EXPECT_EQ(render_message(Language::en, "validation.too_long", {{"field", "person.name"}, {"max", "200"}}),
            "\"person.name\" is too long (at most 200 characters).");
  EXPECT_EQ(render_message(Language::vi, "validation.required", {{"field", "reception.legal_basis"}}),
            "Trường «reception.legal_basis» là bắt buộc.");
}

TEST(Messages, ArgumentsThatAreKeysOrListsOfKeysAreRenderedInTheReadersLanguage) {
  // A refusal names the categories a consent lacks; the reader reads them in their language.
  const std::vector<MessageArg> args{{"categories", "category.health, category.psychological"},
                                     {"stage", "stage.in_care"},
                                     {"name", "Hội Phụ nữ, xã An Phú"}};
  const auto en = localize_args(Language::en, args);
  EXPECT_EQ(en.at(0).value, "Health, Psychological");
  EXPECT_EQ(en.at(1).value, "In care");
  EXPECT_EQ(en.at(2).value, "Hội Phụ nữ, xã An Phú");  // not keys: left as they are
  EXPECT_EQ(localize_args(Language::vi, args).at(0).value, "Sức khỏe, Tâm lý");
}

TEST(Messages, NegotiatesVietnameseByDefault) {
  EXPECT_EQ(negotiate_language(""), Language::vi);
  EXPECT_EQ(negotiate_language("vi-VN,vi;q=0.9,en;q=0.8"), Language::vi);
  EXPECT_EQ(negotiate_language("en-GB,en;q=0.9"), Language::en);
  EXPECT_EQ(negotiate_language("fr-FR,en;q=0.5,vi;q=0.4"), Language::en);
  EXPECT_EQ(negotiate_language("fr-FR"), Language::vi);
}

}  // namespace
}  // namespace haven::i18n
