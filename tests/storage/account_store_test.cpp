// Accounts made through the API, on both backends: the activation code's digest sets the password
// once and only before it expires; a code is issued again only before activation; confirmation is
// recorded once; and a centre's audit view holds what its staff did, what was done to their accounts
// and what happened on its cases, newest first, and nothing of another centre.
#include <gtest/gtest.h>

#include "storage/store_fixture.hpp"

namespace haven::storage {
namespace {

class AccountStore : public StoreFixture {
 protected:
  // An account waiting for its owner, with the code whose digest is "digest-1", valid for a day.
  domain::StaffAccount pending(const std::string& username) {
    auto a = staff_member(centre_.id, username);
    a.password_hash.clear();
    a.created_by = staff_.id;
    a.activation_digest = "digest-1";
    a.activation_expires_at = kNow + std::chrono::hours{24};
    EXPECT_TRUE(store_->write([&](WriteTransaction& tx) { return tx.staff().insert(a); }));
    return a;
  }
  template <class Work>
  bool written(Work work) {
    std::optional<bool> answer;
    auto done = store_->write([&](WriteTransaction& tx) -> Result<void> {
      auto r = work(tx);
      if (!r) return tl::unexpected(r.error());
      answer = *r;
      return {};
    });
    EXPECT_TRUE(done) << (done ? "" : done.error().log_detail);
    return answer.value_or(false);
  }
  domain::StaffAccount found(const std::string& id) {
    auto a = read_value<std::optional<domain::StaffAccount>>(*store_, [&](ReadTransaction& tx) { return tx.staff().find(id); });
    EXPECT_TRUE(a && *a);
    return **a;
  }
};

TEST_P(AccountStore, TheCodeSetsThePasswordOnceAndOnlyBeforeItExpires) {
  const auto a = pending("yen");
  EXPECT_FALSE(found(a.id).activated());
  EXPECT_FALSE(found(a.id).confirmed());
  EXPECT_EQ(found(a.id).created_by, staff_.id);
  EXPECT_FALSE(written([&](WriteTransaction& tx) { return tx.staff().activate(a.id, "digest-2", "$argon2id$x", kNow); }));
  EXPECT_FALSE(written([&](WriteTransaction& tx) {
    return tx.staff().activate(a.id, "digest-1", "$argon2id$x", kNow + std::chrono::hours{24});
  })) << "expired";
  EXPECT_TRUE(written([&](WriteTransaction& tx) { return tx.staff().activate(a.id, "digest-1", "$argon2id$x", kNow); }));
  const auto active = found(a.id);
  EXPECT_TRUE(active.activated());
  EXPECT_TRUE(active.activation_digest.empty());
  EXPECT_FALSE(active.activation_expires_at);
  EXPECT_FALSE(written([&](WriteTransaction& tx) { return tx.staff().activate(a.id, "digest-1", "$argon2id$y", kNow); }))
      << "a code works once";
  EXPECT_FALSE(written([&](WriteTransaction& tx) { return tx.staff().set_activation(a.id, "digest-3", kNow + std::chrono::hours{1}); }))
      << "no new code once activated";
}

TEST_P(AccountStore, ANewCodeReplacesTheOldOneAndAConfirmationIsRecordedOnce) {
  const auto a = pending("yen");
  EXPECT_TRUE(written([&](WriteTransaction& tx) { return tx.staff().set_activation(a.id, "digest-2", kNow + std::chrono::hours{1}); }));
  EXPECT_FALSE(written([&](WriteTransaction& tx) { return tx.staff().activate(a.id, "digest-1", "$argon2id$x", kNow); }));
  EXPECT_TRUE(written([&](WriteTransaction& tx) { return tx.staff().activate(a.id, "digest-2", "$argon2id$x", kNow); }));
  const auto head = staff_member(centre_.id, "head");
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) { return tx.staff().insert(head); }));
  EXPECT_TRUE(written([&](WriteTransaction& tx) { return tx.staff().confirm(a.id, head.id, kNow); }));
  EXPECT_FALSE(written([&](WriteTransaction& tx) { return tx.staff().confirm(a.id, staff_.id, kNow); }));
  const auto confirmed = found(a.id);
  EXPECT_TRUE(confirmed.confirmed());
  EXPECT_EQ(confirmed.confirmed_by, head.id);
  EXPECT_EQ(confirmed.confirmed_at, kNow);
}

TEST_P(AccountStore, TheCentresAuditViewHoldsItsStaffItsAccountsAndItsCasesOnly) {
  const auto elsewhere = staff_member(other_centre_.id, "elsewhere");
  const auto admin = staff_member("", "admin");
  const CaseFile mine = case_file("Lò Thị Phận", centre_.id);
  const CaseFile theirs = case_file("Lò Thị Mai", other_centre_.id);
  ASSERT_TRUE(store_->write([&](WriteTransaction& tx) -> Result<void> {
    if (auto r = tx.staff().insert(elsewhere); !r) return r;
    if (auto r = tx.staff().insert(admin); !r) return r;
    if (auto r = tx.cases().insert(mine); !r) return r;
    if (auto r = tx.cases().insert(theirs); !r) return r;
    for (const AuditEntry& e : {AuditEntry{kNow, staff_.id, "session.create", "", ""},
                                AuditEntry{kNow, admin.id, "staff.disable", "", "", staff_.id},
                                AuditEntry{kNow, elsewhere.id, "case.read", mine.id, ""},
                                AuditEntry{kNow, elsewhere.id, "case.read", theirs.id, ""},
                                AuditEntry{kNow, admin.id, "staff.disable", "", "", elsewhere.id},
                                AuditEntry{kNow, "", "centre.create", "", ""}}) {
      if (auto r = tx.audit().append(e); !r) return r;
    }
    return {};
  }));
  auto page = read_value<std::vector<CentreAuditEntry>>(*store_, [&](ReadTransaction& tx) { return tx.audit().list_for_centre(centre_.id, 0, 10); });
  ASSERT_TRUE(page);
  ASSERT_EQ(page->size(), 3U);
  EXPECT_EQ(page->at(0).entry.action, "case.read");  // newest first
  EXPECT_EQ(page->at(0).case_code, mine.code);
  EXPECT_EQ(page->at(1).entry.subject_id, staff_.id);
  EXPECT_EQ(page->at(2).entry.action, "session.create");
  auto older = read_value<std::vector<CentreAuditEntry>>(
      *store_, [&](ReadTransaction& tx) { return tx.audit().list_for_centre(centre_.id, page->at(0).id, 1); });
  ASSERT_TRUE(older);
  ASSERT_EQ(older->size(), 1U);
  EXPECT_EQ(older->at(0).id, page->at(1).id);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountStore, kBackends, backend_name);

}  // namespace
}  // namespace haven::storage
