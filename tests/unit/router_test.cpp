#include <gtest/gtest.h>

#include "http/router.hpp"

namespace haven::http {
namespace {

Result<Response> ok_handler(app::AppContext&, RequestContext&) { return Response{}; }

Router sample_router() {
  return Router({{.method = Verb::get, .path = "/api/v1/cases", .operation_id = "listCases", .handler = ok_handler},
                 {.method = Verb::post, .path = "/api/v1/cases", .operation_id = "registerCase", .handler = ok_handler},
                 {.method = Verb::get, .path = "/api/v1/cases/{case_id}", .operation_id = "getCase", .handler = ok_handler},
                 {.method = Verb::put,
                  .path = "/api/v1/cases/{case_id}/reception",
                  .operation_id = "updateReception",
                  .handler = ok_handler}});
}

TEST(Router, MatchesPathParameters) {
  const auto router = sample_router();
  auto match = router.match(Verb::get, "/api/v1/cases/abc123");
  ASSERT_TRUE(match);
  EXPECT_EQ(match->route->operation_id, "getCase");
  EXPECT_EQ(match->params.at("case_id"), "abc123");
}

TEST(Router, UnknownPathIsNotFound) {
  const auto router = sample_router();
  auto match = router.match(Verb::get, "/api/v1/nothing");
  ASSERT_FALSE(match);
  EXPECT_EQ(match.error().code, ErrorCode::not_found);
  EXPECT_FALSE(router.match(Verb::get, "/api/v1/cases/"));  // an empty parameter is no parameter
}

TEST(Router, WrongMethodListsTheAllowedOnes) {
  const auto router = sample_router();
  auto match = router.match(Verb::delete_, "/api/v1/cases");
  ASSERT_FALSE(match);
  EXPECT_EQ(match.error().code, ErrorCode::method_not_allowed);
  bool found = false;
  for (const auto& arg : match.error().args) {
    if (arg.name == "allowed") {
      EXPECT_EQ(arg.value, "GET, POST");
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace haven::http
