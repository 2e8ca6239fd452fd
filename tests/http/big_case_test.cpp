// One big case must not stall the others (issue 16: an 8.2 MB case read took about 200 ms on an I/O
// thread while health waited): its records come a page at a time, a case's records are capped with
// a clear 413 that writes nothing, and a case past kQuickCaseBytes is read on a worker thread.
#include <gtest/gtest.h>

#include <algorithm>

#include <boost/json.hpp>

#include "common/iso_time.hpp"
#include "storage/store.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace haven::testing {
namespace {

namespace json = boost::json;

class BigCase : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(worker_.post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200);
    auto r = worker_.post_json("/api/v1/cases", new_case_json("Hà Thị Dày"));
    ASSERT_EQ(r.result_int(), 201) << r.body();
    case_id_ = std::string(json::parse(r.body()).at("id").as_string());
    path_ = "/api/v1/cases/" + case_id_;
  }

  // A health check whose findings are `length` ASCII letters, `minutes_ago` before the server's now.
  ClientResponse add_health_check(std::size_t length, int minutes_ago) {
    return worker_.post_json(path_ + "/records", json::serialize(json::object{
        {"type", "health_check"},
        {"occurred_at", format_iso_timestamp(server_.now() - std::chrono::minutes{minutes_ago})},
        {"body", {{"by_medical_staff", true}, {"findings", std::string(length, 'x')}}}}));
  }

  json::object get_page(const std::string& query) {
    auto r = worker_.get(path_ + "/records" + query);
    EXPECT_EQ(r.result_int(), 200) << r.body();
    return json::parse(r.body()).as_object();
  }

  json::object problem(const std::string& query) {
    auto r = worker_.get(path_ + "/records" + query);
    EXPECT_EQ(r.result_int(), 422) << r.body();
    return json::parse(r.body()).as_object();
  }

  bool read_on_io_thread() {
    http::Request request{boost::beast::http::verb::get, path_, 11};
    return server_.api().is_quick(request);
  }

  TestServer server_;
  HttpClient worker_{server_.port(), "en"};
  std::string case_id_;
  std::string path_;
};

TEST_F(BigCase, RecordsComeAPageAtATimeInTheOrderTheyHappened) {
  for (int i = 0; i < 12; ++i) ASSERT_EQ(add_health_check(10, 120 - i).result_int(), 201);
  const auto whole = get_page("");
  const auto& all = whole.at("items").as_array();
  ASSERT_EQ(all.size(), 12U);
  EXPECT_EQ(whole.at("total").as_int64(), 12);
  EXPECT_FALSE(whole.contains("next")) << "one page holds them all";

  std::vector<std::string> paged;
  std::string after;
  int pages = 0;
  for (;; ++pages) {
    const auto page = get_page("?limit=5" + (after.empty() ? "" : "&after=" + after));
    EXPECT_EQ(page.at("total").as_int64(), 12);
    for (const auto& r : page.at("items").as_array()) paged.emplace_back(r.at("id").as_string());
    if (!page.contains("next")) break;
    after = std::string(page.at("next").as_string());
    EXPECT_EQ(after, paged.back());
  }
  EXPECT_EQ(pages, 2) << "5, 5 and the last 2";
  std::vector<std::string> expected;
  for (const auto& r : all) expected.emplace_back(r.at("id").as_string());
  EXPECT_EQ(paged, expected) << "the pages, one after another, are the case's records in the order they happened";
}

TEST_F(BigCase, ABadPageIsRefusedNamingTheParameter) {
  ASSERT_EQ(add_health_check(10, 5).result_int(), 201);
  EXPECT_EQ(problem("?limit=0").at("field").as_string(), "limit");
  EXPECT_EQ(problem("?limit=501").at("field").as_string(), "limit");
  EXPECT_EQ(problem("?limit=ten").at("field").as_string(), "limit");
  EXPECT_EQ(problem("?after=not-a-record-of-this-case").at("field").as_string(), "after");
  EXPECT_EQ(problem("?after=" + std::string(65, 'a')).at("field").as_string(), "after");
}

TEST_F(BigCase, ARecordPastTheCasesLimitIsRefusedAndNothingIsWritten) {
  server_.context().max_case_bytes = 20 * 1024;
  ASSERT_EQ(add_health_check(9000, 30).result_int(), 201);
  ASSERT_EQ(add_health_check(9000, 29).result_int(), 201);
  auto refused = add_health_check(9000, 28);
  ASSERT_EQ(refused.result_int(), 413) << refused.body();
  const auto body = json::parse(refused.body()).as_object();
  EXPECT_EQ(body.at("code").as_string(), "payload_too_large");
  EXPECT_EQ(body.at("field").as_string(), "body");
  EXPECT_NE(std::string(body.at("detail").as_string()).find("limit of 20 KiB"), std::string::npos) << refused.body();
  EXPECT_EQ(get_page("").at("total").as_int64(), 2) << "the refused record was not written";
  auto audit = storage::read_value<std::vector<storage::AuditEntry>>(
      server_.store(), [&](storage::ReadTransaction& tx) { return tx.audit().list_for_case(case_id_); });
  ASSERT_TRUE(audit);
  EXPECT_EQ(std::count_if(audit->begin(), audit->end(), [](const auto& e) { return e.action == "record.create"; }), 2);

  worker_.set_language("vi");
  auto in_vietnamese = add_health_check(9000, 27);
  EXPECT_EQ(in_vietnamese.result_int(), 413);
  EXPECT_NE(in_vietnamese.body().find("giới hạn 20 KiB"), std::string::npos) << in_vietnamese.body();
  // A small one still fits.
  EXPECT_EQ(add_health_check(100, 26).result_int(), 201);
}

TEST_F(BigCase, ACaseHoldingMoreThanAQuickReadIsReadOnAWorker) {
  EXPECT_TRUE(read_on_io_thread()) << "a small case is read where the request was read";
  const int records = static_cast<int>(http::Api::kQuickCaseBytes / 9000) + 1;
  for (int i = 0; i < records; ++i) ASSERT_EQ(add_health_check(9000, 200 - i).result_int(), 201);
  EXPECT_FALSE(read_on_io_thread());
  EXPECT_EQ(get_page("").at("total").as_int64(), records) << "and read all the same";
}

}  // namespace
}  // namespace haven::testing
