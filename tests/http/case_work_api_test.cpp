// The standards enforced on the server: records, lifecycle actions with their guards, tasks and
// compliance, through the API as the browser uses it.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include <boost/json.hpp>

#include "common/iso_time.hpp"
#include "storage/store.hpp"

#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace haven::testing {
namespace {

namespace json = boost::json;

class CaseWorkApi : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(client_.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200);
    auto r = client_.post_json("/api/v1/cases", new_case_json("Đặng Thị Hoa"));
    ASSERT_EQ(r.result_int(), 201) << r.body();
    case_path_ = "/api/v1/cases/" + std::string(json::parse(r.body()).at("id").as_string());
  }

  ClientResponse add(HttpClient& client, const std::string& type, json::object body,
                     const std::string& at = "2026-01-15T05:00:00Z") {
    return client.post_json(case_path_ + "/records",
                            json::serialize(json::object{{"type", type}, {"occurred_at", at}, {"body", std::move(body)}}));
  }
  ClientResponse act(const std::string& action) {
    const auto version = json::parse(client_.get(case_path_).body()).at("version").as_int64();
    return client_.post_json(case_path_ + "/actions",
                             json::serialize(json::object{{"action", action}, {"version", version}}));
  }
  std::string state_of(const std::string& clause) {
    const auto items = json::parse(client_.get(case_path_ + "/compliance").body()).at("items").as_array();
    for (const auto& item : items) {
      if (item.at("clause").as_string() == clause) return std::string(item.at("state").as_string());
    }
    return "absent";
  }

  TestServer server_;
  HttpClient client_{server_.port()};
  std::string case_path_;
};

TEST_F(CaseWorkApi, IdentificationIsRefusedBeforeCareWithClauseII_1_e) {
  ASSERT_EQ(act("begin_care").result_int(), 200);
  auto refused = act("begin_identification");
  EXPECT_EQ(refused.result_int(), 409);
  const auto problem = json::parse(refused.body());
  EXPECT_EQ(problem.at("code").as_string(), "guard_refused");
  EXPECT_EQ(problem.at("clause").as_string(), "II.1.e");
  EXPECT_EQ(problem.at("detail").as_string(),
            "Chưa thể phỏng vấn xác minh nạn nhân (điều khoản II.1.e): trước hết hãy ghi nhận một lần khám sức khỏe "
            "và một buổi tư vấn tâm lý ban đầu.");
  EXPECT_EQ(json::parse(client_.get(case_path_).body()).at("stage").as_string(), "in_care");

  ASSERT_EQ(add(client_, "health_check", {{"by_medical_staff", true}, {"findings", "Không có bệnh cấp tính"}}).result_int(), 201);
  client_.set_language("en");
  auto still = act("begin_identification");
  EXPECT_EQ(json::parse(still.body()).at("detail").as_string(),
            "The identification interview cannot happen yet (clause II.1.e): first record a first counselling session.");
  ASSERT_EQ(add(client_, "counselling_session", {{"condition_observed", "mệt, bình tĩnh"}, {"crisis", false}}).result_int(), 201);
  auto moved = act("begin_identification");
  EXPECT_EQ(moved.result_int(), 200) << moved.body();
  EXPECT_EQ(json::parse(moved.body()).at("stage").as_string(), "identification");
}

