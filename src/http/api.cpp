#include "http/api.hpp"

#include <chrono>
#include <exception>

#include <boost/url/parse.hpp>
#include <spdlog/spdlog.h>

#include "app/sessions.hpp"
#include "domain/document.hpp"
#include "http/cookies.hpp"
#include "http/handlers/handlers.hpp"
#include "http/problem.hpp"
#include "security/session_token.hpp"

namespace haven::http {
namespace {

constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

bool is_api_path(std::string_view path) { return path == "/api" || path.starts_with("/api/"); }

bool changes_state(Verb method) {
  return method == Verb::post || method == Verb::put || method == Verb::patch || method == Verb::delete_;
}

// Until per-session CSRF tokens arrive, a request that changes state must come from Haven's own pages:
// not from another site (the browser's Sec-Fetch-Site says so), and with a JSON body, which a plain
// HTML form on another page cannot send.
// A document's bytes come as they are, of whatever type the browser names: the session's anti-forgery
// token, which no other site can read, guards that route as it guards every change.
Result<void> check_state_change_origin(const Request& request, BodyKind body) {
  if (!changes_state(request.method())) return {};
  const auto site = request["Sec-Fetch-Site"];
  if (site == "cross-site" || site == "same-site") return fail(ErrorCode::forbidden, {}, "error.cross_site");
  if (!request.body().empty() && body == BodyKind::json) {
    const auto type = request[beast_http::field::content_type];
    const auto media = type.substr(0, type.find(';'));
    if (media != "application/json") return fail(ErrorCode::unsupported_media_type, "Content-Type");
  }
  return {};
}

constexpr std::string_view kAccountUnconfirmed = "error.account_unconfirmed";

// What a signed-in request's header must show past its session, for its route: the anti-forgery
// token with a change (a page of another site can make the browser send the cookie, never read the
// token), two-step set-up and confirmation unless the route is open before them, and the route's
// action. The case-level check (I.3.c) follows in the use case.
Result<void> check_signed_in(const Request& request, std::string_view token, const app::Actor& actor,
                             const Permission& needed) {
  if (changes_state(request.method()) && !security::csrf_token_matches(token, request["X-CSRF-Token"])) {
    return fail(ErrorCode::forbidden, {}, "error.csrf");
  }
  if (actor.needs_second_factor && !needed.before_second_factor) {
    return fail(ErrorCode::forbidden, {}, "error.second_factor_setup_required");
  }
  if (!actor.confirmed && !needed.before_second_factor) return fail(ErrorCode::forbidden, {}, std::string(kAccountUnconfirmed));
  if (needed.action) return app::require(actor, *needed.action);
  return {};
}

}  // namespace

void add_security_headers(Response& response) {
  response.set("Content-Security-Policy", kContentSecurityPolicy);
  response.set("X-Content-Type-Options", "nosniff");
  response.set("X-Frame-Options", "DENY");
  response.set("Referrer-Policy", "no-referrer");
  response.set("Cross-Origin-Opener-Policy", "same-origin");
  response.set("Cross-Origin-Resource-Policy", "same-origin");
  response.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
}

Api::Api(app::AppContext& ctx, const StaticAssets& assets, ApiOptions options)
    : ctx_(ctx), assets_(assets), options_(options), router_(api_routes()) {}

void Api::add_answer_headers(Response& response) const {
  add_security_headers(response);
  // Reached over HTTPS (directly or through a TLS proxy): browsers are to come back only that way.
  if (options_.secure_cookies) response.set("Strict-Transport-Security", "max-age=31536000");
}

Api::Answer Api::answer(const Request& request, std::string_view client_address) const {
  Answer answer;
  answer.started = std::chrono::steady_clock::now();
  answer.language = i18n::negotiate_language(request[beast_http::field::accept_language]);
  answer.method = std::string(request.method_string());
  answer.version = request.version();
  answer.keep_alive = request.keep_alive();
  answer.head = request.method() == Verb::head;
  try {
    answer.response = dispatch(request, client_address, answer.language, answer.route_name, answer.awaiting);
  } catch (const std::exception& e) {
    // The one catch-all per request: a bug answers 500 and the server keeps serving.
    spdlog::error("unhandled exception in {}: {}", answer.route_name, e.what());
    answer.response = problem_response(Error{ErrorCode::internal}, answer.language, answer.version);
  }
  return answer;
}

Response Api::finish(Answer answer, const Result<void>& committed) const {
  Response response = std::move(answer.response);
  if (!committed) {
    // What the answer holds must not leave without its audit entry: an error instead, and the reader
    // may simply ask again.
    spdlog::error("{}: a deferred commit failed: {}", answer.route_name, committed.error().log_detail);
    response = problem_response(committed.error(), answer.language, answer.version);
  }
  response.version(answer.version);
  response.keep_alive(answer.keep_alive);
  add_answer_headers(response);
  if (answer.head && !response.body().empty()) {
    // HEAD announces the length of what GET would send, and sends nothing: a body here would be
    // read by a kept-alive client as the start of the next response.
    const auto length = response.body().size();
    response.body().clear();
    response.content_length(length);
  }
  const auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - answer.started).count();
  // No path, query or body in the log: they can carry names and case IDs.
  spdlog::info(R"({{"event":"http","method":"{}","route":"{}","status":{},"bytes":{},"micros":{}}})", answer.method,
               answer.route_name, response.result_int(), response.body().size(), micros);
  return response;
}

