// In-app notifications, on both backends: an assignment reaches the member of staff put on the case,
// a crisis (II.3.b) and a missed deadline reach those on the case, a disclosure request reaches the
// head and her decision the worker who asked (I.3.a); each by case code, never a name, to nobody
// else; read once, it stays read; and a bad request is refused naming the field, marking nothing.
#include <gtest/gtest.h>

#include <algorithm>

#include <boost/json.hpp>

#include "support/each_backend.hpp"

namespace haven::testing {
namespace {

namespace json = boost::json;

class Notifications : public OnEachBackendWithHead {
 protected:
  // Received an hour before the server's clock, so that its deadlines lie ahead; worker1 receives her.
  std::string register_case(const std::string& name) {
    auto body = json::parse(new_case_json(name)).as_object();
    body["reception"].as_object()["received_at"] = format_iso_timestamp(server_->now() - std::chrono::hours{1});
    auto r = worker_->post_json("/api/v1/cases", json::serialize(body));
    EXPECT_EQ(r.result_int(), 201) << r.body();
    const auto answer = json::parse(r.body());
    codes_[std::string(answer.at("id").as_string())] = std::string(answer.at("code").as_string());
    return std::string(answer.at("id").as_string());
  }
  json::object list(HttpClient& who) {
    auto r = who.get("/api/v1/notifications");
    EXPECT_EQ(r.result_int(), 200) << r.body();
    return json::parse(r.body()).as_object();
  }
  static std::vector<json::object> of_kind(const json::object& answer, std::string_view kind) {
    std::vector<json::object> out;
    for (const auto& n : answer.at("items").as_array()) {
      if (n.at("kind").as_string() == kind) out.push_back(n.as_object());
    }
    return out;
  }
  ClientResponse mark(HttpClient& who, const json::object& body) {
    return who.post_json("/api/v1/notifications/read", json::serialize(body));
  }
  std::unique_ptr<HttpClient> signed_in(const std::string& username) {
    auto client = std::make_unique<HttpClient>(server_->port());
    EXPECT_EQ(client->post_json("/api/v1/session", TestServer::credentials(username)).result_int(), 200);
    return client;
  }
  std::map<std::string, std::string> codes_;
};

TEST_P(Notifications, AnAssignmentReachesTheCounsellorByCaseCodeAndStaysReadOnceRead) {
  const auto case_id = register_case("Đặng Thị Hoa");
  auto counsellor = signed_in("counsellor");
  EXPECT_EQ(list(*counsellor).at("unread").as_int64(), 0);
  ASSERT_EQ(head_->post_json("/api/v1/cases/" + case_id + "/records",
                             assignment_json(server_->staff_id("counsellor"), format_iso_timestamp(server_->now())))
                .result_int(),
            201);

  const auto answer = list(*counsellor);
  EXPECT_EQ(answer.at("unread").as_int64(), 1);
  const auto assigned = of_kind(answer, "assignment");
  ASSERT_EQ(assigned.size(), 1U) << json::serialize(answer);
  EXPECT_EQ(assigned[0].at("case_id").as_string(), case_id);
  EXPECT_EQ(assigned[0].at("case_code").as_string(), codes_[case_id]);
  EXPECT_FALSE(assigned[0].at("read").as_bool());
  EXPECT_EQ(json::serialize(answer).find("Hoa"), std::string::npos) << "a code, never a name";
  EXPECT_TRUE(of_kind(list(*worker_), "assignment").empty()) << "she received the person: nobody assigned her";
  auto worker2 = signed_in("worker2");
  EXPECT_EQ(list(*worker2).at("items").as_array().size(), 0U) << "not on the case: nothing of it";

  auto marked = mark(*counsellor, {{"keys", json::array{assigned[0].at("key"), "no-such-key"}}});
  ASSERT_EQ(marked.result_int(), 200) << marked.body();
  EXPECT_EQ(json::parse(marked.body()).at("unread").as_int64(), 0);
  const auto again = of_kind(list(*counsellor), "assignment");
  ASSERT_EQ(again.size(), 1U);
  EXPECT_TRUE(again[0].at("read").as_bool());
  EXPECT_EQ(mark(*counsellor, {{"keys", json::array{assigned[0].at("key")}}}).result_int(), 200) << "twice is no error";
}

TEST_P(Notifications, ACrisisReachesThoseOnTheCaseAtOnceAndLeavesWhenIntervenedIn) {
  const auto case_id = register_case("Lò Thị Mai");
  const auto path = "/api/v1/cases/" + case_id + "/records";
  const auto now = format_iso_timestamp(server_->now());
  ASSERT_EQ(worker_->post_json(path, json::serialize(json::object{
                                         {"type", "counselling_session"},
                                         {"occurred_at", now},
                                         {"body", {{"condition_observed", "hoảng loạn"}, {"crisis", true}}}}))
                .result_int(),
            201);
  auto crisis = of_kind(list(*worker_), "crisis");
  ASSERT_EQ(crisis.size(), 1U);
  EXPECT_EQ(crisis[0].at("clause").as_string(), "II.3.b");
  EXPECT_EQ(crisis[0].at("case_code").as_string(), codes_[case_id]);
  EXPECT_TRUE(of_kind(list(*head_), "crisis").empty()) << "the head is not on the case";

  auto done = worker_->post_json(path, json::serialize(json::object{
                                           {"type", "crisis_intervention"},
                                           {"occurred_at", now},
                                           {"body", {{"action_taken", "đưa đến cơ sở y tế, ở cùng suốt đêm"}}}}));
  ASSERT_EQ(done.result_int(), 201) << done.body();
  EXPECT_TRUE(of_kind(list(*worker_), "crisis").empty());
}

// Read while there was time, a crisis is news again once its deadline passes with no intervention;
// and its key says nothing of the crisis (it is a keyed token).
TEST_P(Notifications, ACrisisReadInTimeIsUnreadAgainOnceMissed) {
  const auto case_id = register_case("Sùng Thị Pà");
  ASSERT_EQ(worker_->post_json("/api/v1/cases/" + case_id + "/records",
                               json::serialize(json::object{
                                   {"type", "counselling_session"},
                                   {"occurred_at", format_iso_timestamp(server_->now())},
                                   {"body", {{"condition_observed", "hoảng loạn"}, {"crisis", true}}}}))
                .result_int(),
            201);
  const auto early = of_kind(list(*worker_), "crisis");
  ASSERT_EQ(early.size(), 1U);
  const std::string key(early[0].at("key").as_string());
  EXPECT_EQ(key.find(case_id), std::string::npos) << key;
  EXPECT_EQ(key.find("crisis"), std::string::npos) << key;
  ASSERT_EQ(mark(*worker_, {{"keys", json::array{json::value(key)}}}).result_int(), 200);
  EXPECT_TRUE(of_kind(list(*worker_), "crisis")[0].at("read").as_bool());

  server_->advance_clock(std::chrono::hours{5});  // past the 4 hours of II.3.b
  auto worker = signed_in("worker1");
  const auto missed = of_kind(list(*worker), "crisis");
  ASSERT_EQ(missed.size(), 1U);
  EXPECT_FALSE(missed[0].at("read").as_bool());
  EXPECT_NE(missed[0].at("key").as_string(), key);
}

// Released from the case, a member of staff no longer hears of it: her assignment leaves her list.
TEST_P(Notifications, ReleasedFromTheCaseSheHearsNoMoreOfIt) {
  const auto case_id = register_case("Giàng Thị Sua");
  const auto path = "/api/v1/cases/" + case_id + "/records";
  ASSERT_EQ(head_->post_json(path, assignment_json(server_->staff_id("counsellor"), format_iso_timestamp(server_->now())))
                .result_int(),
            201);
  auto counsellor = signed_in("counsellor");
  ASSERT_EQ(of_kind(list(*counsellor), "assignment").size(), 1U);
  auto released = head_->post_json(
      path, json::serialize(json::object{{"type", "staff_assignment_ended"},
                                         {"occurred_at", format_iso_timestamp(server_->now())},
                                         {"body", {{"staff_id", server_->staff_id("counsellor")}, {"reason", "nghỉ phép"}}}}));
  ASSERT_EQ(released.result_int(), 201) << released.body();
  const auto after = list(*counsellor);
  EXPECT_EQ(after.at("items").as_array().size(), 0U) << json::serialize(after);
  EXPECT_EQ(after.at("unread").as_int64(), 0);
}

TEST_P(Notifications, AMissedDeadlineReachesThoseOnTheCaseOnceItPasses) {
  const auto case_id = register_case("Vi Thị Lan");
  EXPECT_TRUE(of_kind(list(*worker_), "overdue").empty()) << "nothing is due yet";
  server_->advance_clock(std::chrono::hours{24 * 40});
  auto worker = signed_in("worker1");  // the idle limit ended the earlier session
  const auto overdue = of_kind(list(*worker), "overdue");
  ASSERT_FALSE(overdue.empty());
  for (const auto& n : overdue) {
    EXPECT_EQ(n.at("case_id").as_string(), case_id);
    EXPECT_FALSE(n.at("clause").as_string().empty());
  }
  auto all = mark(*worker, {{"all", true}});
  ASSERT_EQ(all.result_int(), 200) << all.body();
  EXPECT_EQ(json::parse(all.body()).at("unread").as_int64(), 0);
  EXPECT_EQ(list(*worker).at("unread").as_int64(), 0);
}

TEST_P(Notifications, ARequestReachesTheHeadAndHerDecisionTheWorkerWhoAsked) {
  const auto case_id = register_case("Hà Thị Thu");
  const auto path = "/api/v1/cases/" + case_id;
  const auto now = format_iso_timestamp(server_->now());
  const auto add = [&](const std::string& type, json::object body) {
    return worker_->post_json(path + "/records",
                              json::serialize(json::object{{"type", type}, {"occurred_at", now}, {"body", std::move(body)}}));
  };
  ASSERT_EQ(add("health_check", {{"by_medical_staff", true}, {"findings", "ổn định"}}).result_int(), 201);
  ASSERT_EQ(add("consent", {{"given_by", "victim"},
                            {"categories", json::array{"health"}},
                            {"recipient", "Bệnh viện tỉnh An Giang"},
                            {"purposes", json::array{"referral"}},
                            {"informed", true}})
                .result_int(),
            201);
  auto asked = worker_->post_json(path + "/disclosure-requests",
                                  json::serialize(json::object{{"disclosure", {{"kind", "export_file"},
                                                                               {"recipient", "Benh vien tinh An Giang"},
                                                                               {"purpose", "referral"},
                                                                               {"categories", json::array{"health"}},
                                                                               {"reason", "chuyển viện điều trị"}}}}));
  ASSERT_EQ(asked.result_int(), 201) << asked.body();
  const std::string request_id(json::parse(asked.body()).at("id").as_string());

  const auto waiting = of_kind(list(*head_), "disclosure_request");
  ASSERT_EQ(waiting.size(), 1U) << "she is not on the case, yet it waits for her";
  EXPECT_EQ(waiting[0].at("record_id").as_string(), request_id);
  EXPECT_EQ(waiting[0].at("case_code").as_string(), codes_[case_id]);
  EXPECT_EQ(waiting[0].at("clause").as_string(), "I.3.a");
  EXPECT_TRUE(of_kind(list(*worker_), "disclosure_request").empty());

  ASSERT_EQ(head_->post_json(path + "/disclosure-requests/" + request_id + "/decision",
                             R"({"decision": "decline", "reason": "Chỉ gửi kết quả khám mới nhất"})")
                .result_int(),
            200);
  EXPECT_TRUE(of_kind(list(*head_), "disclosure_request").empty()) << "decided: no longer waiting";
  const auto decided = of_kind(list(*worker_), "disclosure_decision");
  ASSERT_EQ(decided.size(), 1U);
  EXPECT_EQ(decided[0].at("verdict").as_string(), "decline");
  EXPECT_EQ(decided[0].at("record_id").as_string(), request_id);
  EXPECT_FALSE(decided[0].at("read").as_bool());
}

TEST_P(Notifications, ABadRequestNamesTheFieldAndMarksNothing) {
  const auto case_id = register_case("Mùa Thị Dế");
  ASSERT_EQ(head_->post_json("/api/v1/cases/" + case_id + "/records",
                             assignment_json(server_->staff_id("worker2"), format_iso_timestamp(server_->now())))
                .result_int(),
            201);
  auto worker2 = signed_in("worker2");
  for (const auto* body : {R"({})", R"({"keys": []})", R"({"keys": "x"})", R"({"all": true, "keys": ["x"]})"}) {
    auto r = worker2->post_json("/api/v1/notifications/read", body);
    EXPECT_EQ(r.result_int(), 422) << body << " " << r.body();
    EXPECT_EQ(json::parse(r.body()).at("field").as_string(), "keys") << body;
  }
  json::array many;
  for (int i = 0; i < 201; ++i) many.push_back(json::value("k" + std::to_string(i)));
  EXPECT_EQ(mark(*worker2, {{"keys", many}}).result_int(), 422);
  EXPECT_EQ(list(*worker2).at("unread").as_int64(), 1) << "nothing marked";
  auto auditor = signed_in("auditor");
  EXPECT_EQ(auditor->get("/api/v1/notifications").result_int(), 403) << "no case work, no notifications";
}

INSTANTIATE_TEST_SUITE_P(Backends, Notifications, ::testing::Values("sqlite", "postgres"), backend_test_name);

}  // namespace
}  // namespace haven::testing
