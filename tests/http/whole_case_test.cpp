// A whole case through the API, from reception to closure, as the staff of a centre would run it,
// with the refusals they meet on the way.
#include <gtest/gtest.h>

#include <algorithm>

#include <boost/json.hpp>

#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace haven::testing {
namespace {

namespace json = boost::json;

class WholeCase : public ::testing::Test {
 protected:
  void open_case(bool suspected_child_of_uncertain_age, const char* nationality = "VN") {
    ASSERT_EQ(client_.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200);
    auto body = json::parse(new_case_json("Lê Thị Mai")).as_object();
    body["person"].as_object()["nationality"] = nationality;
    if (suspected_child_of_uncertain_age) {
      body["person"].as_object()["birth_date"] = nullptr;
      body["person"].as_object()["suspected_child"] = true;
    }
    auto r = client_.post_json("/api/v1/cases", json::serialize(body));
    ASSERT_EQ(r.result_int(), 201) << r.body();
    path_ = "/api/v1/cases/" + std::string(json::parse(r.body()).at("id").as_string());
  }
  std::string add(const std::string& type, json::object body, const std::string& at, unsigned expected = 201) {
    auto r = client_.post_json(path_ + "/records",
                               json::serialize(json::object{{"type", type}, {"occurred_at", at}, {"body", std::move(body)}}));
    EXPECT_EQ(r.result_int(), expected) << type << ": " << r.body();
    const auto answer = json::parse(r.body()).as_object();
    const char* field = r.result_int() == 201 ? "id" : "clause";
    return answer.contains(field) ? std::string(answer.at(field).as_string()) : std::string();
  }
  std::string act(const std::string& action, unsigned expected = 200) {
    const auto version = json::parse(client_.get(path_).body()).at("version").as_int64();
    auto r = client_.post_json(path_ + "/actions", json::serialize(json::object{{"action", action}, {"version", version}}));
    EXPECT_EQ(r.result_int(), expected) << action << ": " << r.body();
    const auto answer = json::parse(r.body());
    return expected == 200 ? std::string(answer.at("stage").as_string()) : std::string(answer.at("clause").as_string());
  }
  json::object final_plan(const std::string& risk_id, const std::string& need_id, bool with_education) {
    json::object plan{{"final", true},
                      {"purposes", "Trở về gia đình an toàn"},
                      {"challenges", "Nợ, kỳ thị trong thôn"},
                      {"procedures", "Học nghề may, hỗ trợ tâm lý hằng tháng"},
                      {"time_frame", "6 tháng"},
                      {"providers", json::array{"Hội Liên hiệp Phụ nữ huyện", "Trung tâm dạy nghề"}},
                      {"strengths", "Kiên trì"},
                      {"abilities", "May vá"},
                      {"aspirations", "Mở tiệm may"},
                      {"resources", "Gia đình có đất"},
                      {"risk_assessment_id", risk_id},
                      {"victim_participated", true},
                      {"victim_views", "Đồng ý, muốn bắt đầu học nghề sau Tết"},
                      {"actions", json::array{json::object{{"need_id", need_id}, {"need", "thu nhập"}, {"action", "học nghề may"}}}}};
    if (with_education) plan["education"] = "Lớp 8, trường THCS Tịnh Biên, đã nhập học";
    return plan;
  }

