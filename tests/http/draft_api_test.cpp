// Drafts through the API, on both backends (app/drafts.hpp): what a worker typed is kept, given back
// to her alone, and discarded; a draft for a case one is not on is refused (I.3.c) and the attempt
// audited; bad input names its field and keeps nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "storage/store.hpp"
#include "support/each_backend.hpp"

namespace haven::testing {
namespace {

namespace json = boost::json;
namespace beast_http = boost::beast::http;

constexpr std::string_view kNote = R"({"content":{"type":"counselling_session","condition_observed":"Em kể về đêm ở Quảng Châu"}})";

class DraftApi : public OnEachBackend {
 protected:
  void SetUp() override {
    if (backend_unavailable(GetParam())) GTEST_SKIP() << "set HAVEN_TEST_POSTGRES to run on PostgreSQL";
    server_ = std::make_unique<TestServer>(http::ServerOptions{}, std::filesystem::path{}, http::ApiOptions{}, GetParam());
    worker_ = std::make_unique<HttpClient>(server_->port());
    other_ = std::make_unique<HttpClient>(server_->port(), "en");
    ASSERT_EQ(worker_->post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200);
    ASSERT_EQ(other_->post_json("/api/v1/session", TestServer::credentials("worker2")).result_int(), 200);
    auto r = worker_->post_json("/api/v1/cases", new_case_json("Lù Thị Nháp"));
    ASSERT_EQ(r.result_int(), 201) << r.body();
    case_id_ = std::string(json::parse(r.body()).at("id").as_string());
    drafts_ = "/api/v1/cases/" + case_id_ + "/drafts";
  }

  ClientResponse del(HttpClient& client, const std::string& target) {
    return client.send(beast_http::verb::delete_, target, "");
  }

  int audited(const std::string& action) {
    auto entries = storage::read_value<std::vector<storage::StoredAuditEntry>>(
        server_->store(), [&](storage::ReadTransaction& tx) { return tx.audit().list_page(0, 10000); });
    EXPECT_TRUE(entries);
    int n = 0;
    for (const auto& e : *entries) n += e.entry.action == action ? 1 : 0;
    return n;
  }

  static json::object problem(const ClientResponse& r) { return json::parse(r.body()).as_object(); }

