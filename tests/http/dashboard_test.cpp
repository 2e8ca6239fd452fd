// The centre head's dashboard, on both backends: her centre's cases by stage, what falls overdue by
// clause, by worker and on nobody's case as the clock moves on, each worker's open caseload, the deadlines of the
// months, and the referrals by provider and outcome; figures only, never a victim's name; hers alone.
#include <gtest/gtest.h>

#include <map>
#include <utility>

#include <boost/json.hpp>

#include "app/server_record.hpp"
#include "support/each_backend.hpp"

namespace haven::testing {
namespace {

namespace json = boost::json;

class Dashboard : public OnEachBackendWithHead {
 protected:
  // Received an hour before the server's clock, so that its deadlines lie ahead.
  std::string register_case(const std::string& name) {
    auto body = json::parse(new_case_json(name)).as_object();
    body["reception"].as_object()["received_at"] = format_iso_timestamp(server_->now() - std::chrono::hours{1});
    auto r = worker_->post_json("/api/v1/cases", json::serialize(body));
    EXPECT_EQ(r.result_int(), 201) << r.body();
    return std::string(json::parse(r.body()).at("id").as_string());
  }
  json::object board() {
    auto r = head_->get("/api/v1/centre/dashboard");
    EXPECT_EQ(r.result_int(), 200) << r.body();
    return json::parse(r.body()).as_object();
  }
  static std::int64_t stage_count(const json::object& b, std::string_view stage) {
    for (const auto& s : b.at("by_stage").as_array()) {
      if (s.at("stage").as_string() == stage) return s.at("cases").as_int64();
    }
    return -1;
  }
  json::object staff_line(const json::object& b, const std::string& username) {
    for (const auto& s : b.at("staff").as_array()) {
      if (s.at("id").as_string() == server_->staff_id(username)) return s.as_object();
    }
    ADD_FAILURE() << username << " is not on the dashboard";
    return {};
  }
  // Written `minutes_ago` before the server's clock (which stands still), in the worker's name.
  void insert(const std::string& case_id, domain::RecordBody body, int minutes_ago) {
    app::Actor worker;
    worker.staff_id = server_->staff_id("worker1");
    worker.centre_id = server_->centre_id();
    const auto record = app::server_record(worker, server_->now() - std::chrono::minutes{minutes_ago}, std::move(body));
    ASSERT_TRUE(server_->store().write([&](storage::WriteTransaction& tx) { return tx.records().insert(case_id, record); }));
    last_record_ = record.id;
  }
  std::string last_record_;
};

TEST_P(Dashboard, CountsTheCentresCasesByStageAndEachWorkersCaseloadWithoutAName) {
  register_case("Lò Thị Mai");
  register_case("Đặng Thị Hoa");
  const auto b = board();
  EXPECT_EQ(stage_count(b, "received"), 2);
  EXPECT_EQ(stage_count(b, "closed"), 0);
  EXPECT_EQ(b.at("by_stage").as_array().size(), 9u) << "every stage, in the service's order";
  EXPECT_EQ(b.at("open_cases").as_int64(), 2);
  EXPECT_EQ(staff_line(b, "worker1").at("open_cases").as_int64(), 2) << "she received both";
  EXPECT_EQ(staff_line(b, "counsellor").at("open_cases").as_int64(), 0) << "staff with no case are shown too";
  const auto text = json::serialize(b);
  EXPECT_EQ(text.find("Lò Thị Mai"), std::string::npos);
  EXPECT_EQ(text.find("Đặng Thị Hoa"), std::string::npos);
  EXPECT_EQ(b.at("trend").at("months").as_array().size(), 12u);
  EXPECT_EQ(b.at("trend").at("total").as_array().size(), 12u);
}

TEST_P(Dashboard, WhatFallsOverdueShowsByClauseByWorkerAndInTheMonthsTrend) {
  register_case("Lò Thị Mai");
  EXPECT_TRUE(board().at("overdue_by_clause").as_array().empty()) << "nothing is due on a new case yet";
  server_->advance_clock(std::chrono::days{40});
  ASSERT_EQ(head_->post_json("/api/v1/session", TestServer::credentials("head")).result_int(), 200);  // 40 days on
  const auto b = board();
  const auto& overdue = b.at("overdue_by_clause").as_array();
  ASSERT_FALSE(overdue.empty()) << "a case left 40 days has deadlines passed";
  std::int64_t tasks = 0;
  for (const auto& c : overdue) {
    EXPECT_FALSE(c.at("title").as_string().empty()) << "each clause with its title";
    EXPECT_GT(c.at("tasks").as_int64(), 0) << "only clauses with something overdue";
    tasks += c.at("tasks").as_int64();
  }
  EXPECT_EQ(b.at("overdue_unassigned").as_int64(), tasks) << "nobody is assigned yet: shown as nobody's";
  EXPECT_EQ(staff_line(b, "worker1").at("overdue").as_int64(), 0) << "she received the person, nobody assigned her";
  EXPECT_EQ(staff_line(b, "worker1").at("open_cases").as_int64(), 1) << "as the staffing queue counts her";
  std::int64_t trend_overdue = 0;
  for (const auto& m : b.at("trend").at("total").as_array()) trend_overdue += m.at("overdue").as_int64();
  EXPECT_EQ(trend_overdue, tasks) << "each missed deadline in the month it fell due";
  ASSERT_FALSE(b.at("trend").at("clauses").as_array().empty());
  EXPECT_EQ(b.at("trend").at("clauses").as_array().front().at("months").as_array().size(), 12u);
}

TEST_P(Dashboard, ReferralsCountByProviderAndTheirLatestOutcome) {
  const auto id = register_case("Lò Thị Mai");
  insert(id, domain::Referral{"Bệnh viện tỉnh", "Khám bệnh", "", true, false}, 50);
  const auto first = last_record_;
  // Typed in another order than they happened: the later one counts.
  insert(id, domain::ReferralUpdate{first, domain::ReferralStatus::completed, "Đã khám"}, 10);
  insert(id, domain::ReferralUpdate{first, domain::ReferralStatus::accepted, ""}, 30);
  insert(id, domain::Referral{"Bệnh viện tỉnh", "Tái khám", "", true, false}, 5);
  insert(id, domain::Referral{"Trường nghề An Giang", "Học nghề", "", true, false}, 5);
  const auto b = board();
  std::map<std::pair<std::string, std::string>, std::int64_t> seen;
  for (const auto& r : b.at("referrals").as_array()) {
    seen[{std::string(r.at("provider").as_string()), std::string(r.at("status").as_string())}] =
        r.at("referrals").as_int64();
  }
  const std::map<std::pair<std::string, std::string>, std::int64_t> expected{
      {{"Bệnh viện tỉnh", "completed"}, 1}, {{"Bệnh viện tỉnh", "sent"}, 1}, {{"Trường nghề An Giang", "sent"}, 1}};
  EXPECT_EQ(seen, expected) << "the latest update counts; one with none is still sent";
}

TEST_P(Dashboard, IsTheHeadsAlone) {
  EXPECT_EQ(worker_->get("/api/v1/centre/dashboard").result_int(), 403);
  // The auditor reads the self-assessment's figures, which name nobody; the dashboard names the staff
  // beside their caseloads and overdue work.
  HttpClient auditor(server_->port());
  ASSERT_EQ(auditor.post_json("/api/v1/session", TestServer::credentials("auditor")).result_int(), 200);
  EXPECT_EQ(auditor.get("/api/v1/centre/self-assessment").result_int(), 200);
  EXPECT_EQ(auditor.get("/api/v1/centre/dashboard").result_int(), 403);
}

INSTANTIATE_TEST_SUITE_P(Backends, Dashboard, ::testing::Values("sqlite", "postgres"), backend_test_name);

}  // namespace
}  // namespace haven::testing
