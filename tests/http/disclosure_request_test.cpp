// Disclosure requests, on both backends (I.3.a without break-glass): a worker on the case asks for a
// package's release; the head finds it in her queue, reads exactly what would leave (audited) and
// approves or declines with a reason without being on the case; the gate's rules still apply at the
// release; a decided request cannot be decided again, and nobody approves their own.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include <boost/json.hpp>

#include "support/each_backend.hpp"

namespace haven::testing {
namespace {

namespace json = boost::json;

class DisclosureRequests : public OnEachBackendWithHead {
 protected:
  void SetUp() override {
    OnEachBackendWithHead::SetUp();
    if (IsSkipped()) return;
    auto r = worker_->post_json("/api/v1/cases", new_case_json("Đặng Thị Hoa"));
    ASSERT_EQ(r.result_int(), 201) << r.body();
    case_id_ = std::string(json::parse(r.body()).at("id").as_string());
    case_path_ = "/api/v1/cases/" + case_id_;
    ASSERT_EQ(add("health_check", {{"by_medical_staff", true}, {"findings", "Không có bệnh cấp tính"}}).result_int(), 201);
    ASSERT_EQ(add("counselling_session", {{"condition_observed", "ác mộng"}, {"crisis", false}}).result_int(), 201);
  }
  ClientResponse add(const std::string& type, json::object body) {
    return worker_->post_json(case_path_ + "/records",
                              json::serialize(json::object{{"type", type},
                                                           {"occurred_at", format_iso_timestamp(server_->now())},
                                                           {"body", std::move(body)}}));
  }
  ClientResponse consent_to_health() {
    return add("consent", {{"given_by", "victim"},
                           {"categories", json::array{"health"}},
                           {"recipient", "Bệnh viện tỉnh An Giang"},
                           {"purposes", json::array{"referral"}},
                           {"informed", true}});
  }
  static std::string terms(json::array categories) {
    return json::serialize(json::object{{"disclosure", {{"kind", "export_file"},
                                                         {"recipient", "Benh vien tinh An Giang"},
                                                         {"purpose", "referral"},
                                                         {"categories", std::move(categories)},
                                                         {"reason", "chuyển viện điều trị"}}}});
  }
  // A request by the worker for the health records: its ID.
  std::string ask() {
    auto r = worker_->post_json(case_path_ + "/disclosure-requests", terms(json::array{"health"}));
    EXPECT_EQ(r.result_int(), 201) << r.body();
    return std::string(json::parse(r.body()).at("id").as_string());
  }
  ClientResponse decide(HttpClient& who, const std::string& request_id, const std::string& decision,
                        const std::string& reason = {}) {
    json::object body{{"decision", decision}};
    if (!reason.empty()) body["reason"] = reason;
    return who.post_json(case_path_ + "/disclosure-requests/" + request_id + "/decision", json::serialize(body));
  }
  std::vector<std::string> queue_ids() {
    auto r = head_->get("/api/v1/centre/disclosure-requests");
    EXPECT_EQ(r.result_int(), 200) << r.body();
    const auto answer = json::parse(r.body());
    std::vector<std::string> ids;
    for (const auto& item : answer.at("items").as_array()) ids.emplace_back(item.at("request").at("id").as_string());
    return ids;
  }
  std::vector<storage::AuditEntry> trail() {
    auto entries = storage::read_value<std::vector<storage::AuditEntry>>(
        server_->store(), [&](storage::ReadTransaction& tx) { return tx.audit().list_for_case(case_id_); });
    EXPECT_TRUE(entries);
    return entries ? *entries : std::vector<storage::AuditEntry>{};
  }
  std::vector<std::string> types() {
    auto records = storage::read_value<std::vector<domain::CaseRecord>>(
        server_->store(), [&](storage::ReadTransaction& tx) { return tx.records().list(server_->centre_id(), case_id_); });
    std::vector<std::string> out;
    for (const auto& r : *records) out.emplace_back(r.type_name());
    return out;
  }
  std::string case_id_;
  std::string case_path_;
};

TEST_P(DisclosureRequests, WithoutConsentTheRequestIsRefusedWithTheClauseAndNothingIsRecorded) {
  auto refused = worker_->post_json(case_path_ + "/disclosure-requests", terms(json::array{"health"}));
  EXPECT_EQ(refused.result_int(), 409) << refused.body();
  EXPECT_EQ(json::parse(refused.body()).at("clause").as_string(), "I.3.b");
  EXPECT_TRUE(queue_ids().empty());
  const auto recorded = types();
  EXPECT_EQ(std::count(recorded.begin(), recorded.end(), "disclosure_request"), 0);
}

TEST_P(DisclosureRequests, TheHeadReadsWhatWouldLeaveAndApprovesWithoutBreakingTheGlass) {
  ASSERT_EQ(consent_to_health().result_int(), 201);
  const auto id = ask();
  EXPECT_EQ(queue_ids(), std::vector<std::string>{id});
  EXPECT_EQ(head_->get(case_path_).result_int(), 403) << "she is not on the case (I.3.c)";

  const auto before_reading = trail();
  const auto reads_before =
      std::count_if(before_reading.begin(), before_reading.end(), [](const auto& e) { return e.action == "case.read"; });
  head_->set_language("en");
  auto package = head_->get(case_path_ + "/disclosure-requests/" + id + "/package");
  ASSERT_EQ(package.result_int(), 200) << package.body();
  const auto previewed = json::parse(package.body());
  EXPECT_TRUE(previewed.at("ready").as_bool());
  EXPECT_EQ(previewed.at("language").as_string(), "en");
  const auto previewed_records = previewed.at("records").as_array();
  ASSERT_EQ(previewed_records.size(), 1U) << "the health check only: counselling is psychological";
  EXPECT_EQ(previewed_records.at(0).at("type").as_string(), "health_check");
  const auto after_reading = trail();
  EXPECT_EQ(std::count_if(after_reading.begin(), after_reading.end(), [](const auto& e) { return e.action == "case.read"; }),
            reads_before + 1)
      << "the head's reading of the package is audited";
  EXPECT_NE(after_reading.back().detail.find(id), std::string::npos);

  auto approved = decide(*head_, id, "approve");
  ASSERT_EQ(approved.result_int(), 200) << approved.body();
  const auto answer = json::parse(approved.body());
  EXPECT_TRUE(answer.at("decision").at("body").at("approved").as_bool());
  const auto disclosure_id = answer.at("package").at("disclosure_id").as_string();
  EXPECT_EQ(answer.at("decision").at("body").at("disclosure_id").as_string(), disclosure_id);
  EXPECT_EQ(answer.at("package").at("records").as_array().size(), 1U);
  EXPECT_TRUE(queue_ids().empty());
  const auto recorded = types();
  EXPECT_EQ(std::count(recorded.begin(), recorded.end(), "disclosure"), 1);
  EXPECT_EQ(std::count(recorded.begin(), recorded.end(), "disclosure_decision"), 1);
  EXPECT_EQ(std::count(recorded.begin(), recorded.end(), "break_glass"), 0);
  const auto audited = trail();
  EXPECT_TRUE(std::any_of(audited.begin(), audited.end(), [](const auto& e) { return e.action == "disclosure.release"; }));
}

TEST_P(DisclosureRequests, ADeclineNeedsAReasonAndTheWorkerReadsItOnTheCase) {
  ASSERT_EQ(consent_to_health().result_int(), 201);
  const auto id = ask();
  auto without = decide(*head_, id, "decline");
  EXPECT_EQ(without.result_int(), 422);
  EXPECT_EQ(json::parse(without.body()).at("field").as_string(), "reason");
  EXPECT_EQ(queue_ids(), std::vector<std::string>{id}) << "nothing decided";
  ASSERT_EQ(decide(*head_, id, "decline", "Chỉ gửi kết quả khám mới nhất").result_int(), 200);
  EXPECT_TRUE(queue_ids().empty());
  const auto records = json::parse(worker_->get(case_path_ + "/records").body());
  bool seen = false;
  for (const auto& r : records.at("items").as_array()) {
    if (r.at("type") != "disclosure_decision") continue;
    seen = true;
    EXPECT_FALSE(r.at("body").at("approved").as_bool());
    EXPECT_EQ(r.at("body").at("reason").as_string(), "Chỉ gửi kết quả khám mới nhất");
  }
  EXPECT_TRUE(seen);
  const auto recorded = types();
  EXPECT_EQ(std::count(recorded.begin(), recorded.end(), "disclosure"), 0) << "nothing left";
}

TEST_P(DisclosureRequests, ADecidedRequestIsNotDecidedAgainEvenByHundredsAtOnce) {
  ASSERT_EQ(consent_to_health().result_int(), 201);
  const auto id = ask();
  std::atomic<int> approved{0}, conflicts{0}, other{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      HttpClient client(server_->port());
      if (client.post_json("/api/v1/session", TestServer::credentials(t % 2 ? "deputy" : "head")).result_int() != 200) {
        ++other;
        return;
      }
      for (int i = 0; i < 25; ++i) {
        const auto status = decide(client, id, i % 2 ? "approve" : "decline", "quyết định song song").result_int();
        (status == 200 ? approved : status == 409 ? conflicts : other)++;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(approved.load(), 1) << "exactly one decision of 200 attempts";
  EXPECT_EQ(conflicts.load(), 199);
  EXPECT_EQ(other.load(), 0);
  const auto recorded = types();
  EXPECT_EQ(std::count(recorded.begin(), recorded.end(), "disclosure_decision"), 1);
  EXPECT_LE(std::count(recorded.begin(), recorded.end(), "disclosure"), 1);
}

TEST_P(DisclosureRequests, TheGateStillAppliesAtTheApproval) {
  ASSERT_EQ(consent_to_health().result_int(), 201);
  const auto id = ask();
  // The victim withdraws the consent after the request: the approval is refused with the clause.
  const auto listed = json::parse(worker_->get(case_path_ + "/records").body());
  std::string consent_id;
  for (const auto& r : listed.at("items").as_array()) {
    if (r.at("type") == "consent") consent_id = r.at("id").as_string();
  }
  ASSERT_EQ(add("consent_withdrawal", {{"consent_id", consent_id}}).result_int(), 201);
  auto refused = decide(*head_, id, "approve");
  EXPECT_EQ(refused.result_int(), 409) << refused.body();
  EXPECT_EQ(json::parse(refused.body()).at("clause").as_string(), "I.3.b");
  const auto recorded = types();
  EXPECT_EQ(std::count(recorded.begin(), recorded.end(), "disclosure"), 0);
  EXPECT_EQ(std::count(recorded.begin(), recorded.end(), "disclosure_decision"), 0);
}

TEST_P(DisclosureRequests, OnlyTheHeadDecidesAndNeverHerOwnRequest) {
  ASSERT_EQ(consent_to_health().result_int(), 201);
  const auto id = ask();
  auto by_worker = decide(*worker_, id, "approve");
  EXPECT_EQ(by_worker.result_int(), 403);
  EXPECT_EQ(worker_->get("/api/v1/centre/disclosure-requests").result_int(), 403);
  EXPECT_EQ(worker_->get(case_path_ + "/disclosure-requests/" + id + "/package").result_int(), 403);
  // The deputy head, on the case, asks; she may not approve it herself, the head may.
  ASSERT_EQ(head_->post_json(case_path_ + "/records", assignment_json(server_->staff_id("deputy"),
                                                                      format_iso_timestamp(server_->now())))
                .result_int(),
            201);
  HttpClient deputy(server_->port());
  ASSERT_EQ(deputy.post_json("/api/v1/session", TestServer::credentials("deputy")).result_int(), 200);
  auto asked = deputy.post_json(case_path_ + "/disclosure-requests", terms(json::array{"health"}));
  ASSERT_EQ(asked.result_int(), 201) << asked.body();
  const std::string own(json::parse(asked.body()).at("id").as_string());
  auto self = decide(deputy, own, "approve");
  EXPECT_EQ(self.result_int(), 403) << self.body();
  EXPECT_EQ(json::parse(self.body()).at("clause").as_string(), "I.3.a");
  EXPECT_EQ(decide(*head_, own, "approve").result_int(), 200);
  EXPECT_EQ(decide(*head_, "01ARZ3NDEKTSV4RRFFQ69G5FAV", "approve").result_int(), 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, DisclosureRequests, ::testing::Values("sqlite", "postgres"), backend_test_name);

}  // namespace
}  // namespace haven::testing