bool Api::is_quick(const Request& request) const {
  auto target = boost::urls::parse_origin_form(request.target());
  if (!target) return true;  // answered 400 at once
  const std::string path = target->path();
  if (!is_api_path(path)) return true;  // the web UI's files, from memory
  auto match = router_.match(request.method(), path);
  if (!match) return true;
  if (match->route->pace != Pace::quick) return false;
  const auto case_id = match->params.find("case_id");
  if (case_id == match->params.end()) return true;
  // One indexed row, read before anything is opened; who asks is checked later, on whichever thread.
  auto bytes = storage::read_value<std::optional<std::int64_t>>(
      ctx_.store, [&](storage::ReadTransaction& tx) { return tx.cases().content_bytes(case_id->second); });
  return bytes && bytes->value_or(0) <= kQuickCaseBytes;
}

Api::BodyAllowance Api::body_allowance(const Request& header, std::size_t default_limit) const {
  auto target = boost::urls::parse_origin_form(header.target());
  if (!target) return {default_limit, std::nullopt};
  auto match = router_.match(header.method(), target->path());
  if (!match || match->route->body != BodyKind::document) return {default_limit, std::nullopt};
  // The same checks dispatch makes (and makes again once the body is in), before the body is read.
  const auto language = i18n::negotiate_language(header[beast_http::field::accept_language]);
  const auto refuse = [&](Error e) {
    Response response = problem_response(e, language, header.version());
    response.keep_alive(false);
    add_answer_headers(response);
    return BodyAllowance{0, std::move(response)};
  };
  const std::string token = cookie_value(header, session_cookie_name(options_.secure_cookies));
  storage::PendingCommits touched;  // a session's touch, which nothing here waits for
  auto actor = app::authenticate(ctx_, token, touched);
  if (!actor) return refuse(actor.error());
  if (auto allowed = check_signed_in(header, token, *actor, match->route->permission); !allowed) {
    return refuse(allowed.error());
  }
  return {domain::kMaxDocumentBytes, std::nullopt};
}