  std::unique_ptr<HttpClient> other_;
  std::string case_id_;
  std::string drafts_;
};

TEST_P(DraftApi, WhatAWorkerTypedIsKeptGivenBackToHerAndDiscarded) {
  auto saved = worker_->put_json(drafts_ + "/record.counselling_session", std::string(kNote));
  ASSERT_EQ(saved.result_int(), 200) << saved.body();
  EXPECT_EQ(json::parse(saved.body()).at("form").as_string(), "record.counselling_session");

  auto back = worker_->get(drafts_ + "/record.counselling_session");
  ASSERT_EQ(back.result_int(), 200) << back.body();
  EXPECT_EQ(json::parse(back.body()).at("content"), json::parse(kNote).at("content"));
  auto listed = worker_->get(drafts_);
  ASSERT_EQ(listed.result_int(), 200) << listed.body();
  EXPECT_EQ(json::parse(listed.body()).at("items").as_array().size(), 1U);

  // Typing on: the next save replaces it.
  ASSERT_EQ(worker_->put_json(drafts_ + "/record.counselling_session", R"({"content":{"condition_observed":"hơn"}})")
                .result_int(),
            200);
  EXPECT_EQ(json::parse(worker_->get(drafts_ + "/record.counselling_session").body()).at("content").at("condition_observed"),
            "hơn");

  EXPECT_EQ(del(*worker_, drafts_ + "/record.counselling_session").result_int(), 204);
  EXPECT_EQ(worker_->get(drafts_ + "/record.counselling_session").result_int(), 404);
  EXPECT_EQ(del(*worker_, drafts_ + "/record.counselling_session").result_int(), 204) << "discarding twice is no error";
  EXPECT_EQ(audited("draft.save"), 2);
  EXPECT_EQ(audited("draft.discard"), 1) << "only the discard that removed something";
}

TEST_P(DraftApi, ADraftIsNotARecordAndCountsForNoClause) {
  const auto before = worker_->get("/api/v1/cases/" + case_id_ + "/file");
  ASSERT_EQ(worker_->put_json(drafts_ + "/record.counselling_session", std::string(kNote)).result_int(), 200);
  const auto after = worker_->get("/api/v1/cases/" + case_id_ + "/file");
  const auto b = json::parse(before.body());
  const auto a = json::parse(after.body());
  EXPECT_EQ(a.at("records").at("total"), b.at("records").at("total"));
  EXPECT_EQ(a.at("tasks"), b.at("tasks"));
  EXPECT_EQ(a.at("compliance"), b.at("compliance"));
  EXPECT_EQ(a.at("case").at("version"), b.at("case").at("version"));
}

TEST_P(DraftApi, NobodyElseReadsOrWritesADraftAndACaseOneIsNotOnIsRefused) {
  ASSERT_EQ(worker_->put_json(drafts_ + "/record.counselling_session", std::string(kNote)).result_int(), 200);
  const int denied_before = audited("case.access_denied");
  for (const auto& r : {other_->get(drafts_ + "/record.counselling_session"),
                        other_->put_json(drafts_ + "/record.counselling_session", std::string(kNote)),
                        del(*other_, drafts_ + "/record.counselling_session"), other_->get(drafts_)}) {
    EXPECT_EQ(r.result_int(), 403) << r.body();
    EXPECT_EQ(problem(r).at("clause"), "I.3.c") << r.body();
  }
  EXPECT_EQ(audited("case.access_denied"), denied_before + 4);
  // The worker's draft is untouched.
  EXPECT_EQ(json::parse(worker_->get(drafts_ + "/record.counselling_session").body()).at("content"),
            json::parse(kNote).at("content"));

  // The reception form's draft is each worker's own too.
  ASSERT_EQ(worker_->put_json("/api/v1/drafts/reception", R"({"content":{"name":"Lù Thị Mới"}})").result_int(), 200);
  EXPECT_EQ(other_->get("/api/v1/drafts/reception").result_int(), 404);
  EXPECT_EQ(json::parse(worker_->get("/api/v1/drafts/reception").body()).at("content").at("name"), "Lù Thị Mới");
  EXPECT_EQ(audited("draft.open"), 1) << "what reception typed is read on the record too";
}

TEST_P(DraftApi, BadInputNamesTheFieldAndKeepsNothing) {
  // Only the forms the UI has: a form's name is kept unsealed, so it may carry no one's text.
  for (const auto& target : {drafts_ + "/Record%20Note", drafts_ + "/reception", drafts_ + "/record.correction",
                             drafts_ + "/record.no_such_type", drafts_ + "/dang-thi-hoa",
                             std::string("/api/v1/drafts/record.counselling_session")}) {
    auto bad_form = worker_->put_json(target, std::string(kNote));
    EXPECT_EQ(bad_form.result_int(), 422) << target << " " << bad_form.body();
    EXPECT_EQ(problem(bad_form).at("field"), "form") << target;
  }

  auto not_object = other_->put_json("/api/v1/drafts/reception", R"({"content":"typed"})");
  EXPECT_EQ(not_object.result_int(), 422) << not_object.body();
  EXPECT_EQ(problem(not_object).at("field"), "content");

  // Past the draft's limit (256 KiB), well within the request's (1 MiB).
  const std::string long_note = R"({"content":{"condition_observed":")" + std::string(300 * 1024, 'a') + R"("}})";
  auto too_long = worker_->put_json(drafts_ + "/record.counselling_session", long_note);
  EXPECT_EQ(too_long.result_int(), 413) << too_long.body();
  EXPECT_EQ(problem(too_long).at("field"), "content");
  EXPECT_NE(std::string(problem(too_long).at("detail").as_string()).find("256 KiB"), std::string::npos) << too_long.body();
  auto en = other_->put_json("/api/v1/drafts/reception", long_note);
  EXPECT_EQ(en.result_int(), 413);
  EXPECT_NE(std::string(problem(en).at("detail").as_string()).find("too long"), std::string::npos) << en.body();

  auto over_body = worker_->put_json(drafts_ + "/record.counselling_session",
                                     R"({"content":{"x":")" + std::string(1100 * 1024, 'a') + R"("}})");
  EXPECT_EQ(over_body.result_int(), 413);

  EXPECT_EQ(worker_->get(drafts_ + "/record.counselling_session").result_int(), 404);
  EXPECT_EQ(worker_->get("/api/v1/drafts/reception").result_int(), 404);
  EXPECT_EQ(audited("draft.save"), 0);
}

TEST_P(DraftApi, OnlyThoseWhoRegisterKeepAReceptionDraft) {
  HttpClient counsellor(server_->port());
  ASSERT_EQ(counsellor.post_json("/api/v1/session", TestServer::credentials("counsellor")).result_int(), 200);
  auto refused = counsellor.put_json("/api/v1/drafts/reception", R"({"content":{}})");
  EXPECT_EQ(refused.result_int(), 403) << refused.body();
}

INSTANTIATE_TEST_SUITE_P(Backends, DraftApi, ::testing::ValuesIn(kTestBackends), backend_test_name);

}  // namespace
}  // namespace haven::testing
