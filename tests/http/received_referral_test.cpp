// The external provider (II.6.d): sees only the referral packages the centre head released to its
// organisation, as released, only the consented categories, and only while the consent holds; never
// a case file or a case list. Every opening and refusal is audited.
#include <gtest/gtest.h>

#include <algorithm>

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
  std::string release_to(const std::string& organisation, const json::array& categories = json::array{"health"}) {
    auto referral = add("referral", {{"provider", organisation}, {"services", "điều trị phụ khoa"},
                                     {"victim_opinion", "muốn được chữa"}, {"victim_agreed", true}});
    EXPECT_EQ(referral.result_int(), 201) << referral.body();
    auto consent = add("consent", {{"given_by", "victim"}, {"categories", categories}, {"recipient", organisation},
                                   {"purposes", json::array{"referral"}}, {"informed", true}});
    EXPECT_EQ(consent.result_int(), 201);
    consents_.emplace_back(json::parse(consent.body()).at("id").as_string());
    auto released = head_.post_json(
        "/api/v1/cases/" + case_id_ + "/disclosure-packages",
        json::serialize(json::object{{"disclosure", {{"kind", "referral_package"}, {"recipient", organisation},
                                                     {"purpose", "referral"}, {"categories", categories},
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

// A document leaves with a package only when its category was released (I.3.b), with the person's
// identity (a scan shows who it is about), and only if it was attached by the release; the provider
// opens it only while the consent holds, every opening on the record.
TEST_F(ReceivedReferrals, TheProviderOpensOnlyTheDocumentsOfTheReleasedCategoriesWhileConsentHolds) {
  const auto attach = [&](const std::string& name, const std::string& category, const std::string& bytes) {
    auto r = worker_.send(boost::beast::http::verb::post, "/api/v1/cases/" + case_id_ + "/documents?category=" + category,
                          bytes, {{"Content-Type", "application/pdf"}, {"Document-Name", name}});
    EXPECT_EQ(r.result_int(), 201) << r.body();
    return std::string(json::parse(r.body()).at("id").as_string());
  };
  const auto documents_of = [&](const std::string& disclosure_id) {
    auto opened = provider_.get(package_path(disclosure_id));
    EXPECT_EQ(opened.result_int(), 200) << opened.body();
    std::vector<std::string> ids;
    const auto package = json::parse(opened.body());
    for (const auto& d : package.at("documents").as_array()) {
      ids.emplace_back(d.at("id").as_string());
      EXPECT_FALSE(d.as_object().contains("recorded_by")) << "no staff ID leaves";
    }
    return ids;
  };
  server_.advance_clock(std::chrono::minutes{1});  // after the release of SetUp
  const std::string report = "%PDF-1.7 ket qua kham phu khoa";
  const auto health = attach("kham.pdf", "health", report);
  const auto identity = attach("cccd.pdf", "identity", "%PDF-1.7 can cuoc cong dan");
  server_.advance_clock(std::chrono::minutes{1});
  const auto health_only = release_to(kTestProviderOrganisation);
  const auto both = release_to(kTestProviderOrganisation, json::array{"health", "identity"});
  server_.advance_clock(std::chrono::minutes{1});
  const auto later = attach("kham-lan-2.pdf", "health", "%PDF-1.7 lan sau");

  EXPECT_TRUE(documents_of(health_only).empty()) << "without the person's identity, no scan leaves";
  auto carried = documents_of(both);
  std::sort(carried.begin(), carried.end());
  auto attached = std::vector<std::string>{health, identity};
  std::sort(attached.begin(), attached.end());
  EXPECT_EQ(carried, attached) << "both, attached in the same minute: in no particular order";
  const auto document = [&](const std::string& disclosure_id, const std::string& id) {
    return provider_.get(package_path(disclosure_id) + "/documents/" + id);
  };
  auto bytes = document(both, health);
  ASSERT_EQ(bytes.result_int(), 200) << bytes.body();
  EXPECT_EQ(bytes.body(), report);
  EXPECT_EQ(bytes[boost::beast::http::field::content_type], "application/pdf");
  EXPECT_EQ(document(both, later).result_int(), 404) << "attached after the release";
  EXPECT_EQ(document(health_only, health).result_int(), 404) << "not in that package";
  EXPECT_EQ(document(released_, health).result_int(), 404) << "that release left before it was attached";

  for (const auto& consent : consents_) ASSERT_EQ(add("consent_withdrawal", {{"consent_id", consent}}).result_int(), 201);
  auto stopped = document(both, health);
  EXPECT_EQ(stopped.result_int(), 403);
  EXPECT_EQ(json::parse(stopped.body()).at("clause").as_string(), "I.3.b");

  auto audit = storage::read_value<std::vector<storage::StoredAuditEntry>>(
      server_.store(), [](storage::ReadTransaction& tx) { return tx.audit().list_page(0, 100000); });
  ASSERT_TRUE(audit);
  int opened_documents = 0;
  for (const auto& e : *audit) opened_documents += e.entry.action == "referral.document_open";
  EXPECT_EQ(opened_documents, 1);
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
