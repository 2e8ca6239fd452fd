// Consent is given per category (I.3.b), so what leaves is decided field by field. For every field of
// every record type and every set of one consented category: the field leaves exactly when each of
// its categories is consented, and a field that does not leave is emptied in the copy as well as
// named, so no encoder can let it slip out.
#include <gtest/gtest.h>

#include <algorithm>
#include <concepts>
#include <set>
#include <string>
#include <type_traits>

#include "domain/information_categories.hpp"

namespace haven::domain {
namespace {

// std::vector's == is declared for any element, so ask the element (a plan's actions have none).
template <class M>
constexpr bool kComparable = std::equality_comparable<M>;
template <class Item>
constexpr bool kComparable<std::vector<Item>> = std::equality_comparable<Item>;

template <class T>
CaseRecord marked_record() {
  CaseRecord r;
  r.id = "r1";
  T body{};
  for_each_field<T>([&](const auto& field) {
    using Member = std::decay_t<decltype(body.*field.member)>;
    if constexpr (std::is_same_v<Member, std::string>) body.*field.member = "marker:" + std::string(field.name);
    if constexpr (std::is_same_v<Member, std::vector<std::string>>) body.*field.member = {"marker"};
    if constexpr (std::is_same_v<Member, bool>) body.*field.member = true;
  });
  r.body = std::move(body);
  return r;
}

template <class T>
void check_type(int& fields_checked) {
  const auto record = marked_record<T>();
  const std::string_view type = describe(Type<T>{}).name;
  for (const auto& [category, name] : kInformationCategoryNames.entries) {
    const InformationCategory consented[] = {category};
    const auto part = disclosed_part(record, consented);
    bool any_leaves = false;
    for_each_field<T>([&](const auto& field) {
      ++fields_checked;
      const auto needs = field_categories(type, field.name);
      const bool leaves = !needs.empty() && std::all_of(needs.begin(), needs.end(), [&](auto c) { return c == category; });
      any_leaves = any_leaves || leaves;
      if (!part) {
        EXPECT_FALSE(leaves) << type << "." << field.name << " under " << name;
        return;
      }
      const bool withheld =
          std::find(part->withheld.begin(), part->withheld.end(), field.name) != part->withheld.end();
      EXPECT_EQ(withheld, !leaves) << type << "." << field.name << " under " << name;
      using Member = std::decay_t<decltype(part->record.template as<T>().*field.member)>;
      if constexpr (kComparable<Member>) {
        if (withheld) {
          EXPECT_TRUE(part->record.template as<T>().*field.member == Member{}) << type << "." << field.name << " emptied";
        } else {
          EXPECT_TRUE(part->record.template as<T>().*field.member == record.template as<T>().*field.member);
        }
      }
    });
    EXPECT_EQ(part.has_value(), any_leaves) << type << " under " << name;
  }
}

template <class Variant>
struct EveryType;
template <class... T>
struct EveryType<std::variant<T...>> {
  static int check() {
    int fields = 0;
    (check_type<T>(fields), ...);
    return fields;
  }
};

TEST(FieldCategories, EachFieldLeavesExactlyWhenAllItsCategoriesAreConsented) {
  const int checked = EveryType<RecordBody>::check();
  EXPECT_GT(checked, 7 * 100) << "every field of every type, under each category";
}

TEST(FieldCategories, TheIntakeSplitsPhysicalFromMentalCondition) {
  EXPECT_EQ(field_categories("intake_assessment", "physical"), std::vector{InformationCategory::health});
  EXPECT_EQ(field_categories("intake_assessment", "mental"), std::vector{InformationCategory::psychological});
  EXPECT_EQ(field_categories("intake_assessment", "psychological"), std::vector{InformationCategory::psychological});
  EXPECT_TRUE(field_categories("consent", "recipient").empty()) << "the centre's own records never leave";
  EXPECT_TRUE(field_categories("intake_assessment", "no_such_field").empty());
}

// An override that names a type or field the tables do not have would silently protect nothing.
TEST(FieldCategories, EveryOverrideNamesARealField) {
  for (const auto& o : field_category_overrides()) {
    const auto index = RecordTypes<RecordBody>::index_of(o.type);
    ASSERT_TRUE(index) << o.type;
    EXPECT_TRUE(RecordTypes<RecordBody>::categories[*index]) << o.type << " never leaves: an override is moot";
    bool found = false;
    [&]<std::size_t... I>(std::index_sequence<I...>) {
      ((I == *index ? (void)for_each_field<std::variant_alternative_t<I, RecordBody>>(
                          [&](const auto& field) { found = found || field.name == o.field; })
                    : void()),
       ...);
    }(std::make_index_sequence<std::variant_size_v<RecordBody>>{});
    EXPECT_TRUE(found) << o.type << "." << o.field;
    EXPECT_FALSE(o.categories.empty());
  }
}

}  // namespace
}  // namespace haven::domain
