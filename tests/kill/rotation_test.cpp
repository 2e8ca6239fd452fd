// Key rotation while serving (docs/security.md, "Rotation"): `haven keys rotate` and then `haven keys
// retire` run while `haven serve` processes (one on SQLite, two on one PostgreSQL database) register,
// read and record for clients. Before the fix every reading answered 500 from the rotation on (2,584 of
// 2,584) and a case written under a key the other server lacked was lost; now not one request fails,
// the head's two-step sign-in works under the new key, and after a restart every case opens.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include <boost/json.hpp>

#include "common/iso_time.hpp"
#include "kill/prepared_store.hpp"
#include "kill/server_process.hpp"
#include "security/key_ring.hpp"
#include "security/totp.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace haven::testing {
namespace {

namespace json = boost::json;

std::string read_all(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Clients registering a case, reading one, and adding a record to it, round the servers, until
// stopped; every answer that is not a success is kept with its body.
class Load {
 public:
  Load(const std::vector<unsigned short>& ports, int clients) {
    for (int c = 0; c < clients; ++c) {
      threads_.emplace_back([this, port = ports[static_cast<std::size_t>(c) % ports.size()]] { run(port); });
    }
  }
  ~Load() { stop(); }
  void stop() {
    stop_ = true;
    for (auto& t : threads_) {
      if (t.joinable()) t.join();
    }
  }
  std::vector<std::string> failures() const {
    std::lock_guard lock(mutex_);
    return failures_;
  }
  std::vector<std::string> cases() const {
    std::lock_guard lock(mutex_);
    return cases_;
  }
  int requests() const { return requests_; }

 private:
  void run(unsigned short port) {
    HttpClient client(port, "en");
    if (!expect(client.post_json("/api/v1/session", TestServer::credentials("worker1")), 200, "sign-in")) return;
    for (int i = 0; !stop_; ++i) {
      const auto registered = client.post_json("/api/v1/cases", new_case_json("Người " + std::to_string(port) + "-" + std::to_string(i)));
      if (!expect(registered, 201, "registration")) continue;
      const std::string id(json::parse(registered.body()).at("id").as_string());
      {
        std::lock_guard lock(mutex_);
        cases_.push_back(id);
      }
      const std::string when = format_iso_timestamp(SystemClock().now() - std::chrono::minutes{1});
      expect(client.post_json("/api/v1/cases/" + id + "/records",
                              R"({"type":"health_check","occurred_at":")" + when + R"(","body":{"by_medical_staff":true}})"),
             201, "record");
      std::string earlier;
      {
        std::lock_guard lock(mutex_);
        earlier = cases_[static_cast<std::size_t>(i * 7) % cases_.size()];
      }
      expect(client.get("/api/v1/cases/" + earlier), 200, "case read");
      expect(client.get("/api/v1/cases/" + earlier + "/records"), 200, "records read");
    }
  }
  bool expect(const ClientResponse& r, unsigned status, const char* what) {
    ++requests_;
    if (r.result_int() == status) return true;
    std::lock_guard lock(mutex_);
    failures_.push_back(std::string(what) + " -> " + std::to_string(r.result_int()) + " " + r.body());
    return false;
  }

  std::atomic<bool> stop_{false};
  std::atomic<int> requests_{0};
  mutable std::mutex mutex_;
  std::vector<std::string> failures_;
  std::vector<std::string> cases_;
  std::vector<std::thread> threads_;
};

std::string code_json(const std::string& secret, std::int64_t step) {
  return json::serialize(json::object{{"code", security::totp_code(secret, step)}});
}

class RotationWhileServing : public ::testing::TestWithParam<std::string> {};

TEST_P(RotationWhileServing, NoRequestFailsAndEveryCaseOpensOnceTheOldKeyIsRetired) {
  if (backend_unavailable(GetParam())) GTEST_SKIP() << "HAVEN_TEST_POSTGRES is not set";
  TempDir dir;
  const auto log = dir.path() / "keys.log";
  std::vector<std::string> flags;
  std::filesystem::path key_file;
  std::unique_ptr<PostgresSchema> schema;
  int server_count = 1;
  if (GetParam() == "postgresql") {
    key_file = dir.path() / "haven.key";
    schema = std::make_unique<PostgresSchema>(key_file);
    flags = schema->flags();
    server_count = 2;  // two servers on one database, as a centre behind a load balancer runs
  } else {
    const auto data = dir.path() / "data";
    prepare_data_folder(data);
    key_file = security::default_key_file(data);
    flags = {"--data", data.string()};
  }
  std::vector<std::unique_ptr<ServerProcess>> servers;
  std::vector<unsigned short> ports;
  for (int s = 0; s < server_count; ++s) {
    servers.push_back(std::make_unique<ServerProcess>(flags));
    ports.push_back(servers.back()->port());
  }

  // The head's two-step sign-in, set up under the first key: its secret is sealed and resealed too.
  HttpClient head(ports.front(), "en");
  ASSERT_EQ(head.post_json("/api/v1/session", TestServer::credentials("head")).result_int(), 200);
  auto started = head.post_json("/api/v1/session/second-factor", json::serialize(json::object{{"password", kTestPassword}}));
  ASSERT_EQ(started.result_int(), 201) << started.body();
  const auto secret = *security::base32_decode(std::string(json::parse(started.body()).at("secret").as_string()));
  ASSERT_EQ(head.post_json("/api/v1/session/second-factor/confirm", code_json(secret, security::totp_step(SystemClock().now())))
                .result_int(),
            200);

  auto with = [&](std::vector<std::string> args) {
    args.insert(args.end(), flags.begin(), flags.end());
    return args;
  };
  Load load(ports, 2 * server_count + 1);
  std::this_thread::sleep_for(std::chrono::seconds{1});
  ASSERT_EQ(run_haven(with({"keys", "rotate", "--wait", "30"}), log), 0) << read_all(log);
  std::this_thread::sleep_for(std::chrono::seconds{1});
  ASSERT_EQ(run_haven(with({"keys", "retire"}), log), 0) << read_all(log);
  // Long enough for every server to read the file again and forget the retired key.
  std::this_thread::sleep_for(std::chrono::seconds{3});
  load.stop();

  EXPECT_EQ(load.failures(), std::vector<std::string>{}) << "of " << load.requests() << " requests";
  EXPECT_GT(load.cases().size(), 20U) << "the servers must have been writing while the keys changed";
  auto keys = security::KeyRing::load(key_file);
  ASSERT_TRUE(keys);
  EXPECT_EQ(keys->data_key_ids(), std::vector<std::uint32_t>{2}) << "key 1 retired, key 2 sealing";

  // The head signs in with a code, on the other server where there are two, her secret now sealed
  // under key 2 alone. A code works once: the step after the one that confirmed the set-up.
  HttpClient again(ports.back(), "en");
  auto signed_in = again.post_json(
      "/api/v1/session", json::serialize(json::object{{"username", "head"},
                                                      {"password", kTestPassword},
                                                      {"code", security::totp_code(secret, security::totp_step(SystemClock().now()) + 1)}}));
  EXPECT_EQ(signed_in.result_int(), 200) << signed_in.body();

  for (auto& server : servers) EXPECT_EQ(server->terminate_gracefully(), 0);
  servers.clear();
  ServerProcess restarted(flags);
  HttpClient reader(restarted.port());
  ASSERT_EQ(reader.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200);
  for (const auto& id : load.cases()) {
    EXPECT_EQ(reader.get("/api/v1/cases/" + id).result_int(), 200) << "case " << id << " no longer opens";
    EXPECT_EQ(reader.get("/api/v1/cases/" + id + "/records").result_int(), 200) << "case " << id;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, RotationWhileServing, ::testing::ValuesIn(kTestBackends),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace haven::testing
