// The haven command: init, serve, migrate, user add, user password, audit verify, audit exposure,
// keys, backup, backup verify, restore, standards, openapi, version.
//
//   haven init --data ./data --demo
//   haven serve --data ./data --listen 127.0.0.1:8080
//   haven serve --database postgresql://haven@db/haven
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "http/openapi.hpp"
#include "security/random.hpp"
#include "version.hpp"

namespace {

void add_common(CLI::App& command, haven::cli::CommonFlags& flags) {
  command.add_option("--data", flags.data, "Data folder of an embedded SQLite store (env HAVEN_DATA)");
  command.add_option("--database", flags.database, "PostgreSQL URL, instead of --data (env HAVEN_DATABASE)");
  command.add_option("--key-file", flags.key_file,
                     "The key file, outside the data folder (env HAVEN_KEY_FILE; default: <data>.key beside --data)");
  command.add_option("--config", flags.config, "Config file of `key = value` lines (env HAVEN_CONFIG)");
  command.add_option("--log-level", flags.log_level, "trace, debug, info, warn, error (env HAVEN_LOG_LEVEL)");
}

}  // namespace

int main(int argc, char** argv) {
  try {
    haven::security::initialise();
  } catch (const std::exception& e) {
    std::cerr << "haven: " << e.what() << "\n";
    return 1;
  }

  CLI::App app{"Haven: case management for services to victims of human trafficking"};
  app.require_subcommand(1);
  haven::cli::CommonFlags common;

  auto* init = app.add_subcommand("init", "Create a data folder with its database and a centre");
  add_common(*init, common);
  bool demo = false;
  std::string centre_name;
  init->add_flag("--demo", demo, "Create a demo centre with demo staff accounts");
  init->add_option("--centre", centre_name, "Name of the centre (without --demo)");

  auto* serve = app.add_subcommand("serve", "Serve the web UI and the API");
  add_common(*serve, common);
  haven::cli::ServeFlags serve_flags;
  serve->add_option("--listen", serve_flags.listen, "ADDRESS:PORT to listen on (env HAVEN_LISTEN; default 127.0.0.1:8080)");
  serve->add_option("--web-root", serve_flags.web_root, "Folder of the built web UI (env HAVEN_WEB_ROOT)");
  serve->add_option("--workers", serve_flags.workers, "Handler threads (env HAVEN_WORKERS; default: 16 per core, 8 to 64)");
  serve->add_option("--io-threads", serve_flags.io_threads,
                    "Threads reading and writing the connections (env HAVEN_IO_THREADS; default: one per core)");
  serve->add_option("--max-body", serve_flags.max_body, "Largest request body in bytes (env HAVEN_MAX_BODY; default 1 MiB)");
  serve->add_option("--max-connections-per-address", serve_flags.max_connections_per_address,
                    "Connections one client address may hold; a trusted proxy is not capped "
                    "(env HAVEN_MAX_CONNECTIONS_PER_ADDRESS; default 64)");
  serve->add_option("--max-case-size", serve_flags.max_case_size,
                    "Most bytes of records one case may hold; records past it are refused "
                    "(env HAVEN_MAX_CASE_SIZE; default 4 MiB)");
  serve->add_option("--standards", serve_flags.standards_file,
                    "File of `CLAUSE.parameter = value` lines changing the standards' deadlines (env HAVEN_STANDARDS)");
  serve->add_flag("--secure-cookies", serve_flags.secure_cookies,
                  "Browsers reach Haven over HTTPS, e.g. behind a TLS proxy: Secure __Host- session cookie "
                  "(env HAVEN_SECURE_COOKIES=true)");
  serve->add_option("--tls-cert", serve_flags.tls_certificate,
                    "PEM certificate chain: serve HTTPS, with Secure __Host- cookies (env HAVEN_TLS_CERT)");
  serve->add_option("--tls-key", serve_flags.tls_key, "PEM private key of --tls-cert (env HAVEN_TLS_KEY)");
  serve->add_option("--trusted-proxies", serve_flags.trusted_proxies,
                    "Comma-separated addresses or networks of reverse proxies whose X-Forwarded-For names the "
                    "client, for the sign-in throttle (env HAVEN_TRUSTED_PROXIES)");

  auto* migrate = app.add_subcommand("migrate", "Bring the database schema up to date");
  add_common(*migrate, common);

  auto* user = app.add_subcommand("user", "Manage staff accounts");
  user->require_subcommand(1);
  haven::cli::UserFlags user_flags;
  auto* user_add = user->add_subcommand("add", "Add a staff account");
  add_common(*user_add, common);
  user_add->add_option("--username", user_flags.username, "Sign-in name")->required();
  user_add->add_option("--display-name", user_flags.display_name, "Full name shown to colleagues");
  user_add->add_option("--role", user_flags.role,
                       "administrator, centre_head, case_worker, counsellor, auditor or external_provider");
  user_add->add_option("--centre", user_flags.centre, "Centre ID (needed when there is more than one)");
  user_add->add_option("--organisation", user_flags.organisation,
                       "An external provider's organisation, as the centre's referrals name it");
  user_add->add_flag("--password-stdin", user_flags.password_stdin, "Read the password from standard input");
  auto* user_password = user->add_subcommand("password", "Set a new password for a staff account");
  add_common(*user_password, common);
  user_password->add_option("--username", user_flags.username, "Sign-in name")->required();
  user_password->add_flag("--password-stdin", user_flags.password_stdin, "Read the password from standard input");
  auto* user_disable = user->add_subcommand("disable", "Disable a staff account; its sessions end at once");
  add_common(*user_disable, common);
  user_disable->add_option("--username", user_flags.username, "Sign-in name")->required();
  auto* user_enable = user->add_subcommand("enable", "Enable a disabled staff account again");
  add_common(*user_enable, common);
  user_enable->add_option("--username", user_flags.username, "Sign-in name")->required();
  auto* user_confirm = user->add_subcommand(
      "confirm", "Confirm an account an administrator made in the browser, once its owner activated it");
  add_common(*user_confirm, common);
  user_confirm->add_option("--username", user_flags.username, "Sign-in name")->required();
  auto* user_reset_2fa = user->add_subcommand(
      "reset-second-factor", "Remove an account's two-step sign-in (a lost phone); it is set up again at the next sign-in");
  add_common(*user_reset_2fa, common);
  user_reset_2fa->add_option("--username", user_flags.username, "Sign-in name")->required();

  auto* standards = app.add_subcommand("standards", "Print the Minimum Standards' clauses and how Haven enforces each");
  std::string standards_language = "vi";
  bool standards_check = false;
  standards->add_option("--lang", standards_language, "vi or en")->check(CLI::IsMember({"vi", "en"}));
  standards->add_flag("--check", standards_check, "Exit 1 if a clause lacks a mechanism or a scenario test");

  auto* openapi = app.add_subcommand("openapi", "Print the API's OpenAPI 3.1 document (JSON), as the server serves it");

  auto* audit = app.add_subcommand("audit", "Check the audit log");
  audit->require_subcommand(1);
  auto* audit_verify = audit->add_subcommand("verify", "Check the hash chain of the audit log; names the first bad entry");
  add_common(*audit_verify, common);
  auto* audit_exposure =
      audit->add_subcommand("exposure", "Who opened which cases between two times (for a breach notice)");
  add_common(*audit_exposure, common);
  std::string exposure_from;
  std::string exposure_to;
  audit_exposure->add_option("--from", exposure_from, "Start, e.g. 2026-11-01T00:00:00Z")->required();
  audit_exposure->add_option("--to", exposure_to, "End (exclusive), e.g. 2026-11-03T00:00:00Z")->required();

  auto* keys = app.add_subcommand("keys", "Manage the key file");
  keys->require_subcommand(1);
  haven::cli::KeysFlags keys_flags;
  auto* keys_rotate = keys->add_subcommand(
      "rotate", "Add a new data key, take it into use once every running server holds it, and seal every case file again");
  add_common(*keys_rotate, common);
  auto* keys_reencrypt = keys->add_subcommand("reencrypt", "Finish an interrupted rotation: seal again what an older key sealed");
  add_common(*keys_reencrypt, common);
  auto* keys_retire = keys->add_subcommand("retire", "Remove older data keys nothing is sealed under any more");
  add_common(*keys_retire, common);
  auto* keys_export = keys->add_subcommand(
      "export", "Write the key file sealed under a passphrase (Argon2id, XChaCha20-Poly1305), to keep offsite");
  add_common(*keys_export, common);
  keys_export->add_option("--to", keys_flags.file, "The file to write (must not exist)")->required();
  auto* keys_import = keys->add_subcommand("import", "Write an exported key file back as the key file (which must not exist)");
  add_common(*keys_import, common);
  keys_import->add_option("--from", keys_flags.file, "The exported key file")->required();
  for (auto* sub : {keys_export, keys_import}) {
    sub->add_flag("--passphrase-stdin", keys_flags.passphrase_stdin, "Read the passphrase from standard input");
  }
  for (auto* sub : {keys_rotate, keys_reencrypt, keys_retire}) {
    sub->add_option("--wait", keys_flags.wait_seconds,
                    "Seconds to wait for every running server to read a new key from its key file (default 60)");
  }

  haven::cli::BackupFlags backup_flags;
  auto* backup = app.add_subcommand("backup", "Copy the database, while servers run, into a backup file with its manifest");
  backup->require_subcommand(0, 1);
  add_common(*backup, common);
  backup->add_option("--to", backup_flags.to, "The backup file to write (must not exist)");
  auto* backup_verify = backup->add_subcommand(
      "verify", "Check a backup file as a restore would (integrity, audit chain with the key file, counts), without restoring");
  add_common(*backup_verify, common);
  backup_verify->add_option("file", backup_flags.from, "The backup file")->required();
  auto* restore = app.add_subcommand(
      "restore", "Replace the data folder's database with a backup's, once checked; refused while a server uses it");
  add_common(*restore, common);
  restore->add_option("--from", backup_flags.from, "The backup file")->required();
  restore->add_flag("--keep-replaced", backup_flags.keep_replaced,
                    "Keep the replaced data folder beside it (<data>.replaced-TIME) instead of removing it");

  auto* version = app.add_subcommand("version", "Print the version");

  CLI11_PARSE(app, argc, argv);

  if (*init) return haven::cli::run_init(common, demo, centre_name);
  if (*serve) return haven::cli::run_serve(common, serve_flags);
  if (*migrate) return haven::cli::run_migrate(common);
  if (*user_add) return haven::cli::run_user_add(common, user_flags);
  if (*user_password) return haven::cli::run_user_password(common, user_flags);
  if (*user_disable) return haven::cli::run_user_disabled(common, user_flags, true);
  if (*user_enable) return haven::cli::run_user_disabled(common, user_flags, false);
  if (*user_confirm) return haven::cli::run_user_confirm(common, user_flags);
  if (*user_reset_2fa) return haven::cli::run_user_reset_second_factor(common, user_flags);
  if (*keys_rotate) return haven::cli::run_keys_rotate(common, keys_flags);
  if (*keys_reencrypt) return haven::cli::run_keys_reencrypt(common, keys_flags);
  if (*keys_retire) return haven::cli::run_keys_retire(common, keys_flags);
  if (*keys_export) return haven::cli::run_keys_export(common, keys_flags);
  if (*keys_import) return haven::cli::run_keys_import(common, keys_flags);
  if (*backup_verify) return haven::cli::run_backup_verify(common, backup_flags);
  if (*backup) return haven::cli::run_backup(common, backup_flags);
  if (*restore) return haven::cli::run_restore(common, backup_flags);
  if (*audit_verify) return haven::cli::run_audit_verify(common);
  if (*audit_exposure) return haven::cli::run_audit_exposure(common, exposure_from, exposure_to);
  if (*standards) return haven::cli::run_standards(standards_language, standards_check);
  if (*openapi) {
    std::cout << haven::http::openapi_document() << "\n";
    return 0;
  }
  if (*version) {
    std::cout << "haven " << haven::kHavenVersion << "\n";
    return 0;
  }
  return 2;
}
