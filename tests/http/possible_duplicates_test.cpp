// Possible duplicates at reception, on both backends: before registering "Đặng Thị Hoa" again, the
// worker sees the centre's earlier case of that name and birth year, by code and reception date only;
// the check is audited, and so is a registration that went on despite it. Names match by their words
// whatever the order, accents and case; another birth year, another centre or an erased case does
// not match. Bad input is named and nothing is written.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>

#include "storage/store.hpp"
#include "support/each_backend.hpp"

namespace haven::testing {
namespace {

namespace json = boost::json;

class PossibleDuplicates : public OnEachBackend {
 protected:
  void SetUp() override {
    OnEachBackend::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto r = worker_->post_json("/api/v1/cases", new_case_json("Đặng Thị Hoa", "2001-03-04"));
    ASSERT_EQ(r.result_int(), 201) << r.body();
    first_ = json::parse(r.body()).as_object();
  }

  ClientResponse check(HttpClient& client, const json::object& query) {
    return client.post_json("/api/v1/cases/possible-duplicates", json::serialize(query));
  }
  // The codes found for a name and (when not empty) a birth date.
  std::vector<std::string> codes(const std::string& name, const std::string& birth_date = "") {
    json::object query{{"name", name}};
    if (!birth_date.empty()) query["birth_date"] = birth_date;
    auto r = check(*worker_, query);
    EXPECT_EQ(r.result_int(), 200) << r.body();
    std::vector<std::string> out;
    const auto answer = json::parse(r.body());
    for (const auto& item : answer.at("items").as_array()) out.emplace_back(item.at("code").as_string());
    return out;
  }
  std::string code() const { return std::string(first_.at("code").as_string()); }

