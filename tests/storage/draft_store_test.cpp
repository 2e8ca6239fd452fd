// Drafts on both backends (domain/draft.hpp): one per person, case and form, replaced by the next
// save; what was typed is sealed (the case's under its key, the reception form's under the data key)
// and opens nowhere else; erasure and retention take them away.
#include <gtest/gtest.h>

#include <algorithm>

#include "security/field_cipher.hpp"
#include "storage/store_fixture.hpp"

namespace haven::storage {
namespace {

constexpr std::string_view kTyped = R"({"note":"Em kể về chủ chứa ở Quảng Châu Zyxwvu"})";

class DraftStore : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    case_ = case_file("Lù Thị Nháp", centre_.id);
    ASSERT_TRUE(insert(case_));
  }

  domain::Draft draft(std::string case_id, std::string form, std::string content = std::string(kTyped),
                      Timestamp at = kNow) const {
    return {staff_.id, std::move(case_id), std::move(form), std::move(content), at};
  }

  Result<void> put(const domain::Draft& d) {
    return store_->write([&](WriteTransaction& tx) { return tx.drafts().put(d); });
  }

  std::optional<domain::Draft> find(const std::string& staff_id, const std::string& case_id, const std::string& form) {
    auto found = read_value<std::optional<domain::Draft>>(
        *store_, [&](ReadTransaction& tx) { return tx.drafts().find(staff_id, case_id, form); });
    EXPECT_TRUE(found) << (found ? "" : found.error().log_detail);
    return found ? *found : std::nullopt;
  }

  std::vector<std::string> stored_contents() {
    static constexpr OneColumn kContent{"content"};
    auto rows = raw().query(kContent.select("FROM " + table("drafts")), {});
    EXPECT_TRUE(rows);
    std::vector<std::string> out;
    if (rows) {
      for (const auto& row : *rows) out.push_back(row.text(kContent.value));
    }
    return out;
  }

  CaseFile case_;
};

TEST_P(DraftStore, ADraftIsSealedAndReadBackWholeByItsAuthorOnly) {
  ASSERT_TRUE(put(draft(case_.id, "record.counselling_session")));
  ASSERT_TRUE(put(draft("", "reception", R"({"name":"Lù Thị Nháp Zyxwvu"})")));
  const auto found = find(staff_.id, case_.id, "record.counselling_session");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->content, kTyped);
  EXPECT_EQ(found->saved_at, kNow);
  const auto reception = find(staff_.id, "", "reception");
  ASSERT_TRUE(reception);
  EXPECT_EQ(reception->content, R"({"name":"Lù Thị Nháp Zyxwvu"})");
  // Nobody else's, and not another form's or case's.
  EXPECT_FALSE(find("someone-else", case_.id, "record.counselling_session"));
  EXPECT_FALSE(find(staff_.id, case_.id, "record.health_check"));
  EXPECT_FALSE(find(staff_.id, "", "record.counselling_session"));

  const auto stored = stored_contents();
  ASSERT_EQ(stored.size(), 2U);
  for (const auto& value : stored) {
    EXPECT_EQ(value.find("Zyxwvu"), std::string::npos) << value;
    EXPECT_EQ(value.find("Quảng Châu"), std::string::npos) << value;
  }
  // The case's under its own key (gone with it at erasure), the reception form's under a data key.
  EXPECT_EQ(std::count_if(stored.begin(), stored.end(), [](const std::string& v) { return v.starts_with("c1:"); }), 1);
  EXPECT_EQ(std::count_if(stored.begin(), stored.end(), [](const std::string& v) { return v.starts_with("v1:"); }), 1);
}

TEST_P(DraftStore, TheNextSaveReplacesTheDraftAndTheListIsNewestFirst) {
  ASSERT_TRUE(put(draft(case_.id, "record.counselling_session", R"({"note":"một"})", kNow)));
  ASSERT_TRUE(put(draft(case_.id, "record.health_check", R"({"note":"khám"})", kNow + std::chrono::minutes{1})));
  ASSERT_TRUE(put(draft(case_.id, "record.counselling_session", R"({"note":"hai"})", kNow + std::chrono::minutes{2})));
  EXPECT_EQ(find(staff_.id, case_.id, "record.counselling_session")->content, R"({"note":"hai"})");
  auto listed = read_value<std::vector<domain::DraftSummary>>(
      *store_, [&](ReadTransaction& tx) { return tx.drafts().list(staff_.id, case_.id); });
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 2U);
  EXPECT_EQ((*listed)[0].form, "record.counselling_session");
  EXPECT_EQ((*listed)[0].saved_at, kNow + std::chrono::minutes{2});
  EXPECT_EQ((*listed)[1].form, "record.health_check");
}

