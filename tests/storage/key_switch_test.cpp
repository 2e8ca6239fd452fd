// Key rotation while serving, as the store sees it: a write seals under the key the database names,
// never simply the newest key of its own file; the switch to a new key waits for every running
// server to hold it and changes nothing when one does not; only keys older than the sealing key
// leave the file; and a server whose key file lacks the sealing key does not start.
#include <gtest/gtest.h>

#include "app/key_rotation.hpp"
#include "security/field_cipher.hpp"
#include "storage/store_fixture.hpp"

namespace haven::storage {
namespace {

class KeySwitch : public StoreFixture {
 protected:
  std::uint32_t wrapping_key_of(const std::string& case_id) {
    auto wrapped = raw().query("SELECT wrapped FROM " + table("case_keys") + " WHERE case_id = $1", {SqlValue{case_id}});
    EXPECT_TRUE(wrapped);
    EXPECT_EQ(wrapped->size(), 1U);
    return security::sealed_key_id(wrapped->front().text(kRaw.first)).value_or(0);
  }
  void server_says(const std::string& id, std::vector<std::uint32_t> held, Timestamp seen_at = kNow) {
    ASSERT_TRUE(store_->write([&](WriteTransaction& tx) {
      return tx.servers().put({id, "shelter-" + id, 100, kNow - std::chrono::hours{1}, seen_at, std::move(held)});
    }));
  }
  std::optional<std::uint32_t> sealing_key() {
    auto named = read_value<std::optional<std::uint32_t>>(*store_, [](ReadTransaction& tx) { return tx.keys().sealing(); });
    EXPECT_TRUE(named);
    return named ? *named : std::nullopt;
  }
};

TEST_P(KeySwitch, AWriteSealsUnderTheKeyTheDatabaseNamesNotTheNewestInItsFile) {
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) { return tx.keys().set_sealing(1); }));
  const auto added = keys_.add_data_key();  // read from the file by this server, not yet taken into use
  const auto before = case_file("Trước Khi Đổi", centre_.id);
  ASSERT_TRUE(insert(before));
  EXPECT_EQ(wrapping_key_of(before.id), 1U) << "another server may not hold the new key yet";

  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) { return tx.keys().set_sealing(added); }));
  const auto after = case_file("Sau Khi Đổi", centre_.id);
  ASSERT_TRUE(insert(after));
  EXPECT_EQ(wrapping_key_of(after.id), added);
  EXPECT_EQ(find(centre_.id, before.id)->person.name, "Trước Khi Đổi");
  EXPECT_EQ(find(centre_.id, after.id)->person.name, "Sau Khi Đổi");
}

TEST_P(KeySwitch, TheSwitchWaitsForEveryRunningServerAndChangesNothingWhenOneLacksTheKey) {
  const auto added = keys_.add_data_key();
  server_says("a", {1, added});
  server_says("b", {1});
  server_says("gone", {1}, kNow - app::kPresenceLife - std::chrono::seconds{1});  // stopped long ago: not waited for
  std::vector<std::string> told;
  auto refused = app::switch_sealing_key(*store_, clock_, added, std::chrono::seconds{0}, [&](const auto& waiting) {
    for (const auto& s : waiting) told.push_back(s.id);
  });
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::unavailable);
  EXPECT_NE(refused.error().log_detail.find("shelter-b"), std::string::npos) << refused.error().log_detail;
  EXPECT_EQ(told, std::vector<std::string>{"b"});
  EXPECT_EQ(sealing_key(), std::nullopt) << "nothing changes until every server holds the key";

  server_says("b", {1, added});
  ASSERT_TRUE(app::switch_sealing_key(*store_, clock_, added, std::chrono::seconds{0}, [](const auto&) {}));
  EXPECT_EQ(sealing_key(), added);
}

TEST_P(KeySwitch, OnlyKeysOlderThanTheSealingKeyAndSealingNothingAreRetired) {
  const auto f = case_file("Lò Thị Một", centre_.id);
  ASSERT_TRUE(insert(f));
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) { return tx.keys().set_sealing(1); }));
  const auto added = keys_.add_data_key();
  // A rotation that stopped before its switch: key 1 still seals, and key 2 awaits.
  auto early = app::retire_unused_data_keys(*store_, keys_);
  ASSERT_TRUE(early);
  EXPECT_TRUE(early->retired.empty());
  EXPECT_TRUE(early->still_used.empty()) << "key 1 is the sealing key, not a key to retire";
  EXPECT_NE(keys_.data_key(added), nullptr);

  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) { return tx.keys().set_sealing(added); }));
  auto before_reseal = app::retire_unused_data_keys(*store_, keys_);
  ASSERT_TRUE(before_reseal);
  ASSERT_EQ(before_reseal->still_used.size(), 1U);
  EXPECT_EQ(before_reseal->still_used.front().first, 1U);
  EXPECT_NE(keys_.data_key(1), nullptr);

  ASSERT_TRUE(app::reseal_all(*store_, [](const app::ResealProgress&) {}));
  auto retired = app::retire_unused_data_keys(*store_, keys_);
  ASSERT_TRUE(retired);
  EXPECT_EQ(retired->retired, std::vector<std::uint32_t>{1});
  EXPECT_EQ(keys_.data_key(1), nullptr);
  EXPECT_EQ(find(centre_.id, f.id)->person.name, "Lò Thị Một");
}

TEST_P(KeySwitch, AServerWhoseKeyFileLacksTheSealingKeyDoesNotStart) {
  const auto added = keys_.add_data_key();
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) { return tx.keys().set_sealing(added); }));
  EXPECT_TRUE(app::check_sealing_key_held(*store_, keys_));
  // A key file copied before the rotation holds key 1 alone.
  const auto stale = security::KeyRing::generate();
  auto refused = app::check_sealing_key_held(*store_, stale);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().log_detail.find("data key 2"), std::string::npos) << refused.error().log_detail;
}

INSTANTIATE_TEST_SUITE_P(Backends, KeySwitch, kBackends, backend_name);

}  // namespace
}  // namespace haven::storage
