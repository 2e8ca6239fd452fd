// No duplicate from a retry, on both backends (app/idempotency.hpp): a registration or a record sent
// again with the same Idempotency-Key is stored once and answered with what the first made, even
// when two hundred copies arrive at once; the same key with another body is refused 422 and writes
// nothing; a bad key is named; without a key nothing changes.
#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <set>
#include <thread>

#include <boost/json.hpp>

#include <sodium.h>

#include "app/idempotency.hpp"
#include "common/iso_time.hpp"
#include "security/hex.hpp"
#include "security/key_ring.hpp"
#include "storage/store.hpp"
#include "support/each_backend.hpp"

namespace haven::testing {
namespace {

namespace json = boost::json;
namespace beast_http = boost::beast::http;

class Idempotency : public OnEachBackend {
 protected:
  ClientResponse post(HttpClient& client, const std::string& target, const std::string& body, const std::string& key) {
    return client.send(beast_http::verb::post, target, body, {{"Idempotency-Key", key}, {"Content-Type", "application/json"}});
  }

  std::int64_t count(const std::string& table) {
    auto n = storage::read_value<std::int64_t>(server_->store(), [&](storage::ReadTransaction& tx) -> Result<std::int64_t> {
      if (table == "cases") {
        HAVEN_ASSIGN_OR_RETURN(auto page, tx.cases().list({server_->centre_id(), server_->staff_id("worker1"), true, "", 500, 0,
                                                           std::nullopt, std::nullopt}));
        return page.total;
      }
      HAVEN_ASSIGN_OR_RETURN(auto records, tx.records().list(server_->centre_id(), case_id_));
      return static_cast<std::int64_t>(records.size());
    });
    EXPECT_TRUE(n);
    return n ? *n : -1;
  }

  std::string note(const std::string& text) {
    return json::serialize(json::object{{"type", "counselling_session"},
                                        {"occurred_at", format_iso_timestamp(server_->now() - std::chrono::minutes{1})},
                                        {"body", {{"condition_observed", text}, {"crisis", false}}}});
  }

  std::string case_id_;
};

TEST_P(Idempotency, TheFingerprintKeptOfARegistrationIsKeyedSoThatNoGuessOfTheNameConfirmsIt) {
  const std::string body = new_case_json("Đặng Thị Hoa");
  ASSERT_EQ(post(*worker_, "/api/v1/cases", body, "reception-7c1d").result_int(), 201);
  auto stored = storage::read_value<std::optional<storage::IdempotencyRecord>>(
      server_->store(), [&](storage::ReadTransaction& tx) { return tx.idempotency().find(server_->staff_id("worker1"), "reception-7c1d"); });
  ASSERT_TRUE(stored && *stored);
  // Whoever guesses the name and birth date and hashes the request, without the key file, gets
  // another digest: an unkeyed SHA-256 of it, as was kept before, is not what is stored.
  std::array<unsigned char, crypto_hash_sha256_BYTES> plain{};
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  for (const std::string_view part : {std::string_view("registerCase"), std::string_view("/api/v1/cases"), std::string_view(body)}) {
    const std::string length = std::to_string(part.size()) + ":";
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(length.data()), length.size());
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(part.data()), part.size());
  }
  crypto_hash_sha256_final(&state, plain.data());
  EXPECT_NE((*stored)->fingerprint, security::hex_of(plain));
  const auto one = security::KeyRing::generate();
  const auto other = security::KeyRing::generate();
  const auto claim = [&](const security::KeyRing& keys) {
    return app::idempotency_claim(keys.index_key(), "reception-7c1d", "registerCase", "/api/v1/cases", body)->fingerprint;
  };
  EXPECT_EQ(claim(one), claim(one));
  EXPECT_NE(claim(one), claim(other));
}

