#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "common/iso_time.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace haven::testing {
namespace {

namespace http = boost::beast::http;

class CaseApi : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(sign_in(client_, "worker1"), 200); }
  static unsigned sign_in(HttpClient& client, const std::string& username) {
    return client.post_json("/api/v1/session", TestServer::credentials(username)).result_int();
  }
  boost::json::object register_case(const std::string& name, const std::string& birth_date = "2001-05-20") {
    auto r = client_.post_json("/api/v1/cases", new_case_json(name, birth_date));
    EXPECT_EQ(r.result_int(), 201) << r.body();
    EXPECT_EQ(r[http::field::location], "/api/v1/cases/" + std::string(boost::json::parse(r.body()).at("id").as_string()));
    return boost::json::parse(r.body()).as_object();
  }

  TestServer server_;
  HttpClient client_{server_.port()};
};

TEST_F(CaseApi, RegisterThenOpenTheReceptionRecord) {
  const auto created = register_case("Đặng Thị Hoa", "2010-06-01");
  EXPECT_TRUE(std::string(created.at("code").as_string()).starts_with("HV-"));
  EXPECT_EQ(created.at("stage").as_string(), "received");
  auto r = client_.get("/api/v1/cases/" + std::string(created.at("id").as_string()));
  ASSERT_EQ(r.result_int(), 200);
  const auto c = boost::json::parse(r.body());
  EXPECT_EQ(c.at("person").at("name").as_string(), "Đặng Thị Hoa");
  EXPECT_TRUE(c.at("person").at("treated_as_child").as_bool());  // II.2.d: 16 years old
  EXPECT_EQ(c.at("reception").at("legal_basis").as_string(), "Biên bản tiếp nhận số 12/BB-BP");
  EXPECT_EQ(c.at("reception").at("referral_channel").as_string(), "border_guard");
  EXPECT_EQ(c.at("reception").at("recorded_by").at("display_name").as_string(), "Cán bộ worker1");
  EXPECT_EQ(c.at("reception").at("documents").as_array().size(), 2U);
}

TEST_F(CaseApi, ASuspectedChildOfUncertainAgeIsTreatedAsAChild) {
  auto body = boost::json::parse(new_case_json("Không rõ tuổi")).as_object();
  auto& person = body["person"].as_object();
  person["birth_date"] = nullptr;
  person["estimated_age"] = 19;
  person["suspected_child"] = true;
  auto r = client_.post_json("/api/v1/cases", boost::json::serialize(body));
  ASSERT_EQ(r.result_int(), 201) << r.body();
  EXPECT_TRUE(boost::json::parse(r.body()).at("person").at("treated_as_child").as_bool());  // II.2.d
}

TEST_F(CaseApi, SearchIgnoresDiacritics) {
  register_case("Đặng Thị Hoa");
  register_case("Nguyễn Văn Đức");
  register_case("Trần Thị Mai");
  auto found = [&](const std::string& q) {
    auto r = client_.get("/api/v1/cases?q=" + q);
    EXPECT_EQ(r.result_int(), 200);
    return boost::json::parse(r.body()).as_object();
  };
  EXPECT_EQ(found("dang").at("total").as_int64(), 1);
  EXPECT_EQ(found("dang").at("items").at(0).at("name").as_string(), "Đặng Thị Hoa");
  EXPECT_EQ(found("duc").at("items").at(0).at("name").as_string(), "Nguyễn Văn Đức");
  EXPECT_EQ(found("%C4%90%E1%BB%A8C").at("total").as_int64(), 1);  // "ĐỨC", URL-encoded
  EXPECT_EQ(found("").at("total").as_int64(), 3);
}

TEST_F(CaseApi, AnotherCentreCannotSeeTheCase) {
  const auto created = register_case("Lý Thị Nga");
  HttpClient other(server_.port());
  ASSERT_EQ(sign_in(other, "elsewhere"), 200);
  EXPECT_EQ(other.get("/api/v1/cases/" + std::string(created.at("id").as_string())).result_int(), 404);
  EXPECT_EQ(boost::json::parse(other.get("/api/v1/cases").body()).at("total").as_int64(), 0);
}

