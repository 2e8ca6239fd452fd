// Disclosure packages through the one gate (I.3.a, I.3.b, I.3.d, II.6.d): a preview shows exactly
// what would leave and what is still missing; the centre head's release sends only the consented
// categories and is recorded; without consent, with a withdrawn one, or for a child with one of the
// two consents, nothing leaves.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "common/iso_time.hpp"
#include "storage/store.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace haven::testing {
namespace {

namespace json = boost::json;

class DisclosurePackages : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(worker_.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200);
    ASSERT_EQ(head_.post_json("/api/v1/session", TestServer::credentials("head")).result_int(), 200);
    case_path_ = register_case("Đặng Thị Hoa");
    put_on_case(case_path_);
    ASSERT_EQ(add("health_check", {{"by_medical_staff", true}, {"findings", "Không có bệnh cấp tính"}}).result_int(), 201);
    ASSERT_EQ(add("counselling_session", {{"condition_observed", "ác mộng về nơi bị giữ"}, {"crisis", false}}).result_int(), 201);
  }

  // The head assigns the worker, and opens the case herself by break-glass: a release is a reading of
  // the file (I.3.c), and nobody puts themselves on a case.
  void put_on_case(const std::string& path) {
    ASSERT_EQ(head_.post_json(path + "/records", assignment_json(server_.staff_id("worker1"))).result_int(), 201);
    ASSERT_EQ(head_.post_json(path + "/break-glass", break_glass_json()).result_int(), 201);
  }

  std::string register_case(const std::string& name, const std::string& birth_date = "2001-05-20") {
    auto r = worker_.post_json("/api/v1/cases", new_case_json(name, birth_date));
    EXPECT_EQ(r.result_int(), 201) << r.body();
    return "/api/v1/cases/" + std::string(json::parse(r.body()).at("id").as_string());
  }

  ClientResponse add(const std::string& type, json::object body, const std::string& path = {}) {
    return worker_.post_json((path.empty() ? case_path_ : path) + "/records",
                             json::serialize(json::object{{"type", type}, {"occurred_at", an_hour_ago_}, {"body", std::move(body)}}));
  }

  ClientResponse consent(const std::string& given_by, json::array categories, const std::string& path = {}) {
    return add("consent",
               {{"given_by", given_by},
                {"categories", std::move(categories)},
                {"recipient", "Bệnh viện tỉnh An Giang"},
                {"purposes", json::array{"referral"}},
                {"informed", true}},
               path);
  }

  static std::string package(json::array categories, const std::string& language = {}) {
    json::object body{{"disclosure", json::object{{"kind", "export_file"},
                                                  {"recipient", "Benh vien tinh An Giang"},
                                                  {"purpose", "referral"},
                                                  {"categories", std::move(categories)},
                                                  {"reason", "chuyển viện điều trị"}}}};
    if (!language.empty()) body["language"] = language;
    return json::serialize(body);
  }

  std::vector<std::string> record_types(const std::string& path) {
    std::vector<std::string> types;
    const auto listed = json::parse(worker_.get(path + "/records").body());
    for (const auto& r : listed.at("items").as_array()) {
      types.emplace_back(r.at("type").as_string());
    }
    return types;
  }

  TestServer server_;
  HttpClient worker_{server_.port()};
  HttpClient head_{server_.port()};
  std::string case_path_;
  const std::string an_hour_ago_ = format_iso_timestamp(server_.now() - std::chrono::hours{1});
};

TEST_F(DisclosurePackages, APreviewShowsExactlyWhatWouldLeaveAndWhatIsMissing) {
  ASSERT_EQ(consent("victim", {"identity", "health"}).result_int(), 201);
  auto preview = worker_.post_json(case_path_ + "/disclosure-packages/preview", package({"health"}));
  ASSERT_EQ(preview.result_int(), 200) << preview.body();
  const auto p = json::parse(preview.body());
  EXPECT_TRUE(p.at("preview").as_bool());
  EXPECT_TRUE(p.at("ready").as_bool());
  EXPECT_TRUE(p.at("disclosure_id").is_null());
  const auto& records = p.at("records").as_array();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].at("type").as_string(), "health_check");
  EXPECT_EQ(records[0].at("categories"), json::array{"health"});
  EXPECT_FALSE(p.at("case").as_object().contains("person")) << "identity was not asked for";
  EXPECT_FALSE(p.at("case").as_object().contains("reception"));
  EXPECT_EQ(preview.body().find("ác mộng"), std::string::npos) << "the counselling session is psychological";

  // Asking for more than the consent covers: shown, with the reason it cannot leave yet.
  auto more = json::parse(worker_.post_json(case_path_ + "/disclosure-packages/preview", package({"health", "psychological"})).body());
  EXPECT_FALSE(more.at("ready").as_bool());
  EXPECT_EQ(more.at("refusals").as_array()[0].at("clause").as_string(), "I.3.b");
  EXPECT_EQ(more.at("records").as_array().size(), 2u);

  // A preview sends nothing and records no disclosure.
  const auto types = record_types(case_path_);
  EXPECT_EQ(std::count(types.begin(), types.end(), "disclosure"), 0);
}

