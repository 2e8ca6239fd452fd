#include "http/static_assets.hpp"

#include <array>
#include <fstream>
#include <sstream>

#include <sodium.h>

#include "security/hex.hpp"

namespace haven::http {
namespace {

std::string content_type_for(const std::filesystem::path& file) {
  const std::string ext = file.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json" || ext == ".map") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

std::string etag_of(const std::string& content) {
  std::array<unsigned char, 12> digest{};
  crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(content.data()),
                     content.size(), nullptr, 0);
  return "\"" + security::hex_of(digest) + "\"";
}

}  // namespace

Result<StaticAssets> StaticAssets::load(const std::filesystem::path& root) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(root / "index.html", ec)) {
    return fail_internal(ErrorCode::unavailable,
                         "no web UI at " + root.string() + " (index.html missing): build it with `npm run build` in web/");
  }
  StaticAssets assets;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root, ec)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    const std::string relative = "/" + std::filesystem::relative(entry.path(), root).generic_string();
    File file;
    file.content = content.str();
    file.content_type = content_type_for(entry.path());
    file.etag = etag_of(file.content);
    file.immutable = relative.starts_with("/assets/");  // Vite puts a content hash in these names
    assets.files_.emplace(relative, std::move(file));
  }
  if (ec) return fail_internal(ErrorCode::unavailable, "cannot read the web UI at " + root.string() + ": " + ec.message());
  return assets;
}

std::optional<Response> StaticAssets::serve(const Request& request, std::string_view path) const {
  if (request.method() != Verb::get && request.method() != Verb::head) return std::nullopt;
  auto found = files_.find(path == "/" ? std::string_view("/index.html") : path);
  if (found == files_.end()) {
    // A client-side route ("/cases/abc"): no extension in the last segment.
    const auto last = path.substr(path.rfind('/') + 1);
    if (last.find('.') != std::string_view::npos || files_.empty()) return std::nullopt;
    found = files_.find("/index.html");
    if (found == files_.end()) return std::nullopt;
  }
  const File& file = found->second;
  const bool not_modified = request[beast_http::field::if_none_match] == file.etag;
  Response response{not_modified ? Status::not_modified : Status::ok, request.version()};
  response.set(beast_http::field::content_type, file.content_type);
  response.set(beast_http::field::etag, file.etag);
  response.set(beast_http::field::cache_control, file.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  if (!not_modified && request.method() == Verb::get) response.body() = file.content;
  response.prepare_payload();
  if (request.method() == Verb::head) response.content_length(file.content.size());
  return response;
}

}  // namespace haven::http