TEST_P(DraftStore, ADraftCopiedOntoAnotherRowDoesNotOpen) {
  ASSERT_TRUE(put(draft(case_.id, "record.counselling_session")));
  ASSERT_TRUE(put(draft(case_.id, "record.health_check", R"({"note":"khác"})")));
  // Someone with the database, not the key, moves one form's sealed text onto another's.
  ASSERT_TRUE(raw().execute("UPDATE " + table("drafts") + " SET content = (SELECT content FROM " + table("drafts") +
                                " WHERE form = 'record.counselling_session') WHERE form = 'record.health_check'",
                            {}));
  auto moved = read_value<std::optional<domain::Draft>>(
      *store_, [&](ReadTransaction& tx) { return tx.drafts().find(staff_.id, case_.id, "record.health_check"); });
  EXPECT_FALSE(moved);
}

TEST_P(DraftStore, RemovedOnDiscardAfterTheRetentionAndWithTheCasesErasure) {
  ASSERT_TRUE(put(draft(case_.id, "record.counselling_session")));
  auto removed = store_->write([&](WriteTransaction& tx) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto gone, tx.drafts().remove(staff_.id, case_.id, "record.counselling_session"));
    EXPECT_TRUE(gone);
    HAVEN_ASSIGN_OR_RETURN(auto again, tx.drafts().remove(staff_.id, case_.id, "record.counselling_session"));
    EXPECT_FALSE(again);
    return {};
  });
  ASSERT_TRUE(removed);
  EXPECT_FALSE(find(staff_.id, case_.id, "record.counselling_session"));

  ASSERT_TRUE(put(draft("", "reception", "{}", kNow - domain::kDraftRetention - std::chrono::seconds{1})));
  ASSERT_TRUE(put(draft(case_.id, "record.health_check", "{}", kNow - domain::kDraftRetention + std::chrono::seconds{1})));
  auto swept = store_->write([&](WriteTransaction& tx) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto n, tx.drafts().remove_saved_before(kNow - domain::kDraftRetention));
    EXPECT_EQ(n, 1);
    return {};
  });
  ASSERT_TRUE(swept);
  EXPECT_FALSE(find(staff_.id, "", "reception"));
  EXPECT_TRUE(find(staff_.id, case_.id, "record.health_check"));

  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) -> Result<void> {
    HAVEN_TRY(tx.cases().update_stage(centre_.id, case_.id, case_.version, domain::CaseStage::closed, kNow));
    return tx.cases().erase(centre_.id, case_.id, {kNow, staff_.id, domain::ErasureGround::subject_request});
  }));
  EXPECT_TRUE(stored_contents().empty());
}

TEST_P(DraftStore, KeyRotationCountsAndSealsTheReceptionDraftAgain) {
  ASSERT_TRUE(put(draft("", "reception")));
  ASSERT_TRUE(put(draft(case_.id, "record.counselling_session")));
  const auto stored = stored_contents();
  const auto reception = std::find_if(stored.begin(), stored.end(), [](const std::string& v) { return v.starts_with("v1:"); });
  ASSERT_NE(reception, stored.end());
  const auto key_id = *security::sealed_key_id(*reception);
  auto counted = read_value<std::int64_t>(*store_, [&](ReadTransaction& tx) { return tx.keys().count_sealed_under(key_id); });
  ASSERT_TRUE(counted);
  EXPECT_GE(*counted, 1);
  // A page of the drafts table passes over the case's draft (its key is rewrapped, not it) and finds
  // the reception draft already under the current key.
  auto resealed = std::optional<ResealPage>{};
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto p, tx.keys().reseal_page(SealedTable::drafts, "", 100));
    resealed = p;
    return {};
  }));
  EXPECT_EQ(resealed->rows, 2);
  EXPECT_EQ(resealed->resealed, 0);
  EXPECT_EQ(find(staff_.id, "", "reception")->content, kTyped);
}

INSTANTIATE_TEST_SUITE_P(Backends, DraftStore, kBackends, backend_name);

}  // namespace
}  // namespace haven::storage
