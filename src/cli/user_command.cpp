// `haven user add` and `haven user password`: staff accounts from the command line. The password is
// read from standard input with --password-stdin, or generated and printed once.
#include <iostream>

#include "app/accounts.hpp"
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

}  // namespace

int run_user_add(const CommonFlags& common, const UserFlags& user) {
  auto settings = settings_for(common);
  if (!settings) return report_failure("cannot read settings", settings.error());
  configure_logging(*settings);
  const auto role = domain::kRoleNames.parse(user.role);
  if (!role) {
    std::cerr << "haven user add: --role must be one of " << domain::kRoleNames.joined() << "\n";
    return 2;
  }
  SystemClock clock;
  auto store = open_configured_store(*settings, clock);
  if (!store) return report_failure("cannot open the store", store.error());
  if (auto v = (*store)->migrate(); !v) return report_failure("cannot migrate", v.error());

  std::string centre_id = user.centre;
  if (centre_id.empty() && *role != domain::Role::administrator) {
    auto centres = storage::read_value<std::vector<domain::Centre>>(
        **store, [](storage::ReadTransaction& tx) { return tx.list_centres(); });
    if (!centres) return report_failure("cannot list centres", centres.error());
    if (centres->size() != 1) {
      std::cerr << "haven user add: this database has " << centres->size()
                << " centres; name one with --centre ID\n";
      for (const auto& c : *centres) std::cerr << "  " << c.id << "  " << c.name << "\n";
      return 2;
    }
    centre_id = centres->front().id;
  }

  security::PasswordHasher hasher;
  app::AppContext ctx{**store, clock, hasher};
  bool generated = false;
  const std::string password = password_for(user, generated);
  auto added = app::add_staff(ctx, {centre_id, user.username, user.display_name.empty() ? user.username : user.display_name, *role},
                              password);
  if (!added) return report_failure("cannot add " + user.username, added.error());
  std::cout << "Added " << added->username << " (" << domain::kRoleNames.name(added->role) << ").\n";
  if (generated) std::cout << "Password (shown only now): " << password << "\n";
  return 0;
}

int run_user_password(const CommonFlags& common, const UserFlags& user) {
  auto settings = settings_for(common);
  if (!settings) return report_failure("cannot read settings", settings.error());
  configure_logging(*settings);
  SystemClock clock;
  auto store = open_configured_store(*settings, clock);
  if (!store) return report_failure("cannot open the store", store.error());
  security::PasswordHasher hasher;
  app::AppContext ctx{**store, clock, hasher};
  bool generated = false;
  const std::string password = password_for(user, generated);
  if (auto r = app::set_password(ctx, user.username, password); !r) {
    return report_failure("cannot set the password of " + user.username, r.error());
  }
  std::cout << "Password of " << user.username << " changed.\n";
  if (generated) std::cout << "New password (shown only now): " << password << "\n";
  return 0;
}

}  // namespace haven::cli
