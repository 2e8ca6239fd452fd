// GET /api/v1/health, /api/v1/version and /api/v1/openapi.json: public, no personal data.
#include <boost/json.hpp>

#include "http/handlers/handlers.hpp"
#include "http/responses.hpp"
#include "version.hpp"

namespace haven::http {

void add_system_routes(Router& router, app::AppContext& ctx) {
  router.add(Verb::get, "/api/v1/health", "getHealth", Access::public_route,
             [&ctx](RequestContext& rc) -> Result<Response> {
               HAVEN_TRY(ctx.store.check());
               return json_response(Status::ok, {{"status", "ok"}, {"store", ctx.store.backend()}},
                                    rc.request.version());
             },
             Pace::quick);
  router.add(Verb::get, "/api/v1/version", "getVersion", Access::public_route,
             [](RequestContext& rc) -> Result<Response> {
               return json_response(Status::ok, {{"version", kHavenVersion}, {"api", "v1"}}, rc.request.version());
             },
             Pace::quick);
  router.add(Verb::get, "/api/v1/openapi.json", "getOpenApi", Access::public_route,
             [](RequestContext& rc) -> Result<Response> {
               Response response{Status::ok, rc.request.version()};
               response.set(beast_http::field::content_type, "application/json");
               response.body() = std::string(openapi_document());
               response.prepare_payload();
               return response;
             },
             Pace::quick);
}

}  // namespace haven::http
