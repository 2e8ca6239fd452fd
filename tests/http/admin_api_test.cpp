// The administrator's screens through the API: the accounts of every centre, adding and disabling
// one, the standards parameters, and the audit log's chain checked (by an auditor too), with the
// refusals of everyone else.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "storage/sqlite/sqlite_connection.hpp"

#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace haven::testing {
namespace {

namespace json = boost::json;

class AdminApi : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(sign_in(admin_, "admin"), 200); }
  static unsigned sign_in(HttpClient& client, const std::string& username, const std::string& password = kTestPassword) {
    return client.post_json("/api/v1/session", TestServer::credentials(username, password)).result_int();
  }
  json::object account_json(const std::string& username) {
    return {{"centre_id", server_.centre_id()}, {"username", username}, {"display_name", "Hoàng Thị Yến"},
            {"role", "case_worker"}};
  }
  // Makes an account, which its owner activates with the code and the head confirms: the whole way in.
  std::string made_and_confirmed(const std::string& username, const std::string& password) {
    auto added = admin_.post_json("/api/v1/accounts", json::serialize(account_json(username)));
    EXPECT_EQ(added.result_int(), 201) << added.body();
    const auto answer = json::parse(added.body());
    const std::string code(answer.at("activation").at("code").as_string());
    HttpClient owner(server_.port());
    EXPECT_EQ(owner.post_json("/api/v1/account-activation",
                              json::serialize(json::object{{"username", username}, {"code", code}, {"password", password}}))
                  .result_int(),
              200);
    HttpClient head(server_.port());
    EXPECT_EQ(sign_in(head, "head"), 200);
    const std::string id(answer.at("id").as_string());
    EXPECT_EQ(head.post_json("/api/v1/accounts/" + id + "/confirm", "{}").result_int(), 200);
    return id;
  }

  TestServer server_;
  HttpClient admin_{server_.port()};
};

TEST_F(AdminApi, ListsEveryAccountOfEveryCentreWithoutItsPasswordHash) {
  auto r = admin_.get("/api/v1/accounts");
  ASSERT_EQ(r.result_int(), 200) << r.body();
  const auto answer = json::parse(r.body());
  EXPECT_EQ(answer.at("centres").as_array().size(), 2U);
  std::size_t administrators = 0;
  for (const auto& a : answer.at("items").as_array()) {
    EXPECT_FALSE(a.as_object().contains("password_hash"));
    if (a.at("role").as_string() == "administrator") {
      ++administrators;
      EXPECT_TRUE(a.at("centre_id").is_null());  // an administrator belongs to no centre
    }
  }
  EXPECT_EQ(administrators, 1U);
  EXPECT_EQ(answer.at("items").as_array().size(), 10U);  // the test server's accounts, both centres
  EXPECT_EQ(r.body().find("$argon2"), std::string::npos);
}

TEST_F(AdminApi, AddsAnAccountThatCanSignInAndDisablesItAtOnce) {
  const std::string id = made_and_confirmed("yen.hoang", "một mật khẩu đủ dài 2026");
  EXPECT_EQ(admin_.post_json("/api/v1/accounts", json::serialize(account_json("yen.hoang"))).result_int(), 409);
  // The administrator chooses no password: one given is an unknown field.
  auto with_password = account_json("yen2");
  with_password["password"] = "một mật khẩu đủ dài 2026";
  auto refused = admin_.post_json("/api/v1/accounts", json::serialize(with_password));
  EXPECT_EQ(refused.result_int(), 422);
  EXPECT_EQ(json::parse(refused.body()).at("field").as_string(), "password");

  HttpClient yen(server_.port());
  ASSERT_EQ(sign_in(yen, "yen.hoang", "một mật khẩu đủ dài 2026"), 200);
  ASSERT_EQ(yen.get("/api/v1/session").result_int(), 200);
  auto disabled = admin_.post_json("/api/v1/accounts/" + id + "/disable", "{}");
  ASSERT_EQ(disabled.result_int(), 200) << disabled.body();
  EXPECT_EQ(yen.get("/api/v1/session").result_int(), 401);  // her session ended with it
  EXPECT_EQ(sign_in(yen, "yen.hoang", "một mật khẩu đủ dài 2026"), 401);
  ASSERT_EQ(admin_.post_json("/api/v1/accounts/" + id + "/enable", "{}").result_int(), 200);
  EXPECT_EQ(sign_in(yen, "yen.hoang", "một mật khẩu đủ dài 2026"), 200);

  // Not one's own: no administrator would be left to enable it.
  const auto self = admin_.post_json("/api/v1/accounts/" + server_.staff_id("admin") + "/disable", "{}");
  EXPECT_EQ(self.result_int(), 403);
  EXPECT_EQ(admin_.post_json("/api/v1/accounts/01ARZ3NDEKTSV4RRFFQ69G5FAV/disable", "{}").result_int(), 404);
}

