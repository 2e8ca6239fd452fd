// Routes with path parameters: "/api/v1/cases/{case_id}". A path that matches no route answers
// 404; a path that matches with another method answers 405 with an Allow header.
//
//   router.add(Verb::get, "/api/v1/cases/{case_id}", "getCase", Access::signed_in, handle_get_case);
//   auto match = router.match(Verb::get, "/api/v1/cases/abc");  // match->params.at("case_id") == "abc"
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/actor.hpp"
#include "common/error.hpp"
#include "http/message.hpp"
#include "i18n/messages.hpp"
#include "storage/pending_commit.hpp"

namespace haven::http {

enum class Access { public_route, signed_in };

// How long a handler may hold its thread. A quick one reads a little (one case, one session) and never
// waits for a commit: what it writes (a reading's audit entry, a session's touch) is a deferred write
// the transport awaits without a thread. On SQLite the transport runs it on the I/O thread that read
// the request, saving two hand-offs to a worker and back (docs/performance.md). Anything that commits,
// or reads much (lists, searches, reports, exports), may wait, and runs on a worker.
enum class Pace { may_wait, quick };

struct RequestContext {
  const Request& request;
  std::map<std::string, std::string, std::less<>> path_params;
  i18n::Language language = i18n::Language::vi;
  std::optional<app::Actor> actor;  // set for Access::signed_in routes
  std::string client_address;       // the peer's IP address, empty when unknown
  std::string csrf_token;           // the signed-in session's anti-forgery token
  // The deferred commits the answer waits for (a reading's audit entry), whatever the answer is.
  storage::PendingCommits& awaiting;

  const app::Actor& signed_in_actor() const { return *actor; }
  const std::string& param(std::string_view name) const;
};

using Handler = std::function<Result<Response>(RequestContext&)>;

struct Route {
  Verb method;
  std::string pattern;       // as in the OpenAPI document
  std::string operation_id;  // the OpenAPI operationId; also names the route in the access log
  Access access;
  Handler handler;
  Pace pace = Pace::may_wait;
  std::vector<std::string> segments;  // pattern split on '/'
};

struct RouteMatch {
  const Route* route = nullptr;
  std::map<std::string, std::string, std::less<>> params;
};

class Router {
 public:
  void add(Verb method, std::string pattern, std::string operation_id, Access access, Handler handler,
           Pace pace = Pace::may_wait);

  // not_found or method_not_allowed (with the allowed methods as the "allowed" argument) when no route fits.
  Result<RouteMatch> match(Verb method, std::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

std::vector<std::string> split_path(std::string_view path);

}  // namespace haven::http
