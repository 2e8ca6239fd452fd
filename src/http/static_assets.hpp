// The built web UI (web/dist), read into memory at start and served with caching headers: hashed
// files under /assets/ are immutable for a year, index.html is revalidated every time (ETag), and any
// other path without a file extension gets index.html so the browser's router can take it.
//
//   auto assets = StaticAssets::load("/usr/share/haven/web");
//   if (auto response = assets->serve(request)) return *response;
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "common/error.hpp"
#include "http/message.hpp"

namespace haven::http {

class StaticAssets {
 public:
  static Result<StaticAssets> load(const std::filesystem::path& root);
  static StaticAssets empty() { return StaticAssets{}; }

  // nullopt when no file answers for this path (the caller then answers 404).
  std::optional<Response> serve(const Request& request, std::string_view path) const;
  std::size_t file_count() const { return files_.size(); }

 private:
  struct File {
    std::string content;
    std::string content_type;
    std::string etag;
    bool immutable = false;
  };
  std::map<std::string, File, std::less<>> files_;
};

}  // namespace haven::http
