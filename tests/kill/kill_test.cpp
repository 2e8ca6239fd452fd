// Durability: kill -9 the haven server during a stream of writes, start it again, and find every
// acknowledged write, in a database that passes SQLite's integrity check.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <thread>

#include <boost/json.hpp>

#include "kill/prepared_store.hpp"
#include "kill/server_process.hpp"
#include "security/key_ring.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace haven::testing {
namespace {

TEST(KillTest, EveryAcknowledgedWriteSurvivesKillDashNine) {
  TempDir dir;
  const auto data = dir.path() / "data";  // its key file, data.key, beside it in the temporary folder
  prepare_data_folder(data);
  std::vector<std::string> acknowledged;

  for (int round = 0; round < 3; ++round) {
    ServerProcess server(data);
    HttpClient client(server.port());
    ASSERT_EQ(client.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200);

    std::atomic<bool> killed{false};
    std::thread killer([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(400 + 150 * round));
      server.kill_hard();
      killed = true;
    });
    for (int i = 0; !killed; ++i) {
      try {
        auto r = client.post_json("/api/v1/cases", new_case_json("Vòng " + std::to_string(round) + " người " + std::to_string(i)));
        if (r.result_int() == 201) acknowledged.emplace_back(boost::json::parse(r.body()).at("id").as_string());
      } catch (const std::exception&) {
        break;  // the server died under this request: it was never acknowledged
      }
    }
    killer.join();
  }
  ASSERT_GT(acknowledged.size(), 10U) << "the test must have written a stream before the kills";

  ServerProcess server(data);
  HttpClient client(server.port());
  ASSERT_EQ(client.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200);
  for (const auto& id : acknowledged) {
    EXPECT_EQ(client.get("/api/v1/cases/" + id).result_int(), 200) << "acknowledged case " << id << " was lost";
  }
  EXPECT_EQ(server.terminate_gracefully(), 0);

  SystemClock clock;
  auto keys = security::KeyRing::load(security::default_key_file(data));
  ASSERT_TRUE(keys);
  auto store = storage::SqliteStore::open(data / "haven.db", clock, *keys);
  ASSERT_TRUE(store);
  auto integrity = (*store)->integrity_check();
  ASSERT_TRUE(integrity);
  EXPECT_EQ(*integrity, "ok");
}

}  // namespace
}  // namespace haven::testing
