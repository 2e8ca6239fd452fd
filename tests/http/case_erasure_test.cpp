// The end of a case file's life through the API (Law 91/2025/QH15): only the centre head erases,
// only a closed case, never under a legal hold, and only after typing its code back; an erased case
// answers 410 everywhere and is in no list, while its audit trail stays. Legal holds are the head's
// to place and lift, and none of these server-written records can be posted.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "common/iso_time.hpp"
#include "storage/store.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace haven::testing {
namespace {

namespace json = boost::json;

class CaseErasure : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(worker_.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200);
    ASSERT_EQ(head_.post_json("/api/v1/session", TestServer::credentials("head")).result_int(), 200);
    auto r = worker_.post_json("/api/v1/cases", new_case_json("Hờ Thị Xoá"));
    ASSERT_EQ(r.result_int(), 201) << r.body();
    const auto created = json::parse(r.body());
    case_id_ = std::string(created.at("id").as_string());
    code_ = std::string(created.at("code").as_string());
    path_ = "/api/v1/cases/" + case_id_;
    ASSERT_EQ(head_.post_json(path_ + "/records", assignment_json(server_.staff_id("worker1"))).result_int(), 201);
    auto counselled = worker_.post_json(path_ + "/records", json::serialize(json::object{
        {"type", "counselling_session"}, {"occurred_at", format_iso_timestamp(server_.now() - std::chrono::hours{1})},
        {"body", {{"condition_observed", "ổn định"}, {"crisis", false}}}}));
    ASSERT_EQ(counselled.result_int(), 201) << counselled.body();
  }

  // The way to closure, through every guard, is WholeCase's; here the case is simply closed.
  void close_case() {
    ASSERT_TRUE(server_.store().write([&](storage::WriteTransaction& tx) -> Result<void> {
      auto file = tx.cases().find(server_.centre_id(), case_id_);
      if (!file) return tl::unexpected(file.error());
      auto moved = tx.cases().update_stage(server_.centre_id(), case_id_, (*file)->version, domain::CaseStage::closed, server_.now());
      if (!moved) return tl::unexpected(moved.error());
      return {};
    }));
  }

  ClientResponse erase(HttpClient& client, const std::string& code, const std::string& ground = "purpose_ended") {
    return client.post_json(path_ + "/erasure", json::serialize(json::object{{"ground", ground}, {"case_code", code}}));
  }

  static std::string detail(const ClientResponse& r) { return std::string(json::parse(r.body()).at("detail").as_string()); }

  std::vector<std::string> audit_actions() {
    auto entries = storage::read_value<std::vector<storage::AuditEntry>>(
        server_.store(), [&](storage::ReadTransaction& tx) { return tx.audit().list_for_case(case_id_); });
    EXPECT_TRUE(entries);
    std::vector<std::string> actions;
    for (const auto& e : *entries) actions.push_back(e.action + (e.detail.empty() ? "" : " " + e.detail));
    return actions;
  }

  TestServer server_;
  HttpClient worker_{server_.port()};
  HttpClient head_{server_.port()};
  std::string case_id_;
  std::string code_;
  std::string path_;
};

