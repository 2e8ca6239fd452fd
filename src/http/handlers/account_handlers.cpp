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

void add_account_routes(Router& router, app::AppContext& ctx) {
  router.add(Verb::post, "/api/v1/accounts", "addAccount", Access::signed_in, [&ctx](RequestContext& rc) -> Result<Response> {
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
  });

  router.add(Verb::post, "/api/v1/accounts/{staff_id}/activation", "issueActivation", Access::signed_in,
             [&ctx](RequestContext& rc) -> Result<Response> {
               HAVEN_ASSIGN_OR_RETURN(auto issued, app::issue_activation(ctx, rc.signed_in_actor(), rc.param("staff_id")));
               return json_response(Status::created, encode_activation(issued), rc.request.version());
             });

  router.add(Verb::post, "/api/v1/accounts/{staff_id}/confirm", "confirmAccount", Access::signed_in,
             [&ctx](RequestContext& rc) -> Result<Response> {
               if (auto r = app::confirm_account(ctx, rc.signed_in_actor(), rc.param("staff_id")); !r) {
                 return tl::unexpected(r.error());
               }
               return json_response(Status::ok, {{"id", rc.param("staff_id")}, {"confirmed", true}}, rc.request.version());
             });

  router.add(Verb::post, "/api/v1/accounts/{staff_id}/screening", "recordHeadScreening", Access::signed_in,
             [&ctx](RequestContext& rc) -> Result<Response> {
               HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
               codec::ObjectReader in(body, "");
               const Timestamp occurred_at = in.required_timestamp("occurred_at");
               const auto* content = in.required_object("body");
               if (auto problem = in.finish()) return fail(*problem);
               HAVEN_ASSIGN_OR_RETURN(auto screening, codec::decode_centre_record_body("recruitment_screening", *content, "body"));
               HAVEN_ASSIGN_OR_RETURN(auto record, app::record_head_screening(ctx, rc.signed_in_actor(), rc.param("staff_id"),
                                                        std::get<domain::RecruitmentScreening>(std::move(screening)), occurred_at));
               return json_response(Status::created, encode_centre_record(record), rc.request.version());
             });

  router.add(Verb::post, "/api/v1/account-activation", "activateAccount", Access::public_route,
             [&ctx](RequestContext& rc) -> Result<Response> {
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
             });

  router.add(Verb::get, "/api/v1/centre/accounts", "listCentreAccounts", Access::signed_in,
             [&ctx](RequestContext& rc) -> Result<Response> {
               HAVEN_ASSIGN_OR_RETURN(auto accounts, app::centre_accounts(ctx, rc.signed_in_actor()));
               json::array items;
               for (const auto& a : accounts) items.push_back(encode_account(a));
               return json_response(Status::ok, {{"items", std::move(items)}}, rc.request.version());
             });

  router.add(Verb::get, "/api/v1/centre/audit", "getCentreAudit", Access::signed_in,
             [&ctx](RequestContext& rc) -> Result<Response> {
               HAVEN_ASSIGN_OR_RETURN(auto before, query_integer(rc, "before", 0));
               HAVEN_ASSIGN_OR_RETURN(auto limit, query_integer(rc, "limit", 50));
               if (limit < 1 || limit > 200) return fail(ErrorCode::validation_failed, "limit", "validation.query_parameter");
               HAVEN_ASSIGN_OR_RETURN(auto entries, app::centre_audit(ctx, rc.signed_in_actor(), before, static_cast<int>(limit)));
               json::array items;
               for (const auto& e : entries) items.push_back(encode_centre_audit_entry(e));
               // The next page starts before the oldest entry of this one, while pages come full.
               const bool more = static_cast<std::int64_t>(entries.size()) == limit;
               return json_response(Status::ok,
                                    {{"items", std::move(items)},
                                     {"next_before", more ? json::value(entries.back().id) : json::value(nullptr)}},
                                    rc.request.version());
             });
}

}  // namespace haven::http
