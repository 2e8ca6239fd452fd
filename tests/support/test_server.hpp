// A real Haven server for HTTP tests: SQLite in a temporary folder (or PostgreSQL, in a schema of its
// own, for the routes whose limits live in the store), a centre, and staff accounts with known
// passwords, serving on a free port (port 0) on a background thread.
//
//   TestServer server;                          // started
//   HttpClient client(server.port());
//   client.post_json("/api/v1/session", server.credentials("worker1"));
//   TestServer on_pg({}, {}, {}, "postgresql"); // skipped unless HAVEN_TEST_POSTGRES is set (failed under HAVEN_REQUIRE_POSTGRES)
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "app/app_context.hpp"
#include "common/clock.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "security/key_ring.hpp"
#include "security/password_hasher.hpp"
#include "storage/sql/sql_connection.hpp"
#include "storage/store.hpp"
#include "support/temp_dir.hpp"

namespace haven::testing {

inline constexpr const char* kTestPassword = "correct horse battery staple";
// The organisation of the test account `provider` (an external provider, II.6).
inline constexpr const char* kTestProviderOrganisation = "Bệnh viện tỉnh An Giang";

class TestServer {
 public:
  // A long hashing queue by default: the concurrency tests send hundreds of sign-ins at once and count
  // every check.
  static constexpr security::HasherOptions kLongHashingQueue{.threads = 2, .queue_per_thread = 256, .nice = 0};
  explicit TestServer(http::ServerOptions options = {}, const std::filesystem::path& web_root = {},
                      http::ApiOptions api_options = {}, std::string backend = "sqlite",
                      security::HasherOptions hashing = kLongHashingQueue);
  ~TestServer();

  unsigned short port() const { return port_; }
  std::size_t open_connections() const { return server_->open_connections(); }
  storage::Store& store() { return *store_; }
  const security::KeyRing& keys() const { return *keys_; }
  std::filesystem::path database_file() const { return dir_.path() / "haven.db"; }
  app::AppContext& context() { return *ctx_; }
  const http::Api& api() const { return *api_; }
  std::string centre_id() const { return centre_id_; }
  std::string other_centre_id() const { return other_centre_id_; }
  // The server's clock starts at the real time and stands still until a test moves it on.
  Timestamp now() const { return clock_.now(); }
  void advance_clock(std::chrono::seconds by) { clock_.advance(by); }
  // The ID of a test account: head, deputy (a second centre head), worker1, worker2, counsellor,
  // auditor, admin, provider (an external provider); elsewhere and head2 at the other centre.
  std::string staff_id(const std::string& username) const;
  // {"username": ..., "password": ...} for POST /api/v1/session
  static std::string credentials(const std::string& username, const std::string& password = kTestPassword);
  void stop();

 private:
  TempDir dir_;
  std::string backend_;
  std::unique_ptr<storage::SqlConnection> pg_admin_;  // PostgreSQL: drops the test's schema at the end
  std::string pg_schema_;
  FixedClock clock_{std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now())};
  std::optional<security::KeyRing> keys_;  // before the store, which holds a reference to it
  std::unique_ptr<storage::Store> store_;
  security::PasswordHasher hasher_;
  std::unique_ptr<app::AppContext> ctx_;
  http::StaticAssets assets_ = http::StaticAssets::empty();
  std::unique_ptr<http::Api> api_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
  unsigned short port_ = 0;
  std::string centre_id_;
  std::string other_centre_id_;
  std::vector<std::pair<std::string, std::string>> staff_ids_;  // username, ID
};

// The backends an HTTP test whose route reaches the store runs on; PostgreSQL when reachable
// (HAVEN_TEST_POSTGRES), else skipped, or failed under HAVEN_REQUIRE_POSTGRES.
inline const std::vector<std::string> kTestBackends{"sqlite", "postgresql"};
// Call first in a test on `backend`: skips it when PostgreSQL is not there and not required.
bool backend_unavailable(const std::string& backend);

// The body of POST /cases/{id}/records that puts a member of staff on a case (I.3.c), with the
// declaration of no conflict of interest (III.2.c); only the centre head may post it.
std::string assignment_json(const std::string& staff_id, const std::string& occurred_at = "2026-01-15T03:00:00Z");

// The body of POST /cases/{id}/break-glass: how a centre head opens a case she is not on (I.3.c),
// since nobody puts themselves on a case; with a reason, for `minutes` (the server's clock stands still).
std::string break_glass_json(int minutes = 240);

// A valid registration body; `name` and `birth_date` vary between tests.
std::string new_case_json(const std::string& name, const std::string& birth_date = "2001-05-20");

}  // namespace haven::testing