  TestServer server_;
  HttpClient client_{server_.port()};
  std::string path_;
};

TEST_F(WholeCase, FromReceptionToClosure) {
  open_case(false);
  EXPECT_EQ(act("begin_care"), "in_care");
  add("intake_assessment", {{"physical", "gầy, mệt"}, {"psychological", "lo âu"}}, "2026-01-15T06:00:00Z");
  add("orientation", {{"layout", true}, {"rules", true}, {"necessary_information", true}}, "2026-01-15T07:00:00Z");
  add("health_check", {{"by_medical_staff", true}}, "2026-01-15T08:00:00Z");
  add("counselling_session", {{"condition_observed", "bình tĩnh hơn"}}, "2026-01-15T09:00:00Z");
  add("information_provided", {{"language", "vi"}, {"format", "verbal"}, {"services", true}, {"reintegration_process", true}},
      "2026-01-15T10:00:00Z");
  EXPECT_EQ(act("begin_identification"), "identification");
  add("identification_interview", {{"place", "phòng tư vấn"}, {"people_present", json::array{"cán bộ", "phiên dịch"}}},
      "2026-01-17T02:00:00Z");
  EXPECT_EQ(act("begin_assessment"), "assessment");
  const auto risk = add("return_risk_assessment", {{"level", "medium"}, {"findings", "gia đình ủng hộ"}}, "2026-01-18T02:00:00Z");
  EXPECT_EQ(act("begin_planning"), "planning");
  const auto need = add("identified_need", {{"need", "thu nhập ổn định"}}, "2026-01-19T02:00:00Z");
  EXPECT_EQ(add("reintegration_plan", final_plan(risk, "no-such-need", false), "2026-01-20T02:00:00Z", 409), "II.5.c");
  EXPECT_EQ(add("reintegration_plan", final_plan("wrong-id", need, false), "2026-01-20T02:00:00Z", 409), "II.4.c");
  auto without_views = final_plan(risk, need, false);
  without_views.erase("victim_views");
  EXPECT_EQ(add("reintegration_plan", without_views, "2026-01-20T02:00:00Z", 409), "I.4.c");
  add("reintegration_plan", final_plan(risk, need, false), "2026-01-20T02:00:00Z");
  EXPECT_EQ(act("begin_reintegration", 409), "II.7.a");
  add("reintegration_decision", {{"destination", "own_family"}, {"chosen_by_victim", true}, {"victim_views", "muốn về nhà"}},
      "2026-01-21T02:00:00Z");
  EXPECT_EQ(act("begin_reintegration", 409), "II.7.b");
  add("recovery_assessment", {{"findings", "hồi phục tốt"}}, "2026-01-22T02:00:00Z");
  add("location_safety_assessment", {{"place", "nhà bố mẹ, xã An Phú"}, {"safe", true}}, "2026-01-23T02:00:00Z");
  EXPECT_EQ(act("begin_reintegration", 409), "I.1.c");
  add("safety_guidance", {{"to_victim", true}, {"to_family", true}, {"topics", "an toàn khi đi làm xa, bảo hiểm y tế"}},
      "2026-01-24T02:00:00Z");
  EXPECT_EQ(act("begin_reintegration"), "reintegration");
  EXPECT_EQ(act("begin_monitoring"), "monitoring");
  add("follow_up_contact", {{"channel", "local_authority"}, {"notes", "xã xác nhận ổn định"}}, "2026-02-20T02:00:00Z");
  EXPECT_EQ(act("close", 409), "II.8.c");
  json::object checklist{{"health_improved", true}, {"psychological_condition_stable", true},
                         {"confident_in_family_and_community", true}, {"economic_prospects_assessed", true},
                         {"discrimination_risks_assessed", true}};
  add("closure_checklist", checklist, "2026-03-01T02:00:00Z");
  EXPECT_EQ(act("close", 409), "I.4.c");  // the victim's views on ending the support
  checklist["victim_views"] = "Sẵn sàng tự lo, cảm ơn trung tâm";
  checklist["victim_agreed"] = true;
  add("closure_checklist", checklist, "2026-03-01T03:00:00Z");
  EXPECT_EQ(act("close"), "closed");
  EXPECT_TRUE(json::parse(client_.get(path_ + "/tasks").body()).at("items").as_array().empty());
  // Sixteen records of the service, and the seven stage moves the server wrote with the moves.
  const auto records = json::parse(client_.get(path_ + "/records").body());
  const auto& items = records.at("items").as_array();
  const auto moves = std::count_if(items.begin(), items.end(), [](const json::value& r) { return r.at("type") == "stage_move"; });
  EXPECT_EQ(moves, 7);
  EXPECT_EQ(items.size() - static_cast<std::size_t>(moves), 16U);
  EXPECT_EQ(act("reopen"), "in_care");
}

TEST_F(WholeCase, AChildOfUncertainAgeGetsEveryChildRule) {
  open_case(true);
  const auto case_json = json::parse(client_.get(path_).body());
  EXPECT_TRUE(case_json.at("person").at("treated_as_child").as_bool());  // II.2.d
  bool decision_due = false;
  const auto tasks = json::parse(client_.get(path_ + "/tasks").body());  // kept alive for the loop
  for (const auto& t : tasks.at("items").as_array()) {
    decision_due = decision_due || t.at("clause").as_string() == "I.4.b";
  }
  EXPECT_TRUE(decision_due);
  const auto risk = add("return_risk_assessment", {{"level", "high"}}, "2026-01-18T02:00:00Z");
  const auto need = add("identified_need", {{"need", "tiếp tục đi học"}}, "2026-01-19T02:00:00Z");
  EXPECT_EQ(add("reintegration_plan", final_plan(risk, need, false), "2026-01-20T02:00:00Z", 409), "II.7.c");
  add("reintegration_plan", final_plan(risk, need, true), "2026-01-20T02:00:00Z");
}

TEST_F(WholeCase, AForeignVictimIsRepatriatedOnlyAtTheirWishAndOnlyWhenSafe) {
  open_case(false, "KH");
  EXPECT_EQ(act("begin_care"), "in_care");
  add("health_check", {{"by_medical_staff", true}}, "2026-01-15T08:00:00Z");
  EXPECT_EQ(act("begin_repatriation", 409), "I.5.a");  // her wish is not on the file yet
  add("repatriation_wish",
      {{"wishes_to_return", true}, {"consular_contact", "Đại sứ quán Campuchia, Hà Nội"}, {"victim_views", "muốn về Kampot"}},
      "2026-01-16T02:00:00Z");
  EXPECT_EQ(act("begin_repatriation"), "repatriation");
  EXPECT_EQ(act("complete_repatriation", 409), "I.5.a");  // no safety assessment of the return
  add("repatriation_safety_assessment", {{"country", "KH"}, {"safe", false}, {"findings", "kẻ môi giới còn ở làng"}},
      "2026-02-01T02:00:00Z");
  EXPECT_EQ(act("complete_repatriation", 409), "I.5.a");  // found unsafe
  add("repatriation_safety_assessment", {{"country", "KH"}, {"safe", true}, {"findings", "kẻ môi giới đã bị bắt"}},
      "2026-02-20T02:00:00Z");
  EXPECT_EQ(act("complete_repatriation"), "closed");
  const auto compliance = json::parse(client_.get(path_ + "/compliance").body());
  std::string repatriation_state;
  for (const auto& c : compliance.at("items").as_array()) {
    if (c.at("clause").as_string() == "I.5.a") repatriation_state = std::string(c.at("state").as_string());
  }
  EXPECT_EQ(repatriation_state, "met");
}

TEST_F(WholeCase, AVictimWhoChangesHerMindComesBackToCareAndIsNotSentHome) {
  open_case(false, "LA");
  EXPECT_EQ(act("begin_care"), "in_care");
  add("repatriation_wish",
      {{"wishes_to_return", true}, {"consular_contact", "Đại sứ quán Lào, Hà Nội"}, {"victim_views", "muốn về Pakse"}},
      "2026-01-16T02:00:00Z");
  EXPECT_EQ(act("begin_repatriation"), "repatriation");
  add("repatriation_safety_assessment", {{"country", "LA"}, {"safe", true}}, "2026-02-01T02:00:00Z");
  add("repatriation_wish", {{"wishes_to_return", false}, {"victim_views", "muốn ở lại học nghề ở Việt Nam"}},
      "2026-02-02T02:00:00Z");
  EXPECT_EQ(act("complete_repatriation", 409), "I.5.a");  // her latest word is to stay
  EXPECT_EQ(act("cancel_repatriation"), "in_care");
}

TEST_F(WholeCase, AVietnameseVictimHasNoRepatriationTrack) {
  open_case(false);
  EXPECT_EQ(act("begin_care"), "in_care");
  EXPECT_EQ(act("begin_repatriation", 409), "I.5.a");
}

}  // namespace
}  // namespace haven::testing
