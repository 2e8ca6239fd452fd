// `haven serve`: open the store, bring its schema up to date, load the web UI, and serve until
// SIGTERM or SIGINT. Requests in flight finish before the store is closed.
#include <charconv>
#include <iostream>

#include <spdlog/spdlog.h>

#include "app/app_context.hpp"
#include "cli/commands.hpp"
#include "http/server.hpp"
#include "security/password_hasher.hpp"

#ifndef HAVEN_DEFAULT_WEB_ROOT
#define HAVEN_DEFAULT_WEB_ROOT ""
#endif

namespace haven::cli {
namespace {

std::optional<std::size_t> parse_count(const std::string& text) {
  std::size_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

int run_serve(const CommonFlags& common, const ServeFlags& flags) {
  auto settings = settings_for(common, {{"listen", flags.listen},
                                        {"web_root", flags.web_root},
                                        {"workers", flags.workers},
                                        {"max_body", flags.max_body}});
  if (!settings) return report_failure("cannot read settings", settings.error());
  configure_logging(*settings);

  const auto listen = parse_listen_address(settings->get("listen", "127.0.0.1:8080"));
  if (!listen) {
    std::cerr << "haven serve: --listen must be ADDRESS:PORT, for example 127.0.0.1:8080\n";
    return 2;
  }
  http::ServerOptions options;
  options.address = listen->host;
  options.port = listen->port;
  if (auto w = parse_count(settings->get("workers", "0"))) {
    options.workers = *w;
  } else {
    std::cerr << "haven serve: --workers must be a whole number\n";
    return 2;
  }
  if (auto b = parse_count(settings->get("max_body", std::to_string(options.max_body_bytes))); b && *b > 0) {
    options.max_body_bytes = *b;
  } else {
    std::cerr << "haven serve: --max-body must be a number of bytes\n";
    return 2;
  }

  SystemClock clock;
  auto store = open_configured_store(*settings, clock);
  if (!store) return report_failure("cannot open the store", store.error());
  auto version = (*store)->migrate();
  if (!version) return report_failure("cannot bring the schema up to date", version.error());

  http::StaticAssets assets = http::StaticAssets::empty();
  const std::string web_root = settings->get("web_root", HAVEN_DEFAULT_WEB_ROOT);
  if (!web_root.empty()) {
    auto loaded = http::StaticAssets::load(web_root);
    if (loaded) {
      assets = std::move(*loaded);
    } else {
      spdlog::warn("serving the API only: {}", loaded.error().log_detail);
    }
  }

  security::PasswordHasher hasher;
  app::AppContext ctx{**store, clock, hasher};
  http::Api api(ctx, assets, {});
  http::Server server(api, options);
  auto endpoint = server.listen();
  if (!endpoint) return report_failure("cannot start the server", endpoint.error());
  std::cout << "Haven " << "is serving on http://" << endpoint->address().to_string() << ":" << endpoint->port()
            << "/ (store: " << (*store)->backend() << ", schema " << *version << ")" << std::endl;
  server.run();
  std::cout << "Haven stopped." << std::endl;
  return 0;
}

}  // namespace haven::cli
