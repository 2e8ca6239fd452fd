#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/accounts.hpp"
#include "common/iso_time.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace haven::testing {
namespace {

namespace http = boost::beast::http;

TEST(SessionApi, SignInSetsAStrictHttpOnlyCookieAndSignOutEndsIt) {
  TestServer server;
  HttpClient client(server.port());
  auto r = client.post_json("/api/v1/session", TestServer::credentials("worker1"));
  ASSERT_EQ(r.result_int(), 200) << r.body();
  const std::string cookie(r[http::field::set_cookie]);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  const auto user = boost::json::parse(r.body()).at("user");
  EXPECT_EQ(user.at("role").as_string(), "case_worker");
  EXPECT_EQ(user.at("centre").at("name").as_string(), "Trung tâm thử nghiệm");

  EXPECT_EQ(client.get("/api/v1/session").result_int(), 200);
  const std::string stolen = client.cookie();
  EXPECT_EQ(client.send(http::verb::delete_, "/api/v1/session", "").result_int(), 204);
  EXPECT_EQ(client.get("/api/v1/session").result_int(), 401);
  // The old token is dead on the server, not only forgotten by this browser.
  auto replay = client.send(http::verb::get, "/api/v1/cases", "", {{"Cookie", stolen}});
  EXPECT_EQ(replay.result_int(), 401);
}

// The page warns before a session ends and keeps what is typed; it learns when from the session's own
// answers. Typing sends GET /session, which keeps the session alive like any request: within the idle
// limit it lives on; past the idle limit, or past the absolute one however busy, it is over.
TEST(SessionApi, TheSessionSaysWhenItEndsAndActivityKeepsItWithinTheLimits) {
  TestServer server;
  HttpClient client(server.port());
  const auto signed_in = client.post_json("/api/v1/session", TestServer::credentials("worker1"));
  ASSERT_EQ(signed_in.result_int(), 200) << signed_in.body();
  const auto session = boost::json::parse(signed_in.body()).at("session");
  EXPECT_EQ(session.at("idle_timeout_seconds").as_int64(), 15 * 60);
  EXPECT_EQ(session.at("ends_at").as_string(), format_iso_timestamp(server.now() + std::chrono::hours(12)));

  for (int i = 0; i < 5; ++i) {  // an hour of typing, a keep-alive every 12 minutes
    server.advance_clock(std::chrono::minutes(12));
    const auto alive = client.get("/api/v1/session");
    ASSERT_EQ(alive.result_int(), 200) << "after " << (i + 1) * 12 << " minutes";
    EXPECT_EQ(boost::json::parse(alive.body()).at("session").at("ends_at"), session.at("ends_at"));
  }
  server.advance_clock(std::chrono::minutes(15));
  EXPECT_EQ(client.get("/api/v1/session").result_int(), 401) << "15 minutes without a request end it";

  HttpClient busy(server.port());
  ASSERT_EQ(busy.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200);
  for (int minutes = 10; minutes < 12 * 60; minutes += 10) {
    server.advance_clock(std::chrono::minutes(10));
    ASSERT_EQ(busy.get("/api/v1/session").result_int(), 200) << minutes;
  }
  server.advance_clock(std::chrono::minutes(10));
  EXPECT_EQ(busy.get("/api/v1/session").result_int(), 401) << "12 hours in all end it, however busy";
}

TEST(SessionApi, BehindHttpsTheCookieIsSecureAndHostOnly) {
  haven::http::ApiOptions api_options;
  api_options.secure_cookies = true;
  TestServer server({}, {}, api_options);
  HttpClient client(server.port());
  auto r = client.post_json("/api/v1/session", TestServer::credentials("worker1"));
  ASSERT_EQ(r.result_int(), 200);
  const std::string cookie(r[boost::beast::http::field::set_cookie]);
  EXPECT_TRUE(cookie.starts_with("__Host-haven_session=")) << cookie;
  EXPECT_NE(cookie.find("; Secure"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);
  EXPECT_EQ(client.get("/api/v1/session").result_int(), 200);
  // The plain name is not accepted where the prefixed one is expected.
  const std::string token = client.cookie().substr(client.cookie().find('=') + 1);
  auto plain = client.send(boost::beast::http::verb::get, "/api/v1/session", "", {{"Cookie", "haven_session=" + token}});
  EXPECT_EQ(plain.result_int(), 401);
}

TEST(SessionApi, WrongPasswordAndUnknownUserAnswerTheSame) {
  TestServer server;
  HttpClient client(server.port(), "en");
  auto wrong = client.post_json("/api/v1/session", TestServer::credentials("worker1", "not the password at all"));
  auto unknown = client.post_json("/api/v1/session", TestServer::credentials("nobody", "not the password at all"));
  EXPECT_EQ(wrong.result_int(), 401);
  EXPECT_EQ(unknown.result_int(), 401);
  EXPECT_EQ(wrong.body(), unknown.body());
  EXPECT_EQ(boost::json::parse(wrong.body()).at("detail").as_string(), "The username or password is not correct.");
  EXPECT_TRUE(client.cookie().empty());
}

TEST(SessionApi, EveryApiCallWithoutASessionIs401) {
  TestServer server;
  HttpClient client(server.port());
  for (const char* target : {"/api/v1/cases", "/api/v1/cases/anything", "/api/v1/session"}) {
    auto r = client.get(target);
    EXPECT_EQ(r.result_int(), 401) << target;
    EXPECT_EQ(boost::json::parse(r.body()).at("code").as_string(), "unauthenticated");
  }
  auto forged = client.send(http::verb::get, "/api/v1/cases", "", {{"Cookie", "haven_session=forged-token"}});
  EXPECT_EQ(forged.result_int(), 401);
}

TEST(SessionApi, AnAdministratorSeesNoCaseContent) {
  TestServer server;
  HttpClient client(server.port());
  ASSERT_EQ(client.post_json("/api/v1/session", TestServer::credentials("admin")).result_int(), 200);
  EXPECT_EQ(client.get("/api/v1/cases").result_int(), 403);
}

// The attempt limits: at most max_failures_per_account failed sign-ins per account in an hour, then
// not even the right password opens it until the hour has passed; another account is not affected.
TEST(SessionApi, AnAccountThatFailedTooOftenIsLockedEvenAgainstTheRightPassword) {
  TestServer server;
  server.context().sessions.max_failures_per_account = 3;
  HttpClient client(server.port(), "en");
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(client.post_json("/api/v1/session", TestServer::credentials("worker1", "wrong guess " + std::to_string(i)))
                  .result_int(),
              401);
  }
  auto locked = client.post_json("/api/v1/session", TestServer::credentials("worker1"));
  EXPECT_EQ(locked.result_int(), 429);
  const auto problem = boost::json::parse(locked.body());
  EXPECT_EQ(problem.at("code").as_string(), "rate_limited");
  EXPECT_NE(problem.at("detail").as_string().find("too many failed sign-ins"), boost::json::string::npos);
  // The name is counted as typed: any case of it, and an unknown name is limited the same way.
  EXPECT_EQ(client.post_json("/api/v1/session", TestServer::credentials("WORKER1")).result_int(), 429);
  EXPECT_EQ(client.post_json("/api/v1/session", TestServer::credentials("counsellor")).result_int(), 200);
  // Every attempt is in the audit log: three refused, then the throttled ones.
  int refused = 0;
  int throttled = 0;
  auto page = storage::read_value<std::vector<storage::StoredAuditEntry>>(
      server.store(), [](storage::ReadTransaction& tx) { return tx.audit().list_page(0, 10000); });
  ASSERT_TRUE(page);
  for (const auto& e : *page) {
    refused += e.entry.action == "session.refused" && e.entry.actor_id == server.staff_id("worker1");
    throttled += e.entry.action == "session.throttled";
  }
  EXPECT_EQ(refused, 3);
  EXPECT_EQ(throttled, 2);
}

TEST(SessionApi, AClientAddressThatFailedTooOftenIsThrottled) {
  TestServer server;
  server.context().sessions.max_failures_per_address = 4;
  HttpClient client(server.port());
  // Four names tried from one address, none of them a real account.
  for (const char* name : {"admin1", "root", "test", "guest"}) {
    EXPECT_EQ(client.post_json("/api/v1/session", TestServer::credentials(name, "a guessed password")).result_int(), 401);
  }
  EXPECT_EQ(client.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 429);
}

TEST(SessionApi, ASuccessfulSignInClearsTheAccountsFailures) {
  TestServer server;
  server.context().sessions.max_failures_per_account = 3;
  HttpClient client(server.port());
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 2; ++i) {
      EXPECT_EQ(client.post_json("/api/v1/session", TestServer::credentials("worker1", "typo typo typo")).result_int(), 401);
    }
    EXPECT_EQ(client.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200) << round;
  }
}

