// The fixture of an HTTP test that runs on each backend (SQLite, and PostgreSQL when reachable): a
// server on the test's backend and worker1 signed in.
//
//   class Drafts : public OnEachBackend {};
//   TEST_P(Drafts, Something) { worker_->get(...); }
//   INSTANTIATE_TEST_SUITE_P(Backends, Drafts, ::testing::ValuesIn(kTestBackends), backend_test_name);
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace haven::testing {

class OnEachBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (backend_unavailable(GetParam())) GTEST_SKIP() << "set HAVEN_TEST_POSTGRES to run on PostgreSQL";
    server_ = std::make_unique<TestServer>(http::ServerOptions{}, std::filesystem::path{}, http::ApiOptions{}, GetParam());
    worker_ = std::make_unique<HttpClient>(server_->port());
    ASSERT_EQ(worker_->post_json("/api/v1/session", TestServer::credentials("worker1")).result_int(), 200);
  }

  std::unique_ptr<TestServer> server_;
  std::unique_ptr<HttpClient> worker_;
};

// The same, with the centre head signed in too, in head_.
class OnEachBackendWithHead : public OnEachBackend {
 protected:
  void SetUp() override {
    OnEachBackend::SetUp();
    if (IsSkipped()) return;
    head_ = std::make_unique<HttpClient>(server_->port());
    ASSERT_EQ(head_->post_json("/api/v1/session", TestServer::credentials("head")).result_int(), 200);
  }

  std::unique_ptr<HttpClient> head_;
};

inline std::string backend_test_name(const ::testing::TestParamInfo<std::string>& backend) { return backend.param; }

}  // namespace haven::testing