// Consent is given per category (I.3.b), and the intake notes physical and mental condition side by
// side: in a package consented for health only, the physical condition leaves and the psychological
// observations do not, not even as empty fields. Seen in use: they left under "health".
TEST_F(DisclosurePackages, APsychologicalNoteDoesNotLeaveInAPackageConsentedForHealthOnly) {
  const auto intake = add("intake_assessment", {{"physical", "vết bầm ở tay"},
                                               {"mental", "hoảng loạn khi nghe tiếng đàn ông"},
                                               {"psychological", "tự trách bản thân"},
                                               {"immediate_safety_risk", false}});
  ASSERT_EQ(intake.result_int(), 201) << intake.body();
  ASSERT_EQ(consent("victim", {"identity", "health"}).result_int(), 201);
  const auto sent = head_.post_json(case_path_ + "/disclosure-packages", package({"identity", "health"}));
  ASSERT_EQ(sent.result_int(), 201) << sent.body();
  const auto p = json::parse(sent.body());
  const json::object* found = nullptr;
  for (const auto& r : p.at("records").as_array()) {
    if (r.at("type").as_string() == "intake_assessment") found = &r.as_object();
  }
  ASSERT_NE(found, nullptr) << "its physical condition is health: it leaves";
  const auto& body = found->at("body").as_object();
  EXPECT_EQ(body.at("physical").as_string(), "vết bầm ở tay");
  EXPECT_FALSE(body.contains("mental"));
  EXPECT_FALSE(body.contains("psychological"));
  EXPECT_EQ(found->at("categories"), json::array{"health"});
  EXPECT_EQ(sent.body().find("hoảng loạn"), std::string::npos);
  EXPECT_EQ(sent.body().find("tự trách"), std::string::npos);

  // Consented for psychological as well, the same record leaves whole.
  ASSERT_EQ(consent("victim", {"identity", "health", "psychological"}).result_int(), 201);
  const auto whole = head_.post_json(case_path_ + "/disclosure-packages", package({"health", "psychological"}));
  ASSERT_EQ(whole.result_int(), 201) << whole.body();
  EXPECT_NE(whole.body().find("hoảng loạn"), std::string::npos);
}

TEST_F(DisclosurePackages, TheHeadReleasesOnlyTheConsentedCategoriesAndItIsRecorded) {
  ASSERT_EQ(consent("victim", {"identity", "health"}).result_int(), 201);
  auto by_worker = worker_.post_json(case_path_ + "/disclosure-packages", package({"health"}));
  EXPECT_EQ(by_worker.result_int(), 403);
  EXPECT_NE(std::string(json::parse(by_worker.body()).at("detail").as_string()).find("I.3.a"), std::string::npos);

  auto too_much = head_.post_json(case_path_ + "/disclosure-packages", package({"identity", "psychological"}));
  EXPECT_EQ(too_much.result_int(), 409);
  EXPECT_EQ(json::parse(too_much.body()).at("clause").as_string(), "I.3.b");

  auto sent = head_.post_json(case_path_ + "/disclosure-packages", package({"identity", "health"}));
  ASSERT_EQ(sent.result_int(), 201) << sent.body();
  const auto p = json::parse(sent.body());
  EXPECT_FALSE(p.at("preview").as_bool());
  EXPECT_EQ(p.at("case").at("person").at("name").as_string(), "Đặng Thị Hoa");
  EXPECT_EQ(p.at("records").as_array().size(), 1u);
  EXPECT_EQ(sent.body().find("ác mộng"), std::string::npos);
  EXPECT_EQ(sent.body().find("consent"), std::string::npos) << "the centre's own records never leave";
  EXPECT_EQ(sent.body().find(server_.staff_id("worker1")), std::string::npos) << "nor who wrote what";
  const std::string disclosure_id(p.at("disclosure_id").as_string());

  const auto types = record_types(case_path_);
  EXPECT_EQ(std::count(types.begin(), types.end(), "disclosure"), 1);
  auto audit = storage::read_value<std::vector<storage::StoredAuditEntry>>(
      server_.store(), [](storage::ReadTransaction& tx) { return tx.audit().list_page(0, 100000); });
  ASSERT_TRUE(audit);
  const auto released = std::find_if(audit->begin(), audit->end(), [](const auto& e) { return e.entry.action == "disclosure.release"; });
  ASSERT_NE(released, audit->end());
  EXPECT_NE(released->entry.detail.find(disclosure_id), std::string::npos);
  EXPECT_EQ(released->entry.detail.find("Hoa"), std::string::npos) << "no personal data in the audit log";
}

