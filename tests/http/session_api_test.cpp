#include <gtest/gtest.h>

#include <boost/json.hpp>

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

}  // namespace
}  // namespace haven::testing
