// Routes with path parameters: "/api/v1/cases/{case_id}". A path that matches no route answers
// 404; a path that matches with another method answers 405 with an Allow header.
//
//   Router router(api_routes());
//   auto match = router.match(Verb::get, "/api/v1/cases/abc");  // match->params.at("case_id") == "abc"
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "http/route_spec.hpp"

namespace haven::http {

struct Route : RouteSpec {
  std::vector<std::string> segments;  // path split on '/'
};

struct RouteMatch {
  const Route* route = nullptr;
  std::map<std::string, std::string, std::less<>> params;
};

class Router {
 public:
  explicit Router(const std::vector<RouteSpec>& specs);

  // not_found or method_not_allowed (with the allowed methods as the "allowed" argument) when no route fits.
  Result<RouteMatch> match(Verb method, std::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

std::vector<std::string> split_path(std::string_view path);

}  // namespace haven::http
