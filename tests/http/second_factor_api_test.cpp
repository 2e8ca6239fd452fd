// Two-step sign-in (TOTP): required for administrators and centre heads, open to everyone, each code
// accepted once; and the session's idle and absolute expiry, on the server's clock.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "security/totp.hpp"
#include "storage/store.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace haven::testing {
namespace {

namespace http = boost::beast::http;
using namespace std::chrono_literals;

std::string sign_in_json(const std::string& username, const std::string& code) {
  return boost::json::serialize(boost::json::object{{"username", username}, {"password", kTestPassword}, {"code", code}});
}

std::string code_json(const std::string& code) { return boost::json::serialize(boost::json::object{{"code", code}}); }

boost::json::value body_of(const ClientResponse& r) { return boost::json::parse(r.body()); }

std::vector<std::string> audit_actions(TestServer& server) {
  auto page = storage::read_value<std::vector<storage::StoredAuditEntry>>(
      server.store(), [](storage::ReadTransaction& tx) { return tx.audit().list_page(0, 100000); });
  std::vector<std::string> actions;
  for (const auto& e : *page) actions.push_back(e.entry.action);
  return actions;
}

class SecondFactorApi : public ::testing::Test {
 protected:
  SecondFactorApi() {
    server_.context().sessions.second_factor_roles = {domain::Role::administrator, domain::Role::centre_head};
  }

  // Sets up two-step sign-in on a signed-in client; returns the secret's bytes.
  std::string set_up(HttpClient& client) {
    auto started = client.post_json("/api/v1/session/second-factor", R"({"password":"correct horse battery staple"})");
    EXPECT_EQ(started.result_int(), 201) << started.body();
    const auto secret = security::base32_decode(std::string(body_of(started).at("secret").as_string()));
    EXPECT_TRUE(secret);
    auto confirmed = client.post_json("/api/v1/session/second-factor/confirm",
                                      code_json(security::totp_code(*secret, security::totp_step(server_.now()))));
    EXPECT_EQ(confirmed.result_int(), 200) << confirmed.body();
    return *secret;
  }

  std::string code_now(const std::string& secret) const {
    return security::totp_code(secret, security::totp_step(server_.now()));
  }

