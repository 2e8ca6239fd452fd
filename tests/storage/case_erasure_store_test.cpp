// Erasure on both backends (Law 91/2025/QH15): erasing a case destroys its own key, so that its sealed
// fields open nowhere again, empties what was left of the person, and takes the case out of every
// list and search; the case's row stays, saying when, by whom and why. Nothing is written to an
// erased case again, not even by key rotation.
#include <gtest/gtest.h>

#include "app/key_rotation.hpp"
#include "security/case_key.hpp"
#include "security/field_cipher.hpp"
#include "storage/store_fixture.hpp"

namespace haven::storage {
namespace {

class CaseErasureStore : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    erased_ = case_file("Vàng Thị Xoá Zyxwvu", centre_.id);
    kept_ = case_file("Vàng Thị Còn", centre_.id);
    ASSERT_TRUE(insert(erased_));
    ASSERT_TRUE(insert(kept_));
    record_.id = security::new_record_id();
    record_.occurred_at = record_.recorded_at = kNow;
    record_.recorded_by = staff_.id;
    record_.body = domain::CounsellingSession{"sợ người môi giới tìm đến", false};
    ASSERT_TRUE(store_->write([&](WriteTransaction& tx) { return tx.records().insert(erased_.id, record_); }));
    close(erased_);
  }

  void close(const CaseFile& f) {
    ASSERT_TRUE(store_->write([&](WriteTransaction& tx) -> Result<void> {
      auto moved = tx.cases().update_stage(centre_.id, f.id, f.version, domain::CaseStage::closed, kNow);
      if (!moved) return tl::unexpected(moved.error());
      return {};
    }));
  }

  Result<void> erase(const std::string& centre_id, const std::string& case_id) {
    return store_->write([&](WriteTransaction& tx) { return tx.cases().erase(centre_id, case_id, erasure_); });
  }

  std::int64_t count(const std::string& sql) {
    auto rows = raw().query(sql, {SqlValue{erased_.id}});
    EXPECT_TRUE(rows);
    return rows ? rows->front().integer(kCount.value) : -1;
  }

  CaseFile erased_;
  CaseFile kept_;
  domain::CaseRecord record_;
  const domain::Erasure erasure_{kNow + std::chrono::hours{1}, "head-id", domain::ErasureGround::subject_request};
};

TEST_P(CaseErasureStore, DestroysTheCaseKeyAndEmptiesTheFile) {
  auto before = raw().query("SELECT p.name, k.wrapped FROM " + table("persons") + " p JOIN " + table("case_keys") +
                                " k ON k.case_id = p.case_id WHERE p.case_id = $1",
                            {SqlValue{erased_.id}});
  ASSERT_TRUE(before);
  ASSERT_EQ(before->size(), 1U);
  const std::string sealed_name = before->front().text(kRaw.first);
  ASSERT_TRUE(security::sealed_under_case_key(sealed_name));
  // With the database and the key file, the name opens through the case's wrapped key...
  auto key = security::unwrap_case_key(keys_, erased_.id, before->front().text(kRaw.second));
  ASSERT_TRUE(key);
  auto opened = security::open_field(keys_, {"persons", erased_.id, "name"}, sealed_name, &*key);
  ASSERT_TRUE(opened);
  EXPECT_EQ(*opened, "Vàng Thị Xoá Zyxwvu");

  ASSERT_TRUE(erase(centre_.id, erased_.id));

  // ...and after erasure there is no wrapped key left to open it with.
  EXPECT_EQ(count("SELECT COUNT(*) FROM " + table("case_keys") + " WHERE case_id = $1"), 0) << "the key is destroyed";
  EXPECT_EQ(count("SELECT COUNT(*) FROM " + table("name_index") + " WHERE case_id = $1"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM " + table("case_staff") + " WHERE case_id = $1"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM " + table("persons") + " WHERE case_id = $1 AND name = '' AND birth_date IS NULL "
                  "AND nationality = '' AND languages = '[]'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM " + table("receptions") + " WHERE case_id = $1 AND legal_basis = '' "
                  "AND referring_authority = '' AND documents = '[]'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM " + table("case_records") + " WHERE case_id = $1 AND body = ''"), 1)
      << "the record stays as a type and a date, for the figures, without its content";

  const auto found = find(centre_.id, erased_.id);
  ASSERT_TRUE(found);
  ASSERT_TRUE(found->erasure);
  EXPECT_EQ(found->erasure->at, erasure_.at);
  EXPECT_EQ(found->erasure->by, "head-id");
  EXPECT_EQ(found->erasure->ground, domain::ErasureGround::subject_request);
  EXPECT_EQ(found->code, erased_.code) << "the code stays, for the audit trail";
  EXPECT_TRUE(found->person.name.empty());
  EXPECT_GT(found->version, erased_.version);

  auto records = read_value<std::vector<domain::CaseRecord>>(*store_, [&](ReadTransaction& tx) {
    return tx.records().list(centre_.id, erased_.id);
  });
  ASSERT_TRUE(records);
  EXPECT_TRUE(records->empty());
  EXPECT_EQ(search("").total, 1) << "only the case that is kept";
  EXPECT_EQ(search("zyxwvu").total, 0);
  EXPECT_EQ(search(erased_.code).total, 0);
  EXPECT_EQ(find(centre_.id, kept_.id)->person.name, "Vàng Thị Còn") << "another case is untouched";
}

