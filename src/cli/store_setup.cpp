// Settings, logging and opening the store: the part every subcommand shares.
#include <algorithm>
#include <iostream>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "app/key_rotation.hpp"
#include "cli/commands.hpp"
#include "i18n/messages.hpp"
#include "storage/open_store.hpp"
#include "storage/postgres/pg_connection.hpp"

namespace haven::cli {

void configure_logging(const SettingsSource& settings) {
  // Logs go to standard error; standard output carries only what a person asked for.
  auto logger = spdlog::stderr_logger_mt("haven");
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);
  spdlog::set_default_logger(logger);
  spdlog::set_level(spdlog::level::from_str(settings.get("log_level", "info")));
}

// The key file: --key-file, or beside the data folder. A PostgreSQL deployment names it: its servers
// have no data folder to put it beside.
Result<security::KeyRing> load_keys(const SettingsSource& settings, std::filesystem::path& file) {
  file = settings.get("key_file");
  if (file.empty()) {
    if (settings.get("data").empty() || !settings.get("database").empty()) {
      return fail_internal(ErrorCode::unavailable, "give --key-file FILE (env HAVEN_KEY_FILE) for a PostgreSQL store");
    }
    file = security::default_key_file(settings.get("data"));
  }
  std::error_code ec;
  if (!std::filesystem::exists(file, ec) && settings.get("create_key_file") == "yes") {
    // On a new server the key file's folder (/etc/haven) may not exist yet: made for its owner only.
    if (file.has_parent_path() && !std::filesystem::exists(file.parent_path(), ec)) {
      std::filesystem::create_directories(file.parent_path(), ec);
      if (ec) {
        return fail_internal(ErrorCode::unavailable, "cannot create the key file's folder " +
                                                         file.parent_path().string() + ": " + ec.message());
      }
      std::filesystem::permissions(file.parent_path(), std::filesystem::perms::owner_all,
                                   std::filesystem::perm_options::replace, ec);
    }
    auto fresh = security::KeyRing::generate();
    HAVEN_TRY(fresh.save(file));
    std::cout << "Created the key file " << file.string()
              << ". Back it up apart from the data: without it the case files cannot be read.\n"
              << "Đã tạo tệp khoá " << file.string()
              << ". Hãy sao lưu tệp này riêng với dữ liệu: mất tệp khoá thì không đọc được hồ sơ.\n";
    return fresh;
  }
  auto loaded = security::KeyRing::load(file);
  if (!loaded && !std::filesystem::exists(file, ec)) {
    return fail_internal(ErrorCode::unavailable, "no key file at " + file.string() +
                                                     "; create one with `haven init`, or give --key-file");
  }
  return loaded;
}

void draw_progress(const app::ResealProgress& p) {
  constexpr int kWidth = 30;
  // Servers keep writing during a rotation: more rows than were counted at its start may be read.
  const int percent = p.total > 0 ? static_cast<int>(std::min<std::int64_t>(p.done * 100 / p.total, 100)) : 100;
  const int filled = percent * kWidth / 100;
  std::cerr << "\r[" << std::string(static_cast<std::size_t>(filled), '#')
            << std::string(static_cast<std::size_t>(kWidth - filled), '.') << "] " << percent << "% " << p.done << "/"
            << p.total << std::flush;
}

std::unique_ptr<CommandEnvironment> open_environment(const CommonFlags& common, int& exit_code,
                                                     std::map<std::string, std::string> extra_flags,
                                                     const BeforeStore& before_store) {
  extra_flags["data"] = common.data;
  extra_flags["database"] = common.database;
  extra_flags["log_level"] = common.log_level;
  extra_flags["key_file"] = common.key_file;
  auto settings = SettingsSource::load(std::move(extra_flags), common.config);
  if (!settings) {
    exit_code = report_failure("cannot read settings", settings.error());
    return nullptr;
  }
  configure_logging(*settings);
  if (before_store) {
    exit_code = before_store(*settings);
    if (exit_code != 0) return nullptr;
  }

  auto env = std::make_unique<CommandEnvironment>(std::move(*settings));
  storage::StoreLocation location;
  location.data_dir = env->settings.get("data");
  location.database_url = env->settings.get("database");
  auto keys = load_keys(env->settings, env->key_file);
  if (!keys) {
    exit_code = report_failure("cannot load the key file", keys.error());
    return nullptr;
  }
  env->keys.emplace(std::move(*keys));
  auto store = storage::open_store(location, env->clock, *env->keys);
  if (!store) {
    exit_code = report_failure("cannot open the store", store.error());
    return nullptr;
  }
  env->store = std::move(*store);
  if (env->settings.get("leave_schema") == "yes") {
    // A backup reads the database as its servers left it: it never migrates one under them.
    auto version = env->store->schema_version();
    if (!version) {
      exit_code = report_failure("cannot read the database's schema version", version.error());
      return nullptr;
    }
    env->schema_version = *version;
    exit_code = 0;
    return env;
  }
  auto before = env->store->schema_version();
  auto version = env->store->migrate();
  if (!version || !before) {
    exit_code = report_failure("cannot bring the database schema up to date", version ? before.error() : version.error());
    return nullptr;
  }
  env->schema_version = *version;
  if (*before > 0 && *before < kFirstEncryptedSchema) {
    // A database from before encryption at rest: seal what it holds in clear, once.
    std::cerr << "Encrypting the existing case files / Đang mã hoá các hồ sơ hiện có\n";
    auto sealed = app::reseal_all(*env->store, [](const app::ResealProgress& p) { draw_progress(p); });
    std::cerr << "\n";
    if (!sealed) {
      exit_code = report_failure("cannot encrypt the existing case files", sealed.error());
      return nullptr;
    }
  }
  exit_code = 0;
  return env;
}

int report_failure(const std::string& what, const Error& error) {
  std::cerr << "haven: " << what << ": ";
  if (!error.log_detail.empty()) {
    std::cerr << storage::redact_conninfo(error.log_detail);
  } else {
    const std::string key = error.message_key.empty() ? i18n::default_message_key(error.code) : error.message_key;
    auto args = error.args;
    if (!error.field.empty()) args.push_back({"field", error.field});
    std::cerr << i18n::render_message(i18n::Language::en, key, args);
  }
  std::cerr << "\n";
  return 1;
}

}  // namespace haven::cli
