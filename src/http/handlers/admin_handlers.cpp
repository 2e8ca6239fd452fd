// The administrator's routes (app/administration.hpp): the accounts of every centre (made through
// account_handlers.cpp), disabling or enabling one; the deployment's standards parameters; and the audit log's chain
// checked (for an auditor too). None reads case content.
#include <boost/json.hpp>

#include "app/administration.hpp"
#include "app/permissions.hpp"
#include "codec/json_input.hpp"
#include "common/iso_time.hpp"
#include "http/account_json.hpp"
#include "http/handlers/handlers.hpp"
#include "http/responses.hpp"
#include "i18n/messages.hpp"
#include "standards/clause.hpp"

namespace haven::http {
namespace {

namespace json = boost::json;

constexpr std::string_view kAuditProblemNames[] = {"none", "altered", "broken_link", "unchained_in_chain",
                                                   "last_entries_missing"};

// "II.4.b.risk_assessment_days" -> {"II.4.b", "risk_assessment_days"}: the clause ID is the first three parts.
std::pair<std::string_view, std::string_view> split_parameter(std::string_view key) {
  std::size_t dots = 0;
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (key[i] == '.' && ++dots == 3) return {key.substr(0, i), key.substr(i + 1)};
  }
  return {key, {}};
}

template <bool disabled>
Result<Response> set_disabled(app::AppContext& ctx, RequestContext& rc) {
  HAVEN_TRY(app::set_account_disabled(ctx, rc.signed_in_actor(), rc.param("staff_id"), disabled));
  return json_response(Status::ok, {{"id", rc.param("staff_id")}, {"disabled", disabled}}, rc.request.version());
}

}  // namespace

std::vector<RouteSpec> admin_routes() {
  std::vector<RouteSpec> routes;
  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/accounts",
      .operation_id = "listAccounts",
      .access = Access::signed_in,
      .permission = {.action = app::Action::manage_staff_accounts},
      .doc =
          {.summary = "Every account of the deployment (administrators first, then each centre's staff, by name), with "
                      "the centres: role, centre, organisation (an external provider's), disabled, second_factor "
                      "(two-step sign-in is on). Never a password hash. The administrator sees every account; a centre "
                      "head her own centre's only.",
           .answer = "Accounts",
           .response =
               R"json({"type": "object", "properties": {"centres": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}}, "items": {"type": "array", "items": {"$ref": "#/components/schemas/Account"}}}})json"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto overview, app::list_accounts(ctx, rc.signed_in_actor()));
        json::array centres;
        for (const auto& c : overview.centres) centres.push_back(json::object{{"id", c.id}, {"name", c.name}});
        json::array items;
        for (const auto& a : overview.accounts) items.push_back(encode_account(a));
        return json_response(Status::ok, {{"centres", std::move(centres)}, {"items", std::move(items)}},
                             rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::post,
      .path = "/api/v1/accounts/{staff_id}/disable",
      .operation_id = "disableAccount",
      .access = Access::signed_in,
      .permission = {.action = app::Action::manage_staff_accounts},
      .doc =
          {.summary = "Disable an account: its sessions end at once; audited. Nobody disables their own (403). A "
                      "centre head disables her own centre's staff only (not a head's, an administrator's or an "
                      "auditor's account: 403; another centre's: 404).",
           .answer = "Disabled",
           .response =
               R"json({"type": "object", "properties": {"id": {"type": "string"}, "disabled": {"type": "boolean"}}})json"},
      .handler = set_disabled<true>});
  routes.push_back(RouteSpec{
      .method = Verb::post,
      .path = "/api/v1/accounts/{staff_id}/enable",
      .operation_id = "enableAccount",
      .access = Access::signed_in,
      .permission = {.action = app::Action::manage_staff_accounts},
      .doc =
          {.summary = "Enable a disabled account again; audited. The same reach as disabling.",
           .answer = "Enabled",
           .response =
               R"json({"type": "object", "properties": {"id": {"type": "string"}, "disabled": {"type": "boolean"}}})json"},
      .handler = set_disabled<false>});

  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/parameters",
      .operation_id = "listParameters",
      .access = Access::signed_in,
      .permission = {.action = app::Action::manage_accounts},
      .doc =
          {.summary =
               "The deployment's standards parameters (deadlines, intervals, thresholds), each with its clause and the "
               "clause's title in the request's language. Administrator only; set in the parameters file at start.",
           .answer = "Parameters",
           .response =
               R"json({"type": "object", "properties": {"items": {"type": "array", "items": {"type": "object", "properties": {"clause": {"type": "string"}, "name": {"type": "string"}, "value": {"type": "integer"}, "title": {"type": "string"}}}}}})json"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        if (auto allowed = app::require(rc.signed_in_actor(), app::Action::manage_accounts); !allowed) {
          return tl::unexpected(allowed.error());
        }
        json::array items;
        for (const auto& [key, value] : ctx.standards.all()) {
          const auto [clause, name] = split_parameter(key);
          const auto* found = standards::find_clause(clause);
          items.push_back(
              json::object{{"clause", clause},
                           {"name", name},
                           {"value", value},
                           {"title", found ? (rc.language == i18n::Language::en ? found->title_en : found->title_vi)
                                           : std::string_view{}}});
        }
        return json_response(Status::ok, {{"items", std::move(items)}}, rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/audit/verification",
      .operation_id = "verifyAuditLog",
      .access = Access::signed_in,
      .permission = {.action = app::Action::verify_audit_log},
      .doc =
          {.summary = "Checks the audit log's hash chain now, as haven audit verify does: intact, how many entries "
                      "were checked (chained, and unchained from before the chain began), and where it goes wrong "
                      "(problem: altered, broken_link, unchained_in_chain, last_entries_missing; first_bad_id). "
                      "Administrator or auditor.",
           .answer = "The check",
           .response =
               R"json({"type": "object", "properties": {"intact": {"type": "boolean"}, "chained": {"type": "integer"}, "unchained": {"type": "integer"}, "problem": {"type": "string"}, "first_bad_id": {"type": ["integer", "null"]}, "checked_at": {"type": "string", "format": "date-time"}}})json"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto check, app::check_audit_log(ctx, rc.signed_in_actor()));
        const bool intact = check.problem == app::AuditProblem::none;
        json::object answer{
            {"intact", intact},
            {"chained", check.chained},
            {"unchained", check.unchained},
            {"problem", kAuditProblemNames[static_cast<int>(check.problem)]},
            {"first_bad_id", check.first_bad_id ? json::value(*check.first_bad_id) : json::value(nullptr)},
            {"checked_at", format_iso_timestamp(ctx.clock.now())}};
        return json_response(Status::ok, std::move(answer), rc.request.version());
      }});
  return routes;
}

}  // namespace haven::http
