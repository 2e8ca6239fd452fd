// Who may confirm whose account (domain/separation_of_duties.hpp): every rule, one row each.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/separation_of_duties.hpp"

namespace haven::domain {
namespace {

StaffAccount account(std::string id, Role role, std::string centre, std::string made_by, bool activated = true,
                     std::string confirmed_by = {}) {
  StaffAccount a;
  a.id = std::move(id);
  a.role = role;
  a.centre_id = std::move(centre);
  a.created_by = std::move(made_by);
  a.password_hash = activated ? "$argon2id$..." : "";
  a.confirmed_by = std::move(confirmed_by);
  return a;
}

TEST(SeparationOfDuties, WhoMayConfirmWhom) {
  // admin1 made at the command line; admin2 made by admin1 and confirmed by admin3; "new" made by admin1.
  const auto admin1 = account("admin1", Role::administrator, "", "");
  const auto admin2 = account("admin2", Role::administrator, "", "admin1", true, "admin3");
  const auto admin3 = account("admin3", Role::administrator, "", "");
  const auto head_a = account("head-a", Role::centre_head, "A", "");
  const auto head_b = account("head-b", Role::centre_head, "B", "");
  const auto head_by_admin1 = account("head-x", Role::centre_head, "A", "admin1", true, "head-a");
  const auto unconfirmed_head = account("head-y", Role::centre_head, "A", "admin3");
  const auto worker = account("worker", Role::case_worker, "A", "");
  const auto fresh = account("new", Role::case_worker, "A", "admin1");
  const auto not_activated = account("new2", Role::case_worker, "A", "admin1", false);
  const auto new_admin = account("new-admin", Role::administrator, "", "admin1");
  const auto new_auditor = account("new-auditor", Role::auditor, "A", "admin1");
  const struct {
    const StaffAccount& confirmer;
    const StaffAccount& account;
    const char* refusal;  // nullptr: allowed
  } rows[] = {
      {head_a, fresh, nullptr},
      {admin3, fresh, nullptr},
      {admin3, new_admin, nullptr},
      {admin1, fresh, "error.confirm_own_making"},
      {admin2, fresh, "error.confirm_same_maker"},         // made by the same person as the account
      {head_by_admin1, fresh, "error.confirm_same_maker"},
      {fresh, fresh, "error.confirm_own_account"},
      {head_b, fresh, "error.confirm_other_centre"},
      {head_a, new_admin, "error.confirm_other_centre"},  // a head never confirms an administrator
      {head_a, new_auditor, "error.head_manages_staff_only"},  // nor the auditor who checks her centre
      {admin3, new_auditor, nullptr},
      {unconfirmed_head, fresh, "error.account_unconfirmed"},
      {worker, fresh, "error.forbidden_role"},
      {head_a, not_activated, "error.confirm_before_activation"},
      {head_a, worker, "error.account_already_confirmed"},  // made at the command line
      {head_a, head_by_admin1, "error.account_already_confirmed"},
  };
  for (const auto& row : rows) {
    const auto refusal = confirmation_refusal(row.confirmer, row.account);
    const std::string cell = row.confirmer.id + " confirming " + row.account.id;
    if (!row.refusal) {
      EXPECT_FALSE(refusal) << cell << ": " << refusal->message_key;
    } else {
      ASSERT_TRUE(refusal) << cell;
      EXPECT_EQ(refusal->message_key, row.refusal) << cell;
    }
  }
}

// An administrator makes a second one (and, holding its activation code, activates it himself);
// another confirms it in good faith; through it he makes a head. Standing behind that head, he may
// not confirm her: nobody alone creates access and uses it, however many accounts stand between.
TEST(SeparationOfDuties, WhoeverStandsBehindAnAccountMayNotConfirmIt) {
  const auto admin_a = account("admin-a", Role::administrator, "", "");
  const auto head = account("head-h", Role::centre_head, "C", "admin-a2");
  const std::vector<std::string> above{"admin-a"};
  const auto refusal = confirmation_refusal(admin_a, head, above);
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->message_key, "error.confirm_made_through_you");
  const auto admin_b = account("admin-b", Role::administrator, "", "");
  EXPECT_FALSE(confirmation_refusal(admin_b, head, above)) << "someone outside the chain may";
}

// A head adds a worker to her centre. Her deputy answers to her, so the account is confirmed from
// outside the centre, by an administrator; the head herself is told the same.
TEST(SeparationOfDuties, AnAccountAHeadMadeIsConfirmedByAnAdministrator) {
  const auto worker = account("w", Role::case_worker, "C", "head-h");
  const auto deputy = account("head-d", Role::centre_head, "C", "", true, "admin");
  const auto head = account("head-h", Role::centre_head, "C", "", true, "admin");
  const auto admin = account("admin", Role::administrator, "", "");
  EXPECT_EQ(confirmation_refusal(deputy, worker, {}, Role::centre_head)->message_key, "error.confirm_head_made");
  EXPECT_EQ(confirmation_refusal(head, worker, {}, Role::centre_head)->message_key, "error.confirm_head_made");
  EXPECT_FALSE(confirmation_refusal(admin, worker, {}, Role::centre_head));
  EXPECT_FALSE(confirmation_refusal(deputy, worker, {}, Role::administrator)) << "an administrator's making, a head may";
}

TEST(SeparationOfDuties, AnAdministratorScreensHeadsHeDidNotMake) {
  const auto admin = account("admin", Role::administrator, "", "");
  EXPECT_FALSE(head_screening_refusal(admin, account("head", Role::centre_head, "A", "")));
  EXPECT_FALSE(head_screening_refusal(admin, account("head", Role::centre_head, "A", "another-admin")));
  EXPECT_EQ(head_screening_refusal(admin, account("head", Role::centre_head, "A", "admin"))->message_key, "error.screen_own_making");
  EXPECT_EQ(head_screening_refusal(admin, account("w", Role::case_worker, "A", ""))->message_key, "error.screening_heads_only");
  EXPECT_EQ(head_screening_refusal(account("h", Role::centre_head, "A", ""), account("head", Role::centre_head, "A", ""))->code,
            ErrorCode::forbidden);
}

}  // namespace
}  // namespace haven::domain
