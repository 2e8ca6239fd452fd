// Corrections of the person and the reception record, on both backends: a correction needs a
// reason, keeps the earlier value in the case's history (a correction record on the timeline: who,
// when, why, from what to what), is audited, and is refused on a stale version (409). A birth date
// papers establish takes a girl out of "treated as a child" (II.2.d) from that moment; a corrected
// name is found by search and the old one is not. Bad input is named and changes nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "storage/store.hpp"
#include "support/each_backend.hpp"

namespace haven::testing {
namespace {

namespace json = boost::json;

class Correction : public OnEachBackend {
 protected:
  void SetUp() override {
    OnEachBackend::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    // A girl with no papers, suspected to be a child: treated as one (II.2.d).
    auto body = json::parse(new_case_json("Giàng Thị Mỷ")).as_object();
    body["person"].as_object()["birth_date"] = nullptr;
    body["person"].as_object()["suspected_child"] = true;
    auto r = worker_->post_json("/api/v1/cases", json::serialize(body));
    ASSERT_EQ(r.result_int(), 201) << r.body();
    const auto created = json::parse(r.body());
    case_id_ = std::string(created.at("id").as_string());
    path_ = "/api/v1/cases/" + case_id_;
    person_ = created.at("person").as_object();
    person_.erase("treated_as_child");
    reception_ = json::parse(new_case_json("x")).at("reception").as_object();
  }

  json::value get_case() { return json::parse(worker_->get(path_).body()); }

  ClientResponse correct_person(const json::object& person, std::int64_t version, const std::string& reason) {
    return worker_->put_json(path_ + "/person",
                             json::serialize(json::object{{"version", version}, {"person", person}, {"reason", reason}}));
  }

  std::vector<json::object> corrections() {
    const auto records = json::parse(worker_->get(path_ + "/records").body());
    std::vector<json::object> out;
    for (const auto& r : records.at("items").as_array()) {
      if (r.at("type") == "correction") out.push_back(r.as_object());
    }
    return out;
  }

  int audited(const std::string& action) {
    auto entries = storage::read_value<std::vector<storage::AuditEntry>>(
        server_->store(), [&](storage::ReadTransaction& tx) { return tx.audit().list_for_case(case_id_); });
    EXPECT_TRUE(entries);
    return static_cast<int>(std::count_if(entries->begin(), entries->end(),
                                          [&](const storage::AuditEntry& e) { return e.action == action; }));
  }

