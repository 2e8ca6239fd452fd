// The OpenAPI document describes every route the server has, and no route it lacks.
#include <gtest/gtest.h>

#include <set>

#include <boost/json.hpp>

#include "domain/case_lifecycle.hpp"
#include "domain/case_record.hpp"
#include "domain/centre_record.hpp"
#include "http/openapi.hpp"
#include "http/route_spec.hpp"
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
  security::PasswordHasher hasher({.threads = 1});
  SystemClock clock;
  app::AppContext ctx{server.store(), clock, hasher};
  const auto assets = http::StaticAssets::empty();
  http::Api api(ctx, assets, {});
  std::set<std::string> routed;
  for (const auto& route : api.router().routes()) {
    std::string method(boost::beast::http::to_string(route.method));
    for (auto& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    routed.insert(method + " " + std::string(route.path) + " " + std::string(route.operation_id));
  }
  EXPECT_EQ(documented, routed);
}

// The enums of the document are the server's own name tables: a stage, action or record type added in
// C++ and not described here fails.
TEST(OpenApi, EnumsAreTheServersOwnNames) {
  const auto document = boost::json::parse(http::openapi_document());
  const auto& schemas = document.at("components").at("schemas");
  auto names_of = [](const boost::json::value& schema) {
    std::vector<std::string> out;
    for (const auto& v : schema.at("enum").as_array()) out.emplace_back(v.as_string());
    return out;
  };
  std::vector<std::string> stages;
  for (const auto& [stage, name] : domain::kCaseStageNames.entries) stages.emplace_back(name);
  EXPECT_EQ(names_of(schemas.at("Case").at("properties").at("stage")), stages);
  std::vector<std::string> actions;
  for (const auto& [action, name] : domain::kLifecycleActionNames.entries) actions.emplace_back(name);
  EXPECT_EQ(names_of(schemas.at("CaseAction").at("properties").at("action")), actions);
  // Every record type has its body's schema, and the records answered are a oneOf on `type`.
  auto mapped = [&](std::string_view schema) {
    std::vector<std::string> out;
    for (const auto& [type, target] : schemas.at(schema).at("discriminator").at("mapping").as_object()) {
      out.emplace_back(type);
      EXPECT_TRUE(schemas.as_object().contains(std::string(target.as_string()).substr(21))) << target;
    }
    return out;
  };
  const std::vector<std::string> types(std::begin(domain::kRecordTypeNames), std::end(domain::kRecordTypeNames));
  EXPECT_EQ(mapped("CaseRecord"), types);
  for (const auto& type : types) {
    EXPECT_TRUE(schemas.as_object().contains("CaseRecordBody." + type)) << type << " has no description";
  }
  const std::vector<std::string> centre_types(std::begin(domain::kCentreRecordTypeNames), std::end(domain::kCentreRecordTypeNames));
  EXPECT_EQ(mapped("CentreRecord"), centre_types);
}

}  // namespace
}  // namespace haven::testing
