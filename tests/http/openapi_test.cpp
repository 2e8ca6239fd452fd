// The OpenAPI document describes every route the server has, and no route it lacks.
#include <gtest/gtest.h>

#include <set>

#include <boost/json.hpp>

#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace haven::testing {
namespace {

TEST(OpenApi, DescribesExactlyTheRoutesTheServerHas) {
  TestServer server;
  HttpClient client(server.port());
  auto r = client.get("/api/v1/openapi.json");
  ASSERT_EQ(r.result_int(), 200);
  const auto document = boost::json::parse(r.body());
  EXPECT_EQ(document.at("openapi").as_string(), "3.1.0");

  std::set<std::string> documented;
  for (const auto& [path, item] : document.at("paths").as_object()) {
    for (const auto& [method, operation] : item.as_object()) {
      documented.insert(std::string(method) + " " + std::string(path) + " " +
                        std::string(operation.at("operationId").as_string()));
    }
  }

  // The routes as the router has them (probed through the API: each must answer with something
  // other than 404/405 for its own method).
  security::PasswordHasher hasher(1);
  SystemClock clock;
  app::AppContext ctx{server.store(), clock, hasher};
  const auto assets = http::StaticAssets::empty();
  http::Api api(ctx, assets, {});
  std::set<std::string> routed;
  for (const auto& route : api.router().routes()) {
    std::string method(boost::beast::http::to_string(route.method));
    for (auto& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    routed.insert(method + " " + route.pattern + " " + route.operation_id);
  }
  EXPECT_EQ(documented, routed);
}

}  // namespace
}  // namespace haven::testing
