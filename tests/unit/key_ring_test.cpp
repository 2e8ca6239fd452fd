// The key file: what haven init writes is what every command reads back; a file others may read,
// or one that lost a key, is refused with a reason instead of running with a wrong key.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "security/audit_chain.hpp"
#include "security/key_ring.hpp"
#include "security/random.hpp"
#include "support/temp_dir.hpp"

namespace haven::security {
namespace {

class KeyRingTest : public ::testing::Test {
 protected:
  void SetUp() override { initialise(); }
  testing::TempDir dir_;
  std::filesystem::path file_ = dir_.path() / "haven.key";
};

TEST_F(KeyRingTest, WhatIsSavedLoadsBackWithOwnerOnlyPermissions) {
  auto ring = KeyRing::generate();
  const auto second = ring.add_data_key();
  ASSERT_TRUE(ring.save(file_));
  EXPECT_EQ(std::filesystem::status(file_).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  auto loaded = KeyRing::load(file_);
  ASSERT_TRUE(loaded) << loaded.error().log_detail;
  EXPECT_EQ(loaded->audit_key(), ring.audit_key());
  EXPECT_EQ(loaded->index_key(), ring.index_key());
  EXPECT_EQ(loaded->current_data_key_id(), second);
  ASSERT_NE(loaded->data_key(1), nullptr);
  EXPECT_EQ(*loaded->data_key(1), *ring.data_key(1));
  EXPECT_EQ(loaded->data_key(99), nullptr);
}

TEST_F(KeyRingTest, AnOlderKeyIsRetiredAndLeavesTheFileTheCurrentOneNever) {
  auto ring = KeyRing::generate();
  const auto second = ring.add_data_key();
  EXPECT_FALSE(ring.retire_data_key(second)) << "the current key seals what is written next";
  EXPECT_FALSE(ring.retire_data_key(42));
  EXPECT_TRUE(ring.retire_data_key(1));
  EXPECT_EQ(ring.data_key(1), nullptr);
  EXPECT_EQ(ring.data_key_ids(), std::vector<std::uint32_t>{second});
  ASSERT_TRUE(ring.save(file_));
  auto loaded = KeyRing::load(file_);
  ASSERT_TRUE(loaded) << loaded.error().log_detail;
  EXPECT_EQ(loaded->data_key(1), nullptr);
  EXPECT_EQ(loaded->add_data_key(), second + 1) << "an ID is never given twice";
}

// A running server reads its key file again every second (key rotation while serving): it takes a
// key added elsewhere, forgets one retired, and refuses a file that is not the same ring.
TEST_F(KeyRingTest, ARunningServerTakesNewKeysAndForgetsRetiredOnesFromItsFile) {
  auto on_disk = KeyRing::generate();
  ASSERT_TRUE(on_disk.save(file_));
  auto held = KeyRing::load(file_);
  ASSERT_TRUE(held);
  auto unchanged = held->reload(file_);
  ASSERT_TRUE(unchanged);
  EXPECT_FALSE(*unchanged);

  const auto added = on_disk.add_data_key();  // `haven keys rotate`, in another process
  ASSERT_TRUE(on_disk.save(file_));
  auto took = held->reload(file_);
  ASSERT_TRUE(took) << took.error().log_detail;
  EXPECT_TRUE(*took);
  ASSERT_NE(held->data_key(added), nullptr);
  EXPECT_EQ(*held->data_key(added), *on_disk.data_key(added));

  ASSERT_TRUE(on_disk.retire_data_key(1));  // `haven keys retire`
  ASSERT_TRUE(on_disk.save(file_));
  ASSERT_TRUE(held->reload(file_));
  EXPECT_EQ(held->data_key(1), nullptr);
  EXPECT_EQ(held->data_key_ids(), std::vector<std::uint32_t>{added});

  ASSERT_TRUE(KeyRing::generate().save(file_));  // another installation's file
  auto refused = held->reload(file_);
  ASSERT_FALSE(refused);
  EXPECT_NE(held->data_key(added), nullptr) << "the keys held stay as they were";
}

TEST_F(KeyRingTest, AFileOthersMayReadIsRefused) {
  ASSERT_TRUE(KeyRing::generate().save(file_));
  std::filesystem::permissions(file_, std::filesystem::perms::group_read, std::filesystem::perm_options::add);
  auto loaded = KeyRing::load(file_);
  ASSERT_FALSE(loaded);
  EXPECT_NE(loaded.error().log_detail.find("chmod 600"), std::string::npos);
}

TEST_F(KeyRingTest, AMissingOrDamagedKeyIsRefused) {
  EXPECT_FALSE(KeyRing::load(dir_.path() / "absent.key"));
  {
    std::ofstream out(file_);
    out << "audit AAAA\n";
  }
  std::filesystem::permissions(file_, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::replace);
  auto loaded = KeyRing::load(file_);
  ASSERT_FALSE(loaded);
  EXPECT_NE(loaded.error().log_detail.find("line 1"), std::string::npos);
}

TEST_F(KeyRingTest, TheKeyFileSitsBesideTheDataFolder) {
  EXPECT_EQ(default_key_file("/var/lib/haven"), std::filesystem::path("/var/lib/haven.key"));
  EXPECT_EQ(default_key_file("/var/lib/haven/"), std::filesystem::path("/var/lib/haven.key"));
}

TEST_F(KeyRingTest, AnAuditLinkDependsOnTheKeyThePreviousHashAndEveryField) {
  const auto ring = KeyRing::generate();
  const AuditFields entry{1700000000, "staff-1", "case.read", "case-1", ""};
  const auto link = audit_link(ring.audit_key(), "", entry);
  EXPECT_EQ(link.size(), 64U);
  EXPECT_EQ(link, audit_link(ring.audit_key(), "", entry));
  EXPECT_NE(link, audit_link(KeyRing::generate().audit_key(), "", entry));
  EXPECT_NE(link, audit_link(ring.audit_key(), "00", entry));
  EXPECT_NE(link, audit_link(ring.audit_key(), "", {1700000001, "staff-1", "case.read", "case-1", ""}));
  // Fields are length-prefixed: moving text from one field to the next changes the hash.
  EXPECT_NE(audit_link(ring.audit_key(), "", {1, "ab", "c", "", ""}), audit_link(ring.audit_key(), "", {1, "a", "bc", "", ""}));
}

}  // namespace
}  // namespace haven::security