TEST(SessionApi, ACommonPasswordIsRefusedWhenAnAccountIsMade) {
  TestServer server;
  auto added = app::add_staff(server.context(), {server.centre_id(), "worker9", "Cán bộ chín", domain::Role::case_worker, {}},
                              "Password1234");
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().field, "password");
  EXPECT_EQ(added.error().message_key, "validation.password_common");
  auto set = app::set_password(server.context(), "worker1", "111111111111");
  ASSERT_FALSE(set);
  EXPECT_EQ(set.error().message_key, "validation.password_pattern");
}

// CSRF: every change by a signed-in session needs its anti-forgery token, which only the sign-in
// and GET /session answers carry; reads do not.
TEST(SessionApi, AChangeWithoutTheSessionsAntiForgeryTokenIsRefused) {
  TestServer server;
  HttpClient client(server.port(), "en");
  auto signed_in = client.post_json("/api/v1/session", TestServer::credentials("worker1"));
  ASSERT_EQ(signed_in.result_int(), 200);
  const std::string token(boost::json::parse(signed_in.body()).at("csrf_token").as_string());
  EXPECT_EQ(token.size(), 64U);
  EXPECT_EQ(boost::json::parse(client.get("/api/v1/session").body()).at("csrf_token").as_string(), token);

  client.forget_csrf_token();
  auto forged = client.post_json("/api/v1/cases", new_case_json("Giả Mạo"));
  EXPECT_EQ(forged.result_int(), 403);
  EXPECT_NE(boost::json::parse(forged.body()).at("detail").as_string().find("anti-forgery"), boost::json::string::npos);
  auto wrong = client.send(http::verb::post, "/api/v1/cases", new_case_json("Giả Mạo"), {{"X-CSRF-Token", std::string(64, '0')}});
  EXPECT_EQ(wrong.result_int(), 403);
  EXPECT_EQ(client.send(http::verb::delete_, "/api/v1/session", "").result_int(), 403) << "signing out is a change too";
  EXPECT_EQ(client.get("/api/v1/cases").result_int(), 200) << "reads need no token";
  EXPECT_EQ(boost::json::parse(client.get("/api/v1/cases").body()).at("total").as_int64(), 0) << "nothing was written";

  // Another session's token does not fit this one.
  HttpClient other(server.port());
  ASSERT_EQ(other.post_json("/api/v1/session", TestServer::credentials("counsellor")).result_int(), 200);
  auto borrowed = client.send(http::verb::post, "/api/v1/cases", new_case_json("Giả Mạo"), {{"X-CSRF-Token", other.csrf_token()}});
  EXPECT_EQ(borrowed.result_int(), 403);
  auto right = client.send(http::verb::post, "/api/v1/cases", new_case_json("Thật Sự"), {{"X-CSRF-Token", token}});
  EXPECT_EQ(right.result_int(), 201);
}

