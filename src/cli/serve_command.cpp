// `haven serve`: open the store, bring its schema up to date, load the web UI, and serve until
// SIGTERM or SIGINT. Requests in flight finish before the store is closed.
#include <malloc.h>
#include <sys/resource.h>

#include <charconv>
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include <spdlog/spdlog.h>

#include "app/case_standings.hpp"
#include "app/key_rotation.hpp"
#include "cli/commands.hpp"
#include "cli/file_lock.hpp"
#include "http/server.hpp"
#include "standards/parameters.hpp"

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

// Every connection is a file descriptor: as many as the system lets this process have, so that the
// server's own connection limits (http/connection_table.hpp), not EMFILE, decide who waits.
void raise_open_file_limit() {
  struct rlimit files {};
  if (::getrlimit(RLIMIT_NOFILE, &files) != 0 || files.rlim_cur >= files.rlim_max) return;
  files.rlim_cur = files.rlim_max;
  if (::setrlimit(RLIMIT_NOFILE, &files) != 0) spdlog::warn("could not raise the open file limit");
}

// glibc raises its mmap threshold after the first large block is freed (up to 32 MiB), so a 10 MiB
// document body is next taken from, and kept in, whichever of the handler threads' arenas served
// it: resident memory grew by 10 MiB an upload (bench/documents.sh). A fixed threshold hands every
// block of 1 MiB or more back to the system when it is freed.
void return_large_blocks_when_freed() { ::mallopt(M_MMAP_THRESHOLD, 1 << 20); }

}  // namespace

