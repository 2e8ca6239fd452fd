#include <gtest/gtest.h>

#include "http/router.hpp"

namespace haven::http {
namespace {

Result<Response> ok_handler(RequestContext&) { return Response{}; }

Router sample_router() {
  Router router;
  router.add(Verb::get, "/api/v1/cases", "listCases", Access::signed_in, ok_handler);
  router.add(Verb::post, "/api/v1/cases", "registerCase", Access::signed_in, ok_handler);
  router.add(Verb::get, "/api/v1/cases/{case_id}", "getCase", Access::signed_in, ok_handler);
  router.add(Verb::put, "/api/v1/cases/{case_id}/reception", "updateReception", Access::signed_in, ok_handler);
  return router;
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
