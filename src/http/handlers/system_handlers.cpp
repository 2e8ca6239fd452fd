// GET /api/v1/health, /api/v1/version and /api/v1/openapi.json: public, no personal data.
#include <boost/json.hpp>

#include "http/handlers/handlers.hpp"
#include "http/openapi.hpp"
#include "http/responses.hpp"
#include "version.hpp"

namespace haven::http {

std::vector<RouteSpec> system_routes() {
  std::vector<RouteSpec> routes;
  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/health",
      .operation_id = "getHealth",
      .access = Access::public_route,
      .pace = Pace::quick,
      .doc =
          {.summary = "Checks that the server can reach its store.",
           .answer = "Healthy",
           .response =
               R"json({"type": "object", "properties": {"status": {"const": "ok"}, "store": {"type": "string"}}})json",
           .refusals = "503"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_TRY(ctx.store.check());
        return json_response(Status::ok, {{"status", "ok"}, {"store", ctx.store.backend()}}, rc.request.version());
      }});
  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/version",
      .operation_id = "getVersion",
      .access = Access::public_route,
      .pace = Pace::quick,
      .doc =
          {.summary = "The server's version.",
           .answer = "Version",
           .response =
               R"json({"type": "object", "properties": {"version": {"type": "string"}, "api": {"type": "string"}}})json"},
      .handler = [](app::AppContext&, RequestContext& rc) -> Result<Response> {
        return json_response(Status::ok, {{"version", kHavenVersion}, {"api", "v1"}}, rc.request.version());
      }});
  routes.push_back(RouteSpec{.method = Verb::get,
                             .path = "/api/v1/openapi.json",
                             .operation_id = "getOpenApi",
                             .access = Access::public_route,
                             .pace = Pace::quick,
                             .doc = {.summary = "This document.", .answer = "OpenAPI 3.1 document"},
                             .handler = [](app::AppContext&, RequestContext& rc) -> Result<Response> {
                               Response response{Status::ok, rc.request.version()};
                               response.set(beast_http::field::content_type, "application/json");
                               response.body() = openapi_document();
                               response.prepare_payload();
                               return response;
                             }});
  return routes;
}

}  // namespace haven::http
