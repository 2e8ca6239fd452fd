// The administrator's work from the browser: the accounts of every centre (add one, disable or
// enable it), the deployment's standards parameters, and the audit log's chain checked. No case
// content is read; every change is audited with the administrator's ID.
//
//   auto overview = list_accounts(ctx, admin);
//   auto check = check_audit_log(ctx, auditor);    // administrator or auditor
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/account_lifecycle.hpp"
#include "app/accounts.hpp"
#include "app/actor.hpp"
#include "app/app_context.hpp"
#include "app/audit_log.hpp"
#include "domain/staff.hpp"

namespace haven::app {

struct AccountsOverview {
  std::vector<domain::Centre> centres;
  std::vector<AccountState> accounts;  // by centre, then name; no password hash, no code
};

// Whose accounts `actor` manages (manage_staff_accounts): an administrator's reach is every account; a
// centre head's, her own centre's staff, but not a head's nor an administrator's account (those stay
// with the administrator, who screens heads). not_found for another centre's account (it is not shown
// to her), forbidden for a head's or an administrator's.
Result<void> require_account_in_reach(const Actor& actor, std::string_view centre_id, domain::Role role);

// Accounts are made, activated and confirmed by app/account_lifecycle.hpp.
Result<AccountsOverview> list_accounts(AppContext& ctx, const Actor& admin);
// Disabling ends the account's sessions at once. An administrator cannot disable their own account
// (the deployment would be left without one to enable it again).
Result<void> set_account_disabled(AppContext& ctx, const Actor& admin, std::string_view staff_id, bool disabled);

Result<AuditVerification> check_audit_log(AppContext& ctx, const Actor& actor);

}  // namespace haven::app