  TestServer server_;
};

TEST_F(SecondFactorApi, AHeadWithoutItMaySetItUpAndNothingElseUntilThen) {
  HttpClient head(server_.port(), "en");
  auto signed_in = head.post_json("/api/v1/session", TestServer::credentials("head"));
  ASSERT_EQ(signed_in.result_int(), 200) << signed_in.body();
  EXPECT_EQ(body_of(signed_in).at("second_factor").at("setup_required").as_bool(), true);
  EXPECT_EQ(body_of(signed_in).at("second_factor").at("enabled").as_bool(), false);

  auto refused = head.get("/api/v1/cases");
  EXPECT_EQ(refused.result_int(), 403);
  EXPECT_EQ(body_of(refused).at("detail").as_string(),
            "Your role requires two-step sign-in. Set it up before doing anything else.");
  EXPECT_EQ(head.get("/api/v1/session").result_int(), 200);

  // The password is asked again, and a wrong one is refused and audited.
  auto wrong_password = head.post_json("/api/v1/session/second-factor", R"({"password":"not the password at all"})");
  EXPECT_EQ(wrong_password.result_int(), 401);
  EXPECT_EQ(body_of(wrong_password).at("field").as_string(), "password");

  auto started = head.post_json("/api/v1/session/second-factor", R"({"password":"correct horse battery staple"})");
  ASSERT_EQ(started.result_int(), 201) << started.body();
  const std::string uri(body_of(started).at("otpauth_uri").as_string());
  EXPECT_EQ(uri.rfind("otpauth://totp/Haven:head?secret=", 0), 0u) << uri;
  const auto secret = *security::base32_decode(std::string(body_of(started).at("secret").as_string()));
  EXPECT_EQ(secret.size(), 20u);

  auto wrong_code = head.post_json("/api/v1/session/second-factor/confirm", code_json("000000"));
  EXPECT_EQ(wrong_code.result_int(), 422);
  EXPECT_EQ(body_of(wrong_code).at("field").as_string(), "code");
  EXPECT_EQ(head.get("/api/v1/cases").result_int(), 403) << "still waiting for the second factor";

  ASSERT_EQ(head.post_json("/api/v1/session/second-factor/confirm", code_json(code_now(secret))).result_int(), 200);
  EXPECT_EQ(head.get("/api/v1/cases").result_int(), 200) << "the same session may now work";
  EXPECT_EQ(body_of(head.get("/api/v1/session")).at("second_factor").at("enabled").as_bool(), true);
  auto again = head.post_json("/api/v1/session/second-factor", R"({"password":"correct horse battery staple"})");
  EXPECT_EQ(again.result_int(), 409) << "a second secret only after an administrator's reset";

  const auto actions = audit_actions(server_);
  for (const char* action : {"second_factor.refused", "second_factor.enrolment_started", "second_factor.enabled"}) {
    EXPECT_NE(std::find(actions.begin(), actions.end(), action), actions.end()) << action;
  }
}

TEST_F(SecondFactorApi, OnceOnSignInNeedsACodeAndEachCodeWorksOnce) {
  HttpClient head(server_.port(), "en");
  ASSERT_EQ(head.post_json("/api/v1/session", TestServer::credentials("head")).result_int(), 200);
  const std::string secret = set_up(head);  // used the current step's code
  server_.advance_clock(30s);

  HttpClient other(server_.port(), "en");
  auto asked = other.post_json("/api/v1/session", TestServer::credentials("head"));
  EXPECT_EQ(asked.result_int(), 401);
  EXPECT_EQ(body_of(asked).at("code").as_string(), "second_factor_required");
  EXPECT_EQ(body_of(asked).at("field").as_string(), "code");
  EXPECT_TRUE(other.cookie().empty());

  auto wrong = other.post_json("/api/v1/session", sign_in_json("head", "123456"));
  EXPECT_EQ(wrong.result_int(), 401);
  EXPECT_EQ(body_of(wrong).at("code").as_string(), "invalid_credentials");
  EXPECT_EQ(body_of(wrong).at("field").as_string(), "code");

  const std::string code = code_now(secret);
  auto accepted = other.post_json("/api/v1/session", sign_in_json("head", code));
  ASSERT_EQ(accepted.result_int(), 200) << accepted.body();
  EXPECT_EQ(body_of(accepted).at("second_factor").at("setup_required").as_bool(), false);
  EXPECT_EQ(other.get("/api/v1/cases").result_int(), 200);

  // The same code again, within its 30 seconds: refused, as someone looking over a shoulder would be.
  HttpClient replay(server_.port(), "en");
  auto replayed = replay.post_json("/api/v1/session", sign_in_json("head", code));
  EXPECT_EQ(replayed.result_int(), 401);
  EXPECT_EQ(body_of(replayed).at("detail").as_string(),
            "The code is wrong or has already been used. Enter the code your authenticator app shows now; each code works "
            "only once.");
  // A wrong password with the right next code is still a wrong password.
  server_.advance_clock(30s);
  auto bad_password = replay.post_json(
      "/api/v1/session",
      boost::json::serialize(boost::json::object{{"username", "head"}, {"password", "wrong wrong wrong"}, {"code", code_now(secret)}}));
  EXPECT_EQ(bad_password.result_int(), 401);
  EXPECT_FALSE(body_of(bad_password).as_object().contains("field")) << "the password, not the code";
}

TEST_F(SecondFactorApi, WrongCodesCountTowardsTheAccountsLockout) {
  server_.context().sessions.max_failures_per_account = 3;
  HttpClient head(server_.port(), "en");
  ASSERT_EQ(head.post_json("/api/v1/session", TestServer::credentials("head")).result_int(), 200);
  const std::string secret = set_up(head);
  server_.advance_clock(30s);
  HttpClient guesser(server_.port(), "en");
  for (const char* guess : {"111111", "222222", "333333"}) {
    EXPECT_EQ(guesser.post_json("/api/v1/session", sign_in_json("head", guess)).result_int(), 401);
  }
  EXPECT_EQ(guesser.post_json("/api/v1/session", sign_in_json("head", code_now(secret))).result_int(), 429);
}

// Someone with the head's password alone holds a session waiting for the factor; when the head sets
// it up in her own session, the thief's session ends instead of gaining her rights.
TEST_F(SecondFactorApi, SettingItUpEndsTheOtherSessionsStillWaitingForIt) {
  HttpClient thief(server_.port(), "en");
  ASSERT_EQ(thief.post_json("/api/v1/session", TestServer::credentials("head")).result_int(), 200);
  HttpClient head(server_.port(), "en");
  ASSERT_EQ(head.post_json("/api/v1/session", TestServer::credentials("head")).result_int(), 200);
  set_up(head);
  EXPECT_EQ(head.get("/api/v1/cases").result_int(), 200);
  EXPECT_EQ(thief.get("/api/v1/cases").result_int(), 401);
  EXPECT_EQ(thief.get("/api/v1/session").result_int(), 401);
}

// Ten wrong codes in a day lock the codes, and the owner's own success does not reset the count:
// the password's holder cannot work through the million codes between her sign-ins.
TEST_F(SecondFactorApi, WrongCodesLockTheCodesForADayWhateverSucceedsInBetween) {
  HttpClient head(server_.port(), "en");
  ASSERT_EQ(head.post_json("/api/v1/session", TestServer::credentials("head")).result_int(), 200);
  const std::string secret = set_up(head);
  HttpClient guesser(server_.port(), "en");
  for (int i = 0; i < 9; ++i) {
    server_.advance_clock(std::chrono::minutes{5});
    ASSERT_EQ(guesser.post_json("/api/v1/session", sign_in_json("head", "12345" + std::to_string(i))).result_int(), 401);
  }
  server_.advance_clock(std::chrono::minutes{5});
  HttpClient owner(server_.port(), "en");
  ASSERT_EQ(owner.post_json("/api/v1/session", sign_in_json("head", code_now(secret))).result_int(), 200);
  ASSERT_EQ(guesser.post_json("/api/v1/session", sign_in_json("head", "999999")).result_int(), 401);  // the tenth
  server_.advance_clock(std::chrono::minutes{1});
  auto locked = owner.post_json("/api/v1/session", sign_in_json("head", code_now(secret)));
  EXPECT_EQ(locked.result_int(), 429);
  EXPECT_NE(std::string(body_of(locked).at("detail").as_string()).find("locked for 24 hours"), std::string::npos);
  server_.advance_clock(std::chrono::hours{24});
  EXPECT_EQ(owner.post_json("/api/v1/session", sign_in_json("head", code_now(secret))).result_int(), 200);
}

TEST_F(SecondFactorApi, ACaseWorkerMayTurnItOnWithoutBeingMadeTo) {
  HttpClient worker(server_.port(), "en");
  auto signed_in = worker.post_json("/api/v1/session", TestServer::credentials("worker1"));
  ASSERT_EQ(signed_in.result_int(), 200);
  EXPECT_EQ(body_of(signed_in).at("second_factor").at("setup_required").as_bool(), false);
  EXPECT_EQ(worker.get("/api/v1/cases").result_int(), 200);
  const std::string secret = set_up(worker);
  server_.advance_clock(30s);
  HttpClient later(server_.port(), "en");
  EXPECT_EQ(later.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 401);
  EXPECT_EQ(later.post_json("/api/v1/session", sign_in_json("worker1", code_now(secret))).result_int(), 200);
}

TEST_F(SecondFactorApi, AnAdministratorResetsALostPhoneAndTheHeadSetsItUpAgain) {
  HttpClient admin(server_.port(), "en");
  ASSERT_EQ(admin.post_json("/api/v1/session", TestServer::credentials("admin")).result_int(), 200);
  const std::string admin_secret = set_up(admin);
  HttpClient head(server_.port(), "en");
  ASSERT_EQ(head.post_json("/api/v1/session", TestServer::credentials("head")).result_int(), 200);
  set_up(head);

  const std::string target = "/api/v1/staff/" + server_.staff_id("head") + "/second-factor";
  HttpClient worker(server_.port(), "en");
  ASSERT_EQ(worker.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200);
  EXPECT_EQ(worker.send(http::verb::delete_, target, "").result_int(), 403);
  EXPECT_EQ(admin.send(http::verb::delete_, target, "").result_int(), 204);
  EXPECT_EQ(head.get("/api/v1/session").result_int(), 401) << "the head's sessions ended with the reset";
  EXPECT_EQ(admin.send(http::verb::delete_, target, "").result_int(), 404) << "nothing left to reset";

  HttpClient head_again(server_.port(), "en");
  auto signed_in = head_again.post_json("/api/v1/session", TestServer::credentials("head"));
  ASSERT_EQ(signed_in.result_int(), 200) << "no code: there is none to ask for";
  EXPECT_EQ(body_of(signed_in).at("second_factor").at("setup_required").as_bool(), true);
  EXPECT_EQ(head_again.get("/api/v1/cases").result_int(), 403);
}

// Sessions end after 15 minutes without a request and after 12 hours in all, however busy.
TEST(SessionExpiry, IdleAndAbsoluteLimitsHoldOnTheServersClock) {
  TestServer server;
  HttpClient idle(server.port());
  ASSERT_EQ(idle.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200);
  server.advance_clock(14min);
  EXPECT_EQ(idle.get("/api/v1/session").result_int(), 200) << "14 minutes idle: still signed in";
  server.advance_clock(15min);
  EXPECT_EQ(idle.get("/api/v1/session").result_int(), 401) << "15 minutes after the last request";

  HttpClient busy(server.port());
  ASSERT_EQ(busy.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200);
  for (int i = 0; i < 12 * 6 - 1; ++i) {  // a request every 10 minutes for 11 h 50 min
    server.advance_clock(10min);
    ASSERT_EQ(busy.get("/api/v1/session").result_int(), 200) << "after " << (i + 1) * 10 << " minutes";
  }
  server.advance_clock(10min);
  EXPECT_EQ(busy.get("/api/v1/session").result_int(), 401) << "12 hours after sign-in, however busy";
}

}  // namespace
}  // namespace haven::testing
