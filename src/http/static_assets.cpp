#include "http/static_assets.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
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

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

// "0.5" of "gzip;q=0.5"; 1 when not given, 0 when it does not parse (an unreadable weight accepts nothing).
double weight_of(std::string_view parameters) {
  for (std::size_t at = 0; at < parameters.size();) {
    const auto end = std::min(parameters.find(';', at), parameters.size());
    const auto parameter = trim(parameters.substr(at, end - at));
    if (parameter.size() >= 2 && (parameter[0] == 'q' || parameter[0] == 'Q') && parameter[1] == '=') {
      // "0.5", "1", "1.000": a plain decimal (RFC 9110 12.4.2), nothing strtod would also take.
      const auto value = parameter.substr(2);
      double q = 0;
      const auto [parsed_to, error] = std::from_chars(value.data(), value.data() + value.size(), q, std::chars_format::fixed);
      return error == std::errc{} && parsed_to == value.data() + value.size() && q >= 0 && q <= 1 ? q : 0;
    }
    at = end + 1;
  }
  return 1;
}

// If-None-Match (RFC 9110 13.1.2): "*", or a list of tags, weak ones compared weakly.
bool none_match_fails(std::string_view header, std::string_view etag) {
  for (std::size_t at = 0; at < header.size();) {
    const auto end = std::min(header.find(',', at), header.size());
    auto tag = trim(header.substr(at, end - at));
    if (tag == "*") return true;
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == etag) return true;
    at = end + 1;
  }
  return false;
}

constexpr std::string_view kGzipSuffix = ".gz";
constexpr std::string_view kBrotliSuffix = ".br";

}  // namespace

StaticAssets::Encoding StaticAssets::choose_encoding(std::string_view accept_encoding, bool has_gzip, bool has_br) {
  std::optional<double> gzip;
  std::optional<double> br;
  std::optional<double> any;
  for (std::size_t at = 0; at <= accept_encoding.size();) {
    const auto end = std::min(accept_encoding.find(',', at), accept_encoding.size());
    const auto item = trim(accept_encoding.substr(at, end - at));
    const auto semicolon = std::min(item.find(';'), item.size());
    const auto coding = trim(item.substr(0, semicolon));
    const double q = weight_of(item.substr(semicolon));
    if (iequals(coding, "gzip") || iequals(coding, "x-gzip")) gzip = q;
    if (iequals(coding, "br")) br = q;
    if (coding == "*") any = q;
    at = end + 1;
  }
  const double gzip_q = has_gzip ? gzip.value_or(any.value_or(0)) : 0;
  const double br_q = has_br ? br.value_or(any.value_or(0)) : 0;
  if (br_q > 0 && br_q >= gzip_q) return Encoding::br;
  if (gzip_q > 0) return Encoding::gzip;
  return Encoding::identity;
}

Result<StaticAssets> StaticAssets::load(const std::filesystem::path& root) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(root / "index.html", ec)) {
    return fail_internal(ErrorCode::unavailable,
                         "no web UI at " + root.string() + " (index.html missing): build it with `npm run build` in web/");
  }
  std::map<std::string, std::string, std::less<>> contents;  // by path from the root, "/assets/app.js"
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root, ec)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    contents.emplace("/" + std::filesystem::relative(entry.path(), root).generic_string(), content.str());
  }
  if (ec) return fail_internal(ErrorCode::unavailable, "cannot read the web UI at " + root.string() + ": " + ec.message());
  // A compressed copy of a file ("app.js.br" beside "app.js") is that file's, not a path of its own.
  const auto copy_of = [&](const std::string& path) -> const std::string* {
    for (const auto suffix : {kGzipSuffix, kBrotliSuffix}) {
      if (!path.ends_with(suffix)) continue;
      const auto original = contents.find(std::string_view(path).substr(0, path.size() - suffix.size()));
      if (original != contents.end()) return &original->first;
    }
    return nullptr;
  };
  StaticAssets assets;
  for (auto& [path, content] : contents) {
    if (copy_of(path)) continue;
    File file;
    file.identity.etag = etag_of(content);
    file.identity.content = std::move(content);
    file.content_type = content_type_for(path);
    file.immutable = path.starts_with("/assets/");  // Vite puts a content hash in these names
    assets.files_.emplace(path, std::move(file));
  }
  for (auto& [path, content] : contents) {
    const std::string* original = copy_of(path);
    if (!original) continue;
    File& file = assets.files_.at(*original);
    const bool brotli = path.ends_with(kBrotliSuffix);
    // Each encoding is its own representation (RFC 9110 8.8.3): its own validator.
    Variant variant{std::move(content), {}};
    variant.etag = etag_of(variant.content);
    (brotli ? file.br : file.gzip) = std::move(variant);
  }
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
  const Encoding encoding =
      choose_encoding(request[beast_http::field::accept_encoding], file.gzip.has_value(), file.br.has_value());
  const Variant& variant = encoding == Encoding::br ? *file.br : encoding == Encoding::gzip ? *file.gzip : file.identity;
  const bool not_modified = none_match_fails(request[beast_http::field::if_none_match], variant.etag);
  Response response{not_modified ? Status::not_modified : Status::ok, request.version()};
  response.set(beast_http::field::content_type, file.content_type);
  response.set(beast_http::field::etag, variant.etag);
  response.set(beast_http::field::cache_control, file.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  if (file.gzip || file.br) {
    // A cache must not hand one browser's brotli copy to another that cannot read it.
    response.set(beast_http::field::vary, "Accept-Encoding");
    if (encoding != Encoding::identity) {
      response.set(beast_http::field::content_encoding, encoding == Encoding::br ? "br" : "gzip");
    }
  }
  if (!not_modified && request.method() == Verb::get) response.body() = variant.content;
  response.prepare_payload();
  if (request.method() == Verb::head) response.content_length(variant.content.size());
  return response;
}

}  // namespace haven::http
