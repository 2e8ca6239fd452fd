// Durability: kill -9 the haven server while clients register cases, add records to them and read
// them (each reading audited), start it again, and find every acknowledged write, in a database that
// passes SQLite's integrity check and whose audit chain verifies after every kill.
// HAVEN_KILL_ROUNDS: the test command runs 3 rounds, scripts/drill.sh kill 1,000.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include <boost/json.hpp>

#include "app/audit_log.hpp"
#include "common/iso_time.hpp"
#include "kill/prepared_store.hpp"
#include "kill/server_process.hpp"
#include "security/key_ring.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace haven::testing {
namespace {

// What the server acknowledged, across rounds: cases, and records by their case.
struct Acknowledged {
  std::mutex mutex;
  std::vector<std::string> cases;
  std::vector<std::pair<std::string, std::string>> records;  // case, record
  std::string some_case(std::size_t i) {
    std::lock_guard lock(mutex);
    return cases.empty() ? std::string() : cases[i % cases.size()];
  }
};

// One client's loop until the server dies under it (a request that gets no answer was never
// acknowledged) or the kill is done.
template <class Step>
void until_killed(unsigned short port, const std::atomic<bool>& killed, Step step) {
  try {
    HttpClient client(port);
    if (client.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int() != 200) return;
    for (int i = 0; !killed; ++i) step(client, i);
  } catch (const std::exception&) {
  }
}

TEST(KillTest, EveryAcknowledgedWriteSurvivesKillDashNine) {
  TempDir dir;
  const auto data = dir.path() / "data";  // its key file, data.key, beside it in the temporary folder
  prepare_data_folder(data);
  Acknowledged acknowledged;
  std::atomic<int> reads{0};

  const char* rounds_text = std::getenv("HAVEN_KILL_ROUNDS");
  const int rounds = rounds_text && *rounds_text ? std::atoi(rounds_text) : 3;
  for (int round = 0; round < rounds; ++round) {
    ServerProcess server(data);
    std::atomic<bool> killed{false};
    std::vector<std::thread> clients;
    clients.emplace_back([&] {
      until_killed(server.port(), killed, [&](HttpClient& client, int i) {
        auto r = client.post_json("/api/v1/cases", new_case_json("Vòng " + std::to_string(round) + " người " + std::to_string(i)));
        if (r.result_int() != 201) return;
        std::lock_guard lock(acknowledged.mutex);
        acknowledged.cases.emplace_back(boost::json::parse(r.body()).at("id").as_string());
      });
    });
    clients.emplace_back([&] {
      until_killed(server.port(), killed, [&](HttpClient& client, int i) {
        const auto id = acknowledged.some_case(static_cast<std::size_t>(i) * 7);
        if (id.empty()) return;
        const std::string when = format_iso_timestamp(SystemClock().now() - std::chrono::seconds{1});
        auto r = client.post_json("/api/v1/cases/" + id + "/records",
                                  R"({"type":"health_check","occurred_at":")" + when + R"(","body":{"by_medical_staff":true}})");
        if (r.result_int() != 201) return;
        std::lock_guard lock(acknowledged.mutex);
        acknowledged.records.emplace_back(id, boost::json::parse(r.body()).at("id").as_string());
      });
    });
    clients.emplace_back([&] {
      until_killed(server.port(), killed, [&](HttpClient& client, int i) {
        const auto id = acknowledged.some_case(static_cast<std::size_t>(i) * 13);
        if (!id.empty() && client.get("/api/v1/cases/" + id).result_int() == 200) ++reads;
      });
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(400 + 150 * (round % 5)));
    server.kill_hard();
    killed = true;
    for (auto& c : clients) c.join();

    // After each kill, before anything serves it again: a sound file and an unbroken audit chain.
    SystemClock clock;
    auto keys = security::KeyRing::load(security::default_key_file(data));
    ASSERT_TRUE(keys);
    auto store = storage::SqliteStore::open(data / "haven.db", clock, *keys, 1);
    ASSERT_TRUE(store);
    auto integrity = (*store)->integrity_check();
    ASSERT_TRUE(integrity);
    ASSERT_EQ(*integrity, "ok") << "round " << round;
    auto chain = app::verify_audit_log(**store, *keys, [](std::int64_t) {});
    ASSERT_TRUE(chain);
    ASSERT_EQ(chain->problem, app::AuditProblem::none) << "round " << round;
  }
  std::cout << "kill -9 rounds: " << rounds << ", cases acknowledged: " << acknowledged.cases.size()
            << ", records acknowledged: " << acknowledged.records.size() << ", audited reads: " << reads << "\n";
  ASSERT_GT(acknowledged.cases.size(), 10U) << "the test must have written a stream before the kills";

  ServerProcess server(data);
  HttpClient client(server.port());
  ASSERT_EQ(client.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200);
  std::size_t lost = 0;
  for (const auto& id : acknowledged.cases) {
    const auto status = client.get("/api/v1/cases/" + id).result_int();
    EXPECT_EQ(status, 200) << "acknowledged case " << id << " was lost";
    lost += status == 200 ? 0 : 1;
  }
  // Every page of each case's records: a case may hold more than a page (200) of them.
  std::map<std::string, std::string> records_of;
  const auto all_records = [&](const std::string& case_id) {
    std::string listed;
    std::string after;
    for (;;) {
      const auto page = boost::json::parse(
          client.get("/api/v1/cases/" + case_id + "/records?limit=500" + (after.empty() ? "" : "&after=" + after)).body());
      listed += boost::json::serialize(page.at("items"));
      const auto* next = page.as_object().if_contains("next");
      if (!next) return listed;
      after = std::string(next->as_string());
    }
  };
  for (const auto& [case_id, record_id] : acknowledged.records) {
    auto& listed = records_of[case_id];
    if (listed.empty()) listed = all_records(case_id);
    const bool there = listed.find(record_id) != std::string::npos;
    EXPECT_TRUE(there) << "acknowledged record " << record_id << " of case " << case_id << " was lost";
    lost += there ? 0 : 1;
  }
  std::cout << "lost: " << lost << "\n";
  EXPECT_EQ(server.terminate_gracefully(), 0);
}

}  // namespace
}  // namespace haven::testing