TEST_F(CaseWorkApi, TheActionsSayWhichMovesAreRefusedAndWhyBeforeAnyoneTries) {
  auto find = [](const json::value& answer, const std::string& action) -> json::object {
    for (const auto& item : answer.at("items").as_array()) {
      if (item.at("action").as_string() == action) return item.as_object();
    }
    return {};
  };
  auto received = json::parse(client_.get(case_path_ + "/actions").body());
  EXPECT_TRUE(received.at("may_act").as_bool());
  EXPECT_FALSE(received.at("may_override").as_bool());  // only the centre head passes over a refusal
  // From reception: into care, allowed at once; or closing for lost contact, not before three attempts.
  ASSERT_EQ(received.at("items").as_array().size(), 2U);
  EXPECT_TRUE(find(received, "begin_care").at("allowed").as_bool());
  EXPECT_EQ(find(received, "begin_care").at("to").as_string(), "in_care");
  EXPECT_EQ(find(received, "close_lost_contact").at("refusals").as_array().at(0).at("clause").as_string(), "II.8.d");

  ASSERT_EQ(act("begin_care").result_int(), 200);
  client_.set_language("en");
  auto in_care = json::parse(client_.get(case_path_ + "/actions").body());
  const auto identification = find(in_care, "begin_identification");
  EXPECT_FALSE(identification.at("allowed").as_bool());
  const auto& refusal = identification.at("refusals").as_array().at(0);
  EXPECT_EQ(refusal.at("clause").as_string(), "II.1.e");
  EXPECT_EQ(refusal.at("message").as_string(),
            "The identification interview cannot happen yet (clause II.1.e): first record a health check and a first "
            "counselling session.");
  EXPECT_FALSE(refusal.at("overridable").as_bool());
  // A Vietnamese victim has no repatriation track (I.5.a); closing is not a move from care.
  EXPECT_EQ(find(in_care, "begin_repatriation").at("refusals").as_array().at(0).at("clause").as_string(), "I.5.a");
  EXPECT_TRUE(find(in_care, "close").empty());
  EXPECT_EQ(in_care.at("version").as_int64(), json::parse(client_.get(case_path_).body()).at("version").as_int64());
  // A move that is not one from this stage is not offered.
  EXPECT_TRUE(find(in_care, "begin_monitoring").empty());

  ASSERT_EQ(add(client_, "health_check", {{"by_medical_staff", true}}).result_int(), 201);
  ASSERT_EQ(add(client_, "counselling_session", {{"condition_observed", "bình tĩnh"}}).result_int(), 201);
  auto after_care = json::parse(client_.get(case_path_ + "/actions").body());
  EXPECT_TRUE(find(after_care, "begin_identification").at("allowed").as_bool());

  // A counsellor on the case reads them too, but takes no action.
  HttpClient counsellor(server_.port());
  ASSERT_EQ(counsellor.post_json("/api/v1/session", TestServer::credentials("counsellor")).result_int(), 200);
  EXPECT_EQ(counsellor.get(case_path_ + "/actions").result_int(), 403);  // not on the case (I.3.c)
}

TEST_F(CaseWorkApi, TheStaffListNamesTheCentresStaffButNoProvider) {
  auto r = client_.get("/api/v1/centre/staff");
  ASSERT_EQ(r.result_int(), 200) << r.body();
  std::set<std::string> roles;
  bool worker_named = false;
  const auto staff = json::parse(r.body());  // kept alive for the loop
  for (const auto& s : staff.at("items").as_array()) {
    roles.insert(std::string(s.at("role").as_string()));
    worker_named = worker_named || !s.at("display_name").as_string().empty();
    EXPECT_FALSE(s.as_object().contains("username"));
    EXPECT_FALSE(s.as_object().contains("password_hash"));
  }
  EXPECT_TRUE(worker_named);
  EXPECT_TRUE(roles.contains("centre_head"));
  EXPECT_TRUE(roles.contains("case_worker"));
  EXPECT_FALSE(roles.contains("external_provider"));
  HttpClient provider(server_.port());
  ASSERT_EQ(provider.post_json("/api/v1/session", TestServer::credentials("provider")).result_int(), 200);
  EXPECT_EQ(provider.get("/api/v1/centre/staff").result_int(), 403);
}

TEST_F(CaseWorkApi, AnIdentificationInterviewRecordBeforeCareWritesNothing) {
  auto r = add(client_, "identification_interview", {{"place", "phòng yên tĩnh"}, {"people_present", json::array{"counsellor"}}});
  EXPECT_EQ(r.result_int(), 409);
  EXPECT_EQ(json::parse(r.body()).at("clause").as_string(), "II.1.e");
  EXPECT_TRUE(json::parse(client_.get(case_path_ + "/records").body()).at("items").as_array().empty());
}

