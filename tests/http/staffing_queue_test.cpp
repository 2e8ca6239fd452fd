// The centre head's staffing queue, on both backends: the open cases short of a case worker or a
// counsellor, by code only, and the staff she may put on them with their screening, matching facts
// and caseload; she assigns from it without being on the case (no break-glass), and the queue follows.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/accounts.hpp"
#include "support/each_backend.hpp"

namespace haven::testing {
namespace {

namespace json = boost::json;

class StaffingQueue : public OnEachBackendWithHead {
 protected:
  std::string register_case(const std::string& name) {
    auto r = worker_->post_json("/api/v1/cases", new_case_json(name));
    EXPECT_EQ(r.result_int(), 201) << r.body();
    return std::string(json::parse(r.body()).at("id").as_string());
  }
  json::object queue() {
    auto r = head_->get("/api/v1/centre/staffing");
    EXPECT_EQ(r.result_int(), 200) << r.body();
    return json::parse(r.body()).as_object();
  }
  // The queue's entry for a case, or null when it is not in the queue.
  json::value entry(const std::string& case_id) {
    const auto answer = queue();
    for (const auto& c : answer.at("cases").as_array()) {
      if (c.at("id").as_string() == case_id) return c;
    }
    return nullptr;
  }
  std::int64_t open_cases(const std::string& username) {
    const auto answer = queue();
    for (const auto& s : answer.at("staff").as_array()) {
      if (s.at("id").as_string() == server_->staff_id(username)) return s.at("open_cases").as_int64();
    }
    ADD_FAILURE() << username << " is not offered";
    return -1;
  }
  ClientResponse assign(const std::string& case_id, const std::string& staff_id) {
    return head_->post_json("/api/v1/cases/" + case_id + "/records",
                            assignment_json(staff_id, format_iso_timestamp(server_->now())));
  }
};

TEST_P(StaffingQueue, ANewCaseWaitsForACounsellorByItsCodeOnly) {
  const auto id = register_case("Lò Thị Mai");
  const auto e = entry(id);
  ASSERT_FALSE(e.is_null()) << "a case without a counsellor is in the queue";
  EXPECT_EQ(e.at("staff_on_case").as_int64(), 1) << "the case worker who received the person";
  EXPECT_EQ(json::serialize(e.at("missing")), R"(["counsellor"])");
  EXPECT_EQ(e.at("stage").as_string(), "received");
  EXPECT_FALSE(e.as_object().contains("name")) << "the head is not on the case (I.3.c)";
  EXPECT_EQ(json::serialize(queue()).find("Lò Thị Mai"), std::string::npos);
}

TEST_P(StaffingQueue, TheHeadAssignsFromTheQueueWithoutBreakingTheGlassAndTheQueueFollows) {
  const auto id = register_case("Lò Thị Mai");
  const auto before = open_cases("worker2");
  ASSERT_EQ(assign(id, server_->staff_id("worker2")).result_int(), 201);
  EXPECT_EQ(json::serialize(entry(id).at("missing")), R"(["counsellor"])");
  EXPECT_EQ(open_cases("worker2"), before + 1);
  ASSERT_EQ(assign(id, server_->staff_id("counsellor")).result_int(), 201);
  EXPECT_TRUE(entry(id).is_null()) << "a case worker and a counsellor: no longer short of staff";
  // She is still not on the case: reading it is refused (I.3.c) and no break-glass was written.
  EXPECT_EQ(head_->get("/api/v1/cases/" + id).result_int(), 403);
  auto records = storage::read_value<std::vector<domain::CaseRecord>>(
      server_->store(), [&](storage::ReadTransaction& tx) { return tx.records().list(server_->centre_id(), id); });
  ASSERT_TRUE(records);
  EXPECT_EQ(records->size(), 2u) << "the two assignments, and no break-glass";
  for (const auto& r : *records) EXPECT_EQ(r.type_name(), "staff_assignment");
}

TEST_P(StaffingQueue, ReleasingTheOnlyCounsellorPutsTheCaseBackInTheQueue) {
  const auto id = register_case("Lò Thị Mai");
  ASSERT_EQ(assign(id, server_->staff_id("worker2")).result_int(), 201);
  ASSERT_EQ(assign(id, server_->staff_id("counsellor")).result_int(), 201);
  auto released = head_->post_json(
      "/api/v1/cases/" + id + "/records",
      json::serialize(json::object{{"type", "staff_assignment_ended"},
                                   {"occurred_at", format_iso_timestamp(server_->now())},
                                   {"body", {{"staff_id", server_->staff_id("counsellor")}, {"reason", "nghỉ phép"}}}}));
  ASSERT_EQ(released.result_int(), 201) << released.body();
  EXPECT_EQ(json::serialize(entry(id).at("missing")), R"(["counsellor"])");
}

TEST_P(StaffingQueue, AnUnscreenedCandidateIsShownAsSuchAndRefusedWithTheClause) {
  const auto id = register_case("Lò Thị Mai");
  const auto before = json::serialize(entry(id));
  auto added = app::add_staff(server_->context(),
                              {server_->centre_id(), "newcomer", "Cán bộ mới", domain::Role::case_worker, ""},
                              "a-long-enough-password-1");
  ASSERT_TRUE(added) << added.error().message_key;
  bool offered = false;
  const auto answer = queue();
  for (const auto& s : answer.at("staff").as_array()) {
    if (s.at("id").as_string() != added->id) continue;
    offered = true;
    EXPECT_FALSE(s.at("screened").as_bool());
    EXPECT_EQ(s.at("open_cases").as_int64(), 0);
  }
  EXPECT_TRUE(offered);
  auto refused = assign(id, added->id);
  EXPECT_EQ(refused.result_int(), 409) << refused.body();
  EXPECT_EQ(json::parse(refused.body()).at("clause").as_string(), "III.1.b");
  EXPECT_EQ(json::serialize(entry(id)), before) << "nothing stored";
}

TEST_P(StaffingQueue, TheHeadIsNotOfferedHerselfAndOthersMayNotReadTheQueue) {
  const auto answer = queue();
  for (const auto& s : answer.at("staff").as_array()) {
    EXPECT_NE(s.at("id").as_string(), server_->staff_id("head")) << "nobody puts herself on a case";
    EXPECT_NE(s.at("role").as_string(), "auditor");
    EXPECT_NE(s.at("role").as_string(), "external_provider");
  }
  EXPECT_EQ(worker_->get("/api/v1/centre/staffing").result_int(), 403);
}

TEST_P(StaffingQueue, AClosedCaseLeavesTheQueue) {
  const auto id = register_case("Lò Thị Mai");
  ASSERT_FALSE(entry(id).is_null());
  ASSERT_TRUE(server_->store().write([&](storage::WriteTransaction& tx) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto file, tx.cases().find(server_->centre_id(), id));
    return tx.cases()
        .update_stage(server_->centre_id(), id, file->version, domain::CaseStage::closed, server_->now())
        .map([](std::int64_t) {});
  }));
  EXPECT_TRUE(entry(id).is_null());
}

INSTANTIATE_TEST_SUITE_P(Backends, StaffingQueue, ::testing::Values("sqlite", "postgres"), backend_test_name);

}  // namespace
}  // namespace haven::testing
