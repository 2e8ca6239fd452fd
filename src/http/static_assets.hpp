// The built web UI (web/dist), read into memory at start and served with caching headers: hashed
// files under /assets/ are immutable for a year, index.html is revalidated every time (ETag), and any
// other path without a file extension gets index.html so the browser's router can take it. The build
// compresses each text file ahead of time (web/scripts/precompress.mjs: "app.js.br", "app.js.gz"
// beside "app.js"); a browser that accepts brotli or gzip gets that copy, with `Vary:
// Accept-Encoding`. These are the UI's own files, with nothing secret in them, so compressing them
// leaks nothing (BREACH needs a secret and attacker-chosen text in one compressed answer).
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

  enum class Encoding { identity, gzip, br };
  // The encoding to answer with, by an Accept-Encoding header (RFC 9110 12.5.3: q-values, "*",
  // "identity;q=0"), among those a file has: brotli before gzip at equal preference.
  static Encoding choose_encoding(std::string_view accept_encoding, bool has_gzip, bool has_br);

 private:
  struct Variant {
    std::string content;
    std::string etag;
  };
  struct File {
    Variant identity;
    std::optional<Variant> gzip = {};
    std::optional<Variant> br = {};
    std::string content_type;
    bool immutable = false;
  };
  std::map<std::string, File, std::less<>> files_;
};

}  // namespace haven::http
