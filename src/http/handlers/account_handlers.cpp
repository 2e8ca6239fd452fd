// The routes of an account's life (app/account_lifecycle.hpp): an administrator makes one (its
// activation code shown once) or issues a new code; its owner activates it; a head of its centre or
// another administrator confirms it; an administrator records a centre head's screening. And the
// head's views of her centre's accounts and of its audit log.
#include <charconv>

#include <boost/json.hpp>
#include <boost/url/parse.hpp>

#include "app/account_lifecycle.hpp"
#include "codec/centre_record_json.hpp"
#include "codec/json_input.hpp"
#include "common/iso_time.hpp"
#include "http/account_json.hpp"
#include "http/handlers/handlers.hpp"
#include "http/responses.hpp"

namespace haven::http {
namespace {

namespace json = boost::json;

json::object encode_activation(const app::ActivationCode& a) {
  return {{"code", a.code}, {"expires_at", format_iso_timestamp(a.expires_at)}};
}

// A whole number from the query string; `fallback` when absent.
Result<std::int64_t> query_integer(const RequestContext& rc, std::string_view name, std::int64_t fallback) {
  auto target = boost::urls::parse_origin_form(rc.request.target());
  if (!target) return fail(ErrorCode::validation_failed, std::string(name), "validation.query_parameter");
  for (const auto& param : target->params()) {
    if (param.key != name) continue;
    std::int64_t value = 0;
    const auto* end = param.value.data() + param.value.size();
    if (auto [at, ec] = std::from_chars(param.value.data(), end, value); ec != std::errc{} || at != end) {
      return fail(ErrorCode::validation_failed, std::string(name), "validation.query_parameter");
    }
    return value;
  }
  return fallback;
}

}  // namespace

std::vector<RouteSpec> account_routes() {
  std::vector<RouteSpec> routes;
  routes.push_back(RouteSpec{
      .method = Verb::post,
      .path = "/api/v1/accounts",
      .operation_id = "addAccount",
      .access = Access::signed_in,
      .permission = {.action = app::Action::manage_staff_accounts},
      .doc =
          {.summary = "Add an account {centre_id (not for an administrator), username, display_name, role, "
                      "organisation (an external provider's only)}, without a password: the answer carries its "
                      "one-time activation code (shown once, valid 7 days), with which its owner sets the password "
                      "(POST /account-activation). It reaches nothing but its own sign-in set-up until someone other "
                      "than its maker confirms it (POST /accounts/{staff_id}/confirm). Audited with the "
                      "maker's ID. The administrator adds to any centre; a centre head to her own (centre_id may be "
                      "left out), not a head's, an auditor's or an administrator's account (403). 409 "
                      "already_exists for a taken username.",
           .request =
               R"json({"type": "object", "additionalProperties": false, "required": ["username", "display_name", "role"], "properties": {"centre_id": {"type": "string"}, "username": {"type": "string"}, "display_name": {"type": "string"}, "role": {"type": "string", "enum": ["case_worker", "centre_head", "counsellor", "administrator", "auditor", "external_provider"]}, "organisation": {"type": "string"}}})json",
           .status = Status::created,
           .answer = "The account, with its activation code",
           .response =
               R"json({"allOf": [{"$ref": "#/components/schemas/Account"}, {"type": "object", "properties": {"activation": {"$ref": "#/components/schemas/ActivationCode"}}}]})json",
           .refusals = "409"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
        codec::ObjectReader in(body, "");
        app::NewStaff staff;
        staff.centre_id = in.optional_string("centre_id");
        staff.username = in.required_string("username");
        staff.display_name = in.required_string("display_name");
        staff.role = in.required_enum("role", domain::kRoleNames);
        staff.organisation = in.optional_string("organisation");
        if (auto problem = in.finish()) return fail(*problem);
        HAVEN_ASSIGN_OR_RETURN(auto made, app::make_account(ctx, rc.signed_in_actor(), staff));
        json::object answer = encode_account(app::state_of(made.account, false));
        answer["activation"] = encode_activation(made.activation);
        return json_response(Status::created, std::move(answer), rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::post,
      .path = "/api/v1/accounts/{staff_id}/activation",
      .operation_id = "issueActivation",
      .access = Access::signed_in,
      .permission = {.action = app::Action::manage_staff_accounts},
      .doc =
          {.summary =
               "A new activation code for an account not yet activated (the last lost or expired); the old one stops "
               "working. Only by the administrator who made it (403 otherwise); 409 once it is activated. Audited.",
           .status = Status::created,
           .answer = "The new code",
           .response = "#/components/schemas/ActivationCode",
           .refusals = "409"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto issued, app::issue_activation(ctx, rc.signed_in_actor(), rc.param("staff_id")));
        return json_response(Status::created, encode_activation(issued), rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::post,
      .path = "/api/v1/accounts/{staff_id}/confirm",
      .operation_id = "confirmAccount",
      .access = Access::signed_in,
      .permission = {.action = app::Action::confirm_accounts},
      .doc =
          {.summary = "Confirm an account someone else made, once its owner has activated it (409 before, and once "
                      "confirmed): an administrator any account, a centre head those of her own centre (not an "
                      "administrator's, nor one a head made: an administrator confirms those; another centre's "
                      "is 404). Never one's own, one's own making, or an account made by whoever made one's own "
                      "(403). Audited.",
           .answer = "Confirmed",
           .response =
               R"json({"type": "object", "properties": {"id": {"type": "string"}, "confirmed": {"type": "boolean"}}})json",
           .refusals = "409"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        if (auto r = app::confirm_account(ctx, rc.signed_in_actor(), rc.param("staff_id")); !r) {
          return tl::unexpected(r.error());
        }
        return json_response(Status::ok, {{"id", rc.param("staff_id")}, {"confirmed", true}}, rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::post,
      .path = "/api/v1/accounts/{staff_id}/screening",
      .operation_id = "recordHeadScreening",
      .access = Access::signed_in,
      .permission = {.action = app::Action::manage_accounts},
      .doc =
          {.summary = "An administrator records a centre head's recruitment screening (III.1.b) {occurred_at, body: "
                      "{ability, qualifications, moral_standing, judicial_record_checked, notes}}: nobody records "
                      "their own, and a centre's only head has nobody else to. Only for centre heads (422), never for "
                      "an account the administrator made (403). Audited.",
           .request =
               R"json({"type": "object", "additionalProperties": false, "required": ["occurred_at", "body"], "properties": {"occurred_at": {"type": "string", "format": "date-time"}, "body": {"type": "object"}}})json",
           .status = Status::created,
           .answer = "The record",
           .response = "#/components/schemas/CentreRecord"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
        codec::ObjectReader in(body, "");
        const Timestamp occurred_at = in.required_timestamp("occurred_at");
        const auto* content = in.required_object("body");
        if (auto problem = in.finish()) return fail(*problem);
        HAVEN_ASSIGN_OR_RETURN(auto screening,
                               codec::decode_centre_record_body("recruitment_screening", *content, "body"));
        HAVEN_ASSIGN_OR_RETURN(
            auto record,
            app::record_head_screening(ctx, rc.signed_in_actor(), rc.param("staff_id"),
                                       std::get<domain::RecruitmentScreening>(std::move(screening)), occurred_at));
        return json_response(Status::created, encode_centre_record(record), rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::post,
      .path = "/api/v1/account-activation",
      .operation_id = "activateAccount",
      .access = Access::public_route,
      .doc =
          {.summary = "The owner of a new account sets its password with the activation code {username, code, "
                      "password}. A wrong, used or expired code is 401 invalid_credentials with field code and counts "
                      "as a failed sign-in against the name and the address (429 past the limits); a password the "
                      "policy refuses is 422 with field password, and the code still works. Audited.",
           .request =
               R"json({"type": "object", "additionalProperties": false, "required": ["username", "code", "password"], "properties": {"username": {"type": "string", "maxLength": 64}, "code": {"type": "string", "maxLength": 64}, "password": {"type": "string", "maxLength": 128}}})json",
           .parameters = R"json([{"$ref": "#/components/parameters/AcceptLanguage"}])json",
           .answer = "Activated: sign in with the new password",
           .response =
               R"json({"type": "object", "properties": {"username": {"type": "string"}, "activated": {"type": "boolean"}}})json",
           .refusals = "401 429"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
        codec::ObjectReader in(body, "");
        const std::string username = in.required_string("username");
        const std::string code = in.required_string("code");
        const std::string password = in.required_string("password");
        if (auto problem = in.finish()) return fail(*problem);
        if (auto r = app::activate_account(ctx, username, code, password, rc.client_address); !r) {
          return tl::unexpected(r.error());
        }
        return json_response(Status::ok, {{"username", username}, {"activated", true}}, rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/centre/accounts",
      .operation_id = "listCentreAccounts",
      .access = Access::signed_in,
      .permission = {.action = app::Action::manage_centre_records},
      .doc =
          {.summary = "The head's own centre's accounts, with whether each is activated and confirmed, for confirming "
                      "those waiting. Never a password hash or code.",
           .answer = "Accounts",
           .response =
               R"json({"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Account"}}}})json"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto accounts, app::centre_accounts(ctx, rc.signed_in_actor()));
        json::array items;
        for (const auto& a : accounts) items.push_back(encode_account(a));
        return json_response(Status::ok, {{"items", std::move(items)}}, rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/centre/audit",
      .operation_id = "getCentreAudit",
      .access = Access::signed_in,
      .permission = {.action = app::Action::read_centre_audit},
      .doc =
          {.summary =
               "The centre's audit log, newest first: what was done on its cases, by its staff, and to its staff's "
               "accounts (made, activated, confirmed, screened, signed in, disabled), limit entries (1 to 200, default "
               "50) before the entry before (default: the newest); next_before continues. IDs and outcomes only.",
           .parameters =
               R"json([{"name": "before", "in": "query", "schema": {"type": "integer"}}, {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 200}}])json",
           .answer = "Entries",
           .response =
               R"json({"type": "object", "properties": {"items": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "integer"}, "at": {"type": "string", "format": "date-time"}, "actor_id": {"type": ["string", "null"]}, "action": {"type": "string"}, "case_id": {"type": ["string", "null"]}, "case_code": {"type": ["string", "null"]}, "subject_id": {"type": ["string", "null"]}, "detail": {"type": "string"}}}}, "next_before": {"type": ["integer", "null"]}}})json"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto before, query_integer(rc, "before", 0));
        HAVEN_ASSIGN_OR_RETURN(auto limit, query_integer(rc, "limit", 50));
        if (limit < 1 || limit > 200) return fail(ErrorCode::validation_failed, "limit", "validation.query_parameter");
        HAVEN_ASSIGN_OR_RETURN(auto entries,
                               app::centre_audit(ctx, rc.signed_in_actor(), before, static_cast<int>(limit)));
        json::array items;
        for (const auto& e : entries) items.push_back(encode_centre_audit_entry(e));
        // The next page starts before the oldest entry of this one, while pages come full.
        const bool more = static_cast<std::int64_t>(entries.size()) == limit;
        return json_response(Status::ok,
                             {{"items", std::move(items)},
                              {"next_before", more ? json::value(entries.back().id) : json::value(nullptr)}},
                             rc.request.version());
      }});
  return routes;
}

}  // namespace haven::http