TEST_F(AdminApi, OnlyTheAdministratorManagesAccountsAndOnlyHeAndTheAuditorCheckTheLog) {
  for (const char* who : {"worker1", "auditor"}) {
    HttpClient other(server_.port());
    ASSERT_EQ(sign_in(other, who), 200);
    EXPECT_EQ(other.get("/api/v1/accounts").result_int(), 403) << who;
    EXPECT_EQ(other.post_json("/api/v1/accounts", json::serialize(account_json(std::string("x") + who))).result_int(), 403) << who;
    EXPECT_EQ(other.get("/api/v1/parameters").result_int(), 403) << who;
  }
  // A centre head manages her own centre's staff accounts (head_accounts_test.cpp), not the settings.
  HttpClient head(server_.port());
  ASSERT_EQ(sign_in(head, "head"), 200);
  EXPECT_EQ(head.get("/api/v1/parameters").result_int(), 403);
  EXPECT_EQ(head.get("/api/v1/audit/verification").result_int(), 403);
  HttpClient auditor(server_.port());
  ASSERT_EQ(sign_in(auditor, "auditor"), 200);
  EXPECT_EQ(auditor.get("/api/v1/audit/verification").result_int(), 200);
}

TEST_F(AdminApi, ShowsTheParametersWithTheirClauses) {
  admin_.set_language("en");
  const auto answer = json::parse(admin_.get("/api/v1/parameters").body());
  bool found = false;
  for (const auto& p : answer.at("items").as_array()) {
    if (p.at("clause").as_string() == "II.6.a" && p.at("name").as_string() == "provider_stale_days") {
      found = true;
      EXPECT_GT(p.at("value").as_int64(), 0);
      EXPECT_FALSE(p.at("title").as_string().empty());
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(AdminApi, TheAuditCheckFindsTheChainIntactAndThenTheEntryThatWasAltered) {
  auto r = admin_.get("/api/v1/audit/verification");
  ASSERT_EQ(r.result_int(), 200) << r.body();
  const auto intact = json::parse(r.body());
  EXPECT_TRUE(intact.at("intact").as_bool());
  EXPECT_GT(intact.at("chained").as_int64(), 0);
  EXPECT_TRUE(intact.at("first_bad_id").is_null());

  // Someone with the database file changes an entry's content.
  auto db = storage::SqliteConnection::open(server_.database_file(), storage::SqliteConnection::Mode::writer);
  ASSERT_TRUE(db);
  ASSERT_TRUE((*db)->execute_script("UPDATE audit_log SET action = action || '.edited' WHERE id = 3;"));
  const auto broken = json::parse(admin_.get("/api/v1/audit/verification").body());
  EXPECT_FALSE(broken.at("intact").as_bool());
  EXPECT_EQ(broken.at("problem").as_string(), "altered");
  EXPECT_EQ(broken.at("first_bad_id").as_int64(), 3);
}

}  // namespace
}  // namespace haven::testing
