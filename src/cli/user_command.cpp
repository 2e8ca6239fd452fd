// `haven user add`, `password`, `disable`, `enable`, `confirm` and `reset-second-factor`: staff accounts from the command line. The password is
// read from standard input with --password-stdin, or generated and printed once.
#include <iostream>

#include "app/account_lifecycle.hpp"
#include "app/accounts.hpp"
#include "app/second_factor.hpp"
#include "cli/commands.hpp"
#include "security/random.hpp"

namespace haven::cli {
namespace {

std::string password_for(const UserFlags& user, bool& generated) {
  generated = !user.password_stdin;
  if (generated) return security::new_password();
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

// The centre a new account belongs to: the one named, or the only one there is.
Result<std::string> centre_for(storage::Store& store, const UserFlags& user, domain::Role role) {
  if (!user.centre.empty() || role == domain::Role::administrator) return user.centre;
  HAVEN_ASSIGN_OR_RETURN(auto centres, storage::read_value<std::vector<domain::Centre>>(
      store, [](storage::ReadTransaction& tx) { return tx.centres().list(); }));
  if (centres.size() == 1) return centres.front().id;
  std::string listing;
  for (const auto& c : centres) listing += "\n  " + c.id + "  " + c.name;
  return fail_internal(ErrorCode::validation_failed, "this database has " + std::to_string(centres.size()) +
                                                         " centres; name one with --centre ID" + listing);
}

}  // namespace

int run_user_add(const CommonFlags& common, const UserFlags& user) {
  const auto role = domain::kRoleNames.parse(user.role);
  if (!role) {
    std::cerr << "haven user add: --role must be one of " << domain::kRoleNames.joined() << "\n";
    return 2;
  }
  int exit_code = 0;
  auto env = open_environment(common, exit_code);
  if (!env) return exit_code;
  auto centre_id = centre_for(*env->store, user, *role);
  if (!centre_id) return report_failure("cannot add " + user.username, centre_id.error());

  bool generated = false;
  const std::string password = password_for(user, generated);
  auto ctx = env->app();
  const std::string display_name = user.display_name.empty() ? user.username : user.display_name;
  auto added = app::add_staff(ctx, {*centre_id, user.username, display_name, *role, user.organisation}, password);
  if (!added) return report_failure("cannot add " + user.username, added.error());
  std::cout << "Added " << added->username << " (" << domain::kRoleNames.name(added->role) << ").\n";
  if (generated) std::cout << "Password (shown only now): " << password << "\n";
  return 0;
}

int run_user_password(const CommonFlags& common, const UserFlags& user) {
  int exit_code = 0;
  auto env = open_environment(common, exit_code);
  if (!env) return exit_code;
  bool generated = false;
  const std::string password = password_for(user, generated);
  auto ctx = env->app();
  if (auto r = app::set_password(ctx, user.username, password); !r) {
    return report_failure("cannot set the password of " + user.username, r.error());
  }
  std::cout << "Password of " << user.username << " changed.\n";
  if (generated) std::cout << "New password (shown only now): " << password << "\n";
  return 0;
}

int run_user_disabled(const CommonFlags& common, const UserFlags& user, bool disabled) {
  int exit_code = 0;
  auto env = open_environment(common, exit_code);
  if (!env) return exit_code;
  auto ctx = env->app();
  if (auto r = app::set_disabled(ctx, user.username, disabled); !r) {
    return report_failure(disabled ? "cannot disable the account" : "cannot enable the account", r.error());
  }
  std::cout << (disabled ? "Disabled " : "Enabled ") << user.username
            << (disabled ? "; every session of the account has ended.\n" : ".\n");
  return 0;
}

int run_user_confirm(const CommonFlags& common, const UserFlags& user) {
  int exit_code = 0;
  auto env = open_environment(common, exit_code);
  if (!env) return exit_code;
  auto ctx = env->app();
  if (auto r = app::confirm_account_at_command_line(ctx, user.username); !r) {
    return report_failure("cannot confirm the account", r.error());
  }
  std::cout << "Confirmed " << user.username << ": it works as its role allows. / Đã xác nhận tài khoản " << user.username
            << ".\n";
  return 0;
}

int run_user_reset_second_factor(const CommonFlags& common, const UserFlags& user) {
  int exit_code = 0;
  auto env = open_environment(common, exit_code);
  if (!env) return exit_code;
  auto ctx = env->app();
  if (auto r = app::reset_second_factor_of(ctx, user.username); !r) {
    return report_failure("cannot reset two-step sign-in", r.error());
  }
  std::cout << "Two-step sign-in of " << user.username
            << " is reset and its sessions have ended; it is set up again at the next sign-in.\n";
  return 0;
}

}  // namespace haven::cli