  std::string case_id_;
  std::string path_;
  json::object person_;
  json::object reception_;
};

TEST_P(Correction, ABirthDateFromHerPapersEndsTreatedAsAChildWithTheCorrectionOnTheTimeline) {
  ASSERT_TRUE(get_case().at("person").at("treated_as_child").as_bool());
  const auto children = [&] { return json::parse(worker_->get("/api/v1/cases?child=true").body()).at("total").as_int64(); };
  ASSERT_EQ(children(), 1);
  auto person = person_;
  person["birth_date"] = "2001-03-14";
  auto r = correct_person(person, 1, "Giấy khai sinh do gia đình gửi đến");
  ASSERT_EQ(r.result_int(), 200) << r.body();
  const auto corrected = json::parse(r.body());
  EXPECT_EQ(corrected.at("version").as_int64(), 2);
  EXPECT_FALSE(corrected.at("person").at("treated_as_child").as_bool());
  EXPECT_EQ(corrected.at("person").at("birth_date"), "2001-03-14");
  EXPECT_FALSE(get_case().at("person").at("treated_as_child").as_bool());
  EXPECT_EQ(children(), 0) << "the list's child filter reads the standing, stored again at the correction";

  const auto history = corrections();
  ASSERT_EQ(history.size(), 1U);
  const auto& body = history.front().at("body");
  EXPECT_EQ(body.at("part"), "person");
  EXPECT_EQ(body.at("reason"), "Giấy khai sinh do gia đình gửi đến");
  ASSERT_EQ(body.at("changes").as_array().size(), 1U);
  EXPECT_EQ(body.at("changes").at(0).at("field"), "birth_date");
  EXPECT_EQ(body.at("changes").at(0).at("before"), "");
  EXPECT_EQ(body.at("changes").at(0).at("after"), "2001-03-14");
  EXPECT_EQ(history.front().at("recorded_by").as_string(), server_->staff_id("worker1"));
  EXPECT_EQ(audited("person.correct"), 1);
}

TEST_P(Correction, ACorrectedNameIsFoundAndTheMisspeltOneIsNot) {
  auto person = person_;
  person["name"] = "Giàng Thị Mai";
  ASSERT_EQ(correct_person(person, 1, "Viết sai chính tả lúc tiếp nhận").result_int(), 200);
  EXPECT_EQ(json::parse(worker_->get("/api/v1/cases?q=mai").body()).at("total").as_int64(), 1);
  // "my" could still find the case by its code ("HV-MY..."), never by the name it no longer has.
  const auto old_name = json::parse(worker_->get("/api/v1/cases?q=my").body());
  const bool by_code = std::string(get_case().at("code").as_string()).find("MY") != std::string::npos;
  EXPECT_EQ(old_name.at("total").as_int64(), by_code ? 1 : 0);
  EXPECT_EQ(corrections().front().at("body").at("changes").at(0).at("before"), "Giàng Thị Mỷ");
}

TEST_P(Correction, TheReceptionRecordIsCorrectedWithItsHistoryToo) {
  auto reception = reception_;
  reception["legal_basis"] = "Quyết định 34/QĐ";
  auto r = worker_->put_json(path_ + "/reception", json::serialize(json::object{
                                                       {"version", 1}, {"reception", reception}, {"reason", "Số quyết định ghi nhầm"}}));
  ASSERT_EQ(r.result_int(), 200) << r.body();
  const auto history = corrections();
  ASSERT_EQ(history.size(), 1U);
  EXPECT_EQ(history.front().at("body").at("part"), "reception");
  EXPECT_EQ(history.front().at("body").at("changes").at(0).at("field"), "legal_basis");
  EXPECT_EQ(history.front().at("body").at("changes").at(0).at("after"), "Quyết định 34/QĐ");
}

TEST_P(Correction, TheReceptionIsNeverMovedAfterWhatTheFileRecordsSinceIt) {
  auto r = worker_->post_json(path_ + "/records", json::serialize(json::object{
                                                      {"type", "health_check"},
                                                      {"occurred_at", "2026-01-16T02:00:00Z"},
                                                      {"body", {{"by_medical_staff", true}}}}));
  ASSERT_EQ(r.result_int(), 201) << r.body();
  auto reception = reception_;
  reception["received_at"] = "2026-01-17T00:00:00Z";  // after the health check
  r = worker_->put_json(path_ + "/reception", json::serialize(json::object{
                                                  {"version", 1}, {"reception", reception}, {"reason", "Giờ ghi nhầm"}}));
  EXPECT_EQ(r.result_int(), 422) << r.body();
  EXPECT_EQ(json::parse(r.body()).at("field").as_string(), "reception.received_at");
  EXPECT_EQ(get_case().at("reception").at("received_at").as_string(), "2026-01-15T02:30:00Z");
  EXPECT_TRUE(corrections().empty());
  reception["received_at"] = "2026-01-15T01:00:00Z";  // earlier: still before everything
  r = worker_->put_json(path_ + "/reception", json::serialize(json::object{
                                                  {"version", 1}, {"reception", reception}, {"reason", "Giờ ghi nhầm"}}));
  EXPECT_EQ(r.result_int(), 200) << r.body();
}

TEST_P(Correction, BadInputIsNamedAndChangesNothing) {
  auto person = person_;
  person["birth_date"] = "2001-03-14";
  const auto expect_refused = [&](const ClientResponse& r, int status, const std::string& field) {
    EXPECT_EQ(static_cast<int>(r.result_int()), status) << r.body();
    EXPECT_EQ(json::parse(r.body()).at("field").as_string(), field) << r.body();
  };
  expect_refused(correct_person(person, 1, "   "), 422, "reason");
  expect_refused(worker_->put_json(path_ + "/person", json::serialize(json::object{{"version", 1}, {"person", person}})),
                 422, "reason");
  auto future = person;
  future["birth_date"] = "2099-01-01";
  expect_refused(correct_person(future, 1, "giấy tờ"), 422, "person.birth_date");
  expect_refused(correct_person(person_, 1, "không đổi gì"), 422, "person");
  auto stale = correct_person(person, 7, "giấy tờ");
  EXPECT_EQ(stale.result_int(), 409);
  EXPECT_EQ(json::parse(stale.body()).at("current_version").as_int64(), 1);
  // A stale form is stale whatever it holds: 409, not "nothing changed".
  EXPECT_EQ(correct_person(person_, 7, "giấy tờ").result_int(), 409);
  expect_refused(worker_->put_json(path_ + "/reception", json::serialize(json::object{{"version", 1}, {"reception", reception_}})),
                 422, "reason");

  // In English too.
  HttpClient en(server_->port(), "en");
  ASSERT_EQ(en.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200);
  auto r = en.put_json(path_ + "/person", json::serialize(json::object{{"version", 1}, {"person", person}, {"reason", ""}}));
  EXPECT_NE(std::string(json::parse(r.body()).at("detail").as_string()).find("reason"), std::string::npos) << r.body();

  EXPECT_TRUE(corrections().empty());
  EXPECT_EQ(get_case().at("version").as_int64(), 1);
  EXPECT_TRUE(get_case().at("person").at("treated_as_child").as_bool());
  EXPECT_EQ(audited("person.correct"), 0);
}

TEST_P(Correction, OnlyThoseOnTheCaseCorrectIt) {
  auto person = person_;
  person["name"] = "Người lạ sửa";
  HttpClient other(server_->port());
  ASSERT_EQ(other.post_json("/api/v1/session", TestServer::credentials("worker2")).result_int(), 200);
  auto r = other.put_json(path_ + "/person",
                          json::serialize(json::object{{"version", 1}, {"person", person}, {"reason", "thử"}}));
  EXPECT_EQ(r.result_int(), 403);
  EXPECT_EQ(json::parse(r.body()).at("clause"), "I.3.c");
  HttpClient counsellor(server_->port());
  ASSERT_EQ(counsellor.post_json("/api/v1/session", TestServer::credentials("counsellor")).result_int(), 200);
  EXPECT_EQ(counsellor.put_json(path_ + "/person",
                                json::serialize(json::object{{"version", 1}, {"person", person}, {"reason", "thử"}}))
                .result_int(),
            403);
  EXPECT_EQ(get_case().at("person").at("name"), "Giàng Thị Mỷ");
}

TEST_P(Correction, AnErasedCaseIsGoneAndNothingIsCorrected) {
  const auto code = std::string(get_case().at("code").as_string());
  ASSERT_TRUE(server_->store().write([&](storage::WriteTransaction& tx) -> Result<void> {
    HAVEN_TRY(tx.cases().update_stage(server_->centre_id(), case_id_, 1, domain::CaseStage::closed, server_->now()));
    return {};
  }));
  HttpClient head(server_->port());
  ASSERT_EQ(head.post_json("/api/v1/session", TestServer::credentials("head")).result_int(), 200);
  auto erased = head.post_json(path_ + "/erasure", json::serialize(json::object{{"ground", "purpose_ended"}, {"case_code", code}}));
  ASSERT_EQ(erased.result_int(), 200) << erased.body();
  auto person = person_;
  person["birth_date"] = "2001-03-14";
  EXPECT_EQ(correct_person(person, 2, "giấy tờ").result_int(), 410);
}

INSTANTIATE_TEST_SUITE_P(Backends, Correction, ::testing::ValuesIn(kTestBackends), backend_test_name);

}  // namespace
}  // namespace haven::testing
