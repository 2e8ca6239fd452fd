// Settings, logging and opening the store: the part every subcommand shares.
#include <iostream>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "cli/commands.hpp"
#include "i18n/messages.hpp"
#include "storage/open_store.hpp"
#include "storage/postgres/pg_connection.hpp"

namespace haven::cli {

Result<SettingsSource> settings_for(const CommonFlags& common, std::map<std::string, std::string> extra) {
  extra["data"] = common.data;
  extra["database"] = common.database;
  extra["log_level"] = common.log_level;
  return SettingsSource::load(std::move(extra), common.config);
}

void configure_logging(const SettingsSource& settings) {
  // Logs go to standard error; standard output carries only what a person asked for.
  auto logger = spdlog::stderr_logger_mt("haven");
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);
  spdlog::set_default_logger(logger);
  const std::string level = settings.get("log_level", "info");
  spdlog::set_level(spdlog::level::from_str(level));
}

Result<std::unique_ptr<storage::Store>> open_configured_store(const SettingsSource& settings, const Clock& clock) {
  storage::StoreLocation location;
  location.data_dir = settings.get("data");
  location.database_url = settings.get("database");
  return storage::open_store(location, clock);
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
