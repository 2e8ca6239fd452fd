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

Handler set_disabled(app::AppContext& ctx, bool disabled) {
  return [&ctx, disabled](RequestContext& rc) -> Result<Response> {
    if (auto r = app::set_account_disabled(ctx, rc.signed_in_actor(), rc.param("staff_id"), disabled); !r) {
      return tl::unexpected(r.error());
    }
    return json_response(Status::ok, {{"id", rc.param("staff_id")}, {"disabled", disabled}}, rc.request.version());
  };
}

}  // namespace

void add_admin_routes(Router& router, app::AppContext& ctx) {
  router.add(Verb::get, "/api/v1/accounts", "listAccounts", Access::signed_in, [&ctx](RequestContext& rc) -> Result<Response> {
    HAVEN_ASSIGN_OR_RETURN(auto overview, app::list_accounts(ctx, rc.signed_in_actor()));
    json::array centres;
    for (const auto& c : overview.centres) centres.push_back(json::object{{"id", c.id}, {"name", c.name}});
    json::array items;
    for (const auto& a : overview.accounts) items.push_back(encode_account(a));
    return json_response(Status::ok, {{"centres", std::move(centres)}, {"items", std::move(items)}}, rc.request.version());
  });

  router.add(Verb::post, "/api/v1/accounts/{staff_id}/disable", "disableAccount", Access::signed_in, set_disabled(ctx, true));
  router.add(Verb::post, "/api/v1/accounts/{staff_id}/enable", "enableAccount", Access::signed_in, set_disabled(ctx, false));

  router.add(Verb::get, "/api/v1/parameters", "listParameters", Access::signed_in, [&ctx](RequestContext& rc) -> Result<Response> {
    if (auto allowed = app::require(rc.signed_in_actor(), app::Action::manage_accounts); !allowed) {
      return tl::unexpected(allowed.error());
    }
    json::array items;
    for (const auto& [key, value] : ctx.standards.all()) {
      const auto [clause, name] = split_parameter(key);
      const auto* found = standards::find_clause(clause);
      items.push_back(json::object{
          {"clause", clause},
          {"name", name},
          {"value", value},
          {"title", found ? (rc.language == i18n::Language::en ? found->title_en : found->title_vi) : std::string_view{}}});
    }
    return json_response(Status::ok, {{"items", std::move(items)}}, rc.request.version());
  });

  router.add(Verb::get, "/api/v1/audit/verification", "verifyAuditLog", Access::signed_in,
             [&ctx](RequestContext& rc) -> Result<Response> {
               HAVEN_ASSIGN_OR_RETURN(auto check, app::check_audit_log(ctx, rc.signed_in_actor()));
               const bool intact = check.problem == app::AuditProblem::none;
               json::object answer{{"intact", intact},
                                   {"chained", check.chained},
                                   {"unchained", check.unchained},
                                   {"problem", kAuditProblemNames[static_cast<int>(check.problem)]},
                                   {"first_bad_id", check.first_bad_id ? json::value(*check.first_bad_id) : json::value(nullptr)},
                                   {"checked_at", format_iso_timestamp(ctx.clock.now())}};
               return json_response(Status::ok, std::move(answer), rc.request.version());
             });
}

}  // namespace haven::http
