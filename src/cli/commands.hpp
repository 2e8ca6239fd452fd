// The subcommands of `haven`. main.cpp parses the command line with CLI11 and calls one of these;
// each returns the process exit code and prints what a person needs, never a secret.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "app/app_context.hpp"
#include "app/key_rotation.hpp"
#include "cli/settings.hpp"
#include "common/clock.hpp"
#include "security/key_ring.hpp"
#include "security/password_hasher.hpp"
#include "storage/store.hpp"

namespace haven::cli {

// Flags every command that touches the store shares.
struct CommonFlags {
  std::string data;
  std::string database;
  std::string key_file;
  std::string config;
  std::string log_level;
};

struct ServeFlags {
  std::string listen;
  std::string web_root;
  std::string workers;
  std::string io_threads;
  std::string max_body;
  std::string max_connections_per_address;
  std::string max_case_size;
  bool secure_cookies = false;
  std::string standards_file;
  std::string tls_certificate;
  std::string tls_key;
  std::string trusted_proxies;
};

struct UserFlags {
  std::string username;
  std::string display_name;
  std::string role = "case_worker";
  std::string centre;
  std::string organisation;
  bool password_stdin = false;
};

int run_init(const CommonFlags& common, bool demo, const std::string& centre_name);
int run_serve(const CommonFlags& common, const ServeFlags& serve);
int run_migrate(const CommonFlags& common);
int run_user_add(const CommonFlags& common, const UserFlags& user);
int run_user_password(const CommonFlags& common, const UserFlags& user);
int run_user_disabled(const CommonFlags& common, const UserFlags& user, bool disabled);
int run_user_confirm(const CommonFlags& common, const UserFlags& user);
int run_user_reset_second_factor(const CommonFlags& common, const UserFlags& user);
int run_standards(const std::string& language, bool check);
int run_audit_verify(const CommonFlags& common);
int run_audit_exposure(const CommonFlags& common, const std::string& from, const std::string& to);

// Everything a subcommand works with, opened in one step by open_environment.
struct CommandEnvironment {
  explicit CommandEnvironment(SettingsSource s) : settings(std::move(s)) {}
  SettingsSource settings;
  SystemClock clock;
  std::optional<security::KeyRing> keys;  // before the store, which holds a reference to it
  std::filesystem::path key_file;
  std::unique_ptr<storage::Store> store;
  security::PasswordHasher hasher;
  int schema_version = 0;
  app::AppContext app() {
    app::AppContext ctx{*store, clock, hasher};
    ctx.keys = keys ? &*keys : nullptr;
    return ctx;
  }
};

// Reads the settings (flags, environment, config file), sets up logging, runs `before_store` (which
// may check flags or prepare the data folder, and returns an exit code, 0 to go on), loads the key
// file (creating it when the extra flag "create_key_file" is "yes": haven init), opens the store
// and brings its schema up to date (not with "leave_schema" = "yes": haven backup). On failure it has printed why and sets `exit_code`.
using BeforeStore = std::function<int(const SettingsSource&)>;
std::unique_ptr<CommandEnvironment> open_environment(const CommonFlags& common, int& exit_code,
                                                     std::map<std::string, std::string> extra_flags = {},
                                                     const BeforeStore& before_store = {});

int report_failure(const std::string& what, const Error& error);

// Log lines to standard error at the settings' level: standard output carries only what was asked for.
void configure_logging(const SettingsSource& settings);

// The key file the settings name (--key-file, or <data>.key beside --data); `file` is set to its
// path. With the setting "create_key_file" = "yes" a missing file is made (haven init).
Result<security::KeyRing> load_keys(const SettingsSource& settings, std::filesystem::path& file);

struct BackupFlags {
  std::string to;    // haven backup --to FILE
  std::string from;  // haven restore --from FILE; haven backup verify FILE
  bool keep_replaced = false;
};
int run_backup(const CommonFlags& common, const BackupFlags& flags);
int run_backup_verify(const CommonFlags& common, const BackupFlags& flags);
int run_restore(const CommonFlags& common, const BackupFlags& flags);

// The first schema version whose sensitive fields are sealed (migration 6).
inline constexpr int kFirstEncryptedSchema = 6;

// A progress bar on standard error for key rotation: "[#####.....] 45% 4500/10000".
void draw_progress(const app::ResealProgress& progress);

struct KeysFlags {
  int wait_seconds = 60;  // for every running server to read a new key
  std::string file;       // keys export --to, keys import --from
  bool passphrase_stdin = false;
};
int run_keys_rotate(const CommonFlags& common, const KeysFlags& flags);
int run_keys_reencrypt(const CommonFlags& common, const KeysFlags& flags);
int run_keys_retire(const CommonFlags& common, const KeysFlags& flags);
int run_keys_export(const CommonFlags& common, const KeysFlags& flags);
int run_keys_import(const CommonFlags& common, const KeysFlags& flags);

}  // namespace haven::cli