TEST_F(CaseApi, ACounsellorReadsACaseOnlyOnceAssignedAndDoesNotRegister) {
  const auto created = register_case("Mai Thị Lụa");
  const std::string path = "/api/v1/cases/" + std::string(created.at("id").as_string());
  HttpClient counsellor(server_.port());
  ASSERT_EQ(sign_in(counsellor, "counsellor"), 200);
  auto unassigned = counsellor.get(path);
  EXPECT_EQ(unassigned.result_int(), 403);
  EXPECT_EQ(boost::json::parse(unassigned.body()).at("clause").as_string(), "I.3.c");
  EXPECT_EQ(boost::json::parse(counsellor.get("/api/v1/cases").body()).at("total").as_int64(), 0);
  HttpClient head(server_.port());
  ASSERT_EQ(sign_in(head, "head"), 200);
  EXPECT_TRUE(boost::json::parse(client_.get(path).body()).at("staff_on_case").as_array().empty());  // only the receiver
  ASSERT_EQ(head.post_json(path + "/records", assignment_json(server_.staff_id("counsellor"))).result_int(), 201);
  EXPECT_EQ(counsellor.get(path).result_int(), 200);
  // The case says who is on it, by the server's rule: no screen keeps a copy of it.
  const auto seen = boost::json::parse(counsellor.get(path).body());
  EXPECT_EQ(seen.at("staff_on_case"), (boost::json::array{boost::json::string(server_.staff_id("counsellor"))}));
  EXPECT_TRUE(seen.at("designated_staff").is_null());
  EXPECT_EQ(boost::json::parse(counsellor.get("/api/v1/cases").body()).at("total").as_int64(), 1);
  auto r = counsellor.post_json("/api/v1/cases", new_case_json("Người mới"));
  EXPECT_EQ(r.result_int(), 403);
  EXPECT_EQ(boost::json::parse(r.body()).at("code").as_string(), "forbidden");
}

TEST_F(CaseApi, TheListKeepsOneStageAndTheHeadsOwnCases) {
  register_case("Hà Thị Lan");
  const auto moved = register_case("Vi Thị Xuân");
  const std::string path = "/api/v1/cases/" + std::string(moved.at("id").as_string());
  ASSERT_EQ(client_.post_json(path + "/actions", R"({"action": "begin_care", "version": 1})").result_int(), 200);
  auto total = [](HttpClient& client, const std::string& query) {
    return boost::json::parse(client.get("/api/v1/cases" + query).body()).at("total").as_int64();
  };
  EXPECT_EQ(total(client_, "?stage=in_care"), 1);
  EXPECT_EQ(total(client_, "?stage=received"), 1);
  EXPECT_EQ(total(client_, "?stage=closed"), 0);
  auto bad = client_.get("/api/v1/cases?stage=somewhere");
  EXPECT_EQ(bad.result_int(), 422);
  EXPECT_EQ(boost::json::parse(bad.body()).at("field").as_string(), "stage");
  EXPECT_EQ(client_.get("/api/v1/cases?mine=perhaps").result_int(), 422);
  // The head's list holds the whole centre; "mine" keeps the cases she is on herself: none yet.
  HttpClient head(server_.port());
  ASSERT_EQ(sign_in(head, "head"), 200);
  EXPECT_EQ(total(head, ""), 2);
  EXPECT_EQ(total(head, "?mine=true"), 0);
  // Nobody puts themselves on a case (I.3.c): another centre head assigns her.
  auto self = head.post_json(path + "/records", assignment_json(server_.staff_id("head")));
  EXPECT_EQ(self.result_int(), 403);
  EXPECT_EQ(boost::json::parse(self.body()).at("clause").as_string(), "I.3.c");
  HttpClient deputy(server_.port());
  ASSERT_EQ(sign_in(deputy, "deputy"), 200);
  ASSERT_EQ(deputy.post_json(path + "/records", assignment_json(server_.staff_id("head"))).result_int(), 201);
  EXPECT_EQ(total(head, "?mine=true"), 1);
  EXPECT_EQ(total(head, "?mine=true&stage=received"), 0);
}

