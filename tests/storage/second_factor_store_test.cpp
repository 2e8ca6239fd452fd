// Second factors on both backends: the TOTP secret is sealed (never in the database's bytes, and not
// movable to another account), each step is used once even by racing sign-ins, and key rotation
// seals it again.
#include <gtest/gtest.h>

#include "app/key_rotation.hpp"
#include "security/field_cipher.hpp"
#include "storage/store_fixture.hpp"

namespace haven::storage {
namespace {

const std::string kSecret = "Zq7!secret-of-20-byt";  // 20 bytes, easy to look for

class SecondFactorStore : public StoreFixture {
 protected:
  std::optional<SecondFactor> find(const std::string& staff_id) {
    auto found = read_value<std::optional<SecondFactor>>(*store_, [&](ReadTransaction& tx) { return tx.second_factors().find(staff_id); });
    EXPECT_TRUE(found) << (found ? "" : found.error().log_detail);
    return found ? *found : std::nullopt;
  }
  Result<bool> use(std::int64_t step) {
    std::optional<bool> used;
    auto done = store_->write([&](WriteTransaction& tx) -> Result<void> {
      auto r = tx.second_factors().use_step(staff_.id, step);
      if (!r) return tl::unexpected(r.error());
      used = *r;
      return {};
    });
    if (!done) return tl::unexpected(done.error());
    return *used;
  }
};

TEST_P(SecondFactorStore, KeepsTheSecretSealedAndReadsItBack) {
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) { return tx.second_factors().put({staff_.id, kSecret, false, 0, kNow}); }));
  auto found = find(staff_.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->secret, kSecret);
  EXPECT_FALSE(found->enabled);
  auto stored = raw().query("SELECT secret FROM " + table("second_factors"), {});
  ASSERT_TRUE(stored);
  ASSERT_EQ(stored->size(), 1u);
  EXPECT_EQ(stored->front().text(kRaw.first).find("Zq7"), std::string::npos);
  EXPECT_TRUE(security::sealed_key_id(stored->front().text(kRaw.first)).has_value());
  EXPECT_FALSE(find("nobody00000000000000000000"));

  // Copied onto another account's row by someone with the database and not the key: it does not open.
  const auto other = staff_member(centre_.id, "worker2");
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) -> Result<void> {
    if (auto r = tx.staff().insert(other); !r) return r;
    return tx.second_factors().put({other.id, "another secret 20 by", true, 0, kNow});
  }));
  ASSERT_TRUE(raw().execute("UPDATE " + table("second_factors") + " SET secret = (SELECT secret FROM " +
                                table("second_factors") + " WHERE staff_id = $1) WHERE staff_id = $2",
                            {SqlValue{staff_.id}, SqlValue{other.id}}));
  auto moved = read_value<std::optional<SecondFactor>>(*store_, [&](ReadTransaction& tx) { return tx.second_factors().find(other.id); });
  EXPECT_FALSE(moved);
}

TEST_P(SecondFactorStore, AStepIsUsedOnceAndOnlyWhenEnabled) {
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) { return tx.second_factors().put({staff_.id, kSecret, false, 0, kNow}); }));
  EXPECT_EQ(use(100), false) << "not confirmed yet";
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) { return tx.second_factors().put({staff_.id, kSecret, true, 100, kNow}); }));
  EXPECT_EQ(use(100), false) << "the step that confirmed it";
  EXPECT_EQ(use(99), false) << "an earlier step";
  EXPECT_EQ(use(101), true);
  EXPECT_EQ(use(101), false) << "the same step twice";
  EXPECT_EQ(find(staff_.id)->last_used_step, 101);

  bool deleted = false;
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) -> Result<void> {
    auto r = tx.second_factors().remove(staff_.id);
    if (!r) return tl::unexpected(r.error());
    deleted = *r;
    return {};
  }));
  EXPECT_TRUE(deleted);
  EXPECT_FALSE(find(staff_.id));
}

TEST_P(SecondFactorStore, TheSessionThatSetItUpIsFreedAndTheOthersWaitingForItEnd) {
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) -> Result<void> {
    for (const char* digest : {"digest-mine", "digest-thief"}) {
      if (auto r = tx.sessions().insert({digest, staff_.id, kNow, kNow, kNow + std::chrono::hours{12}, true}); !r) return r;
    }
    return {};
  }));
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) { return tx.sessions().settle_second_factor(staff_.id, "digest-mine"); }));
  auto mine = read_value<std::optional<SessionRecord>>(*store_, [](ReadTransaction& tx) { return tx.sessions().find("digest-mine"); });
  ASSERT_TRUE(mine && *mine);
  EXPECT_FALSE((*mine)->needs_second_factor);
  auto thief = read_value<std::optional<SessionRecord>>(*store_, [](ReadTransaction& tx) { return tx.sessions().find("digest-thief"); });
  ASSERT_TRUE(thief);
  EXPECT_FALSE(*thief) << "a session waiting for the factor, not the one that set it up, ends";
}

TEST_P(SecondFactorStore, KeyRotationSealsTheSecretAgain) {
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) { return tx.second_factors().put({staff_.id, kSecret, true, 5, kNow}); }));
  const auto new_key = keys_.add_data_key();
  auto done = app::reseal_all(*store_, [](const app::ResealProgress&) {});
  ASSERT_TRUE(done) << done.error().log_detail;
  EXPECT_EQ(done->resealed, 1);
  auto stored = raw().query("SELECT secret FROM " + table("second_factors"), {});
  EXPECT_EQ(security::sealed_key_id(stored->front().text(kRaw.first)), new_key);
  EXPECT_EQ(find(staff_.id)->secret, kSecret);
}

INSTANTIATE_TEST_SUITE_P(Backends, SecondFactorStore, kBackends, backend_name);

}  // namespace
}  // namespace haven::storage
