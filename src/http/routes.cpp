// The one list of the API's routes: the router serves them, the permission check reads them, and
// the OpenAPI document describes them (http/openapi.cpp), in this order.
#include "http/handlers/handlers.hpp"

namespace haven::http {

const std::vector<RouteSpec>& api_routes() {
  static const std::vector<RouteSpec> routes = [] {
    std::vector<RouteSpec> all;
    for (auto part : {system_routes, session_routes, case_routes, case_work_routes, draft_routes, document_routes, notification_routes, centre_routes, disclosure_routes,
                      erasure_routes, admin_routes, account_routes}) {
      auto routes_of_part = part();
      all.insert(all.end(), routes_of_part.begin(), routes_of_part.end());
    }
    return all;
  }();
  return routes;
}

}  // namespace haven::http
