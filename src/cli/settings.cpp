#include "cli/settings.hpp"

#include <charconv>
#include <cstdlib>
#include <fstream>

namespace haven::cli {
namespace {

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

}  // namespace

std::string environment_name(const std::string& key) {
  std::string name = "HAVEN_";
  for (const char c : key) name.push_back(c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return name;
}

Result<SettingsSource> SettingsSource::load(std::map<std::string, std::string> flags, const std::string& config_path) {
  SettingsSource source;
  source.flags_ = std::move(flags);
  std::string path = config_path;
  if (path.empty()) {
    if (const char* env = std::getenv("HAVEN_CONFIG")) path = env;
  }
  if (path.empty()) return source;
  std::ifstream in(path);
  if (!in) return fail_internal(ErrorCode::unavailable, "cannot read the config file " + path);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    line = trim(line);
    if (line.empty() || line.front() == '#') continue;
    const auto equals = line.find('=');
    if (equals == std::string::npos) {
      return fail_internal(ErrorCode::unavailable,
                           path + ":" + std::to_string(number) + ": expected `key = value`, found: " + line);
    }
    std::string value = trim(line.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    std::string key = trim(line.substr(0, equals));
    for (auto& c : key) c = c == '-' ? '_' : c;
    source.file_[key] = value;
  }
  return source;
}

std::string SettingsSource::get(const std::string& key, const std::string& fallback) const {
  if (auto it = flags_.find(key); it != flags_.end() && !it->second.empty()) return it->second;
  if (const char* env = std::getenv(environment_name(key).c_str()); env && *env) return env;
  if (auto it = file_.find(key); it != file_.end()) return it->second;
  return fallback;
}

std::optional<ListenAddress> parse_listen_address(const std::string& text) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) return std::nullopt;
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  unsigned port = 0;
  const auto* begin = text.data() + colon + 1;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(begin, end, port);
  if (ec != std::errc{} || ptr != end || port > 65535) return std::nullopt;
  return ListenAddress{host, static_cast<unsigned short>(port)};
}

}  // namespace haven::cli
