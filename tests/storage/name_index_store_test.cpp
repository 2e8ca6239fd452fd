// The name index's whole names on both backends (security/blind_index.hpp): a person registered
// again is found by the same words in any order and the birth year (or none known), within the
// centre; a corrected name or birth date is found as corrected; and a case registered before the index
// held whole names is indexed when the store is migrated, so that an upgrade misses no one.
#include <gtest/gtest.h>

#include "security/blind_index.hpp"
#include "storage/store_fixture.hpp"

namespace haven::storage {
namespace {

class NameIndexStore : public StoreFixture {
 protected:
  std::vector<std::string> alike(const std::string& name, std::optional<Date> birth_date,
                                 const std::string& centre_id) {
    auto found = read_value<std::vector<NameMatch>>(*store_, [&](ReadTransaction& tx) {
      return tx.cases().named_alike(centre_id, name, birth_date, 20);
    });
    EXPECT_TRUE(found) << (found ? "" : found.error().log_detail);
    std::vector<std::string> codes;
    if (found) {
      for (const auto& m : *found) codes.push_back(m.code);
    }
    return codes;
  }
  std::vector<std::string> alike(const std::string& name, std::optional<Date> birth_date = std::nullopt) {
    return alike(name, birth_date, centre_.id);
  }
};

TEST_P(NameIndexStore, ThePersonIsFoundByTheWholeNameInAnyOrderAndTheBirthYearNewestFirst) {
  auto first = case_file("Đặng Thị Hoa", centre_.id, kNow - std::chrono::hours{48});
  first.person.birth_date = parse_iso_date("2001-03-04");
  auto second = case_file("Hoa Đặng Thị", centre_.id, kNow);
  second.person.birth_date = std::nullopt;
  auto other_year = case_file("Đặng Thị Hoa", centre_.id);
  other_year.person.birth_date = parse_iso_date("1998-03-04");
  auto elsewhere = case_file("Đặng Thị Hoa", other_centre_.id);
  elsewhere.person.birth_date = parse_iso_date("2001-03-04");
  for (const auto* f : {&first, &second, &other_year, &elsewhere}) ASSERT_TRUE(insert(*f));

  EXPECT_EQ(alike("dang thi hoa", parse_iso_date("2001-12-31")), (std::vector<std::string>{second.code, first.code}))
      << "that year or unknown, newest reception first";
  EXPECT_EQ(alike("ĐẶNG THỊ HOA").size(), 3u) << "any year when none is given";
  EXPECT_TRUE(alike("Đặng Hoa").empty());
  EXPECT_TRUE(alike("Thị").empty()) << "a word alone is not a whole name";
  EXPECT_EQ(alike("Đặng Thị Hoa", parse_iso_date("2001-03-04"), other_centre_.id), std::vector<std::string>{elsewhere.code});
}

TEST_P(NameIndexStore, ACorrectedNameAndBirthDateAreFoundAsCorrected) {
  auto f = case_file("Đặng Thị Hao", centre_.id);
  ASSERT_TRUE(insert(f));
  auto person = f.person;
  person.name = "Đặng Thị Hoa";
  person.birth_date = parse_iso_date("2001-03-04");
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) -> Result<void> {
    HAVEN_TRY(tx.cases().update_person(centre_.id, f.id, f.version, person, kNow));
    return {};
  }));
  EXPECT_TRUE(alike("Đặng Thị Hao").empty());
  EXPECT_EQ(alike("Đặng Thị Hoa", parse_iso_date("2001-06-01")), std::vector<std::string>{f.code});
}

TEST_P(NameIndexStore, CasesRegisteredBeforeWholeNamesAreIndexedWhenTheStoreIsMigrated) {
  auto f = case_file("Đặng Thị Hoa", centre_.id);
  ASSERT_TRUE(insert(f));
  // As a case registered by an earlier version left it: its words' tokens only, and waiting to be
  // indexed (schema version 19 lists such cases).
  static constexpr OneColumn kToken{"token"};
  auto tokens = raw().query(kToken.select("FROM " + table("name_index") + " WHERE case_id = $1"), {SqlValue{f.id}});
  ASSERT_TRUE(tokens);
  ASSERT_TRUE(raw().execute("DELETE FROM " + table("name_index") + " WHERE case_id = $1", {SqlValue{f.id}}));
  const auto words = security::name_tokens(keys_.index_key(), "dang thi hoa");
  for (const auto& token : words) {
    ASSERT_TRUE(raw().execute("INSERT INTO " + table("name_index") + " (token, case_id) VALUES ($1, $2)",
                              {SqlValue{token}, SqlValue{f.id}}));
  }
  ASSERT_TRUE(raw().execute("INSERT INTO " + table("name_index_pending") + " (case_id) VALUES ($1)", {SqlValue{f.id}}));
  ASSERT_TRUE(alike("Đặng Thị Hoa").empty()) << "not yet indexed";

  auto migrated = store_->migrate();
  ASSERT_TRUE(migrated) << migrated.error().log_detail;
  EXPECT_EQ(alike("Đặng Thị Hoa"), std::vector<std::string>{f.code});
  static constexpr OneColumn kCount{"COUNT(*)"};
  auto waiting = raw().query(kCount.select("FROM " + table("name_index_pending")), {});
  ASSERT_TRUE(waiting);
  EXPECT_EQ(waiting->front().integer(kCount.value), 0);
  auto after = raw().query(kToken.select("FROM " + table("name_index") + " WHERE case_id = $1"), {SqlValue{f.id}});
  ASSERT_TRUE(after);
  EXPECT_EQ(after->size(), tokens->size()) << "the same tokens as a new registration's";
}

INSTANTIATE_TEST_SUITE_P(Backends, NameIndexStore, kBackends, backend_name);

}  // namespace
}  // namespace haven::storage