int run_serve(const CommonFlags& common, const ServeFlags& flags) {
  // Flags are checked before the store is opened: a typo must not start a migration.
  http::ServerOptions options;
  standards::Parameters parameters = standards::Parameters::defaults();
  std::int64_t max_case_bytes = app::kDefaultMaxCaseBytes;
  std::optional<FileLock> folder_lock;
  auto check_flags = [&options, &parameters, &max_case_bytes, &folder_lock](const SettingsSource& settings) {
    // A restore replaces the folder's database only when no server uses it (file_lock.hpp).
    if (const std::string data = settings.get("data");
        !data.empty() && settings.get("database").empty() && std::filesystem::is_directory(data)) {
      folder_lock.emplace(data_folder_lock(data), FileLock::Share::shared);
      if (!folder_lock->held()) {
        std::cerr << "haven serve: " << data << " is being restored (`haven restore`): start the server once it "
                  << "has ended. / Thư mục dữ liệu đang được khôi phục: hãy khởi động sau khi khôi phục xong.\n";
        return 1;
      }
    }
    const auto listen = parse_listen_address(settings.get("listen", "127.0.0.1:8080"));
    if (!listen) {
      std::cerr << "haven serve: --listen must be ADDRESS:PORT, for example 127.0.0.1:8080\n";
      return 2;
    }
    options.address = listen->host;
    options.port = listen->port;
    const auto workers = parse_count(settings.get("workers", "0"));
    if (!workers) {
      std::cerr << "haven serve: --workers must be a whole number\n";
      return 2;
    }
    options.workers = *workers;
    const auto io_threads = parse_count(settings.get("io_threads", "0"));
    if (!io_threads) {
      std::cerr << "haven serve: --io-threads must be a whole number\n";
      return 2;
    }
    options.io_threads = *io_threads;
    const auto max_body = parse_count(settings.get("max_body", std::to_string(options.max_body_bytes)));
    if (!max_body || *max_body == 0) {
      std::cerr << "haven serve: --max-body must be a number of bytes\n";
      return 2;
    }
    options.max_body_bytes = *max_body;
    const auto per_address = parse_count(
        settings.get("max_connections_per_address", std::to_string(options.max_connections_per_address)));
    if (!per_address || *per_address == 0) {
      std::cerr << "haven serve: --max-connections-per-address must be a whole number above 0\n";
      return 2;
    }
    options.max_connections_per_address = *per_address;
    const auto max_case = parse_count(settings.get("max_case_size", std::to_string(max_case_bytes)));
    if (!max_case || *max_case < options.max_body_bytes) {
      std::cerr << "haven serve: --max-case-size must be a number of bytes, at least --max-body\n";
      return 2;
    }
    max_case_bytes = static_cast<std::int64_t>(*max_case);
    options.tls_certificate_file = settings.get("tls_cert");
    options.tls_private_key_file = settings.get("tls_key");
    if (options.tls_certificate_file.empty() != options.tls_private_key_file.empty()) {
      std::cerr << "haven serve: --tls-cert and --tls-key go together: give both, or neither\n";
      return 2;
    }
    auto proxies = http::TrustedProxies::parse(settings.get("trusted_proxies"));
    if (!proxies) {
      std::cerr << "haven serve: --trusted-proxies: " << proxies.error().log_detail << "\n";
      return 2;
    }
    options.trusted_proxies = std::move(*proxies);
    // The deployment's deadlines are checked before anything starts: a typo must not serve defaults.
    if (const std::string file = settings.get("standards"); !file.empty()) {
      std::ifstream in(file);
      if (!in) {
        std::cerr << "haven serve: cannot read the standards parameters file " << file << "\n";
        return 2;
      }
      std::stringstream text;
      text << in.rdbuf();
      auto parsed = standards::Parameters::parse(text.str());
      if (!parsed) {
        std::cerr << "haven serve: " << file << ": " << parsed.error().log_detail << "\n";
        return 2;
      }
      parameters = std::move(*parsed);
    }
    return 0;
  };
  int exit_code = 0;
  auto env = open_environment(common, exit_code,
                              {{"listen", flags.listen},
                               {"web_root", flags.web_root},
                               {"workers", flags.workers},
                               {"io_threads", flags.io_threads},
                               {"max_body", flags.max_body},
                               {"max_connections_per_address", flags.max_connections_per_address},
                               {"max_case_size", flags.max_case_size},
                               {"secure_cookies", flags.secure_cookies ? "true" : ""},
                               {"standards", flags.standards_file},
                               {"tls_cert", flags.tls_certificate},
                               {"tls_key", flags.tls_key},
                               {"trusted_proxies", flags.trusted_proxies}},
                              check_flags);
  if (!env) return exit_code;

  http::StaticAssets assets = http::StaticAssets::empty();
  const std::string web_root = env->settings.get("web_root", HAVEN_DEFAULT_WEB_ROOT);
  if (!web_root.empty()) {
    auto loaded = http::StaticAssets::load(web_root);
    if (loaded) {
      assets = std::move(*loaded);
    } else {
      spdlog::warn("serving the API only: {}", loaded.error().log_detail);
    }
  }

  const std::string secure = env->settings.get("secure_cookies", "false");
  http::ApiOptions api_options;
  const bool tls = !options.tls_certificate_file.empty();
  // Served over TLS, the cookie is Secure whatever the flag says.
  api_options.secure_cookies = tls || secure == "true" || secure == "1" || secure == "yes";
  auto ctx = env->app();
  ctx.standards = std::move(parameters);
  ctx.max_case_bytes = max_case_bytes;
  http::Api api(ctx, assets, api_options);
  // SQLite reads from the page cache in microseconds: a quick reading is cheaper done on the I/O
  // thread than handed to a worker and back. PostgreSQL reads wait on the network: workers do them.
  options.quick_on_io_threads = env->store->backend() == "sqlite";
  // Says which keys it holds while it runs, and reads the key file again: key rotation while serving.
  // Said before the check below, so that a rotation switching at this moment waits for this server.
  app::ServerPresenceLoop presence(*env->store, *env->keys, env->key_file, env->clock);
  // A server started with an old copy of the key file would write what others cannot read.
  if (auto held = app::check_sealing_key_held(*env->store, *env->keys); !held) {
    return report_failure("cannot start the server", held.error());
  }
  raise_open_file_limit();
  return_large_blocks_when_freed();
  http::Server server(api, options);
  auto endpoint = server.listen();
  if (!endpoint) return report_failure("cannot start the server", endpoint.error());
  std::cout << "Haven is serving on " << (tls ? "https://" : "http://") << endpoint->address().to_string() << ":" << endpoint->port()
            << "/ (store: " << env->store->backend() << ", schema " << env->schema_version << ")" << std::endl;
  // The centres' standings, read once while the first requests are served: a centre's figures then
  // open only the cases changed since (app/standing_cache.hpp). Stopped and joined before the context
  // goes; a failure here only leaves the work to the first reading.
  std::jthread first_reading([&ctx](std::stop_token stop) {
    const auto started = std::chrono::steady_clock::now();
    try {
      auto cases = app::read_every_centres_standings(ctx, stop);
      const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
      if (cases) {
        spdlog::info("read the standings of {} cases in {} ms", *cases, ms.count());
      } else {
        spdlog::warn("the centres' standings were not read at start (the first reading will): {}",
                     cases.error().log_detail);
      }
    } catch (const std::exception& e) {  // out of memory, say: the server goes on without them
      spdlog::warn("the centres' standings were not read at start (the first reading will): {}", e.what());
    }
  });
  server.run();
  std::cout << "Haven stopped." << std::endl;
  return 0;
}

}  // namespace haven::cli
