// The sign-in limits under concurrency, on SQLite and PostgreSQL: hundreds of attempts sent at once
// check exactly as many passwords (or two-step codes) as the limit allows, never more. They did
// check more (81 passwords against a limit of 50, 131 against 100, 41 codes against 10) when the
// count was read, the password hashed and the failure written after. And every attempt is counted
// and audited, whatever its shape.
#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <map>
#include <thread>

#include <boost/json.hpp>

#include "security/totp.hpp"
#include "storage/store.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace haven::testing {
namespace {

namespace json = boost::json;
namespace beast_http = boost::beast::http;

// The answers of `count` sign-ins sent at once: how many of each status, and one body of each.
struct Answers {
  std::map<int, int> by_status;
  std::map<int, std::string> a_body;
  int count(int status) const { return by_status.contains(status) ? by_status.at(status) : 0; }
};

// Fires `count` sign-ins at once, each on its own connection, released together.
Answers fire(unsigned short port, int count, const std::function<std::string(int)>& body,
             const std::function<std::string(int)>& forwarded_for) {
  std::latch start(count);
  std::vector<ClientResponse> responses(static_cast<std::size_t>(count));
  std::vector<std::thread> threads;
  threads.reserve(responses.size());
  for (int i = 0; i < count; ++i) {
    threads.emplace_back([&, i] {
      HttpClient client(port, "en");
      std::map<std::string, std::string> headers;
      if (forwarded_for) headers["X-Forwarded-For"] = forwarded_for(i);
      start.arrive_and_wait();
      responses[static_cast<std::size_t>(i)] = client.send(beast_http::verb::post, "/api/v1/session", body(i), headers);
    });
  }
  for (auto& t : threads) t.join();
  Answers answers;
  for (const auto& r : responses) {
    const int status = static_cast<int>(r.result_int());
    ++answers.by_status[status];
    answers.a_body[status] = r.body();
  }
  return answers;
}

// How many audit entries of `action` (and, when given, `detail`) the log holds.
int audited(TestServer& server, const std::string& action, const std::string& detail = "*") {
  auto page = storage::read_value<std::vector<storage::StoredAuditEntry>>(
      server.store(), [](storage::ReadTransaction& tx) { return tx.audit().list_page(0, 100000); });
  EXPECT_TRUE(page);
  int n = 0;
  for (const auto& e : *page) n += e.entry.action == action && (detail == "*" || e.entry.detail == detail);
  return n;
}

std::string distinct_address(int i) { return "10.7." + std::to_string(i / 200) + "." + std::to_string(i % 200 + 1); }

http::ServerOptions behind_a_proxy() {
  http::ServerOptions options;
  options.trusted_proxies = *http::TrustedProxies::parse("127.0.0.1");  // so that each attempt has its own address
  return options;
}

class SignInLimits : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (backend_unavailable(GetParam())) GTEST_SKIP() << "set HAVEN_TEST_POSTGRES to run on PostgreSQL";
    server_ = std::make_unique<TestServer>(behind_a_proxy(), std::filesystem::path{}, http::ApiOptions{}, GetParam());
  }
  std::unique_ptr<TestServer> server_;
};

TEST_P(SignInLimits, TwoHundredAndFiftyWrongPasswordsForOneAccountCheckExactlyItsLimit) {
  const auto answers = fire(
      server_->port(), 250, [](int i) { return TestServer::credentials("worker1", "wrong guess number " + std::to_string(i)); },
      distinct_address);
  EXPECT_EQ(answers.count(401), 100) << "the account's limit of 100 in an hour";
  EXPECT_EQ(answers.count(429), 150);
  EXPECT_EQ(answers.by_status.size(), 2U) << "no other answer";
  EXPECT_EQ(audited(*server_, "session.refused"), 100) << "passwords checked";
  EXPECT_EQ(audited(*server_, "session.throttled"), 150);
  // Locked, even against the right password.
  HttpClient owner(server_->port());
  EXPECT_EQ(owner.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 429);
}

