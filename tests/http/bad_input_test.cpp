// Bad input: each answers a 4xx problem+json naming the problem, writes nothing, and the server keeps
// serving.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace haven::testing {
namespace {

namespace http = boost::beast::http;

class BadInput : public ::testing::Test {
 protected:
  void SetUp() override {
    auto r = client_.post_json("/api/v1/session", TestServer::credentials("worker1"));
    ASSERT_EQ(r.result_int(), 200) << r.body();
  }

  std::int64_t case_count() {
    auto r = client_.get("/api/v1/cases");
    EXPECT_EQ(r.result_int(), 200);
    return boost::json::parse(r.body()).at("total").as_int64();
  }

  // Sends a registration body and checks the refusal: status, code, field, and nothing written.
  boost::json::object expect_refused(const std::string& body, unsigned status, const std::string& code,
                                     const std::string& field = {}) {
    const auto before = case_count();
    auto r = client_.post_json("/api/v1/cases", body);
    EXPECT_EQ(r.result_int(), status) << r.body();
    EXPECT_EQ(r[http::field::content_type], "application/problem+json");
    auto problem = boost::json::parse(r.body()).as_object();
    EXPECT_EQ(problem.at("code").as_string(), code);
    if (!field.empty()) {
      EXPECT_EQ(problem.at("field").as_string(), field);
      EXPECT_FALSE(problem.at("detail").as_string().empty());
    }
    EXPECT_EQ(case_count(), before) << "nothing was written";
    EXPECT_EQ(client_.get("/api/v1/health").result_int(), 200) << "the server keeps serving";
    return problem;
  }

  static std::string with(const std::string& section, const std::string& key, boost::json::value value) {
    auto body = boost::json::parse(new_case_json("Nguyễn Thị Lan")).as_object();
    body[section].as_object()[key] = std::move(value);
    return boost::json::serialize(body);
  }

  TestServer server_;
  HttpClient client_{server_.port()};
};

TEST_F(BadInput, MalformedJson) { expect_refused(R"({"reception": {)", 400, "malformed_json"); }

// Two values for one field: which one counts would depend on the reader, so neither does.
TEST_F(BadInput, DuplicateKeysAreRefusedNamingTheKey) {
  auto body = new_case_json("Nguyễn Thị Lan");
  const auto at = body.find("\"name\"");
  ASSERT_NE(at, std::string::npos);
  body.insert(at, R"("name": "Trần Thị Mai", )");
  expect_refused(body, 400, "malformed_json", "person.name");
  client_.set_language("en");
  EXPECT_NE(client_.post_json("/api/v1/cases", body).body().find("appears twice"), std::string::npos);
  expect_refused(R"({"reception": {}, "reception": {}, "person": {}})", 400, "malformed_json", "reception");
}

TEST_F(BadInput, WrongType) { expect_refused(with("person", "name", 42), 422, "wrong_type", "person.name"); }

TEST_F(BadInput, UnknownField) {
  expect_refused(with("person", "favourite_colour", "blue"), 422, "unknown_field", "person.favourite_colour");
}

TEST_F(BadInput, MissingRequiredField) {
  auto body = boost::json::parse(new_case_json("Nguyễn Thị Lan")).as_object();
  body["reception"].as_object().erase("legal_basis");
  expect_refused(boost::json::serialize(body), 422, "missing_field", "reception.legal_basis");
}

TEST_F(BadInput, BirthDateInTheFuture) {
  auto problem = expect_refused(new_case_json("Nguyễn Thị Lan", "2999-01-01"), 422, "validation_failed", "person.birth_date");
  EXPECT_EQ(problem.at("detail").as_string(), "Ngày sinh không thể ở tương lai.");
}

TEST_F(BadInput, SqlTextInAName) {
  expect_refused(new_case_json("Robert'); DROP TABLE cases;--"), 422, "validation_failed", "person.name");
}

TEST_F(BadInput, ScriptTextInAName) {
  expect_refused(new_case_json("<script>alert('x')</script>"), 422, "validation_failed", "person.name");
}

TEST_F(BadInput, InvalidUtf8) {
  std::string body = new_case_json("Nguyễn Thị Lan");
  body.replace(body.find("Lan"), 3, "L\xC3\x28n");
  expect_refused(body, 400, "invalid_utf8");
}

TEST_F(BadInput, BodyOverTheLimit) {
  const auto before = case_count();
  std::string huge = with("person", "name", boost::json::string(std::string(2 * 1024 * 1024, 'a')));
  auto r = client_.post_json("/api/v1/cases", huge);
  EXPECT_EQ(r.result_int(), 413);
  EXPECT_EQ(boost::json::parse(r.body()).at("code").as_string(), "payload_too_large");
  EXPECT_EQ(case_count(), before);
}

TEST_F(BadInput, HeadersOverTheLimit) {
  auto r = client_.send_raw(oversized_headers_request());
  EXPECT_EQ(r.result_int(), 431);
  EXPECT_EQ(boost::json::parse(r.body()).at("code").as_string(), "headers_too_large");
  EXPECT_EQ(client_.get("/api/v1/health").result_int(), 200);
}

TEST_F(BadInput, UnknownPath) {
  auto r = client_.get("/api/v1/nowhere");
  EXPECT_EQ(r.result_int(), 404);
  EXPECT_EQ(boost::json::parse(r.body()).at("code").as_string(), "not_found");
}

TEST_F(BadInput, WrongMethod) {
  auto r = client_.send(http::verb::patch, "/api/v1/cases", "{}");
  EXPECT_EQ(r.result_int(), 405);
  EXPECT_EQ(r[http::field::allow], "GET, POST");
  EXPECT_EQ(boost::json::parse(r.body()).at("code").as_string(), "method_not_allowed");
}

TEST_F(BadInput, GarbageInsteadOfHttp) {
  auto r = client_.send_raw("HELLO THERE\r\n\r\n");
  EXPECT_EQ(r.result_int(), 400);
  EXPECT_EQ(client_.get("/api/v1/health").result_int(), 200);
}

TEST_F(BadInput, BadQueryParameter) {
  auto r = client_.get("/api/v1/cases?limit=100000");
  EXPECT_EQ(r.result_int(), 422);
  EXPECT_EQ(boost::json::parse(r.body()).at("field").as_string(), "limit");
}

TEST_F(BadInput, MessagesFollowTheRequestLanguage) {
  client_.set_language("en");
  auto r = client_.post_json("/api/v1/cases", new_case_json("Nguyễn Thị Lan", "2999-01-01"));
  EXPECT_EQ(boost::json::parse(r.body()).at("detail").as_string(), "The date of birth cannot be in the future.");
  EXPECT_EQ(r[http::field::content_language], "en");
}

}  // namespace
}  // namespace haven::testing