TEST_F(CaseErasure, OnlyTheHeadErasesAndOnlyAClosedCaseWhoseCodeSheTyped) {
  auto by_worker = erase(worker_, code_);
  EXPECT_EQ(by_worker.result_int(), 403);
  EXPECT_NE(detail(by_worker).find("Giám đốc"), std::string::npos) << detail(by_worker);

  auto open = erase(head_, code_);
  EXPECT_EQ(open.result_int(), 409) << open.body();
  EXPECT_NE(detail(open).find("đã đóng"), std::string::npos) << detail(open);

  close_case();
  auto wrong_code = erase(head_, "HV-0000-0000");
  EXPECT_EQ(wrong_code.result_int(), 422);
  EXPECT_EQ(json::parse(wrong_code.body()).at("field").as_string(), "case_code");
  auto bad_ground = erase(head_, code_, "tired_of_it");
  EXPECT_EQ(bad_ground.result_int(), 422);
  EXPECT_EQ(json::parse(bad_ground.body()).at("field").as_string(), "ground");
  EXPECT_EQ(worker_.get(path_).result_int(), 200) << "nothing refused was erased";

  // Typed in lower case with spaces around, the code still names this case.
  std::string typed = " " + code_ + " ";
  for (auto& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto erased = erase(head_, typed, "subject_request");
  ASSERT_EQ(erased.result_int(), 200) << erased.body();
  const auto answer = json::parse(erased.body());
  EXPECT_EQ(answer.at("code").as_string(), code_);
  EXPECT_EQ(answer.at("ground").as_string(), "subject_request");
  EXPECT_EQ(answer.at("erased_at").as_string(), format_iso_timestamp(server_.now()));
}

TEST_F(CaseErasure, ALegalHoldKeepsTheFileUntilTheHeadLiftsIt) {
  close_case();
  const std::string hold_body = R"({"authority": "Toà án nhân dân tỉnh An Giang", "reason": "Vụ án 12/2026: nạn nhân là nhân chứng"})";
  EXPECT_EQ(worker_.post_json(path_ + "/legal-holds", hold_body).result_int(), 403);
  auto no_reason = head_.post_json(path_ + "/legal-holds", R"({"authority": "Toà án", "reason": "  "})");
  EXPECT_EQ(no_reason.result_int(), 422);
  EXPECT_EQ(json::parse(no_reason.body()).at("field").as_string(), "reason");
  auto held = head_.post_json(path_ + "/legal-holds", hold_body);
  ASSERT_EQ(held.result_int(), 201) << held.body();
  const std::string hold_id(json::parse(held.body()).at("id").as_string());
  EXPECT_EQ(json::parse(held.body()).at("type").as_string(), "legal_hold");

  auto refused = erase(head_, code_);
  EXPECT_EQ(refused.result_int(), 409);
  EXPECT_NE(detail(refused).find("Toà án nhân dân tỉnh An Giang"), std::string::npos) << "says who asked: " << detail(refused);
  head_.set_language("en");
  auto refused_en = erase(head_, code_);
  head_.set_language("vi");
  EXPECT_NE(detail(refused_en).find("legal hold"), std::string::npos) << detail(refused_en);

  EXPECT_EQ(head_.post_json(path_ + "/legal-holds/" + hold_id + "/lift", R"({"reason": "xong"})").result_int(), 201);
  auto again = head_.post_json(path_ + "/legal-holds/" + hold_id + "/lift", R"({"reason": "xong"})");
  EXPECT_EQ(again.result_int(), 409) << "a hold is lifted once";
  EXPECT_EQ(erase(head_, code_).result_int(), 200);
  const auto actions = audit_actions();
  EXPECT_NE(std::find(actions.begin(), actions.end(), "case.legal_hold " + hold_id), actions.end());
  EXPECT_EQ(actions.back(), "case.erase purpose_ended");
}

TEST_F(CaseErasure, AnErasedCaseIsGoneEverywhereAndItsTrailStays) {
  ASSERT_EQ(worker_.get(path_).result_int(), 200);  // a reading, audited, before the erasure
  close_case();
  // The centre's figures read: the server holds the case's standing (whether she is a child) in memory.
  ASSERT_EQ(head_.get("/api/v1/centre/self-assessment").result_int(), 200);
  ASSERT_EQ(server_.context().standing_cache->size(), 1U);
  ASSERT_EQ(erase(head_, code_).result_int(), 200);
  EXPECT_EQ(server_.context().standing_cache->size(), 0U) << "nothing of the case is left in memory either";

  auto gone = worker_.get(path_);
  EXPECT_EQ(gone.result_int(), 410);
  EXPECT_EQ(json::parse(gone.body()).at("code").as_string(), "gone");
  EXPECT_NE(detail(gone).find(format_iso_date(date_of(server_.now()))), std::string::npos) << "says when: " << detail(gone);
  EXPECT_EQ(worker_.get(path_ + "/records").result_int(), 410);
  EXPECT_EQ(worker_.get(path_ + "/compliance").result_int(), 410);
  EXPECT_EQ(head_.post_json(path_ + "/break-glass", R"({"reason": "xem lại", "minutes": 30})").result_int(), 410);
  EXPECT_EQ(erase(head_, code_).result_int(), 410) << "erased once";
  EXPECT_EQ(head_.post_json(path_ + "/legal-holds", R"({"authority": "Công an", "reason": "muộn"})").result_int(), 410);

  for (auto* client : {&worker_, &head_}) {
    const auto list = json::parse(client->get("/api/v1/cases?search=" + code_).body());
    EXPECT_EQ(list.at("total").as_int64(), 0);
  }
  const auto by_name = json::parse(worker_.get("/api/v1/cases?search=xoa").body());
  EXPECT_EQ(by_name.at("total").as_int64(), 0);

  // The trail stays: who read it and that it was erased, with no personal data.
  const auto actions = audit_actions();
  EXPECT_NE(std::find(actions.begin(), actions.end(), "case.read"), actions.end());
  EXPECT_EQ(actions.back(), "case.erase purpose_ended");
  const auto refused = std::count_if(actions.begin(), actions.end(), [](const std::string& a) { return a == "case.read"; });
  EXPECT_EQ(refused, 1) << "a refused reading of an erased case reads nothing";
}

// Only those who could open the case learn that it was erased, and when: the heads of its centre and
// the staff who opened it. A colleague who never did, or another centre's staff, get 404, as for an ID
// that names nothing, so that an ID tells a stranger nothing.
TEST_F(CaseErasure, OnlyThoseWhoOpenedTheCaseLearnItWasErased) {
  ASSERT_EQ(worker_.get(path_).result_int(), 200);
  close_case();
  ASSERT_EQ(erase(head_, code_).result_int(), 200);
  EXPECT_EQ(worker_.get(path_).result_int(), 410);
  EXPECT_EQ(head_.get(path_).result_int(), 410);
  for (const char* stranger : {"worker2", "counsellor", "elsewhere"}) {
    HttpClient client(server_.port());
    ASSERT_EQ(client.post_json("/api/v1/session", TestServer::credentials(stranger)).result_int(), 200);
    auto answer = client.get(path_);
    EXPECT_EQ(answer.result_int(), 404) << stranger << " " << answer.body();
    EXPECT_EQ(answer.body().find(format_iso_date(date_of(server_.now()))), std::string::npos) << "no date for " << stranger;
    EXPECT_EQ(client.get(path_ + "/records").result_int(), 404) << stranger;
  }
}

TEST_F(CaseErasure, RecordsTheServerWritesCannotBePosted) {
  const std::string at = format_iso_timestamp(server_.now() - std::chrono::minutes{5});
  const std::vector<std::pair<std::string, json::object>> posted = {
      {"break_glass", {{"reason", "tự mở"}, {"until", format_iso_timestamp(server_.now() + std::chrono::hours{100})}}},
      {"legal_hold", {{"authority", "Toà án"}, {"reason", "giữ"}}},
      {"legal_hold_lifted", {{"hold_id", "x"}, {"reason", "gỡ"}}},
  };
  for (auto* client : {&worker_, &head_}) {
    for (const auto& [type, body] : posted) {
      auto r = client->post_json(path_ + "/records",
                                 json::serialize(json::object{{"type", type}, {"occurred_at", at}, {"body", body}}));
      EXPECT_EQ(r.result_int(), 422) << type << ": " << r.body();
      EXPECT_EQ(json::parse(r.body()).at("field").as_string(), "type") << type;
    }
  }
}

}  // namespace
}  // namespace haven::testing
