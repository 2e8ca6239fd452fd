// Centres and staff accounts, as the command line creates them (`haven init`, `haven user add`).
//
//   auto centre = create_centre(ctx, "Trung tâm Công tác xã hội tỉnh An Giang");
//   auto added = add_staff(ctx, {.centre_id = centre->id, .username = "worker1", ...}, password);
#pragma once

#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/app_context.hpp"
#include "common/error.hpp"
#include "domain/staff.hpp"

namespace haven::app {

struct NewStaff {
  std::string centre_id;
  std::string username;
  std::string display_name;
  domain::Role role = domain::Role::case_worker;
  std::string organisation;  // an external provider's (required for that role, refused for others)
};

Result<domain::Centre> create_centre(AppContext& ctx, std::string name);
// From the command line (and the demo): whoever runs it holds the server and its key file, so the
// account is made with its password and needs no confirmation. Through the API an account is made by
// app/account_lifecycle.hpp, without a password.
// A password is checked by security/password_policy.hpp: 12 to 128 characters, not a common one.
Result<domain::StaffAccount> add_staff(AppContext& ctx, const NewStaff& staff, std::string_view password);
// The parts both ways of making an account share.
Result<void> check_new_staff(const NewStaff& staff);
Result<void> check_password(std::string_view password, std::string_view username);
domain::StaffAccount new_account(AppContext& ctx, const NewStaff& staff);
Result<void> insert_new_account(storage::WriteTransaction& tx, const domain::StaffAccount& account);
Result<void> set_password(AppContext& ctx, std::string_view username, std::string_view password);

// An administrator ends every session of a member of staff at once (a lost phone, a departure):
// their next request asks them to sign in. Audited. Returns how many sessions ended.
Result<std::int64_t> end_sessions(AppContext& ctx, const Actor& admin, std::string_view staff_id);

// From the command line: disable (or enable again) an account; disabling ends its sessions.
Result<void> set_disabled(AppContext& ctx, std::string_view username, bool disabled);
// The change itself, inside the caller's transaction, audited with `by` (empty: the command line).
Result<void> set_disabled_in(storage::WriteTransaction& tx, const domain::StaffAccount& staff, bool disabled,
                             std::string_view by, Timestamp now);

// The demo centre of the README's run command: a head, two case workers and a counsellor, each with
// a generated password that is returned once for printing and never stored in clear.
struct DemoLogin {
  std::string username;
  std::string password;
  domain::Role role;
};
Result<std::vector<DemoLogin>> create_demo_centre(AppContext& ctx);

}  // namespace haven::app