TEST_F(CaseWorkApi, TasksAndComplianceFollowTheRecords) {
  // Received on 2026-01-15: everything due in the first days is overdue by now.
  const auto tasks = json::parse(client_.get(case_path_ + "/tasks").body()).at("items").as_array();
  bool intake_overdue = false;
  for (const auto& t : tasks) {
    if (t.at("clause").as_string() == "I.1.b") {
      intake_overdue = t.at("overdue").as_bool();
      EXPECT_EQ(t.at("what").as_string(), "Đánh giá thể chất, tinh thần và tâm lý ban đầu (I.1.b)");
    }
  }
  EXPECT_TRUE(intake_overdue);
  EXPECT_EQ(state_of("I.1.b"), "overdue");

  ASSERT_EQ(add(client_, "intake_assessment", {{"physical", "ổn"}}, "2026-01-15T20:00:00Z").result_int(), 201);
  EXPECT_EQ(state_of("I.1.b"), "met");
  ASSERT_EQ(add(client_, "orientation", {{"layout", true}, {"rules", true}}, "2026-01-20T20:00:00Z").result_int(), 201);
  EXPECT_EQ(state_of("II.1.c"), "not_met");  // done, but days late
}

// A next step opens the form that does it: each task names the record type that fulfils it, and that
// record, saved, takes the task away.
TEST_F(CaseWorkApi, EachTaskNamesTheRecordThatDoesItAndThatRecordEndsIt) {
  const auto tasks = json::parse(client_.get(case_path_ + "/tasks").body()).at("items").as_array();
  std::map<std::string, std::string> type_of;
  for (const auto& t : tasks) type_of[std::string(t.at("clause").as_string())] = t.at("record_type").as_string();
  EXPECT_EQ(type_of.at("I.1.b"), "intake_assessment");
  EXPECT_EQ(type_of.at("II.3.a"), "counselling_session");
  EXPECT_EQ(type_of.at("II.4.b"), "return_risk_assessment");
  EXPECT_EQ(type_of.at("I.2.c"), "consultation");
  ASSERT_EQ(add(client_, type_of.at("I.1.b"), {{"physical", "ổn"}}, format_iso_timestamp(server_.now())).result_int(), 201);
  const auto after = json::parse(client_.get(case_path_ + "/tasks").body());
  for (const auto& t : after.at("items").as_array()) {
    EXPECT_NE(t.at("clause").as_string(), "I.1.b");
  }
}

// Stage moves are on the case's timeline: a record the server writes with the move, naming the stage
// left, the stage begun, the action and who took it; nobody posts one.
TEST_F(CaseWorkApi, AStageMoveIsARecordOfTheCaseThatNobodyPosts) {
  ASSERT_EQ(act("begin_care").result_int(), 200);
  const auto records = json::parse(client_.get(case_path_ + "/records").body()).at("items").as_array();
  ASSERT_EQ(records.size(), 1U);
  const auto& move = records.at(0);
  EXPECT_EQ(move.at("type").as_string(), "stage_move");
  EXPECT_EQ(json::serialize(move.at("body")), R"({"from":"received","to":"in_care","action":"begin_care"})");
  EXPECT_EQ(move.at("recorded_by").as_string(), server_.staff_id("worker1"));
  auto posted = add(client_, "stage_move", {{"from", "in_care"}, {"to", "closed"}, {"action", "close"}},
                    format_iso_timestamp(server_.now()));
  EXPECT_EQ(posted.result_int(), 422);
  EXPECT_EQ(json::parse(posted.body()).at("field").as_string(), "type");
  EXPECT_EQ(json::parse(client_.get(case_path_).body()).at("stage").as_string(), "in_care");
}

