// An account made through the API, as its owner and the centre's head meet it: the administrator is
// shown a one-time code, never a password; the owner sets the password with it (a wrong code counts
// like a wrong password; a refused password leaves the code usable; the code works once and for a
// week); the account reaches nothing until the head confirms it, which she may only once its owner has
// activated it. Another centre's head does not see it.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace haven::testing {
namespace {

namespace json = boost::json;

class AccountLifecycle : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(admin_.post_json("/api/v1/session", TestServer::credentials("admin")).result_int(), 200);
    ASSERT_EQ(head_.post_json("/api/v1/session", TestServer::credentials("head")).result_int(), 200);
    auto made = admin_.post_json("/api/v1/accounts", json::serialize(json::object{
        {"centre_id", server_.centre_id()}, {"username", "yen.hoang"}, {"display_name", "Hoàng Thị Yến"}, {"role", "case_worker"}}));
    ASSERT_EQ(made.result_int(), 201) << made.body();
    const auto answer = json::parse(made.body());
    id_ = std::string(answer.at("id").as_string());
    code_ = std::string(answer.at("activation").at("code").as_string());
    EXPECT_FALSE(answer.at("activated").as_bool());
    EXPECT_FALSE(answer.at("confirmed").as_bool());
    EXPECT_EQ(answer.at("created_by").as_string(), server_.staff_id("admin"));
  }
  ClientResponse activate(const std::string& code, const std::string& password) {
    HttpClient owner(server_.port(), "en");
    return owner.post_json("/api/v1/account-activation",
                           json::serialize(json::object{{"username", "yen.hoang"}, {"code", code}, {"password", password}}));
  }

  TestServer server_;
  HttpClient admin_{server_.port()};
  HttpClient head_{server_.port()};
  std::string id_;
  std::string code_;
  const std::string password_ = "chị Yến tự đặt mật khẩu này";
};

TEST_F(AccountLifecycle, TheOwnerActivatesWithTheCodeAndTheHeadConfirms) {
  // Not before its owner has set the password.
  auto early = head_.post_json("/api/v1/accounts/" + id_ + "/confirm", "{}");
  EXPECT_EQ(early.result_int(), 409);
  // A wrong code is refused, naming the field; the code may be typed in lower case and with spaces.
  auto wrong = activate("AAAAA-AAAAA-AAAAA", password_);
  EXPECT_EQ(wrong.result_int(), 401);
  EXPECT_EQ(json::parse(wrong.body()).at("field").as_string(), "code");
  std::string typed = code_;
  for (auto& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::replace(typed.begin(), typed.end(), '-', ' ');
  // A password the policy refuses: 422 naming it, and the code still works.
  auto weak = activate(typed, "123456");
  EXPECT_EQ(weak.result_int(), 422);
  EXPECT_EQ(json::parse(weak.body()).at("field").as_string(), "password");
  ASSERT_EQ(activate(typed, password_).result_int(), 200);
  EXPECT_EQ(activate(code_, "một mật khẩu khác đủ dài").result_int(), 401) << "a code works once";
  EXPECT_EQ(admin_.post_json("/api/v1/accounts/" + id_ + "/activation", "{}").result_int(), 409) << "no new code once active";

  // Signed in, she may only set up her sign-in until someone confirms her account.
  HttpClient yen(server_.port(), "en");
  ASSERT_EQ(yen.post_json("/api/v1/session", TestServer::credentials("yen.hoang", password_)).result_int(), 200);
  auto waiting = yen.get("/api/v1/cases");
  EXPECT_EQ(waiting.result_int(), 403);
  EXPECT_NE(json::parse(waiting.body()).at("detail").as_string().find("waiting to be confirmed"), json::string::npos);
  // Another centre's head does not see it; her own head confirms it.
  HttpClient head2(server_.port());
  ASSERT_EQ(head2.post_json("/api/v1/session", TestServer::credentials("head2")).result_int(), 200);
  EXPECT_EQ(head2.post_json("/api/v1/accounts/" + id_ + "/confirm", "{}").result_int(), 404);
  const auto listed = json::parse(head_.get("/api/v1/centre/accounts").body());
  bool seen_waiting = false;
  for (const auto& a : listed.at("items").as_array()) {
    if (a.at("id") == json::value(id_)) seen_waiting = a.at("activated").as_bool() && !a.at("confirmed").as_bool();
  }
  EXPECT_TRUE(seen_waiting);
  ASSERT_EQ(head_.post_json("/api/v1/accounts/" + id_ + "/confirm", "{}").result_int(), 200);
  EXPECT_EQ(head_.post_json("/api/v1/accounts/" + id_ + "/confirm", "{}").result_int(), 409);
  EXPECT_EQ(yen.get("/api/v1/cases").result_int(), 200) << "confirmed: her next request works";
  EXPECT_TRUE(json::parse(yen.get("/api/v1/session").body()).at("user").at("confirmed").as_bool());
}

TEST_F(AccountLifecycle, ACodeLastsAWeekAndOnlyItsMakerIssuesANewOne) {
  server_.advance_clock(std::chrono::hours{7 * 24});
  EXPECT_EQ(activate(code_, password_).result_int(), 401) << "expired";
  ASSERT_EQ(admin_.post_json("/api/v1/session", TestServer::credentials("admin")).result_int(), 200);  // a week later
  // Only the administrator who made an account issues it another code: whoever issues one could use it.
  auto not_his = admin_.post_json("/api/v1/accounts/" + server_.staff_id("worker1") + "/activation", "{}");
  EXPECT_EQ(not_his.result_int(), 403);
  EXPECT_EQ(json::parse(not_his.body()).at("detail").as_string().find("Chỉ người đã tạo"), 0U);
  auto again = admin_.post_json("/api/v1/accounts/" + id_ + "/activation", "{}");
  ASSERT_EQ(again.result_int(), 201) << again.body();
  const std::string fresh(json::parse(again.body()).at("code").as_string());
  EXPECT_NE(fresh, code_);
  EXPECT_EQ(activate(code_, password_).result_int(), 401) << "the old code stops working";
  EXPECT_EQ(activate(fresh, password_).result_int(), 200);
}

TEST_F(AccountLifecycle, WrongCodesCountLikeWrongPasswords) {
  server_.context().sessions.max_failures_per_account = 3;
  for (int i = 0; i < 3; ++i) EXPECT_EQ(activate("BBBBB-BBBBB-BBBB" + std::to_string(i), password_).result_int(), 401);
  EXPECT_EQ(activate(code_, password_).result_int(), 429) << "locked, even against the right code";
}

}  // namespace
}  // namespace haven::testing
