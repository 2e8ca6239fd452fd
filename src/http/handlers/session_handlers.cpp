// POST /api/v1/session signs in, GET /api/v1/session says who is signed in, DELETE signs out;
// an administrator ends a member of staff's sessions with DELETE /api/v1/staff/{id}/sessions.
// Two-step sign-in: POST /session/second-factor starts setting it up, .../confirm turns it on, and an
// administrator resets a member of staff's with DELETE /staff/{id}/second-factor.
#include "app/accounts.hpp"
#include "app/second_factor.hpp"
#include "app/sessions.hpp"
#include "http/case_json.hpp"
#include "http/cookies.hpp"
#include "http/handlers/handlers.hpp"
#include "codec/json_input.hpp"
#include "http/responses.hpp"
#include "security/session_token.hpp"

namespace haven::http {

void add_session_routes(Router& router, app::AppContext& ctx, const ApiOptions& options) {
  const bool secure = options.secure_cookies;

  router.add(Verb::post, "/api/v1/session", "createSession", Access::public_route,
             [&ctx, secure](RequestContext& rc) -> Result<Response> {
               HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
               codec::ObjectReader in(body, "");
               const std::string username = in.required_string("username");
               const std::string password = in.required_string("password");
               const std::string code = in.optional_string("code");
               if (auto problem = in.finish()) return fail(*problem);

               HAVEN_ASSIGN_OR_RETURN(auto signed_in, app::sign_in(ctx, username, password, rc.client_address, code));
               Response response =
                   json_response(Status::ok,
                                 encode_signed_in(signed_in.actor, signed_in.centre,
                                                  security::csrf_token_for(signed_in.token), signed_in.second_factor_enabled),
                                 rc.request.version());
               response.set(beast_http::field::set_cookie,
                            session_cookie(session_cookie_name(secure), signed_in.token, ctx.sessions.absolute_timeout, secure));
               return response;
             });

  router.add(Verb::get, "/api/v1/session", "getSession", Access::signed_in,
             [&ctx](RequestContext& rc) -> Result<Response> {
               HAVEN_ASSIGN_OR_RETURN(auto centre, app::centre_of(ctx, rc.signed_in_actor()));
               HAVEN_ASSIGN_OR_RETURN(auto second_factor, app::second_factor_status(ctx, rc.signed_in_actor()));
               return json_response(Status::ok,
                                    encode_signed_in(rc.signed_in_actor(), centre, rc.csrf_token, second_factor.enabled),
                                    rc.request.version());
             },
             Pace::quick);

  router.add(Verb::post, "/api/v1/session/second-factor", "startSecondFactor", Access::signed_in,
             [&ctx](RequestContext& rc) -> Result<Response> {
               HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
               codec::ObjectReader in(body, "");
               const std::string password = in.required_string("password");
               if (auto problem = in.finish()) return fail(*problem);
               HAVEN_ASSIGN_OR_RETURN(auto enrolment, app::start_second_factor(ctx, rc.signed_in_actor(), password));
               return json_response(Status::created,
                                    {{"secret", enrolment.secret}, {"otpauth_uri", enrolment.otpauth_uri}},
                                    rc.request.version());
             });

  router.add(Verb::post, "/api/v1/session/second-factor/confirm", "confirmSecondFactor", Access::signed_in,
             [&ctx](RequestContext& rc) -> Result<Response> {
               HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
               codec::ObjectReader in(body, "");
               const std::string code = in.required_string("code");
               if (auto problem = in.finish()) return fail(*problem);
               HAVEN_TRY(app::confirm_second_factor(ctx, rc.signed_in_actor(), code));
               return json_response(Status::ok, {{"second_factor", {{"enabled", true}, {"setup_required", false}}}},
                                    rc.request.version());
             });

  router.add(Verb::delete_, "/api/v1/staff/{staff_id}/second-factor", "resetStaffSecondFactor", Access::signed_in,
             [&ctx](RequestContext& rc) -> Result<Response> {
               if (auto r = app::reset_second_factor(ctx, rc.signed_in_actor(), rc.param("staff_id")); !r) {
                 return tl::unexpected(r.error());
               }
               return empty_response(Status::no_content, rc.request.version());
             });

  router.add(Verb::delete_, "/api/v1/staff/{staff_id}/sessions", "endStaffSessions", Access::signed_in,
             [&ctx](RequestContext& rc) -> Result<Response> {
               HAVEN_ASSIGN_OR_RETURN(auto ended, app::end_sessions(ctx, rc.signed_in_actor(), rc.param("staff_id")));
               return json_response(Status::ok, {{"ended", ended}}, rc.request.version());
             });

  router.add(Verb::delete_, "/api/v1/session", "deleteSession", Access::signed_in,
             [&ctx, secure](RequestContext& rc) -> Result<Response> {
               HAVEN_TRY(app::sign_out(ctx, rc.signed_in_actor()));
               Response response = empty_response(Status::no_content, rc.request.version());
               response.set(beast_http::field::set_cookie, expired_cookie(session_cookie_name(secure), secure));
               return response;
             });
}

}  // namespace haven::http
