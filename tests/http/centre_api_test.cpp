// The centre's own records through the API: the head records staff screening, qualifications and
// the provider directory; staff read what concerns them; the case guards read what was recorded.
#include <gtest/gtest.h>

#include <algorithm>

#include <boost/json.hpp>

#include "app/case_standings.hpp"
#include "codec/case_standing_json.hpp"
#include "common/iso_time.hpp"
#include "security/random.hpp"
#include "standards/mechanisms.hpp"
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

  // The head and worker1 signed in, and a case worker1 registered: its ID.
  std::string registered_case(const std::string& name) {
    sign_in(head_, "head");
    sign_in(worker_, "worker1");
    auto created = worker_.post_json("/api/v1/cases", new_case_json(name));
    EXPECT_EQ(created.result_int(), 201) << created.body();
    return std::string(json::parse(created.body()).at("id").as_string());
  }
  // The self-assessment's line for the intake assessment (I.1.b), as "1 met, 0 open, 0 late".
  std::string intake_line() {
    const auto assessment = json::parse(head_.get("/api/v1/centre/self-assessment").body());
    for (const auto& line : assessment.at("lines").as_array()) {
      if (line.at("clause").as_string() != "I.1.b") continue;
      return std::to_string(line.at("met").as_int64()) + " met, " +
             std::to_string(line.at("pending").as_int64() + line.at("overdue").as_int64()) + " open, " +
             std::to_string(line.at("not_met").as_int64()) + " late";
    }
    return "no line";
  }
  // A standing that claims the intake assessment was done.
  static standards::CaseStanding intake_done() {
    standards::CaseStanding claimed;
    claimed.items.push_back({*standards::clause_index("I.1.b"), standards::ClauseState::met, standards::Reason::none});
    return claimed;
  }
  static std::string this_engine() { return app::standing_basis(standards::Parameters::defaults()); }
  // Stored over the case's standing for its current revision, as a reading would store one.
  Result<void> store_standing(const std::string& case_id, const std::string& basis, const std::string& body) {
    return server_.store().write([&](storage::WriteTransaction& tx) {
      return tx.standings().put(case_id, std::nullopt, basis, body);
    });
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

TEST_F(CentreApi, TheDirectoryHoldsTheLatestEntryOfEachProviderAndFlagsThoseNotVerifiedLately) {
  sign_in(head_, "head");
  sign_in(worker_, "worker1");
  const auto today = SystemClock().now();
  const auto days_ago = [&](int n) { return format_iso_date(date_of(today - std::chrono::days{n})); };
  auto provider = [&](const std::string& name, int verified_days_ago) {
    return json::object{{"name", name}, {"services", "khám bệnh"}, {"contact", "0296 3 852 989"}, {"last_verified", days_ago(verified_days_ago)}};
  };
  ASSERT_EQ(add(head_, "service_provider", "", provider("Bệnh viện tỉnh An Giang", 800)).result_int(), 201);
  ASSERT_EQ(add(head_, "service_provider", "", provider("Benh vien tinh An Giang", 10)).result_int(), 201);  // verified again
  ASSERT_EQ(add(head_, "service_provider", "", provider("Trung tâm dạy nghề Tịnh Biên", 800)).result_int(), 201);

  auto r = worker_.get("/api/v1/centre/providers");  // staff read the directory too
  ASSERT_EQ(r.result_int(), 200) << r.body();
  const auto answer = json::parse(r.body());
  EXPECT_GT(answer.at("stale_after_days").as_int64(), 0);
  const auto& items = answer.at("items").as_array();
  ASSERT_EQ(items.size(), 2U);  // one entry per provider, whatever its accents
  EXPECT_EQ(items.at(0).at("body").at("last_verified").as_string(), days_ago(10));
  EXPECT_FALSE(items.at(0).at("stale").as_bool());
  EXPECT_EQ(items.at(1).at("body").at("name").as_string(), "Trung tâm dạy nghề Tịnh Biên");
  EXPECT_TRUE(items.at(1).at("stale").as_bool());  // II.6.a: to verify again

  HttpClient provider_account(server_.port());
  sign_in(provider_account, "provider");
  EXPECT_EQ(provider_account.get("/api/v1/centre/providers").result_int(), 403);
}

// Nobody certifies themselves: the head cannot record her own screening, qualification, training,
// supervision or matching; the deputy head can. Each refusal names the clause the record serves.
TEST_F(CentreApi, NobodyRecordsFactsAboutThemselves) {
  const auto head_id = sign_in(head_, "head");
  const struct {
    const char* type;
    json::object body;
    const char* clause;
  } records[] = {
      {"recruitment_screening", {{"ability", true}, {"qualifications", true}, {"moral_standing", true}, {"judicial_record_checked", true}}, "III.1.b"},
      {"staff_qualification", {{"qualification", "counselling"}, {"title", "Thạc sĩ Tâm lý"}}, "I.2.d"},
      {"staff_training", {{"topic", "law"}, {"course", "Luật Phòng, chống mua bán người"}, {"hours", 8}}, "III.2.b"},
      {"supervision_check_in", {{"notes", "ổn"}}, "III.1.c"},
      {"staff_matching", {{"sex", "female"}, {"languages", json::array{"vi"}}}, "I.2.b"},
  };
  HttpClient deputy(server_.port());
  sign_in(deputy, "deputy");
  for (const auto& r : records) {
    auto own = add(head_, r.type, head_id, r.body);
    EXPECT_EQ(own.result_int(), 403) << r.type << " " << own.body();
    EXPECT_EQ(json::parse(own.body()).at("clause").as_string(), r.clause) << r.type;
    EXPECT_EQ(json::parse(own.body()).at("field").as_string(), "subject") << r.type;
    auto by_deputy = add(deputy, r.type, head_id, r.body);
    EXPECT_EQ(by_deputy.result_int(), 201) << r.type << " " << by_deputy.body();
  }
  const auto about_head = json::parse(head_.get("/api/v1/centre/records").body()).at("items").as_array();
  for (const auto& item : about_head) {
    if (item.at("subject") == json::value(head_id)) {
      EXPECT_NE(item.at("recorded_by"), json::value(head_id));
    }
  }
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
  // worker1, who received the person, has a counselling qualification on record (I.2.d).
  EXPECT_EQ(post(worker_, "counselling_session", {{"condition_observed", "bình tĩnh"}}).result_int(), 201);
  // Assignment is the head's (a worker cannot put themselves on a case), with the declaration of no
  // conflict of interest (III.2.c).
  EXPECT_EQ(post(worker_, "staff_assignment", {{"staff_id", worker_id}, {"no_conflict_of_interest", true}}).result_int(), 403);
  auto undeclared = post(head_, "staff_assignment", {{"staff_id", worker_id}});
  EXPECT_EQ(json::parse(undeclared.body()).at("clause").as_string(), "III.2.c");
  EXPECT_EQ(post(head_, "staff_assignment", {{"staff_id", worker_id}, {"no_conflict_of_interest", true}}).result_int(), 201);
  // The head cannot put herself on the case (I.3.c); opened by break-glass, she has no counselling
  // qualification on record.
  const std::string head_id = json::parse(head_.get("/api/v1/session").body()).at("user").at("id").as_string().c_str();
  auto self = post(head_, "staff_assignment", {{"staff_id", head_id}, {"no_conflict_of_interest", true}});
  EXPECT_EQ(self.result_int(), 403);
  EXPECT_EQ(json::parse(self.body()).at("clause").as_string(), "I.3.c");
  const std::string case_path = records.substr(0, records.size() - std::string("/records").size());
  ASSERT_EQ(head_.post_json(case_path + "/break-glass", break_glass_json()).result_int(), 201);
  auto by_head = post(head_, "counselling_session", {{"condition_observed", "bình tĩnh"}});
  EXPECT_EQ(by_head.result_int(), 409);
  EXPECT_EQ(json::parse(by_head.body()).at("clause").as_string(), "I.2.d");
}

TEST_F(CentreApi, TheSelfAssessmentCoversEveryClauseAndOnlyTheHeadSeesIt) {
  sign_in(head_, "head");
  sign_in(worker_, "worker1");
  ASSERT_EQ(worker_.post_json("/api/v1/cases", new_case_json("Hồ Thị Xuân")).result_int(), 201);
  EXPECT_EQ(worker_.get("/api/v1/centre/self-assessment").result_int(), 403);
  auto r = head_.get("/api/v1/centre/self-assessment");
  ASSERT_EQ(r.result_int(), 200) << r.body();
  const auto assessment = json::parse(r.body());
  EXPECT_EQ(assessment.at("cases").as_int64(), 1);
  const auto& lines = assessment.at("lines").as_array();
  ASSERT_EQ(lines.size(), 59U);
  bool intake_counted = false;
  bool screening_counted = false;
  for (const auto& line : lines) {
    if (line.at("clause").as_string() == "I.1.b") {
      intake_counted = line.at("basis").as_string() == "cases" && line.at("pending").as_int64() + line.at("overdue").as_int64() == 1;
    }
    if (line.at("clause").as_string() == "III.1.b") screening_counted = line.at("met").as_int64() == 5;  // head, deputy, worker1, worker2, counsellor
  }
  EXPECT_TRUE(intake_counted);
  EXPECT_TRUE(screening_counted);
  EXPECT_EQ(assessment.at("centre").at("facilities").as_string(), "pending");
  // A period that ended before the case was received counts no case; a period backwards is refused.
  const auto earlier = json::parse(head_.get("/api/v1/centre/self-assessment?from=2025-01-01&to=2025-12-31").body());
  EXPECT_EQ(earlier.at("cases").as_int64(), 0);
  auto backwards = head_.get("/api/v1/centre/self-assessment?from=2026-02-01&to=2026-01-01");
  EXPECT_EQ(backwards.result_int(), 422);
  EXPECT_EQ(json::parse(backwards.body()).at("field").as_string(), "to");
  EXPECT_EQ(json::parse(head_.get("/api/v1/centre/self-assessment?from=yesterday").body()).at("field").as_string(), "from");
}

// What no figure shows but a guard enforces is "enforced", not left to tick; a clause nothing in the
// data shows is the head's to assess, with a note, and her latest assessment in the period stands.
TEST_F(CentreApi, TheHeadAssessesAManualClauseWithANoteAndAGuardedClauseIsEnforced) {
  const std::string head_id = sign_in(head_, "head");
  sign_in(worker_, "worker1");
  const auto lines_of = [&](const std::string& query) {
    return json::parse(head_.get("/api/v1/centre/self-assessment" + query).body()).at("lines").as_array();
  };
  std::string manual;
  int enforced = 0;
  for (const auto& line : lines_of("")) {
    const std::string clause(line.at("clause").as_string());
    if (line.at("basis").as_string() == "enforced") {
      ++enforced;
      EXPECT_TRUE(std::ranges::any_of(standards::mechanisms(), [&](const standards::Mechanism& m) {
        return m.clause == clause && m.kind == standards::MechanismKind::guard;
      })) << clause << " is enforced only by a guard";
    }
    if (line.at("basis").as_string() == "manual" && manual.empty()) manual = clause;
    EXPECT_TRUE(line.at("assessed").is_null()) << "nothing assessed yet";
  }
  EXPECT_GT(enforced, 0);
  ASSERT_FALSE(manual.empty());

  EXPECT_EQ(add(worker_, "manual_assessment", "", {{"clause", manual}, {"verdict", "met"}, {"note", "x"}}).result_int(), 403);
  auto unknown = add(head_, "manual_assessment", "", {{"clause", "IX.9.z"}, {"verdict", "met"}, {"note", "Đã kiểm tra"}});
  EXPECT_EQ(unknown.result_int(), 422);
  EXPECT_EQ(json::parse(unknown.body()).at("field").as_string(), "body.clause");
  auto blank = add(head_, "manual_assessment", "", {{"clause", manual}, {"verdict", "met"}, {"note", "  "}});
  EXPECT_EQ(blank.result_int(), 422) << "an assessment says what it rests on";
  EXPECT_EQ(json::parse(blank.body()).at("field").as_string(), "body.note");
  // Assessed twice: the later stands, whatever order they were typed in.
  const auto assess = [&](const std::string& verdict, const std::string& note, std::chrono::hours ago) {
    return head_.post_json("/api/v1/centre/records", json::serialize(json::object{
        {"type", "manual_assessment"},
        {"occurred_at", format_iso_timestamp(SystemClock().now() - ago)},
        {"body", {{"clause", manual}, {"verdict", verdict}, {"note", note}}}})).result_int();
  };
  ASSERT_EQ(assess("not_met", "Phòng tư vấn chưa riêng tư", std::chrono::hours{2}), 201);
  ASSERT_EQ(assess("met", "Lần đầu", std::chrono::hours{3}), 201);
  for (const auto& line : lines_of("")) {
    if (line.at("clause").as_string() != manual) continue;
    const auto& assessed = line.at("assessed");
    ASSERT_TRUE(assessed.is_object());
    EXPECT_EQ(assessed.at("verdict").as_string(), "not_met") << "the latest stands";
    EXPECT_EQ(assessed.at("note").as_string(), "Phòng tư vấn chưa riêng tư");
    EXPECT_EQ(assessed.at("recorded_by").as_string(), head_id);
  }
  for (const auto& line : lines_of("?from=2025-01-01&to=2025-12-31")) {
    EXPECT_TRUE(line.at("assessed").is_null()) << "an assessment counts for the period it was made in";
  }
}

// The self-assessment reads each case's stored standing (app/case_standings.hpp), and only one that
// still holds: computed under this engine and these parameters, from the case as it now stands.
TEST_F(CentreApi, TheSelfAssessmentTrustsNoStoredStandingThatNoLongerHolds) {
  const std::string case_id = registered_case("Mạc Thị Đứng");
  EXPECT_EQ(intake_line(), "0 met, 1 open, 0 late");

  // A standing that claims the intake assessment was done, stored as if by another engine, and then
  // one under this engine's basis that does not read back: neither is believed. Each is read as
  // after a restart, when the server holds no standing in memory yet.
  auto& held = *server_.context().standing_cache;
  ASSERT_TRUE(store_standing(case_id, "engine 0000000000000000", codec::encode_case_standing(intake_done())));
  held.clear();
  EXPECT_EQ(intake_line(), "0 met, 1 open, 0 late");
  ASSERT_TRUE(store_standing(case_id, this_engine(), "{\"items\": [[999, 0, 0]]}"));
  held.clear();
  EXPECT_EQ(intake_line(), "0 met, 1 open, 0 late");

  // The intake assessment recorded (months after the reception of 2026-01-15: late): the case's
  // standing is stored again with the record.
  auto recorded = worker_.post_json("/api/v1/cases/" + case_id + "/records",
                                    json::serialize(json::object{{"type", "intake_assessment"}, {"occurred_at", an_hour_ago_},
                                                                 {"body", {{"physical", "gầy"}, {"psychological", "lo âu"}}}}));
  ASSERT_EQ(recorded.result_int(), 201) << recorded.body();
  EXPECT_EQ(intake_line(), "0 met, 0 open, 1 late");
}

TEST_F(CentreApi, AReadingTakesTheStandingsHeldInMemoryAndOpensNoStoredOne) {
  const std::string case_id = registered_case("Kha Thị Giữ");
  EXPECT_EQ(intake_line(), "0 met, 1 open, 0 late");
  // A stored standing that says otherwise, for the case's revision and under this engine's basis:
  // one that a reading opening the stored standings would believe.
  ASSERT_TRUE(store_standing(case_id, this_engine(), codec::encode_case_standing(intake_done())));
  EXPECT_EQ(intake_line(), "0 met, 1 open, 0 late") << "the standing held in memory, the stored one not opened";
  server_.context().standing_cache->clear();
  EXPECT_EQ(intake_line(), "1 met, 0 open, 0 late") << "with nothing held, the stored one is opened";
}

TEST_F(CentreApi, TheStandingsHeldInMemoryGiveWayToAChangeMadeByAnotherServer) {
  const std::string case_id = registered_case("Lục Thị Nhớ");
  EXPECT_EQ(intake_line(), "0 met, 1 open, 0 late");
  EXPECT_EQ(server_.context().standing_cache->size(), 1U) << "held after the first reading";
  // Another server on the same database records the intake assessment: this one's memory knows
  // nothing of it, nor is the stored standing refreshed, but the case's revision has moved on.
  domain::CaseRecord record{security::new_record_id(), server_.now() - std::chrono::hours{1}, server_.now(),
                            server_.staff_id("worker1"), 1, domain::IntakeAssessment{"gầy", "", "lo âu", false}};
  ASSERT_TRUE(server_.store().write([&](storage::WriteTransaction& tx) { return tx.records().insert(case_id, record); }));
  EXPECT_EQ(intake_line(), "0 met, 0 open, 1 late");
}

TEST_F(CentreApi, TheVictimsProgressIsInPlainWordsInTheirLanguage) {
  sign_in(worker_, "worker1");
  auto created = worker_.post_json("/api/v1/cases", new_case_json("Đoàn Thị Yến"));
  ASSERT_EQ(created.result_int(), 201);
  const std::string path = "/api/v1/cases/" + std::string(json::parse(created.body()).at("id").as_string());
  ASSERT_EQ(worker_.post_json(path + "/records", json::serialize(json::object{
                {"type", "health_check"}, {"occurred_at", an_hour_ago_}, {"body", {{"by_medical_staff", true}}}}))
                .result_int(), 201);
  worker_.set_language("en");
  auto english = worker_.get(path + "/progress");
  ASSERT_EQ(english.result_int(), 200) << english.body();
  const auto summary = json::parse(english.body());
  ASSERT_EQ(summary.at("done").as_array().size(), 1U);
  EXPECT_EQ(summary.at("done").at(0).at("text").as_string(), "You had a health check.");
  EXPECT_EQ(summary.at("next").as_string(), "Next: you will be cared for, have a health check and meet a counsellor.");
  worker_.set_language("vi");
  const auto vietnamese = json::parse(worker_.get(path + "/progress").body());
  EXPECT_EQ(vietnamese.at("done").at(0).at("text").as_string(), "Bạn đã được khám sức khỏe.");
}

}  // namespace
}  // namespace haven::testing