// The case page reads its whole file at once: one reading audited once, each part what its own route
// answers, so the page never shows the tasks of one version beside the records of another.
TEST_F(CaseWorkApi, TheCaseFileIsOneAuditedReadingOfWhatEachRouteAnswers) {
  ASSERT_EQ(add(client_, "intake_assessment", {{"physical", "ổn"}}, "2026-01-15T20:00:00Z").result_int(), 201);
  const std::string case_id = case_path_.substr(case_path_.rfind('/') + 1);
  auto readings = [&] {
    auto trail = storage::read_value<std::vector<storage::AuditEntry>>(
        server_.store(), [&](storage::ReadTransaction& tx) { return tx.audit().list_for_case(case_id); });
    return trail ? std::count_if(trail->begin(), trail->end(), [](const auto& e) { return e.action == "case.read"; })
                 : -1;
  };
  const auto before = readings();
  const auto answer = client_.get(case_path_ + "/file");
  ASSERT_EQ(answer.result_int(), 200) << answer.body();
  EXPECT_EQ(readings(), before + 1) << "one reading of the file, not one per part";
  const auto file = json::parse(answer.body()).as_object();
  EXPECT_EQ(answer[boost::beast::http::field::etag], "\"" + std::to_string(file.at("case").at("version").as_int64()) + "\"");

  EXPECT_EQ(file.at("case"), json::parse(client_.get(case_path_).body()));
  EXPECT_EQ(file.at("records"), json::parse(client_.get(case_path_ + "/records").body()));
  EXPECT_EQ(file.at("actions"), json::parse(client_.get(case_path_ + "/actions").body()));
  EXPECT_EQ(file.at("tasks"), json::parse(client_.get(case_path_ + "/tasks").body()));
  EXPECT_EQ(file.at("compliance"), json::parse(client_.get(case_path_ + "/compliance").body()));
  EXPECT_EQ(file.at("records").at("total").as_int64(), 1);

  // The records' page is asked for as on /records, and a bad one is refused naming the parameter.
  const auto paged = json::parse(client_.get(case_path_ + "/file?limit=1").body());
  EXPECT_EQ(paged.at("records").at("items").as_array().size(), 1U);
  const auto bad = client_.get(case_path_ + "/file?after=nope");
  EXPECT_EQ(bad.result_int(), 422);
  EXPECT_EQ(json::parse(bad.body()).at("field").as_string(), "after");
}

TEST_F(CaseWorkApi, ACrisisInCounsellingComesFirstInTheTasks) {
  ASSERT_EQ(add(client_, "counselling_session", {{"crisis", true}}, "2026-01-16T02:00:00Z").result_int(), 201);
  const auto tasks = json::parse(client_.get(case_path_ + "/tasks").body()).at("items").as_array();
  ASSERT_FALSE(tasks.empty());
  EXPECT_EQ(tasks.at(0).at("clause").as_string(), "II.3.b");
}

TEST_F(CaseWorkApi, ClosureNeedsItsChecklistAndLostContactItsAttempts) {
  ASSERT_EQ(act("begin_care").result_int(), 200);
  auto refused = act("close_lost_contact");
  EXPECT_EQ(json::parse(refused.body()).at("clause").as_string(), "II.8.d");
  for (const char* channel : {"phone", "family", "service_provider"}) {
    ASSERT_EQ(add(client_, "contact_attempt", {{"channel", channel}, {"reached", false}}).result_int(), 201);
  }
  auto closed = act("close_lost_contact");
  EXPECT_EQ(closed.result_int(), 200) << closed.body();
  EXPECT_EQ(json::parse(closed.body()).at("stage").as_string(), "closed");
  EXPECT_TRUE(json::parse(client_.get(case_path_ + "/tasks").body()).at("items").as_array().empty());
}

