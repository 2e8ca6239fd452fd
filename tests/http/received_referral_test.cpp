// The external provider (II.6.d): sees only the referral packages the centre head released to its
// organisation, as released, only the consented categories, and only while the consent holds; never
// a case file or a case list. Every opening and refusal is audited.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/accounts.hpp"
#include "common/iso_time.hpp"
#include "security/random.hpp"
#include "storage/store.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace haven::testing {
namespace {

namespace json = boost::json;

class ReceivedReferrals : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(worker_.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200);
    ASSERT_EQ(head_.post_json("/api/v1/session", TestServer::credentials("head")).result_int(), 200);
    ASSERT_EQ(provider_.post_json("/api/v1/session", TestServer::credentials("provider")).result_int(), 200);
    auto r = worker_.post_json("/api/v1/cases", new_case_json("Đinh Thị Riêng"));
    ASSERT_EQ(r.result_int(), 201);
    case_id_ = std::string(json::parse(r.body()).at("id").as_string());
    ASSERT_EQ(head_.post_json("/api/v1/cases/" + case_id_ + "/records", assignment_json(server_.staff_id("worker1"))).result_int(), 201);
    // A release is a reading of the file (I.3.c): the head, not on the case, breaks the glass.
    ASSERT_EQ(head_.post_json("/api/v1/cases/" + case_id_ + "/break-glass", break_glass_json()).result_int(), 201);
    ASSERT_EQ(add("provider_list_given", {{"language", "vi"}}).result_int(), 201);
    ASSERT_EQ(add("recovery_assessment", {{"findings", "ổn định"}}).result_int(), 201);
    ASSERT_EQ(add("health_check", {{"by_medical_staff", true}, {"findings", "viêm nhiễm cần điều trị"}}).result_int(), 201);
    ASSERT_EQ(add("counselling_session", {{"condition_observed", "ác mộng về nơi bị giữ"}, {"crisis", false}}).result_int(), 201);
    released_ = release_to(kTestProviderOrganisation);
  }

  ClientResponse add(const std::string& type, json::object body) {
    return worker_.post_json("/api/v1/cases/" + case_id_ + "/records",
                             json::serialize(json::object{{"type", type}, {"occurred_at", at_}, {"body", std::move(body)}}));
  }

  // A referral to `organisation`, the victim's consent for its health information, and the head's release.
  std::string release_to(const std::string& organisation) {
    auto referral = add("referral", {{"provider", organisation}, {"services", "điều trị phụ khoa"},
                                     {"victim_opinion", "muốn được chữa"}, {"victim_agreed", true}});
    EXPECT_EQ(referral.result_int(), 201) << referral.body();
    auto consent = add("consent", {{"given_by", "victim"}, {"categories", json::array{"health"}}, {"recipient", organisation},
                                   {"purposes", json::array{"referral"}}, {"informed", true}});
    EXPECT_EQ(consent.result_int(), 201);
    consents_.emplace_back(json::parse(consent.body()).at("id").as_string());
    auto released = head_.post_json(
        "/api/v1/cases/" + case_id_ + "/disclosure-packages",
        json::serialize(json::object{{"disclosure", {{"kind", "referral_package"}, {"recipient", organisation},
                                                     {"purpose", "referral"}, {"categories", json::array{"health"}},
                                                     {"reason", "chuyển gửi điều trị"},
                                                     {"referral_id", json::parse(referral.body()).at("id")}}}}));
    EXPECT_EQ(released.result_int(), 201) << released.body();
    return std::string(json::parse(released.body()).at("disclosure_id").as_string());
  }

  std::string package_path(const std::string& disclosure_id) const {
    return "/api/v1/received-referrals/" + case_id_ + "/" + disclosure_id;
  }

  TestServer server_;
  HttpClient worker_{server_.port()};
  HttpClient head_{server_.port()};
  HttpClient provider_{server_.port()};
  std::string case_id_;
  std::string released_;
  std::vector<std::string> consents_;
  const std::string at_ = format_iso_timestamp(server_.now() - std::chrono::hours{1});
};