  std::vector<storage::StoredAuditEntry> audit() {
    auto entries = storage::read_value<std::vector<storage::StoredAuditEntry>>(
        server_->store(), [](storage::ReadTransaction& tx) { return tx.audit().list_page(0, 10'000); });
    EXPECT_TRUE(entries);
    return *entries;
  }

  json::object first_;
};

TEST_P(PossibleDuplicates, TheSameNameAndBirthYearShowTheEarlierCaseByCodeAndReceptionDateOnly) {
  auto r = check(*worker_, {{"name", "đặng thị HOA"}, {"birth_date", "2001-11-30"}});
  ASSERT_EQ(r.result_int(), 200) << r.body();
  const auto items = json::parse(r.body()).at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  const auto& item = items.front().as_object();
  EXPECT_EQ(item.at("code").as_string(), code());
  EXPECT_EQ(item.at("received_at").as_string(), first_.at("reception").at("received_at").as_string());
  EXPECT_EQ(item.size(), 2u) << "code and reception date, nothing else of a case the worker may not be on";
  EXPECT_EQ(r.body().find("Hoa"), std::string::npos);
}

TEST_P(PossibleDuplicates, WordsMatchInAnyOrderButAllOfThemAndTheYearWhenBothAreKnown) {
  EXPECT_EQ(codes("Hoa Đặng Thị", "2001-01-01"), std::vector<std::string>{code()}) << "family name last";
  EXPECT_EQ(codes("Đặng  Thị   Hoa"), std::vector<std::string>{code()}) << "no birth date given: any year";
  EXPECT_TRUE(codes("Đặng Thị Hoa", "1999-03-04").empty()) << "another birth year";
  EXPECT_TRUE(codes("Đặng Thị").empty()) << "part of the name only";
  EXPECT_TRUE(codes("Đặng Thị Hoa Mai").empty()) << "a longer name";
  EXPECT_TRUE(codes("Hoà").empty());
  // A person registered without a birth date may be anyone of that name, whatever year is given.
  auto unknown = json::parse(new_case_json("Lò Thị Sen")).as_object();
  unknown["person"].as_object()["birth_date"] = nullptr;
  auto r = worker_->post_json("/api/v1/cases", json::serialize(unknown));
  ASSERT_EQ(r.result_int(), 201) << r.body();
  EXPECT_EQ(codes("Lò Thị Sen", "1990-01-01").size(), 1u);
}

TEST_P(PossibleDuplicates, AnotherCentresAndErasedCasesAreNotFound) {
  HttpClient elsewhere(server_->port());
  ASSERT_EQ(elsewhere.post_json("/api/v1/session", TestServer::credentials("elsewhere")).result_int(), 200);
  auto r = check(elsewhere, {{"name", "Đặng Thị Hoa"}});
  ASSERT_EQ(r.result_int(), 200) << r.body();
  EXPECT_TRUE(json::parse(r.body()).at("items").as_array().empty()) << "another centre's cases are not its to see";
  // The same person registered at the other centre is found there, not here.
  ASSERT_EQ(elsewhere.post_json("/api/v1/cases", new_case_json("Đặng Thị Hoa", "2001-03-04")).result_int(), 201);
  EXPECT_EQ(codes("Đặng Thị Hoa", "2001-03-04"), std::vector<std::string>{code()});
  // An erased case leaves nothing to match.
  const std::string id(first_.at("id").as_string());
  ASSERT_TRUE(server_->store().write([&](storage::WriteTransaction& tx) -> Result<void> {
    HAVEN_TRY(tx.cases().update_stage(server_->centre_id(), id, 1, domain::CaseStage::closed, server_->now()));
    return tx.cases().erase(server_->centre_id(), id, {server_->now(), server_->staff_id("head"),
                                                       domain::ErasureGround::purpose_ended});
  }));
  EXPECT_TRUE(codes("Đặng Thị Hoa").empty());
}

TEST_P(PossibleDuplicates, TheCheckAndARegistrationDespiteItAreAudited) {
  ASSERT_EQ(codes("Đặng Thị Hoa", "2001-03-04").size(), 1u);
  auto body = json::parse(new_case_json("Đặng Thị Hoa", "2001-03-04")).as_object();
  body["possible_duplicates_seen"] = json::array{json::string(code())};
  auto r = worker_->post_json("/api/v1/cases", json::serialize(body));
  ASSERT_EQ(r.result_int(), 201) << r.body();
  const std::string second(json::parse(r.body()).at("id").as_string());
  bool checked = false;
  bool registered = false;
  for (const auto& stored : audit()) {
    const auto& e = stored.entry;
    if (e.action == "case.duplicate_check") {
      checked = true;
      EXPECT_EQ(e.detail, "shown=" + code());
      EXPECT_EQ(e.case_id, std::string(first_.at("id").as_string())) << "in the shown case's own trail";
      EXPECT_EQ(e.actor_id, server_->staff_id("worker1"));
    }
    if (e.action == "case.create" && e.case_id == second) {
      registered = true;
      EXPECT_NE(e.detail.find("possible_duplicates=" + code()), std::string::npos) << e.detail;
      EXPECT_NE(e.detail.find("seen=" + code()), std::string::npos) << e.detail;
    }
    std::string detail = e.detail;
    std::transform(detail.begin(), detail.end(), detail.begin(), [](unsigned char c) { return std::tolower(c); });
    EXPECT_EQ(detail.find("hoa"), std::string::npos) << "no name in the audit log: " << e.action;
  }
  EXPECT_TRUE(checked);
  EXPECT_TRUE(registered);
  // The first registration found nothing and was shown nothing: its entry says only its code.
  for (const auto& stored : audit()) {
    if (stored.entry.action == "case.create" && stored.entry.case_id == std::string(first_.at("id").as_string())) {
      EXPECT_EQ(stored.entry.detail, "code=" + code());
    }
  }
}

TEST_P(PossibleDuplicates, BadInputIsNamedAndNothingIsRegistered) {
  const auto field_of = [](const ClientResponse& r) { return std::string(json::parse(r.body()).at("field").as_string()); };
  auto r = check(*worker_, {{"name", "   "}});
  EXPECT_EQ(r.result_int(), 422);
  EXPECT_EQ(field_of(r), "name");
  r = check(*worker_, {{"name", "Hoa"}, {"birth_date", "04/03/2001"}});
  EXPECT_EQ(r.result_int(), 422);
  EXPECT_EQ(field_of(r), "birth_date");
  r = check(*worker_, {{"birth_date", "2001-03-04"}});
  EXPECT_EQ(r.result_int(), 422);
  EXPECT_EQ(field_of(r), "name");
  // Only case codes go into the audit entry: anything else, such as a name, is refused.
  auto body = json::parse(new_case_json("Đặng Thị Hoa")).as_object();
  body["possible_duplicates_seen"] = json::array{"Đặng Thị Hoa"};
  r = worker_->post_json("/api/v1/cases", json::serialize(body));
  EXPECT_EQ(r.result_int(), 422);
  EXPECT_EQ(field_of(r), "possible_duplicates_seen[0]");
  const auto total = json::parse(worker_->get("/api/v1/cases").body()).at("total").as_int64();
  EXPECT_EQ(total, 1) << "nothing registered";
  // Someone who may not register may not ask either.
  HttpClient counsellor(server_->port());
  ASSERT_EQ(counsellor.post_json("/api/v1/session", TestServer::credentials("counsellor")).result_int(), 200);
  EXPECT_EQ(check(counsellor, {{"name", "Đặng Thị Hoa"}}).result_int(), 403);
}

TEST_P(PossibleDuplicates, AWorkerNotOnTheEarlierCaseLearnsItsCodeAndDateAndNothingMore) {
  HttpClient worker2(server_->port());
  ASSERT_EQ(worker2.post_json("/api/v1/session", TestServer::credentials("worker2")).result_int(), 200);
  auto r = check(worker2, {{"name", "Đặng Thị Hoa"}, {"birth_date", "2001-03-04"}});
  ASSERT_EQ(r.result_int(), 200) << r.body();
  const auto answer = json::parse(r.body());
  ASSERT_EQ(answer.at("items").as_array().size(), 1u);
  EXPECT_EQ(answer.at("items").at(0).as_object().size(), 2u);
  // The case itself stays closed to her (I.3.c).
  EXPECT_EQ(worker2.get("/api/v1/cases/" + std::string(first_.at("id").as_string())).result_int(), 403);
  // A check that found nothing is kept too, without a case.
  ASSERT_EQ(check(worker2, {{"name", "Không Ai Cả"}}).result_int(), 200);
  int empty = 0;
  for (const auto& stored : audit()) {
    if (stored.entry.action == "case.duplicate_check" && stored.entry.case_id.empty()) {
      ++empty;
      EXPECT_EQ(stored.entry.detail, "shown=");
    }
  }
  EXPECT_EQ(empty, 1);
}

TEST_P(PossibleDuplicates, LookingPeopleUpIsSlowedAfterThirtyChecksAnHour) {
  HttpClient head(server_->port(), "en");
  ASSERT_EQ(head.post_json("/api/v1/session", TestServer::credentials("head")).result_int(), 200);
  for (int year = 1980; year < 2010; ++year) {
    ASSERT_EQ(check(head, {{"name", "Đặng Thị Hoa"}, {"birth_date", std::to_string(year) + "-01-01"}}).result_int(), 200);
  }
  auto r = check(head, {{"name", "Đặng Thị Hoa"}, {"birth_date", "2010-01-01"}});
  EXPECT_EQ(r.result_int(), 429) << r.body();
  EXPECT_NE(std::string(json::parse(r.body()).at("detail").as_string()).find("30 times"), std::string::npos) << r.body();
  EXPECT_EQ(check(*worker_, {{"name", "Đặng Thị Hoa"}}).result_int(), 200) << "each person's own limit";
  server_->advance_clock(std::chrono::minutes{61});
  ASSERT_EQ(head.post_json("/api/v1/session", TestServer::credentials("head")).result_int(), 200);  // idle: signed out
  EXPECT_EQ(check(head, {{"name", "Đặng Thị Hoa"}}).result_int(), 200) << "an hour later";
}

INSTANTIATE_TEST_SUITE_P(Backends, PossibleDuplicates, ::testing::ValuesIn(kTestBackends), backend_test_name);

}  // namespace
}  // namespace haven::testing