TEST_P(Idempotency, ARegistrationSentAgainIsStoredOnceAndAnsweredWithTheFirstCase) {
  const std::string body = new_case_json("Đặng Thị Hoa");
  auto first = post(*worker_, "/api/v1/cases", body, "\"reception-3f9a\"");
  ASSERT_EQ(first.result_int(), 201) << first.body();
  // The answer was lost; the browser sends the same form again.
  auto again = post(*worker_, "/api/v1/cases", body, "\"reception-3f9a\"");
  EXPECT_EQ(again.result_int(), 201) << again.body();
  EXPECT_EQ(json::parse(again.body()).at("id"), json::parse(first.body()).at("id"));
  EXPECT_EQ(json::parse(again.body()).at("code"), json::parse(first.body()).at("code"));
  EXPECT_EQ(count("cases"), 1);

  // The same key with another body: refused, naming the header, nothing written.
  auto other = post(*worker_, "/api/v1/cases", new_case_json("Đặng Thị Khác"), "\"reception-3f9a\"");
  EXPECT_EQ(other.result_int(), 422) << other.body();
  EXPECT_EQ(json::parse(other.body()).at("field"), "Idempotency-Key");
  EXPECT_EQ(count("cases"), 1);

  // Another key is another registration; so is one with no key at all.
  EXPECT_EQ(post(*worker_, "/api/v1/cases", body, "reception-77c1").result_int(), 201);
  EXPECT_EQ(worker_->post_json("/api/v1/cases", body).result_int(), 201);
  EXPECT_EQ(count("cases"), 3);

  // Kept 48 hours, then the key is free again.
  server_->advance_clock(std::chrono::hours{49});
  ASSERT_EQ(worker_->post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200);
  EXPECT_EQ(post(*worker_, "/api/v1/cases", body, "\"reception-3f9a\"").result_int(), 201);
  EXPECT_EQ(count("cases"), 4);
}

TEST_P(Idempotency, TwoHundredCopiesOfARecordArrivingAtOnceMakeOneRecord) {
  auto created = worker_->post_json("/api/v1/cases", new_case_json("Lò Thị Mạng"));
  ASSERT_EQ(created.result_int(), 201);
  case_id_ = std::string(json::parse(created.body()).at("id").as_string());
  const std::string records = "/api/v1/cases/" + case_id_ + "/records";
  const std::string body = note("Em ngủ được hơn");
  const auto before = count("records");
  constexpr std::size_t kCopies = 200;
  std::vector<std::string> ids(kCopies);
  std::vector<unsigned> statuses(kCopies);
  std::atomic<std::size_t> next{0};
  std::vector<std::jthread> senders;
  for (int t = 0; t < 16; ++t) {
    senders.emplace_back([&] {
      HttpClient client(server_->port());
      if (client.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int() != 200) return;
      for (std::size_t i = next++; i < kCopies; i = next++) {
        auto r = post(client, records, body, "note-5e21");
        statuses[i] = r.result_int();
        if (r.result_int() == 201) ids[i] = std::string(json::parse(r.body()).at("id").as_string());
      }
    });
  }
  senders.clear();
  EXPECT_EQ(count("records"), before + 1);
  EXPECT_EQ(static_cast<std::size_t>(std::count(statuses.begin(), statuses.end(), 201U)), kCopies)
      << "every copy answered with the one record";
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 1U);
}

TEST_P(Idempotency, ABadKeyIsNamedAndWritesNothing) {
  for (const std::string& key : {std::string(256, 'k'), std::string("\"two words\""), std::string("\"\"")}) {
    auto r = post(*worker_, "/api/v1/cases", new_case_json("Vừ Thị Khoá"), key);
    EXPECT_EQ(r.result_int(), 422) << key << " " << r.body();
    EXPECT_EQ(json::parse(r.body()).at("field"), "Idempotency-Key");
  }
  HttpClient en(server_->port(), "en");
  ASSERT_EQ(en.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200);
  auto r = post(en, "/api/v1/cases", new_case_json("Vừ Thị Khoá"), std::string(300, 'x'));
  EXPECT_NE(std::string(json::parse(r.body()).at("detail").as_string()).find("Idempotency-Key"), std::string::npos);
  EXPECT_EQ(count("cases"), 0);
}

TEST_P(Idempotency, KeysAreEachPersonsOwn) {
  const std::string body = new_case_json("Thào Thị Riêng");
  ASSERT_EQ(post(*worker_, "/api/v1/cases", body, "shared-key").result_int(), 201);
  HttpClient other(server_->port());
  ASSERT_EQ(other.post_json("/api/v1/session", TestServer::credentials("worker2")).result_int(), 200);
  auto mine = post(*worker_, "/api/v1/cases", body, "shared-key");
  auto theirs = post(other, "/api/v1/cases", body, "shared-key");
  EXPECT_EQ(theirs.result_int(), 201) << "another worker's key is not this one's";
  EXPECT_NE(json::parse(theirs.body()).at("id"), json::parse(mine.body()).at("id"));
  EXPECT_EQ(count("cases"), 1) << "worker1's list";
  // The same key on another route is another request: refused, never answered with the case.
  case_id_ = std::string(json::parse(mine.body()).at("id").as_string());
  auto elsewhere = post(*worker_, "/api/v1/cases/" + case_id_ + "/records", note("khác"), "shared-key");
  EXPECT_EQ(elsewhere.result_int(), 422) << elsewhere.body();
  EXPECT_EQ(count("records"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, Idempotency, ::testing::ValuesIn(kTestBackends), backend_test_name);

}  // namespace
}  // namespace haven::testing