TEST_F(ReceivedReferrals, TheProviderSeesOnlyWhatWasReleasedToIt) {
  const std::string elsewhere = release_to("Trung tâm trợ giúp pháp lý");  // another organisation's
  auto inbox = provider_.get("/api/v1/received-referrals");
  ASSERT_EQ(inbox.result_int(), 200) << inbox.body();
  const auto items = json::parse(inbox.body()).at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("disclosure_id").as_string(), released_);
  EXPECT_EQ(inbox.body().find("Riêng"), std::string::npos) << "no name in the inbox";

  auto opened = provider_.get(package_path(released_));
  ASSERT_EQ(opened.result_int(), 200) << opened.body();
  const auto p = json::parse(opened.body());
  ASSERT_EQ(p.at("records").as_array().size(), 1u);
  EXPECT_EQ(p.at("records").as_array()[0].at("type").as_string(), "health_check");
  EXPECT_FALSE(p.at("case").as_object().contains("person"));
  EXPECT_EQ(opened.body().find("ác mộng"), std::string::npos);
  EXPECT_EQ(opened.body().find("Riêng"), std::string::npos);

  EXPECT_EQ(provider_.get(package_path(elsewhere)).result_int(), 404) << "released, but to someone else";
  EXPECT_EQ(provider_.get(package_path("nosuchdisclosure000000000")).result_int(), 404);
  EXPECT_EQ(provider_.get("/api/v1/cases").result_int(), 403);
  EXPECT_EQ(provider_.get("/api/v1/cases/" + case_id_).result_int(), 403);
  EXPECT_EQ(provider_.get("/api/v1/cases/" + case_id_ + "/records").result_int(), 403);
  EXPECT_EQ(worker_.get("/api/v1/received-referrals").result_int(), 403) << "the provider's inbox only";
}

TEST_F(ReceivedReferrals, APackageOpenedAgainHoldsWhatWasReleasedNotWhatCameAfter) {
  server_.advance_clock(std::chrono::minutes{10});
  ASSERT_EQ(worker_.post_json("/api/v1/cases/" + case_id_ + "/records",
                              json::serialize(json::object{{"type", "health_check"},
                                                           {"occurred_at", format_iso_timestamp(server_.now())},
                                                           {"body", {{"by_medical_staff", true}, {"findings", "kết quả mới"}}}}))
                .result_int(),
            201);
  auto opened = provider_.get(package_path(released_));
  ASSERT_EQ(opened.result_int(), 200);
  EXPECT_EQ(json::parse(opened.body()).at("records").as_array().size(), 1u);
  EXPECT_EQ(opened.body().find("kết quả mới"), std::string::npos);
}

TEST_F(ReceivedReferrals, AWithdrawalStopsTheProviderAtOnceAndEveryOpeningIsAudited) {
  ASSERT_EQ(provider_.get(package_path(released_)).result_int(), 200);
  ASSERT_EQ(add("consent_withdrawal", {{"consent_id", consents_.front()}}).result_int(), 201);
  auto inbox = json::parse(provider_.get("/api/v1/received-referrals").body());
  EXPECT_TRUE(inbox.at("items").as_array().empty()) << "a withdrawal takes it out of the inbox";
  auto stopped = provider_.get(package_path(released_));
  EXPECT_EQ(stopped.result_int(), 403);
  EXPECT_EQ(json::parse(stopped.body()).at("clause").as_string(), "I.3.b");

  auto audit = storage::read_value<std::vector<storage::StoredAuditEntry>>(
      server_.store(), [](storage::ReadTransaction& tx) { return tx.audit().list_page(0, 100000); });
  ASSERT_TRUE(audit);
  int read = 0;
  int refused = 0;
  int denied = 0;
  ASSERT_EQ(provider_.get(package_path(security::new_record_id())).result_int(), 404);
  audit = storage::read_value<std::vector<storage::StoredAuditEntry>>(
      server_.store(), [](storage::ReadTransaction& tx) { return tx.audit().list_page(0, 100000); });
  for (const auto& e : *audit) {
    if (e.entry.actor_id != server_.staff_id("provider")) continue;
    read += e.entry.action == "referral.read" && e.entry.case_id == case_id_;
    refused += e.entry.action == "referral.refused" && e.entry.case_id == case_id_;
    denied += e.entry.action == "referral.denied";
  }
  EXPECT_EQ(read, 1);
  EXPECT_EQ(refused, 1);
  EXPECT_EQ(denied, 1) << "a probe for something not released is on the record too";
}

TEST(ProviderAccounts, AProviderNamesItsOrganisationAndNobodyElseDoes) {
  TestServer server;
  auto unnamed = app::add_staff(server.context(), {server.centre_id(), "clinic", "Phòng khám", domain::Role::external_provider, {}},
                                kTestPassword);
  ASSERT_FALSE(unnamed);
  EXPECT_EQ(unnamed.error().field, "organisation");
  auto worker = app::add_staff(server.context(), {server.centre_id(), "worker9", "Cán bộ", domain::Role::case_worker, "Bệnh viện"},
                               kTestPassword);
  ASSERT_FALSE(worker);
  EXPECT_EQ(worker.error().field, "organisation");
}

}  // namespace
}  // namespace haven::testing
