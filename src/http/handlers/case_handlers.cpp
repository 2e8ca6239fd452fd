// The case routes of the foundation: list and search, register at reception (II.1.a), read one
// case, correct its reception record with optimistic concurrency.
#include <boost/url/parse.hpp>

#include "app/cases.hpp"
#include "http/case_json.hpp"
#include "http/handlers/handlers.hpp"
#include "codec/json_input.hpp"
#include "http/query_parameters.hpp"
#include "http/responses.hpp"

namespace haven::http {
namespace {

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 200;
constexpr std::size_t kMaxSearchLength = 200;

// ?q=&stage=&mine=true&child=true&overdue=true&limit=&offset=
Result<app::CaseFilter> list_parameters(const Request& request) {
  app::CaseFilter out;
  out.limit = kDefaultPageSize;
  auto target = boost::urls::parse_origin_form(request.target());
  if (!target) return bad_query("q");
  for (const auto& param : target->params()) {
    if (param.key == "q") {
      if (param.value.size() > kMaxSearchLength) return bad_query("q");
      out.search = param.value;
    } else if (param.key == "stage") {
      out.stage = domain::kCaseStageNames.parse(param.value);
      if (!out.stage) return bad_query("stage");
    } else if (param.key == "mine" || param.key == "child" || param.key == "overdue") {
      if (param.value != "true" && param.value != "false") return bad_query(std::string(param.key));
      (param.key == "mine" ? out.mine : param.key == "child" ? out.child : out.overdue) = param.value == "true";
    } else if (param.key == "limit") {
      auto v = integer_parameter(param.value, "limit", 1, kMaxPageSize);
      HAVEN_TRY(v);
      out.limit = *v;
    } else if (param.key == "offset") {
      HAVEN_ASSIGN_OR_RETURN(auto v, integer_parameter(param.value, "offset", 0, 10'000'000));
      out.offset = v;
    }
  }
  return out;
}

}  // namespace

void add_case_routes(Router& router, app::AppContext& ctx) {
  router.add(Verb::get, "/api/v1/cases", "listCases", Access::signed_in,
             [&ctx](RequestContext& rc) -> Result<Response> {
               HAVEN_ASSIGN_OR_RETURN(auto params, list_parameters(rc.request));
               HAVEN_ASSIGN_OR_RETURN(auto list, app::list_cases(ctx, rc.signed_in_actor(), params));
               return json_response(Status::ok, encode_case_list(list), rc.request.version());
             });

  router.add(Verb::post, "/api/v1/cases", "registerCase", Access::signed_in,
             [&ctx](RequestContext& rc) -> Result<Response> {
               HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
               HAVEN_ASSIGN_OR_RETURN(auto input, decode_new_case(body));
               HAVEN_ASSIGN_OR_RETURN(auto view, app::register_case(ctx, rc.signed_in_actor(), std::move(input.person),
                                              std::move(input.reception)));
               Response response = json_response(Status::created, encode_case(view), rc.request.version());
               response.set(beast_http::field::location, "/api/v1/cases/" + view.file.id);
               return response;
             });

  router.add(Verb::get, "/api/v1/cases/{case_id}", "getCase", Access::signed_in,
             [&ctx](RequestContext& rc) -> Result<Response> {
               HAVEN_ASSIGN_OR_RETURN(auto view, app::view_case(ctx, rc.signed_in_actor(), rc.param("case_id"), rc.awaiting));
               Response response = json_response(Status::ok, encode_case(view), rc.request.version());
               response.set(beast_http::field::etag, "\"" + std::to_string(view.file.version) + "\"");
               return response;
             },
             Pace::quick);

  router.add(Verb::put, "/api/v1/cases/{case_id}/reception", "updateReception", Access::signed_in,
             [&ctx](RequestContext& rc) -> Result<Response> {
               HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
               HAVEN_ASSIGN_OR_RETURN(auto input, decode_reception_update(body));
               HAVEN_ASSIGN_OR_RETURN(auto view, app::update_reception(ctx, rc.signed_in_actor(), rc.param("case_id"), input.version,
                                                 std::move(input.reception)));
               return json_response(Status::ok, encode_case(view), rc.request.version());
             });
}

}  // namespace haven::http
