// Checks before typing, on both backends: GET /cases/{id}/record-types answers, for each record type
// the reader may post, whether they may add it now and, if not, every clause that refuses it whatever
// is written, with what must happen first, in the reader's language. The case file carries the same
// answer; a refused save answers every failing rule, the type's and the content's.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <map>

#include "support/each_backend.hpp"

namespace haven::testing {
namespace {

namespace json = boost::json;

class RecordTypes : public OnEachBackend {
 protected:
  // The case `client` registers (and so is on, I.3.c), its path.
  std::string register_case(HttpClient& client) {
    auto r = client.post_json("/api/v1/cases", new_case_json("Vàng Thị Dua"));
    EXPECT_EQ(r.result_int(), 201) << r.body();
    return "/api/v1/cases/" + std::string(json::parse(r.body()).at("id").as_string());
  }
  // Type -> the clauses refusing it now ("" when allowed).
  std::map<std::string, std::string> refused(HttpClient& client, const std::string& case_path) {
    auto r = client.get(case_path + "/record-types");
    EXPECT_EQ(r.result_int(), 200) << r.body();
    std::map<std::string, std::string> out;
    const auto answer = json::parse(r.body());
    for (const auto& item : answer.at("items").as_array()) {
      std::string clauses;
      for (const auto& refusal : item.at("refusals").as_array()) {
        clauses += (clauses.empty() ? "" : " ") + std::string(refusal.at("clause").as_string());
      }
      EXPECT_EQ(item.at("allowed").as_bool(), clauses.empty());
      out[std::string(item.at("type").as_string())] = clauses;
    }
    return out;
  }
  ClientResponse add(HttpClient& client, const std::string& case_path, const std::string& type, json::object body) {
    return client.post_json(case_path + "/records",
                            json::serialize(json::object{{"type", type},
                                                         {"occurred_at", format_iso_timestamp(server_->now())},
                                                         {"body", std::move(body)}}));
  }
};

TEST_P(RecordTypes, ANewCaseSaysWhatMustHappenFirstForEachTypeBeforeAnyoneTypes) {
  const auto path = register_case(*worker_);
  const auto types = refused(*worker_, path);
  EXPECT_EQ(types.at("identification_interview"), "II.1.e");
  EXPECT_EQ(types.at("counselling_session"), "") << "worker1 is qualified (I.2.d)";
  EXPECT_EQ(types.at("health_check"), "");
  EXPECT_EQ(types.at("need_addressed"), "I.2.a");
  EXPECT_EQ(types.at("complaint_resolution"), "I.1.d");
  EXPECT_EQ(types.at("referral_update"), "II.6.e");
  EXPECT_EQ(types.at("consent_withdrawal"), "I.3.b");
  EXPECT_EQ(types.at("reintegration_plan"), "II.4.c");
  EXPECT_EQ(types.count("disclosure"), 0u) << "the centre head records a disclosure (I.3.a)";
  EXPECT_EQ(types.at("referral"), "II.6.a II.6.b");
  EXPECT_EQ(types.count("staff_assignment"), 0u) << "only the centre head puts staff on a case";
  EXPECT_EQ(types.count("correction"), 0u) << "written by the server, never posted";
  EXPECT_EQ(types.count("guard_override"), 0u);
}

TEST_P(RecordTypes, TheMessagesSayWhatToDoInTheReadersLanguageAndWhichMayBeOverridden) {
  const auto path = register_case(*worker_);
  worker_->set_language("en");
  const auto body = json::parse(worker_->get(path + "/record-types").body());
  EXPECT_TRUE(body.at("may_add").as_bool());
  int checked = 0;
  for (const auto& item : body.at("items").as_array()) {
    if (item.at("type") == "need_addressed") {
      ++checked;
      const auto& refusal = item.at("refusals").at(0);
      EXPECT_EQ(refusal.at("message").as_string(),
                "No need has been identified on this case yet (clause I.2.a): identify the need with the victim and "
                "record it first.");
      EXPECT_FALSE(refusal.at("overridable").as_bool());
    }
    if (item.at("type") == "referral") {
      ++checked;
      ASSERT_EQ(item.at("refusals").as_array().size(), 2u);
      for (const auto& refusal : item.at("refusals").as_array()) EXPECT_TRUE(refusal.at("overridable").as_bool());
    }
  }
  EXPECT_EQ(checked, 2);
}

TEST_P(RecordTypes, OnlyThoseOnTheCaseAreToldAndAnotherCentreDoesNotKnowTheCase) {
  const auto path = register_case(*worker_);
  HttpClient worker2(server_->port());
  ASSERT_EQ(worker2.post_json("/api/v1/session", TestServer::credentials("worker2")).result_int(), 200);
  auto r = worker2.get(path + "/record-types");
  EXPECT_EQ(r.result_int(), 403);
  EXPECT_EQ(json::parse(r.body()).at("clause").as_string(), "I.3.c");
  HttpClient elsewhere(server_->port());
  ASSERT_EQ(elsewhere.post_json("/api/v1/session", TestServer::credentials("elsewhere")).result_int(), 200);
  EXPECT_EQ(elsewhere.get(path + "/record-types").result_int(), 404);
}

TEST_P(RecordTypes, WhatWasMissingIsNoLongerRefusedOnceRecorded) {
  const auto path = register_case(*worker_);
  ASSERT_EQ(add(*worker_, path, "health_check", {{"by_medical_staff", true}}).result_int(), 201);
  EXPECT_EQ(refused(*worker_, path).at("identification_interview"), "II.1.e") << "counselling is still missing";
  ASSERT_EQ(add(*worker_, path, "counselling_session", {{"condition_observed", "bình tĩnh"}}).result_int(), 201);
  ASSERT_EQ(add(*worker_, path, "identified_need", {{"need", "chỗ ở"}}).result_int(), 201);
  const auto types = refused(*worker_, path);
  EXPECT_EQ(types.at("identification_interview"), "");
  EXPECT_EQ(types.at("need_addressed"), "");
}

TEST_P(RecordTypes, AnUnqualifiedWorkerIsToldEveryReasonAtOnceBeforeAndOnSaving) {
  HttpClient worker2(server_->port());
  ASSERT_EQ(worker2.post_json("/api/v1/session", TestServer::credentials("worker2")).result_int(), 200);
  const auto path = register_case(worker2);
  const auto types = refused(worker2, path);
  EXPECT_EQ(types.at("counselling_session"), "I.2.d");
  EXPECT_EQ(types.at("identification_interview"), "II.1.e I.2.d");
  // Saved anyway, with the place missing too: every refusal, the type's and the content's.
  auto r = add(worker2, path, "identification_interview", {{"place", ""}, {"people_present", json::array{}}});
  ASSERT_EQ(r.result_int(), 409) << r.body();
  const auto problem = json::parse(r.body());
  EXPECT_EQ(problem.at("clause").as_string(), "II.1.e");
  std::string clauses;
  for (const auto& refusal : problem.at("refusals").as_array()) {
    clauses += (clauses.empty() ? "" : " ") + std::string(refusal.at("clause").as_string());
  }
  EXPECT_EQ(clauses, "II.1.e I.2.d II.2.b");
}

TEST_P(RecordTypes, TheCaseFileCarriesTheSameAnswerInItsOneReading) {
  const auto path = register_case(*worker_);
  const auto file = json::parse(worker_->get(path + "/file").body());
  const auto alone = json::parse(worker_->get(path + "/record-types").body());
  EXPECT_EQ(file.at("record_types"), alone);
}

TEST_P(RecordTypes, TheHeadSeesTheStaffingTypesAndMayRecordADisclosure) {
  HttpClient head(server_->port());
  ASSERT_EQ(head.post_json("/api/v1/session", TestServer::credentials("head")).result_int(), 200);
  const auto path = register_case(head);
  const auto types = refused(head, path);
  EXPECT_EQ(types.count("staff_assignment"), 1u);
  EXPECT_EQ(types.count("designated_staff"), 1u);
  EXPECT_EQ(types.at("disclosure"), "") << "what else a disclosure needs (a consent) depends on what is written";
}

INSTANTIATE_TEST_SUITE_P(Backends, RecordTypes, ::testing::ValuesIn(kTestBackends), backend_test_name);

}  // namespace
}  // namespace haven::testing
