// Settings for the haven command, each taken from the first place that has it: the command-line
// flag, then the environment (HAVEN_DATA, HAVEN_DATABASE, HAVEN_LISTEN, HAVEN_WEB_ROOT,
// HAVEN_WORKERS, HAVEN_LOG_LEVEL), then the config file (--config FILE or HAVEN_CONFIG; lines of
// `key = value`), then the default. Secrets (the database URL's password) are never printed.
//
//   SettingsSource source(flags, config_path);
//   std::string listen = source.get("listen", "127.0.0.1:8080");
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "common/error.hpp"

namespace haven::cli {

class SettingsSource {
 public:
  // `flags`: the settings given on the command line, by key ("listen", "data", ...).
  static Result<SettingsSource> load(std::map<std::string, std::string> flags, const std::string& config_path);

  std::string get(const std::string& key, const std::string& fallback = {}) const;

 private:
  std::map<std::string, std::string> flags_;
  std::map<std::string, std::string> file_;
};

std::string environment_name(const std::string& key);  // "web_root" -> "HAVEN_WEB_ROOT"

struct ListenAddress {
  std::string host;
  unsigned short port = 0;
};
std::optional<ListenAddress> parse_listen_address(const std::string& text);  // "127.0.0.1:8080"

}  // namespace haven::cli