// The children and overdue filters read each case's stored standing: a child as the list's badge
// says it (II.2.d), overdue as the case's compliance says it (here the intake assessment, I.1.b,
// long past its hours for the cases received on 15 January).
TEST_F(CaseApi, TheListKeepsChildrenOrOverdueCasesWhenAsked) {
  register_case("Hà Thị Lan");
  auto child = boost::json::parse(new_case_json("Lò Thị Nhỏ", "2015-03-01")).as_object();
  child["reception"].as_object()["received_at"] = "2026-01-16T02:30:00Z";  // a day later: listed first
  ASSERT_EQ(client_.post_json("/api/v1/cases", boost::json::serialize(child)).result_int(), 201);
  auto fresh = boost::json::parse(new_case_json("Vi Thị Mới")).as_object();
  fresh["reception"].as_object()["received_at"] = format_iso_timestamp(SystemClock().now() - std::chrono::minutes{5});
  ASSERT_EQ(client_.post_json("/api/v1/cases", boost::json::serialize(fresh)).result_int(), 201);
  auto list = [](HttpClient& client, const std::string& query) {
    const auto answer = boost::json::parse(client.get("/api/v1/cases" + query).body());
    std::string names;
    for (const auto& item : answer.at("items").as_array()) {
      names += (item.at("name").is_string() ? std::string(item.at("name").as_string()) : std::string()) + ";";
    }
    return std::to_string(answer.at("total").as_int64()) + " " + names;
  };
  EXPECT_EQ(list(client_, "?child=true"), "1 Lò Thị Nhỏ;");
  EXPECT_EQ(list(client_, "?overdue=true"), "2 Lò Thị Nhỏ;Hà Thị Lan;");
  EXPECT_EQ(list(client_, "?overdue=true&child=true"), "1 Lò Thị Nhỏ;");
  EXPECT_EQ(list(client_, "?overdue=true&limit=1&offset=1"), "2 Hà Thị Lan;");
  EXPECT_EQ(list(client_, "?overdue=true&q=lan"), "1 Hà Thị Lan;");
  EXPECT_EQ(list(client_, "?overdue=true&stage=in_care"), "0 ");
  auto bad = client_.get("/api/v1/cases?child=maybe");
  EXPECT_EQ(bad.result_int(), 422);
  EXPECT_EQ(boost::json::parse(bad.body()).at("field").as_string(), "child");
  // The head's list holds the whole centre's children, without the names of those she is not on;
  // what is overdue on a case is its compliance, which only those on it read (I.3.c): her own.
  HttpClient head(server_.port());
  ASSERT_EQ(sign_in(head, "head"), 200);
  EXPECT_EQ(list(head, "?child=true"), "1 ;");
  EXPECT_EQ(list(head, "?overdue=true"), "0 ");
  // A counsellor on none of them lists none.
  HttpClient counsellor(server_.port());
  ASSERT_EQ(sign_in(counsellor, "counsellor"), 200);
  EXPECT_EQ(list(counsellor, "?overdue=true"), "0 ");
}

TEST_F(CaseApi, MyWorkHoldsTheOpenTasksOfMyCasesAndWhatWasRecordedLately) {
  const auto created = register_case("Lý Thị Hương");
  const std::string id(created.at("id").as_string());
  const auto before = boost::json::parse(client_.get("/api/v1/my-work").body());
  ASSERT_EQ(before.at("cases").as_array().size(), 1U);
  const auto& mine = before.at("cases").as_array().at(0);
  EXPECT_EQ(mine.at("id").as_string(), id);
  EXPECT_EQ(mine.at("name").as_string(), "Lý Thị Hương");
  const auto& tasks = mine.at("tasks").as_array();
  ASSERT_FALSE(tasks.empty());  // reception starts the standard's clocks
  EXPECT_FALSE(tasks.at(0).at("clause").as_string().empty());
  EXPECT_FALSE(tasks.at(0).at("what").as_string().empty());
  EXPECT_TRUE(before.at("recent").as_array().empty());
  EXPECT_EQ(before.at("more_cases").as_int64(), 0);

  const std::string when = format_iso_timestamp(SystemClock().now() - std::chrono::minutes{5});
  ASSERT_EQ(client_.post_json("/api/v1/cases/" + id + "/records",
                              R"({"type": "health_check", "occurred_at": ")" + when + R"(", "body": {"by_medical_staff": true}})")
                .result_int(),
            201);
  const auto after = boost::json::parse(client_.get("/api/v1/my-work").body());
  EXPECT_EQ(after.at("recent").as_array().at(0).at("type").as_string(), "health_check");
  EXPECT_EQ(after.at("recent").as_array().at(0).at("case_code").as_string(), created.at("code").as_string());

  // Someone on no case has an empty day, not someone else's.
  HttpClient counsellor(server_.port());
  ASSERT_EQ(sign_in(counsellor, "counsellor"), 200);
  EXPECT_TRUE(boost::json::parse(counsellor.get("/api/v1/my-work").body()).at("cases").as_array().empty());
}

