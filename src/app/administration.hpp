// The administrator's work from the browser: the accounts of every centre (add one, disable or
// enable it), the deployment's standards parameters, and the audit log's chain checked. No case
// content is read; every change is audited with the administrator's ID.
//
//   auto overview = list_accounts(ctx, admin);
//   auto added = create_account(ctx, admin, {.centre_id = c, .username = "worker3", ...}, password);
//   auto check = check_audit_log(ctx, auditor);    // administrator or auditor
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/accounts.hpp"
#include "app/actor.hpp"
#include "app/app_context.hpp"
#include "app/audit_log.hpp"
#include "domain/staff.hpp"

namespace haven::app {

struct AccountView {
  domain::StaffAccount account;  // its password hash is never answered
  bool second_factor = false;    // two-step sign-in is on
};

struct AccountsOverview {
  std::vector<domain::Centre> centres;
  std::vector<AccountView> accounts;  // by centre, then name
};

Result<AccountsOverview> list_accounts(AppContext& ctx, const Actor& admin);
Result<domain::StaffAccount> create_account(AppContext& ctx, const Actor& admin, const NewStaff& staff,
                                            std::string_view password);
// Disabling ends the account's sessions at once. An administrator cannot disable their own account
// (the deployment would be left without one to enable it again).
Result<void> set_account_disabled(AppContext& ctx, const Actor& admin, std::string_view staff_id, bool disabled);

Result<AuditVerification> check_audit_log(AppContext& ctx, const Actor& actor);

}  // namespace haven::app