TEST_P(SignInLimits, OneHundredAndFiftyWrongSignInsFromOneAddressCheckExactlyItsLimit) {
  const auto answers = fire(
      server_->port(), 150,
      [](int i) { return TestServer::credentials("guess" + std::to_string(i), "a guessed password"); },
      [](int) { return std::string("10.9.9.9"); });
  EXPECT_EQ(answers.count(401), 50) << "the address's limit of 50 in 15 minutes";
  EXPECT_EQ(answers.count(429), 100);
  EXPECT_EQ(audited(*server_, "session.refused"), 50);
  // Another address is not held up.
  HttpClient elsewhere(server_->port());
  EXPECT_EQ(elsewhere.send(beast_http::verb::post, "/api/v1/session", TestServer::credentials("worker1"),
                           {{"X-Forwarded-For", "10.9.9.10"}})
                .result_int(),
            200);
}

TEST_P(SignInLimits, TwoHundredRightPasswordsWithWrongCodesCheckTenCodesInADay) {
  server_->context().sessions.second_factor_roles = {domain::Role::centre_head};
  server_->context().sessions.max_failures_per_account = 1000;  // only the codes' own limit binds here
  // The head sets up two-step sign-in.
  HttpClient head(server_->port());
  ASSERT_EQ(head.post_json("/api/v1/session", TestServer::credentials("head")).result_int(), 200);
  auto started = head.post_json("/api/v1/session/second-factor", R"({"password":"correct horse battery staple"})");
  ASSERT_EQ(started.result_int(), 201) << started.body();
  const auto secret = *security::base32_decode(std::string(json::parse(started.body()).at("secret").as_string()));
  const auto now_code = security::totp_code(secret, security::totp_step(server_->now()));
  ASSERT_EQ(head.post_json("/api/v1/session/second-factor/confirm", json::serialize(json::object{{"code", now_code}})).result_int(), 200);
  // A code that is never right: the current one, bumped by one in its last digit.
  std::string wrong = now_code;
  wrong.back() = wrong.back() == '9' ? '0' : static_cast<char>(wrong.back() + 1);
  const auto answers = fire(
      server_->port(), 200,
      [&](int) { return json::serialize(json::object{{"username", "head"}, {"password", kTestPassword}, {"code", wrong}}); },
      distinct_address);
  EXPECT_EQ(answers.count(401), 10) << "the day's limit of 10 wrong codes";
  EXPECT_EQ(answers.count(429), 190);
  EXPECT_EQ(audited(*server_, "session.refused", "second factor code wrong"), 10) << "codes checked";
}

// A name too long to be anyone's is refused without a password being checked, but still counted
// against its address and audited; past the limit it gets 429 like everything else.
TEST_P(SignInLimits, AnOverlongNameIsCountedAndAuditedLikeAnyAttempt) {
  server_->context().sessions.max_failures_per_address = 5;
  HttpClient client(server_->port());
  const std::string name(65, 'a');
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(client.send(beast_http::verb::post, "/api/v1/session", TestServer::credentials(name, "whatever it is"),
                          {{"X-Forwarded-For", "10.1.1.1"}})
                  .result_int(),
              401);
  }
  EXPECT_EQ(client.send(beast_http::verb::post, "/api/v1/session", TestServer::credentials(name, "whatever it is"),
                        {{"X-Forwarded-For", "10.1.1.1"}})
                .result_int(),
            429);
  EXPECT_EQ(client.send(beast_http::verb::post, "/api/v1/session", TestServer::credentials("worker1"), {{"X-Forwarded-For", "10.1.1.1"}})
                .result_int(),
            429)
      << "the address is throttled for every name";
  EXPECT_EQ(audited(*server_, "session.refused", "malformed"), 5);
  EXPECT_EQ(audited(*server_, "session.throttled"), 2);
}