// A refused save names every rule that refuses, not only the first: a worker fixes all three before
// trying again, instead of finding them one at a time. `clause` and `detail` stay the first.
TEST_F(CaseWorkApi, ARefusedSaveNamesEveryRuleThatRefusesAtOnce) {
  const std::string an_hour_ago = format_iso_timestamp(SystemClock().now() - std::chrono::hours{1});
  auto refused = add(client_, "referral",
                     {{"provider", "Trung tâm dạy nghề huyện"}, {"services", "học may"}, {"victim_agreed", false}},
                     an_hour_ago);
  ASSERT_EQ(refused.result_int(), 409);
  const auto problem = json::parse(refused.body());
  EXPECT_EQ(problem.at("clause").as_string(), "II.6.a");
  std::vector<std::string> clauses;
  for (const auto& r : problem.at("refusals").as_array()) {
    clauses.emplace_back(r.at("clause").as_string());
    EXPECT_FALSE(r.at("message").as_string().empty());
  }
  EXPECT_EQ(clauses, (std::vector<std::string>{"II.6.a", "II.6.b", "II.6.c"}));
  EXPECT_EQ(problem.at("refusals").as_array()[0].at("message"), problem.at("detail"));

  HttpClient english(server_.port(), "en");
  ASSERT_EQ(english.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200);
  const auto in_english = json::parse(add(english, "referral", {{"provider", "x"}, {"victim_agreed", false}}, an_hour_ago).body());
  EXPECT_NE(std::string(in_english.at("refusals").as_array()[2].at("message").as_string()).find("agree"), std::string::npos)
      << in_english;
}

TEST_F(CaseWorkApi, AReferralNeedsARecentRecoveryAssessmentAndTheVictimsAgreement) {
  const std::string an_hour_ago = format_iso_timestamp(SystemClock().now() - std::chrono::hours{1});
  const json::object referral{{"provider", "Trung tâm dạy nghề huyện"}, {"services", "học may"},
                              {"victim_opinion", "muốn học may"}, {"victim_agreed", true}};
  auto refused = add(client_, "referral", referral, an_hour_ago);
  EXPECT_EQ(refused.result_int(), 409);
  EXPECT_EQ(json::parse(refused.body()).at("clause").as_string(), "II.6.a");
  ASSERT_EQ(add(client_, "provider_list_given", {{"language", "vi"}}, an_hour_ago).result_int(), 201);
  refused = add(client_, "referral", referral, an_hour_ago);
  EXPECT_EQ(json::parse(refused.body()).at("clause").as_string(), "II.6.b");
  ASSERT_EQ(add(client_, "recovery_assessment", {{"findings", "ổn định"}}, an_hour_ago).result_int(), 201);
  auto without_agreement = referral;
  without_agreement["victim_agreed"] = false;
  EXPECT_EQ(json::parse(add(client_, "referral", without_agreement, an_hour_ago).body()).at("clause").as_string(), "II.6.c");
  auto sent = add(client_, "referral", referral, an_hour_ago);
  ASSERT_EQ(sent.result_int(), 201) << sent.body();
  const std::string referral_id(json::parse(sent.body()).at("id").as_string());
  bool follow_up_due = false;
  const auto tasks = json::parse(client_.get(case_path_ + "/tasks").body());
  for (const auto& t : tasks.at("items").as_array()) {
    follow_up_due = follow_up_due || (t.at("clause").as_string() == "II.6.e" && t.at("about_record_id").as_string() == referral_id);
  }
  EXPECT_TRUE(follow_up_due);
  ASSERT_EQ(add(client_, "referral_update", {{"referral_id", referral_id}, {"status", "accepted"}}, an_hour_ago).result_int(), 201);
  EXPECT_EQ(state_of("II.6.e"), "met");
}

TEST_F(CaseWorkApi, AStaleActionIsAVersionConflict) {
  auto r = client_.post_json(case_path_ + "/actions", R"({"action": "begin_care", "version": 99})");
  EXPECT_EQ(r.result_int(), 409);
  EXPECT_EQ(json::parse(r.body()).at("code").as_string(), "version_conflict");
  EXPECT_EQ(json::parse(r.body()).at("current_version").as_int64(), 1);
}

TEST_F(CaseWorkApi, ACounsellorRecordsSessionsButDoesNotMoveTheCase) {
  HttpClient head(server_.port());
  ASSERT_EQ(head.post_json("/api/v1/session", TestServer::credentials("head")).result_int(), 200);
  for (const char* who : {"worker1", "counsellor"}) {
    ASSERT_EQ(head.post_json(case_path_ + "/records", assignment_json(server_.staff_id(who))).result_int(), 201);
  }
  HttpClient counsellor(server_.port());
  ASSERT_EQ(counsellor.post_json("/api/v1/session", TestServer::credentials("counsellor")).result_int(), 200);
  EXPECT_EQ(add(counsellor, "counselling_session", {{"condition_observed", "ổn định"}}).result_int(), 201);
  auto r = counsellor.post_json(case_path_ + "/actions", R"({"action": "begin_care", "version": 1})");
  EXPECT_EQ(r.result_int(), 403);
}

