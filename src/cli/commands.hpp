// The subcommands of `haven`. main.cpp parses the command line with CLI11 and calls one of these;
// each returns the process exit code and prints what a person needs, never a secret.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "cli/settings.hpp"
#include "common/clock.hpp"
#include "storage/store.hpp"

namespace haven::cli {

// Flags every command that touches the store shares.
struct CommonFlags {
  std::string data;
  std::string database;
  std::string config;
  std::string log_level;
};

struct ServeFlags {
  std::string listen;
  std::string web_root;
  std::string workers;
  std::string max_body;
};

struct UserFlags {
  std::string username;
  std::string display_name;
  std::string role = "case_worker";
  std::string centre;
  bool password_stdin = false;
};

int run_init(const CommonFlags& common, bool demo, const std::string& centre_name);
int run_serve(const CommonFlags& common, const ServeFlags& serve);
int run_migrate(const CommonFlags& common);
int run_user_add(const CommonFlags& common, const UserFlags& user);
int run_user_password(const CommonFlags& common, const UserFlags& user);

// Shared by the commands: settings from flags/env/config, and the store they point at.
Result<SettingsSource> settings_for(const CommonFlags& common, std::map<std::string, std::string> extra = {});
Result<std::unique_ptr<storage::Store>> open_configured_store(const SettingsSource& settings, const Clock& clock);
void configure_logging(const SettingsSource& settings);
int report_failure(const std::string& what, const Error& error);

}  // namespace haven::cli