// Passwords are hashed on a small pool of their own: past its queue a sign-in is told at once that the
// server is busy (503, code busy), is neither counted nor checked, and writes nothing of its own (a
// flood of 4,500 a second once wrote two entries each and slowed every reading of the server 3x): the
// first of a flood is audited at once, then one entry a minute says how many were refused since.
TEST(SignInHashing, PastTheHashingQueueASignInIsToldTheServerIsBusy) {
  TestServer server({}, {}, {}, "sqlite", security::HasherOptions{.threads = 1, .queue_per_thread = 1, .nice = 0});
  const auto answers = fire(
      server.port(), 24, [](int i) { return TestServer::credentials("worker1", "wrong guess number " + std::to_string(i)); },
      nullptr);
  ASSERT_GT(answers.count(503), 0) << "one thread and one place in the queue cannot take 24 at once";
  EXPECT_EQ(answers.count(401) + answers.count(503), 24);
  EXPECT_EQ(audited(server, "session.refused"), answers.count(401)) << "only the checked ones count";
  EXPECT_EQ(audited(server, "session.busy"), 1) << "the first busy answer of the minute";
  EXPECT_EQ(audited(server, "session.busy", "1 refused unchecked"), 1);
  // Its title says the server is busy, not that the database is down.
  const auto busy = json::parse(answers.a_body.at(503));
  EXPECT_EQ(busy.at("code").as_string(), "busy");
  EXPECT_EQ(busy.at("title").as_string(), "The server is busy. Try again in a few seconds; nothing you entered was lost.");
  EXPECT_EQ(busy.at("detail").as_string(), "Many people are signing in at once. Try again in a few seconds.");
  // The owner's next sign-in, alone, goes through: the busy answers took nothing from her account.
  HttpClient client(server.port(), "en");
  EXPECT_EQ(client.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200);

  // A minute on, the next busy answer writes the count of those not yet audited, itself included.
  server.advance_clock(std::chrono::seconds{61});
  const auto again = fire(
      server.port(), 24, [](int i) { return TestServer::credentials("worker1", "wrong guess number " + std::to_string(i)); },
      nullptr);
  ASSERT_GT(again.count(503), 0);
  EXPECT_EQ(audited(server, "session.busy"), 2);
  EXPECT_EQ(audited(server, "session.busy", std::to_string(answers.count(503)) + " refused unchecked"), 1);
}

// An address already throttled goes straight to its count (429) without taking a place in the hashing
// queue: one address's flood must not fill the places every other sign-in needs. Before, with one
// place, 23 of these 24 took it in turn and were told 503, and others with them.
TEST(SignInHashing, AThrottledAddressNeverTakesAPlaceInTheHashingQueue) {
  TestServer server(behind_a_proxy(), {}, {}, "sqlite", security::HasherOptions{.threads = 1, .queue_per_thread = 1, .nice = 0});
  server.context().sessions.max_failures_per_address = 3;
  HttpClient attacker(server.port(), "en");
  const auto from = [&](const std::string& password) {
    return attacker.send(beast_http::verb::post, "/api/v1/session", TestServer::credentials("worker1", password),
                         {{"X-Forwarded-For", "10.9.9.9"}});
  };
  for (int i = 0; i < 3; ++i) ASSERT_EQ(from("wrong guess " + std::to_string(i)).result_int(), 401);
  ASSERT_EQ(from("one more guess").result_int(), 429);
  const auto answers = fire(
      server.port(), 24, [](int i) { return TestServer::credentials("worker1", "wrong guess number " + std::to_string(i)); },
      [](int) { return std::string("10.9.9.9"); });
  EXPECT_EQ(answers.count(429), 24) << "all throttled, none told the server is busy";
  HttpClient owner(server.port(), "en");
  EXPECT_EQ(owner.send(beast_http::verb::post, "/api/v1/session", TestServer::credentials("head"), {{"X-Forwarded-For", "10.9.9.10"}})
                .result_int(),
            200);
}

INSTANTIATE_TEST_SUITE_P(Backends, SignInLimits, ::testing::ValuesIn(kTestBackends),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace haven::testing