TEST_F(CaseWorkApi, BadRecordsAreRefusedWithTheirField) {
  auto unknown_field = add(client_, "health_check", {{"blood_type", "O"}});
  EXPECT_EQ(unknown_field.result_int(), 422);
  EXPECT_EQ(json::parse(unknown_field.body()).at("field").as_string(), "body.blood_type");
  auto unknown_type = add(client_, "horoscope", {});
  EXPECT_EQ(json::parse(unknown_type.body()).at("field").as_string(), "type");
  auto before_reception = add(client_, "health_check", {}, "2025-12-31T00:00:00Z");
  EXPECT_EQ(before_reception.result_int(), 422);
  EXPECT_EQ(json::parse(before_reception.body()).at("field").as_string(), "occurred_at");
  auto markup = add(client_, "health_check", {{"findings", "<script>x</script>"}});
  EXPECT_EQ(json::parse(markup.body()).at("field").as_string(), "body.findings");
  EXPECT_TRUE(json::parse(client_.get(case_path_ + "/records").body()).at("items").as_array().empty());
}

TEST_F(CaseWorkApi, InformationLeavesOnlyWithTheHeadAndWithinTheConsentInForce) {
  const std::string an_hour_ago = format_iso_timestamp(SystemClock().now() - std::chrono::hours{1});
  const json::object consent{{"given_by", "victim"},
                             {"categories", json::array{"identity", "health"}},
                             {"recipient", "Gia đình"},
                             {"purposes", json::array{"family_reunification"}},
                             {"informed", true}};
  auto given = add(client_, "consent", consent, an_hour_ago);
  ASSERT_EQ(given.result_int(), 201) << given.body();
  const json::object disclosure{{"kind", "family_information"},
                                {"recipient", "gia dinh"},  // the same family, typed without accents
                                {"purpose", "family_reunification"},
                                {"categories", json::array{"health"}},
                                {"reason", "mẹ hỏi về sức khỏe"}};
  auto by_worker = add(client_, "disclosure", disclosure, an_hour_ago);
  EXPECT_EQ(by_worker.result_int(), 409);
  EXPECT_EQ(json::parse(by_worker.body()).at("clause").as_string(), "I.3.a");

  HttpClient head(server_.port());
  ASSERT_EQ(head.post_json("/api/v1/session", TestServer::credentials("head")).result_int(), 200);
  auto too_much = disclosure;
  too_much["categories"] = json::array{"health", "psychological"};
  auto refused = add(head, "disclosure", too_much, an_hour_ago);
  EXPECT_EQ(refused.result_int(), 409);
  EXPECT_EQ(json::parse(refused.body()).at("clause").as_string(), "I.3.b");
  // The category the consent lacks, in the reader's words (Vietnamese here), not the API's name for it.
  const std::string detail(json::parse(refused.body()).at("detail").as_string());
  EXPECT_NE(detail.find("không bao gồm: Tâm lý"), std::string::npos) << detail;
  EXPECT_EQ(detail.find("psychological"), std::string::npos) << detail;
  EXPECT_EQ(add(head, "disclosure", disclosure, an_hour_ago).result_int(), 201);

  const std::string consent_id(json::parse(given.body()).at("id").as_string());
  ASSERT_EQ(add(client_, "consent_withdrawal", {{"consent_id", consent_id}}, an_hour_ago).result_int(), 201);
  auto after_withdrawal = add(head, "disclosure", disclosure, an_hour_ago);
  EXPECT_EQ(after_withdrawal.result_int(), 409);
  EXPECT_EQ(json::parse(after_withdrawal.body()).at("clause").as_string(), "I.3.b");
}