TEST_F(CaseApi, AStaleReceptionCorrectionIs409WithTheCurrentVersion) {
  const auto created = register_case("Đinh Thị Gấm");
  const std::string target = "/api/v1/cases/" + std::string(created.at("id").as_string()) + "/reception";
  auto reception = boost::json::parse(new_case_json("x")).at("reception").as_object();
  reception["legal_basis"] = "Quyết định 34/QĐ";
  auto first = client_.put_json(target, boost::json::serialize(boost::json::object{{"version", 1}, {"reception", reception}, {"reason", "Số quyết định ghi nhầm"}}));
  ASSERT_EQ(first.result_int(), 200) << first.body();
  EXPECT_EQ(boost::json::parse(first.body()).at("version").as_int64(), 2);
  EXPECT_EQ(boost::json::parse(first.body()).at("reception").at("legal_basis").as_string(), "Quyết định 34/QĐ");

  reception["legal_basis"] = "Ghi đè cũ";
  auto stale = client_.put_json(target, boost::json::serialize(boost::json::object{{"version", 1}, {"reception", reception}, {"reason", "Số quyết định ghi nhầm"}}));
  EXPECT_EQ(stale.result_int(), 409);
  const auto problem = boost::json::parse(stale.body());
  EXPECT_EQ(problem.at("code").as_string(), "version_conflict");
  EXPECT_EQ(problem.at("current_version").as_int64(), 2);
  auto now = boost::json::parse(client_.get("/api/v1/cases/" + std::string(created.at("id").as_string())).body());
  EXPECT_EQ(now.at("reception").at("legal_basis").as_string(), "Quyết định 34/QĐ");
}

TEST_F(CaseApi, CaseCodesAreNotSequential) {
  const auto a = register_case("Một");
  const auto b = register_case("Hai");
  EXPECT_NE(a.at("code"), b.at("code"));
  EXPECT_NE(a.at("id"), b.at("id"));
  EXPECT_EQ(a.at("id").as_string().size(), 26U);
}

TEST_F(CaseApi, AnUnknownCaseIs404InTheUsersLanguage) {
  client_.set_language("en");
  auto r = client_.get("/api/v1/cases/nonexistent");
  EXPECT_EQ(r.result_int(), 404);
  EXPECT_EQ(boost::json::parse(r.body()).at("detail").as_string(), "This case was not found in your centre.");
}

// A reading's answer leaves only once its audit entry is committed. When the audit log refuses the
// entry (here a trigger stands in for a full disk), nothing of the case leaves: the reader gets an
// error to try again, on every route that reads the file, the refusal of an unassigned reader too.
TEST_F(CaseApi, AReadingWhoseAuditEntryCannotBeCommittedAnswersNothingOfTheCase) {
  const std::string id(register_case("Đặng Thị Hoa").at("id").as_string());
  HttpClient other(server_.port());
  ASSERT_EQ(sign_in(other, "worker2"), 200);  // signing in is audited too: before the log refuses
  auto db = storage::SqliteConnection::open(server_.database_file(), storage::SqliteConnection::Mode::writer);
  ASSERT_TRUE(db);
  ASSERT_TRUE((*db)->execute_script(
      "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END;"));
  for (const std::string route : {"", "/records", "/tasks", "/progress", "/compliance"}) {
    auto r = client_.get("/api/v1/cases/" + id + route);
    EXPECT_EQ(r.result_int(), 500) << route;
    EXPECT_EQ(r[http::field::content_type], "application/problem+json") << route;
    EXPECT_EQ(r.body().find("Hoa"), std::string::npos) << route;
  }
  EXPECT_EQ(other.get("/api/v1/cases/" + id).result_int(), 500);  // not 403 before its entry is kept

  ASSERT_TRUE((*db)->execute_script("DROP TRIGGER refuse_audit;"));
  auto r = client_.get("/api/v1/cases/" + id);
  ASSERT_EQ(r.result_int(), 200);
  EXPECT_EQ(boost::json::parse(r.body()).at("person").at("name").as_string(), "Đặng Thị Hoa");
  EXPECT_EQ(other.get("/api/v1/cases/" + id).result_int(), 403);
}

}  // namespace
}  // namespace haven::testing
