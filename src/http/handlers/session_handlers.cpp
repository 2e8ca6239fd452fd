// POST /api/v1/session signs in, GET /api/v1/session says who is signed in, DELETE signs out;
// an administrator ends a member of staff's sessions with DELETE /api/v1/staff/{id}/sessions.
// Two-step sign-in: POST /session/second-factor starts setting it up, .../confirm turns it on, and an
// administrator resets a member of staff's with DELETE /staff/{id}/second-factor.
#include "app/accounts.hpp"
#include "app/second_factor.hpp"
#include "app/sessions.hpp"
#include "codec/json_input.hpp"
#include "http/case_json.hpp"
#include "http/cookies.hpp"
#include "http/handlers/handlers.hpp"
#include "http/responses.hpp"
#include "security/session_token.hpp"

namespace haven::http {

std::vector<RouteSpec> session_routes() {
  std::vector<RouteSpec> routes;
  routes.push_back(RouteSpec{
      .method = Verb::post,
      .path = "/api/v1/session",
      .operation_id = "createSession",
      .access = Access::public_route,
      .doc = {.summary = "Sign in; sets the session cookie and answers the session's anti-forgery token. After 100 "
                         "failed attempts for one account in an hour, or 50 from one client address in 15 minutes, "
                         "every attempt answers 429 rate_limited, even with the right password, until the window has "
                         "passed; an attempt is counted before its password is checked, so that attempts sent together "
                         "cannot pass the limit. When too many sign-ins wait for their passwords to be checked, 503 "
                         "busy at once (not counted). Every attempt is audited, whatever its shape.",
              .request = "#/components/schemas/SignInRequest",
              .parameters = R"json([{"$ref": "#/components/parameters/AcceptLanguage"}])json",
              .answer = "Signed in",
              .response = "#/components/schemas/SignedIn",
              .refusals = "401 429 503"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
        codec::ObjectReader in(body, "");
        const std::string username = in.required_string("username");
        const std::string password = in.required_string("password");
        const std::string code = in.optional_string("code");
        if (auto problem = in.finish()) return fail(*problem);

        HAVEN_ASSIGN_OR_RETURN(auto signed_in, app::sign_in(ctx, username, password, rc.client_address, code));
        Response response =
            json_response(Status::ok,
                          encode_signed_in(signed_in.actor, signed_in.centre, security::csrf_token_for(signed_in.token),
                                           signed_in.second_factor_enabled, ctx.sessions.idle_timeout),
                          rc.request.version());
        response.set(beast_http::field::set_cookie,
                     session_cookie(session_cookie_name(rc.secure_cookies), signed_in.token,
                                    ctx.sessions.absolute_timeout, rc.secure_cookies));
        return response;
      }});

  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/session",
      .operation_id = "getSession",
      .access = Access::signed_in,
      .permission = {.before_second_factor = true},
      .pace = Pace::quick,
      .doc = {.summary = "Who is signed in. Like every request of the session, it counts as activity: the page "
                         "sends it while someone types, so that a long note keeps the session alive.", .answer = "Signed in", .response = "#/components/schemas/SignedIn"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto centre, app::centre_of(ctx, rc.signed_in_actor()));
        HAVEN_ASSIGN_OR_RETURN(auto second_factor, app::second_factor_status(ctx, rc.signed_in_actor()));
        return json_response(Status::ok,
                             encode_signed_in(rc.signed_in_actor(), centre, rc.csrf_token, second_factor.enabled,
                                              ctx.sessions.idle_timeout),
                             rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::post,
      .path = "/api/v1/session/second-factor",
      .operation_id = "startSecondFactor",
      .access = Access::signed_in,
      .permission = {.before_second_factor = true},
      .doc =
          {.summary = "Start setting up two-step sign-in (TOTP, RFC 6238: HMAC-SHA1, 6 digits, 30 seconds) for the "
                      "signed-in account: a new secret, shown once, as base32 and as an otpauth:// URI for a QR code. "
                      "The password is asked again; a wrong one counts as a failed sign-in. 409 when two-step sign-in "
                      "is already on (an administrator resets it). Audited.",
           .request =
               R"json({"type": "object", "additionalProperties": false, "required": ["password"], "properties": {"password": {"type": "string"}}})json",
           .status = Status::created,
           .answer = "The new secret, not yet in use",
           .response =
               R"json({"type": "object", "properties": {"secret": {"type": "string"}, "otpauth_uri": {"type": "string"}}})json",
           .refusals = "409 429"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
        codec::ObjectReader in(body, "");
        const std::string password = in.required_string("password");
        if (auto problem = in.finish()) return fail(*problem);
        HAVEN_ASSIGN_OR_RETURN(auto enrolment, app::start_second_factor(ctx, rc.signed_in_actor(), password));
        return json_response(Status::created, {{"secret", enrolment.secret}, {"otpauth_uri", enrolment.otpauth_uri}},
                             rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::post,
      .path = "/api/v1/session/second-factor/confirm",
      .operation_id = "confirmSecondFactor",
      .access = Access::signed_in,
      .permission = {.before_second_factor = true},
      .doc =
          {.summary = "Turn two-step sign-in on with a first code from the app; the code is then used up. This session "
                      "may work from now on; the staff member's other sessions still waiting for it end (one may hold "
                      "a stolen password). Audited.",
           .request =
               R"json({"type": "object", "additionalProperties": false, "required": ["code"], "properties": {"code": {"type": "string"}}})json",
           .answer = "Two-step sign-in is on",
           .refusals = "404 409"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
        codec::ObjectReader in(body, "");
        const std::string code = in.required_string("code");
        if (auto problem = in.finish()) return fail(*problem);
        HAVEN_TRY(app::confirm_second_factor(ctx, rc.signed_in_actor(), code));
        return json_response(Status::ok, {{"second_factor", {{"enabled", true}, {"setup_required", false}}}},
                             rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::delete_,
      .path = "/api/v1/staff/{staff_id}/second-factor",
      .operation_id = "resetStaffSecondFactor",
      .access = Access::signed_in,
      .permission = {.action = app::Action::manage_accounts},
      .doc =
          {.summary =
               "An administrator removes a member of staff's two-step sign-in (a lost phone) and ends their sessions; "
               "they set it up again at their next sign-in. 404 when there was none, set up or begun. Reset it with "
               "the password when the password may be known to someone else. Audited. Anyone else: 403.",
           .status = Status::no_content,
           .answer = "Reset"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        if (auto r = app::reset_second_factor(ctx, rc.signed_in_actor(), rc.param("staff_id")); !r) {
          return tl::unexpected(r.error());
        }
        return empty_response(Status::no_content, rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::delete_,
      .path = "/api/v1/staff/{staff_id}/sessions",
      .operation_id = "endStaffSessions",
      .access = Access::signed_in,
      .permission = {.action = app::Action::manage_accounts},
      .doc = {.summary = "An administrator ends every session of a member of staff at once (a lost phone, a "
                         "departure); audited. Anyone else: 403.",
              .answer = "How many sessions ended",
              .response = R"json({"type": "object", "properties": {"ended": {"type": "integer"}}})json"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto ended, app::end_sessions(ctx, rc.signed_in_actor(), rc.param("staff_id")));
        return json_response(Status::ok, {{"ended", ended}}, rc.request.version());
      }});

  routes.push_back(RouteSpec{.method = Verb::delete_,
                             .path = "/api/v1/session",
                             .operation_id = "deleteSession",
                             .access = Access::signed_in,
                             .permission = {.before_second_factor = true},
                             .doc = {.summary = "Sign out.", .status = Status::no_content, .answer = "Signed out"},
                             .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
                               HAVEN_TRY(app::sign_out(ctx, rc.signed_in_actor()));
                               Response response = empty_response(Status::no_content, rc.request.version());
                               response.set(beast_http::field::set_cookie,
                                            expired_cookie(session_cookie_name(rc.secure_cookies), rc.secure_cookies));
                               return response;
                             }});
  return routes;
}

}  // namespace haven::http