TEST_F(DisclosurePackages, AHeadNotOnTheCaseCannotReleaseItsContent) {
  ASSERT_EQ(consent("victim", {"identity", "health"}).result_int(), 201);
  const std::string other = register_case("Hà Thị Khác");  // worker1 received her; the head is not on it
  ASSERT_EQ(consent("victim", {"identity"}, other).result_int(), 201);
  auto refused = head_.post_json(other + "/disclosure-packages", package({"identity"}));
  EXPECT_EQ(refused.result_int(), 403);
  EXPECT_EQ(json::parse(refused.body()).at("clause").as_string(), "I.3.c");
  EXPECT_EQ(refused.body().find("Khác"), std::string::npos);
  const auto types = record_types(other);
  EXPECT_EQ(std::count(types.begin(), types.end(), "disclosure"), 0);
}

TEST_F(DisclosurePackages, AWithdrawalStopsTheNextReleaseAtOnce) {
  auto given = consent("victim", {"health"});
  ASSERT_EQ(given.result_int(), 201);
  ASSERT_EQ(head_.post_json(case_path_ + "/disclosure-packages", package({"health"})).result_int(), 201);
  ASSERT_EQ(add("consent_withdrawal", {{"consent_id", json::parse(given.body()).at("id")}}).result_int(), 201);
  auto after = head_.post_json(case_path_ + "/disclosure-packages", package({"health"}));
  EXPECT_EQ(after.result_int(), 409);
  EXPECT_EQ(json::parse(after.body()).at("clause").as_string(), "I.3.b");
}

TEST_F(DisclosurePackages, WithoutAnyConsentNothingLeaves) {
  auto refused = head_.post_json(case_path_ + "/disclosure-packages", package({"health"}));
  EXPECT_EQ(refused.result_int(), 409);
  EXPECT_EQ(json::parse(refused.body()).at("clause").as_string(), "I.3.b");
  const auto types = record_types(case_path_);
  EXPECT_EQ(std::count(types.begin(), types.end(), "disclosure"), 0);
}

TEST_F(DisclosurePackages, AChildsFileNeedsTheChildsAndTheGuardiansConsent) {
  const std::string child = register_case("Lò Thị Nhỏ", "2014-02-03");
  put_on_case(child);
  ASSERT_EQ(consent("victim", {"identity"}, child).result_int(), 201);
  auto one = head_.post_json(child + "/disclosure-packages", package({"identity"}));
  EXPECT_EQ(one.result_int(), 409);
  EXPECT_EQ(json::parse(one.body()).at("clause").as_string(), "I.3.d");
  ASSERT_EQ(consent("guardian", {"identity"}, child).result_int(), 201);
  auto both = head_.post_json(child + "/disclosure-packages", package({"identity"}));
  EXPECT_EQ(both.result_int(), 201) << both.body();
  EXPECT_TRUE(json::parse(both.body()).at("case").at("person").at("treated_as_child").as_bool());
}

TEST_F(DisclosurePackages, HeadingsComeInTheLanguageAskedForAndBadRequestsNameTheirField) {
  ASSERT_EQ(consent("victim", {"health"}).result_int(), 201);
  const auto en = json::parse(worker_.post_json(case_path_ + "/disclosure-packages/preview", package({"health"}, "en")).body());
  EXPECT_EQ(en.at("title").as_string(), "Information for Benh vien tinh An Giang");
  EXPECT_EQ(en.at("categories").as_array()[0].at("label").as_string(), "Health");
  const auto vi = json::parse(worker_.post_json(case_path_ + "/disclosure-packages/preview", package({"health"}, "vi")).body());
  EXPECT_EQ(vi.at("categories").as_array()[0].at("label").as_string(), "Sức khỏe");

  auto french = worker_.post_json(case_path_ + "/disclosure-packages/preview", package({"health"}, "fr"));
  EXPECT_EQ(french.result_int(), 422);
  EXPECT_EQ(json::parse(french.body()).at("field").as_string(), "language");
  auto nothing = worker_.post_json(case_path_ + "/disclosure-packages/preview", package({}));
  EXPECT_EQ(nothing.result_int(), 422);
  EXPECT_EQ(json::parse(nothing.body()).at("field").as_string(), "disclosure.categories");
  auto unknown = worker_.post_json(case_path_ + "/disclosure-packages/preview", package({"everything"}));
  EXPECT_EQ(unknown.result_int(), 422);
  EXPECT_EQ(json::parse(unknown.body()).at("field").as_string(), "disclosure.categories[0]");
  // Someone not on the case sees nothing of it, not even a preview (I.3.c).
  HttpClient other(server_.port());
  ASSERT_EQ(other.post_json("/api/v1/session", TestServer::credentials("worker2")).result_int(), 200);
  auto refused = other.post_json(case_path_ + "/disclosure-packages/preview", package({"health"}));
  EXPECT_EQ(refused.result_int(), 403);
  EXPECT_EQ(json::parse(refused.body()).at("clause").as_string(), "I.3.c");
}

}  // namespace
}  // namespace haven::testing
