// A route, declared once beside its handler: what it answers to, who may use it, how long it may
// hold a thread, how the OpenAPI document describes it, and the handler. The router, the permission
// check (Api::dispatch), the access-matrix test and the OpenAPI document (http/openapi.cpp) all read
// the same RouteSpec, so a route cannot be reachable and undocumented, or documented and unchecked.
//
//   routes.push_back(RouteSpec{
//       .method = Verb::get, .path = "/api/v1/cases/{case_id}/tasks", .operation_id = "listTasks",
//       .access = Access::signed_in,
//       .permission = {.action = app::Action::read_cases, .scope = CaseScope::case_file},
//       .pace = Pace::quick,
//       .doc = {.summary = "What the standards ask of this case now.", .answer = "Open tasks",
//               .response = R"json({"type": "object"})json"},
//       .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> { ... }});
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "app/actor.hpp"
#include "app/app_context.hpp"
#include "app/idempotency.hpp"
#include "app/permissions.hpp"
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

enum class CaseScope {
  none,         // not about one case
  case_file,    // reads or changes a case: only someone on it (or the head during a break-glass), I.3.c
  case_manage,  // the head's decision about a case that reads none of its content
};

// What a signed-in route needs, checked before its handler runs; the case-level check (I.3.c)
// follows in the use case, with the case in hand.
struct Permission {
  std::optional<app::Action> action = {};  // none: any signed-in user (their own session)
  CaseScope scope = CaseScope::none;
  // Open to a session still waiting for the second factor its role requires (app/second_factor.hpp),
  // and to an account not yet confirmed (app/account_lifecycle.hpp): only what it takes to set up
  // one's own sign-in, or to leave.
  bool before_second_factor = false;
};

// How the OpenAPI document describes the route. A schema is either a reference
// ("#/components/schemas/Case") or a JSON Schema as JSON text. The error answers are derived (401
// and 403 for a signed-in route, 404 for a path with a parameter, 410 for a case's, 400/413/422 for
// a body, 422 for query parameters); `refusals` adds the route's own ("409 429").
struct RouteDoc {
  std::string_view summary;
  std::string_view request = {};     // the body's schema; empty: no body
  std::string_view request_media = {};  // the body's media types, space-separated; empty: application/json
  std::string_view parameters = {};  // a JSON array of OpenAPI parameter objects (query, header)
  Status status = Status::ok;        // the success answer
  std::string_view answer = {};      // its description
  std::string_view response = {};    // its schema; empty: no body
  std::string_view response_media = {};  // its media types, space-separated; empty: application/json
  std::string_view headers = {};     // its headers, a JSON object
  std::string_view refusals = {};    // further error statuses, space-separated
};

struct RequestContext {
  const Request& request;
  std::map<std::string, std::string, std::less<>> path_params;
  i18n::Language language = i18n::Language::vi;
  std::optional<app::Actor> actor;  // set for Access::signed_in routes
  std::string client_address;       // the peer's IP address, empty when unknown
  std::string csrf_token;           // the signed-in session's anti-forgery token
  // The deferred commits the answer waits for (a reading's audit entry), whatever the answer is.
  storage::PendingCommits& awaiting;
  bool secure_cookies = false;  // the session cookie is __Host- and Secure (served over HTTPS)
  // The request's Idempotency-Key, for a creating route to claim in its transaction; null without one.
  const app::IdempotencyClaim* idempotency = nullptr;

  const app::Actor& signed_in_actor() const { return *actor; }
  const std::string& param(std::string_view name) const;
};

// A handler holds no state of its own: what it needs comes in its two arguments.
using Handler = Result<Response> (*)(app::AppContext&, RequestContext&);
// A creating route's answer to a request whose Idempotency-Key an earlier one claimed: what that one
// made (`resource_id`), as the route answers it.
using Replay = Result<Response> (*)(app::AppContext&, RequestContext&, std::string_view resource_id);

// What a route's body is: JSON (at most the server's max_body), or a document's bytes as they are
// (domain/document.hpp: up to 10 MiB, any Content-Type, the use case deciding the type by content).
enum class BodyKind { json, document };

struct RouteSpec {
  Verb method;
  std::string_view path;          // as in the OpenAPI document: "/api/v1/cases/{case_id}"
  std::string_view operation_id;  // the OpenAPI operationId; also names the route in the access log
  Access access = Access::signed_in;
  Permission permission = {};
  Pace pace = Pace::may_wait;
  BodyKind body = BodyKind::json;
  RouteDoc doc = {};
  Handler handler = nullptr;
  // Set on the routes that create (a registration, a record): they take an Idempotency-Key header
  // (app/idempotency.hpp), and a retry is answered by this from what the first request made.
  Replay replay = nullptr;
};

// Every route of the API, in the order the OpenAPI document lists them.
const std::vector<RouteSpec>& api_routes();

}  // namespace haven::http