TEST(SessionApi, AnAdministratorEndsAMemberOfStaffsSessionsAndDisablingEndsThemToo) {
  TestServer server;
  HttpClient worker(server.port());
  ASSERT_EQ(worker.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200);
  HttpClient head(server.port());
  ASSERT_EQ(head.post_json("/api/v1/session", TestServer::credentials("head")).result_int(), 200);
  const std::string target = "/api/v1/staff/" + server.staff_id("worker1") + "/sessions";
  EXPECT_EQ(head.send(http::verb::delete_, target, "").result_int(), 403) << "the administrator's, not the head's";
  HttpClient admin(server.port());
  ASSERT_EQ(admin.post_json("/api/v1/session", TestServer::credentials("admin")).result_int(), 200);
  auto ended = admin.send(http::verb::delete_, target, "");
  ASSERT_EQ(ended.result_int(), 200) << ended.body();
  EXPECT_EQ(boost::json::parse(ended.body()).at("ended").as_int64(), 1);
  EXPECT_EQ(worker.get("/api/v1/cases").result_int(), 401);
  EXPECT_EQ(admin.send(http::verb::delete_, "/api/v1/staff/nosuchstaffmember00000000/sessions", "").result_int(), 404);

  ASSERT_EQ(worker.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200);
  ASSERT_TRUE(app::set_disabled(server.context(), "worker1", true));
  EXPECT_EQ(worker.get("/api/v1/cases").result_int(), 401);
  EXPECT_EQ(worker.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 401);
  ASSERT_TRUE(app::set_disabled(server.context(), "worker1", false));
  EXPECT_EQ(worker.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200);
}

}  // namespace
}  // namespace haven::testing