TEST_F(CaseWorkApi, AConsentNamesItsCategoriesFromTheList) {
  auto r = add(client_, "consent",
               {{"given_by", "victim"}, {"categories", json::array{"everything"}}, {"recipient", "Gia đình"},
                {"purposes", json::array{"referral"}}, {"informed", true}});
  EXPECT_EQ(r.result_int(), 422);
  EXPECT_EQ(json::parse(r.body()).at("field").as_string(), "body.categories[0]");
}

TEST_F(CaseWorkApi, OnlyTheHeadPassesOverAJudgementGuardAndItCountsAsNotMet) {
  const std::string an_hour_ago = format_iso_timestamp(SystemClock().now() - std::chrono::hours{1});
  ASSERT_EQ(add(client_, "provider_list_given", {{"language", "vi"}}, an_hour_ago).result_int(), 201);
  auto referral = [&](HttpClient& client, const std::string& reason) {
    json::object request{{"type", "referral"},
                         {"occurred_at", an_hour_ago},
                         {"body", {{"provider", "Bệnh viện tỉnh"}, {"services", "phẫu thuật"},
                                   {"victim_opinion", "đồng ý"}, {"victim_agreed", true}}}};
    if (!reason.empty()) request["override_reason"] = reason;
    return client.post_json(case_path_ + "/records", json::serialize(request));
  };
  // No recovery assessment (II.6.b): refused; a case worker's reason is not enough.
  EXPECT_EQ(referral(client_, "").result_int(), 409);
  auto by_worker = referral(client_, "cần phẫu thuật gấp");
  EXPECT_EQ(by_worker.result_int(), 403);
  EXPECT_EQ(json::parse(by_worker.body()).at("clause").as_string(), "II.6.b");
  HttpClient head(server_.port());
  ASSERT_EQ(head.post_json("/api/v1/session", TestServer::credentials("head")).result_int(), 200);
  // The head judges a case she is on (I.3.c), alongside the worker.
  EXPECT_EQ(json::parse(referral(head, "cần phẫu thuật gấp").body()).at("clause").as_string(), "I.3.c");
  ASSERT_EQ(head.post_json(case_path_ + "/records", assignment_json(server_.staff_id("worker1"))).result_int(), 201);
  ASSERT_EQ(head.post_json(case_path_ + "/break-glass", break_glass_json()).result_int(), 201);
  auto passed = referral(head, "cần phẫu thuật gấp tại bệnh viện tỉnh");
  ASSERT_EQ(passed.result_int(), 201) << passed.body();
  EXPECT_EQ(state_of("II.6.b"), "not_met");
  bool recorded = false;
  const auto records = json::parse(client_.get(case_path_ + "/records").body());
  for (const auto& r : records.at("items").as_array()) recorded = recorded || r.at("type").as_string() == "guard_override";
  EXPECT_TRUE(recorded);
  // A reason is narrative text like any other: markup is refused before anything is written.
  auto marked_up = referral(head, "<script>x</script>");
  EXPECT_EQ(marked_up.result_int(), 422);
  EXPECT_EQ(json::parse(marked_up.body()).at("field").as_string(), "override_reason");
  // An override is never posted directly.
  auto direct = add(head, "guard_override", {{"clauses", json::array{"II.8.c"}}, {"what", "close"}, {"reason", "x"}});
  EXPECT_EQ(direct.result_int(), 422);
}

TEST_F(CaseWorkApi, ConsentIsNeverPassedOver) {
  HttpClient head(server_.port());
  ASSERT_EQ(head.post_json("/api/v1/session", TestServer::credentials("head")).result_int(), 200);
  auto r = head.post_json(case_path_ + "/records", json::serialize(json::object{
      {"type", "disclosure"},
      {"occurred_at", format_iso_timestamp(SystemClock().now() - std::chrono::hours{1})},
      {"override_reason", "công an yêu cầu"},
      {"body", {{"kind", "agency_information"}, {"recipient", "Công an"}, {"purpose", "legal_proceedings"},
                {"categories", json::array{"identity"}}}}}));
  EXPECT_EQ(r.result_int(), 409);
  EXPECT_EQ(json::parse(r.body()).at("clause").as_string(), "I.3.b");
}

