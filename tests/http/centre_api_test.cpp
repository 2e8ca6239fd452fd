// The centre's own records through the API: the head records staff screening, qualifications and
// the provider directory; staff read what concerns them; the case guards read what was recorded.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "common/iso_time.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace haven::testing {
namespace {

namespace json = boost::json;

class CentreApi : public ::testing::Test {
 protected:
  std::string sign_in(HttpClient& client, const std::string& username) {
    EXPECT_EQ(client.post_json("/api/v1/session", TestServer::credentials(username)).result_int(), 200);
    return std::string(json::parse(client.get("/api/v1/session").body()).at("user").at("id").as_string());
  }
  ClientResponse add(HttpClient& client, const std::string& type, const std::string& subject, json::object body) {
    json::object request{{"type", type}, {"occurred_at", an_hour_ago_}, {"body", std::move(body)}};
    if (!subject.empty()) request["subject"] = subject;
    return client.post_json("/api/v1/centre/records", json::serialize(request));
  }

  TestServer server_;
  HttpClient head_{server_.port()};
  HttpClient worker_{server_.port()};
  const std::string an_hour_ago_ = format_iso_timestamp(SystemClock().now() - std::chrono::hours{1});
};

TEST_F(CentreApi, OnlyTheHeadRecordsAboutStaffAndEachStaffMemberSeesTheirOwn) {
  sign_in(head_, "head");
  const auto worker_id = sign_in(worker_, "worker1");
  auto by_head = add(head_, "supervision_check_in", worker_id, {{"notes", "mệt sau ca đêm"}, {"support_offered", true}});
  ASSERT_EQ(by_head.result_int(), 201) << by_head.body();
  EXPECT_EQ(add(worker_, "supervision_check_in", worker_id, {{"notes", "tự ghi"}}).result_int(), 403);

  const auto mine = json::parse(worker_.get("/api/v1/centre/records").body()).at("items").as_array();
  for (const auto& r : mine) {
    const auto subject = r.at("subject").as_string();
    EXPECT_TRUE(subject.empty() || subject == worker_id) << "worker1 sees a record about " << subject;
  }
  EXPECT_GT(json::parse(head_.get("/api/v1/centre/records").body()).at("items").as_array().size(), mine.size());
}

TEST_F(CentreApi, AStaffRecordNamesAStaffMemberAndACentreRecordNone) {
  sign_in(head_, "head");
  auto nobody = add(head_, "recruitment_screening", "01ARZ3NDEKTSV4RRFFQ69G5FAV", {{"ability", true}});
  EXPECT_EQ(nobody.result_int(), 422);
  EXPECT_EQ(json::parse(nobody.body()).at("field").as_string(), "subject");
  const json::object provider{{"name", "Trung tâm dạy nghề Tịnh Biên"}, {"services", "may"},
                              {"contact", "0296 3 874 123"}, {"last_verified", "2026-05-02"}};
  EXPECT_EQ(add(head_, "service_provider", "", provider).result_int(), 201);
  auto without_date = provider;
  without_date.erase("last_verified");
  auto refused = add(head_, "service_provider", "", without_date);
  EXPECT_EQ(refused.result_int(), 422);
  EXPECT_EQ(json::parse(refused.body()).at("field").as_string(), "body.last_verified");
}

TEST_F(CentreApi, CaseGuardsReadTheStaffRecords) {
  sign_in(head_, "head");
  const auto worker_id = sign_in(worker_, "worker1");
  auto created = worker_.post_json("/api/v1/cases", new_case_json("Trịnh Thị Nga"));
  ASSERT_EQ(created.result_int(), 201);
  const std::string records = "/api/v1/cases/" + std::string(json::parse(created.body()).at("id").as_string()) + "/records";
  auto post = [&](HttpClient& client, const std::string& type, json::object body) {
    return client.post_json(records, json::serialize(json::object{{"type", type}, {"occurred_at", an_hour_ago_}, {"body", std::move(body)}}));
  };
  // The head has no counselling qualification on record (I.2.d); worker1 has.
  auto by_head = post(head_, "counselling_session", {{"condition_observed", "bình tĩnh"}});
  EXPECT_EQ(by_head.result_int(), 409);
  EXPECT_EQ(json::parse(by_head.body()).at("clause").as_string(), "I.2.d");
  EXPECT_EQ(post(worker_, "counselling_session", {{"condition_observed", "bình tĩnh"}}).result_int(), 201);
  // Assignment: the declaration of no conflict of interest (III.2.c), then accepted.
  auto undeclared = post(worker_, "staff_assignment", {{"staff_id", worker_id}});
  EXPECT_EQ(json::parse(undeclared.body()).at("clause").as_string(), "III.2.c");
  EXPECT_EQ(post(worker_, "staff_assignment", {{"staff_id", worker_id}, {"no_conflict_of_interest", true}}).result_int(), 201);
}

}  // namespace
}  // namespace haven::testing
