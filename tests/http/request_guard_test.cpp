// Requests that change state must come from Haven's own pages with a JSON body; HEAD answers carry no
// body; identifiers and text that no record could have are refused without reaching the database.
#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/json.hpp>

#include "app/accounts.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace haven::testing {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

class RequestGuard : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(client_.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200);
  }
  std::int64_t case_count() { return boost::json::parse(client_.get("/api/v1/cases").body()).at("total").as_int64(); }

  TestServer server_;
  HttpClient client_{server_.port()};
};

TEST_F(RequestGuard, AFormPostWithAnotherContentTypeIs415AndWritesNothing) {
  auto r = client_.send(http::verb::post, "/api/v1/cases", new_case_json("Nguyễn Thị Lan"),
                        {{"Content-Type", "text/plain"}});
  EXPECT_EQ(r.result_int(), 415);
  EXPECT_EQ(boost::json::parse(r.body()).at("code").as_string(), "unsupported_media_type");
  EXPECT_EQ(case_count(), 0);
}

TEST_F(RequestGuard, AJsonContentTypeWithACharsetIsAccepted) {
  auto r = client_.send(http::verb::post, "/api/v1/cases", new_case_json("Nguyễn Thị Lan"),
                        {{"Content-Type", "application/json; charset=utf-8"}});
  EXPECT_EQ(r.result_int(), 201) << r.body();
}

TEST_F(RequestGuard, AWriteFromAnotherSiteIsRefused) {
  auto r = client_.send(http::verb::post, "/api/v1/cases", new_case_json("Nguyễn Thị Lan"),
                        {{"Sec-Fetch-Site", "cross-site"}});
  EXPECT_EQ(r.result_int(), 403);
  EXPECT_EQ(case_count(), 0);
  HttpClient fresh(server_.port(), "en");
  auto sign_in = fresh.send(http::verb::post, "/api/v1/session", TestServer::credentials("worker1"),
                            {{"Sec-Fetch-Site", "same-site"}});
  EXPECT_EQ(sign_in.result_int(), 403);
  EXPECT_EQ(boost::json::parse(sign_in.body()).at("detail").as_string(),
            "This request came from another site, not from Haven, so it was refused.");
  EXPECT_TRUE(fresh.cookie().empty());
  // Haven's own pages send same-origin.
  auto own = client_.send(http::verb::post, "/api/v1/cases", new_case_json("Nguyễn Thị Lan"),
                          {{"Sec-Fetch-Site", "same-origin"}});
  EXPECT_EQ(own.result_int(), 201);
}

TEST_F(RequestGuard, HeadAnswersCarryNoBodyAndTheConnectionStaysInStep) {
  asio::io_context io;
  beast::tcp_stream stream(io);
  stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), server_.port()));
  beast::flat_buffer buffer;
  for (const char* target : {"/api/v1/health", "/api/v1/nowhere"}) {
    http::request<http::string_body> head{http::verb::head, target, 11};
    head.set(http::field::host, "127.0.0.1");
    http::write(stream, head);
    http::response_parser<http::string_body> parser;
    parser.skip(true);
    http::read(stream, buffer, parser);
    EXPECT_TRUE(parser.get().body().empty()) << target;
  }
  http::request<http::string_body> get{http::verb::get, "/api/v1/version", 11};
  get.set(http::field::host, "127.0.0.1");
  http::write(stream, get);
  http::response<http::string_body> response;
  http::read(stream, buffer, response);
  EXPECT_EQ(response.result_int(), 200);
  EXPECT_EQ(boost::json::parse(response.body()).at("api").as_string(), "v1");
}

TEST_F(RequestGuard, ACaseIdNoRecordCouldHaveIs404) {
  for (const char* target : {"/api/v1/cases/%FF", "/api/v1/cases/abc%00def", "/api/v1/cases/..%2F..%2Fetc"}) {
    auto r = client_.get(target);
    EXPECT_EQ(r.result_int(), 404) << target;
  }
}

TEST_F(RequestGuard, ANulCharacterInTextIsRefused) {
  HttpClient fresh(server_.port());
  auto r = fresh.post_json("/api/v1/session", R"({"username": "worker1\u0000admin", "password": "x"})");
  EXPECT_EQ(r.result_int(), 422);
  EXPECT_EQ(boost::json::parse(r.body()).at("field").as_string(), "username");
}

TEST_F(RequestGuard, ANewPasswordEndsEverySessionOfTheAccount) {
  ASSERT_EQ(client_.get("/api/v1/session").result_int(), 200);
  ASSERT_TRUE(app::set_password(server_.context(), "worker1", "a brand new passphrase"));
  EXPECT_EQ(client_.get("/api/v1/session").result_int(), 401);
  HttpClient again(server_.port());
  EXPECT_EQ(again.post_json("/api/v1/session", TestServer::credentials("worker1", "a brand new passphrase")).result_int(),
            200);
}

}  // namespace
}  // namespace haven::testing