namespace {

// The route's handler, or, for a creating route given an Idempotency-Key an earlier request of the
// same person claimed, that request's result (app/idempotency.hpp).
Result<Response> run_route(app::AppContext& ctx, const Route& route, RequestContext& context) {
  const auto key = context.request["Idempotency-Key"];
  // Without the key file (a tool's context, never a server's) no fingerprint can be kept.
  if (!route.replay || key.empty() || !context.actor || !ctx.keys) return route.handler(ctx, context);
  HAVEN_ASSIGN_OR_RETURN(auto claim, app::idempotency_claim(ctx.keys->index_key(), key, route.operation_id,
                                                            context.request.target(), context.request.body()));
  HAVEN_ASSIGN_OR_RETURN(auto earlier, app::find_claimed(ctx, *context.actor, claim));
  if (!earlier) {
    context.idempotency = &claim;
    auto result = route.handler(ctx, context);
    context.idempotency = nullptr;
    if (result || result.error().message_key != app::kIdempotencyKeyTaken) return result;
    // The same request committed while this one ran: its result is this one's. None: the one that
    // held the key did not commit after all (its group commit failed), so nothing was saved: ask again.
    HAVEN_ASSIGN_OR_RETURN(earlier, app::find_claimed(ctx, *context.actor, claim));
    if (!earlier) return fail(ErrorCode::unavailable, "Idempotency-Key", "error.unavailable");
  }
  return route.replay(ctx, context, *earlier);
}

}  // namespace

Response Api::dispatch(const Request& request, std::string_view client_address, i18n::Language language,
                       std::string& route_name, storage::PendingCommits& awaiting) const {
  const auto version = request.version();
  auto target = boost::urls::parse_origin_form(request.target());
  if (!target) return problem_response(Error{ErrorCode::malformed_request}, language, version);
  const std::string path = target->path();
  if (!is_api_path(path)) {
    route_name = "static";
    if (auto file = assets_.serve(request, path)) return std::move(*file);
    return problem_response(Error{ErrorCode::not_found}, language, version);
  }

  auto match = router_.match(request.method(), path);
  if (!match) {
    Response response = problem_response(match.error(), language, version);
    if (match.error().code == ErrorCode::method_not_allowed) {
      for (const auto& arg : match.error().args) {
        if (arg.name == "allowed") response.set(beast_http::field::allow, arg.value);
      }
    }
    return response;
  }
  const Route& route = *match->route;
  route_name = route.operation_id;

  if (auto refused = check_state_change_origin(request, route.body); !refused) {
    return problem_response(refused.error(), language, version);
  }
  RequestContext context{request,   std::move(match->params), language, std::nullopt, std::string(client_address), {},
                         awaiting,  options_.secure_cookies};
  if (route.access == Access::signed_in) {
    const std::string token = cookie_value(request, session_cookie_name(options_.secure_cookies));
    auto actor = app::authenticate(ctx_, token, awaiting);
    if (!actor) return problem_response(actor.error(), language, version);
    context.csrf_token = security::csrf_token_for(token);
    if (auto allowed = check_signed_in(request, token, *actor, route.permission); !allowed) {
      if (allowed.error().message_key == kAccountUnconfirmed) {
        // On the record, for the centre's heads to see: an account nobody confirmed tried this.
        const auto now = ctx_.clock.now();
        if (auto audited = ctx_.store.write([&](storage::WriteTransaction& tx) {
              return tx.audit().append({now, actor->staff_id, "account.unconfirmed_refused", {}, std::string(route.operation_id), actor->staff_id});
            });
            !audited) {
          return problem_response(audited.error(), language, version);
        }
      }
      return problem_response(allowed.error(), language, version);
    }
    context.actor = std::move(*actor);
  }
  auto result = run_route(ctx_, route, context);
  if (!result) {
    if (result.error().code == ErrorCode::internal || result.error().code == ErrorCode::unavailable) {
      spdlog::error("{} failed: {}", route.operation_id, result.error().log_detail);
    }
    return problem_response(result.error(), language, version);
  }
  Response response = std::move(*result);
  response.set(beast_http::field::cache_control, "no-store");
  return response;
}

}  // namespace haven::http