TEST_P(CaseErasureStore, AnErasedCaseIsNeitherErasedAgainNorWrittenTo) {
  EXPECT_EQ(erase(other_centre_.id, erased_.id).error().code, ErrorCode::not_found) << "not another centre's";
  EXPECT_EQ(erase(centre_.id, kept_.id).error().code, ErrorCode::not_found) << "an open case is never erased";
  EXPECT_TRUE(store_->write([&](WriteTransaction& tx) { return tx.cases().lock(centre_.id, erased_.id); }));
  EXPECT_FALSE(store_->write([&](WriteTransaction& tx) { return tx.cases().lock(other_centre_.id, erased_.id); }));
  ASSERT_TRUE(erase(centre_.id, erased_.id));
  EXPECT_EQ(erase(centre_.id, erased_.id).error().code, ErrorCode::not_found);
  EXPECT_FALSE(store_->write([&](WriteTransaction& tx) { return tx.cases().lock(centre_.id, erased_.id); }));
  domain::CaseRecord again = record_;
  again.id = security::new_record_id();
  EXPECT_FALSE(store_->write([&](WriteTransaction& tx) { return tx.records().insert(erased_.id, again); }));
  // Key rotation passes it over: no new key for it, nothing sealed under one.
  keys_.add_data_key();
  auto done = app::reseal_all(*store_, [](const app::ResealProgress&) {});
  ASSERT_TRUE(done) << done.error().log_detail;
  EXPECT_EQ(done->resealed, 1) << "the kept case's key alone";
  EXPECT_EQ(count("SELECT COUNT(*) FROM " + table("case_keys") + " WHERE case_id = $1"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM " + table("case_records") + " WHERE case_id = $1 AND body = ''"), 1);
}

TEST_P(CaseErasureStore, RetiringTheOldDataKeyLeavesAnOlderBackupsCaseKeysUnopened) {
  // A backup taken now holds the erased case's key, wrapped under data key 1.
  auto backup = raw().query("SELECT wrapped FROM " + table("case_keys") + " WHERE case_id = $1", {SqlValue{erased_.id}});
  ASSERT_TRUE(backup);
  const std::string wrapped_in_backup = backup->front().text(kRaw.first);
  ASSERT_TRUE(erase(centre_.id, erased_.id));
  ASSERT_TRUE(security::unwrap_case_key(keys_, erased_.id, wrapped_in_backup))
      << "until key 1 is retired, the backup's copy still opens with the key file";

  const auto old_key = keys_.current_data_key_id();
  keys_.add_data_key();
  // Before the rotation has sealed everything again, the old key is still needed and stays.
  auto early = app::retire_unused_data_keys(*store_, keys_);
  ASSERT_TRUE(early) << early.error().log_detail;
  EXPECT_TRUE(early->retired.empty());
  ASSERT_EQ(early->still_used.size(), 1U);
  EXPECT_EQ(early->still_used.front().first, old_key);
  EXPECT_EQ(early->still_used.front().second, 1) << "the kept case's wrapped key";

  ASSERT_TRUE(app::reseal_all(*store_, [](const app::ResealProgress&) {}));
  auto retired = app::retire_unused_data_keys(*store_, keys_);
  ASSERT_TRUE(retired) << retired.error().log_detail;
  EXPECT_EQ(retired->retired, std::vector<std::uint32_t>{old_key});
  EXPECT_TRUE(retired->still_used.empty());
  EXPECT_EQ(keys_.data_key_ids().size(), 1U);
  EXPECT_FALSE(security::unwrap_case_key(keys_, erased_.id, wrapped_in_backup)) << "the backup's copy is dead too";
  EXPECT_EQ(find(centre_.id, kept_.id)->person.name, "Vàng Thị Còn") << "what is kept still opens";
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseErasureStore, kBackends, backend_name);

}  // namespace
}  // namespace haven::storage