TEST_F(CaseWorkApi, ATransferNeedsTheHeadAndTheVictimsConsentAndMovesTheWholeFile) {
  const std::string an_hour_ago = format_iso_timestamp(SystemClock().now() - std::chrono::hours{1});
  auto transfer = [&](HttpClient& client) {
    const auto version = json::parse(client_.get(case_path_).body()).at("version").as_int64();
    return client.post_json(case_path_ + "/transfer",
                            json::serialize(json::object{{"centre_id", server_.other_centre_id()}, {"version", version}}));
  };
  EXPECT_EQ(transfer(client_).result_int(), 403);  // the centre head's decision
  HttpClient head(server_.port());
  ASSERT_EQ(head.post_json("/api/v1/session", TestServer::credentials("head")).result_int(), 200);
  auto without_consent = transfer(head);
  EXPECT_EQ(without_consent.result_int(), 409);
  EXPECT_EQ(json::parse(without_consent.body()).at("clause").as_string(), "I.3.b");
  json::array every_category{"identity", "contact", "health", "psychological", "case_history", "identification", "plan"};
  ASSERT_EQ(add(client_, "consent",
                {{"given_by", "victim"}, {"categories", every_category}, {"recipient", "Trung tâm khác"},
                 {"purposes", json::array{"referral"}}, {"informed", true}}, an_hour_ago)
                .result_int(), 201);
  // The centre's figures read: the server holds the case's standing in memory for this centre.
  ASSERT_EQ(head.get("/api/v1/centre/self-assessment").result_int(), 200);
  ASSERT_EQ(server_.context().standing_cache->size(), 1U);
  auto moved = transfer(head);
  ASSERT_EQ(moved.result_int(), 200) << moved.body();
  EXPECT_EQ(server_.context().standing_cache->size(), 0U) << "no longer this centre's to hold";
  EXPECT_EQ(json::parse(moved.body()).at("centre_id").as_string(), server_.other_centre_id());
  EXPECT_EQ(client_.get(case_path_).result_int(), 404);  // no longer this centre's
  // At the destination nobody is on the case until its head assigns someone (I.3.c); she sees the
  // case in her list by its code, without the person's name.
  HttpClient elsewhere(server_.port());
  ASSERT_EQ(elsewhere.post_json("/api/v1/session", TestServer::credentials("elsewhere")).result_int(), 200);
  EXPECT_EQ(elsewhere.get(case_path_).result_int(), 403);
  HttpClient head2(server_.port());
  ASSERT_EQ(head2.post_json("/api/v1/session", TestServer::credentials("head2")).result_int(), 200);
  const auto listed = json::parse(head2.get("/api/v1/cases").body()).at("items").as_array();
  ASSERT_EQ(listed.size(), 1U);
  EXPECT_FALSE(listed.at(0).at("on_case").as_bool());
  EXPECT_TRUE(listed.at(0).at("name").is_null());
  ASSERT_EQ(head2.post_json(case_path_ + "/records", assignment_json(server_.staff_id("elsewhere"))).result_int(), 201);
  ASSERT_EQ(elsewhere.get(case_path_).result_int(), 200);
  bool disclosed = false;
  const auto records = json::parse(elsewhere.get(case_path_ + "/records").body());
  for (const auto& r : records.at("items").as_array()) {
    disclosed = disclosed || (r.at("type").as_string() == "disclosure" && r.at("body").at("kind").as_string() == "case_transfer");
  }
  EXPECT_TRUE(disclosed);
}

TEST_F(CaseWorkApi, AFollowUpScheduleIsBetweenADayAndAYear) {
  auto never = add(client_, "follow_up_schedule", {{"interval_days", 0}, {"reason", "ổn định"}});
  EXPECT_EQ(never.result_int(), 422);
  EXPECT_EQ(json::parse(never.body()).at("field").as_string(), "body.interval_days");
  EXPECT_EQ(add(client_, "follow_up_schedule", {{"interval_days", 14}, {"reason", "nguy cơ tái phát"}}).result_int(), 201);
}

}  // namespace
}  // namespace haven::testing
