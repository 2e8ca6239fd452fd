// The centre head manages her own centre's staff accounts without the administrator: she adds a case
// worker or a counsellor (activated by its owner with a one-time code, confirmed by someone other than
// her), disables and re-enables them; never a head's or an administrator's account, never another
// centre's, never her own. The administrator keeps every centre.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace haven::testing {
namespace {

namespace json = boost::json;

class HeadAccounts : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(head_.post_json("/api/v1/session", TestServer::credentials("head")).result_int(), 200);
  }
  ClientResponse add(HttpClient& who, const std::string& username, const std::string& role,
                     const std::string& centre_id = {}) {
    json::object body{{"username", username}, {"display_name", "Hoàng Thị Yến"}, {"role", role}};
    if (!centre_id.empty()) body["centre_id"] = centre_id;
    return who.post_json("/api/v1/accounts", json::serialize(body));
  }
  std::vector<std::string> listed_centres(HttpClient& who) {
    std::vector<std::string> centres;
    const auto answer = json::parse(who.get("/api/v1/accounts").body());
    for (const auto& a : answer.at("items").as_array()) {
      const auto& centre = a.at("centre_id");  // null for an administrator, who belongs to no centre
      centres.emplace_back(centre.is_string() ? std::string(centre.as_string()) : std::string());
    }
    return centres;
  }

  TestServer server_;
  HttpClient head_{server_.port()};
};

TEST_F(HeadAccounts, TheHeadAddsAStaffAccountToHerCentreWhichSomeoneElseConfirms) {
  auto made = add(head_, "yen.hoang", "counsellor");
  ASSERT_EQ(made.result_int(), 201) << made.body();
  const auto answer = json::parse(made.body());
  const std::string id(answer.at("id").as_string());
  EXPECT_EQ(answer.at("centre_id").as_string(), server_.centre_id()) << "her own centre, unnamed";
  EXPECT_EQ(answer.at("created_by").as_string(), server_.staff_id("head"));
  // Its owner activates it; she may not confirm what she made, nor may her deputy, who answers to her:
  // an administrator, from outside the centre, does.
  HttpClient owner(server_.port());
  ASSERT_EQ(owner.post_json("/api/v1/account-activation",
                            json::serialize(json::object{{"username", "yen.hoang"},
                                                         {"code", answer.at("activation").at("code")},
                                                         {"password", "chị Yến tự đặt mật khẩu này"}}))
                .result_int(),
            200);
  EXPECT_EQ(head_.post_json("/api/v1/accounts/" + id + "/confirm", "{}").result_int(), 403);
  HttpClient deputy(server_.port(), "en");
  ASSERT_EQ(deputy.post_json("/api/v1/session", TestServer::credentials("deputy")).result_int(), 200);
  const auto by_deputy = deputy.post_json("/api/v1/accounts/" + id + "/confirm", "{}");
  EXPECT_EQ(by_deputy.result_int(), 403);
  EXPECT_NE(by_deputy.body().find("administrator"), std::string::npos) << by_deputy.body();
  HttpClient admin(server_.port());
  ASSERT_EQ(admin.post_json("/api/v1/session", TestServer::credentials("admin")).result_int(), 200);
  EXPECT_EQ(admin.post_json("/api/v1/accounts/" + id + "/confirm", "{}").result_int(), 200);
}

TEST_F(HeadAccounts, NeverAHeadsAnAuditorsOrAnAdministratorsAccountNorAnotherCentres) {
  for (const char* role : {"centre_head", "auditor", "administrator"}) {
    auto refused = add(head_, std::string("x.") + role, role);
    EXPECT_EQ(refused.result_int(), 403) << role << " " << refused.body();
  }
  EXPECT_EQ(add(head_, "x.elsewhere", "case_worker", server_.other_centre_id()).result_int(), 404);
  EXPECT_EQ(head_.post_json("/api/v1/accounts/" + server_.staff_id("elsewhere") + "/disable", "{}").result_int(), 404);
  EXPECT_EQ(head_.post_json("/api/v1/accounts/" + server_.staff_id("deputy") + "/disable", "{}").result_int(), 403);
  EXPECT_EQ(head_.post_json("/api/v1/accounts/" + server_.staff_id("admin") + "/disable", "{}").result_int(), 404);
  EXPECT_EQ(head_.post_json("/api/v1/accounts/" + server_.staff_id("head") + "/disable", "{}").result_int(), 403);
  EXPECT_EQ(head_.post_json("/api/v1/accounts/" + server_.staff_id("auditor") + "/disable", "{}").result_int(), 403)
      << "the auditor checks her centre: she does not choose who does";
  for (const auto& centre : listed_centres(head_)) EXPECT_EQ(centre, server_.centre_id());
  // Nothing was made.
  HttpClient admin(server_.port());
  ASSERT_EQ(admin.post_json("/api/v1/session", TestServer::credentials("admin")).result_int(), 200);
  const auto all = json::serialize(json::parse(admin.get("/api/v1/accounts").body()));
  EXPECT_EQ(all.find("x."), std::string::npos);
}

TEST_F(HeadAccounts, TheHeadDisablesAWorkerWhoseSessionEndsAndEnablesItAgain) {
  HttpClient worker(server_.port());
  ASSERT_EQ(worker.post_json("/api/v1/session", TestServer::credentials("worker2")).result_int(), 200);
  const auto id = server_.staff_id("worker2");
  ASSERT_EQ(head_.post_json("/api/v1/accounts/" + id + "/disable", "{}").result_int(), 200);
  EXPECT_EQ(worker.get("/api/v1/cases").result_int(), 401) << "its session ended at once";
  EXPECT_EQ(worker.post_json("/api/v1/session", TestServer::credentials("worker2")).result_int(), 401);
  ASSERT_EQ(head_.post_json("/api/v1/accounts/" + id + "/enable", "{}").result_int(), 200);
  EXPECT_EQ(worker.post_json("/api/v1/session", TestServer::credentials("worker2")).result_int(), 200);
}

TEST_F(HeadAccounts, TheAdministratorStillKeepsEveryCentre) {
  HttpClient admin(server_.port());
  ASSERT_EQ(admin.post_json("/api/v1/session", TestServer::credentials("admin")).result_int(), 200);
  const auto centres = listed_centres(admin);
  EXPECT_NE(std::find(centres.begin(), centres.end(), server_.other_centre_id()), centres.end());
  EXPECT_EQ(add(admin, "x.head", "centre_head", server_.other_centre_id()).result_int(), 201);
  HttpClient worker(server_.port());
  ASSERT_EQ(worker.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200);
  EXPECT_EQ(add(worker, "x.worker", "case_worker").result_int(), 403);
}

}  // namespace
}  // namespace haven::testing
