// The case routes of the foundation: list and search, register at reception (II.1.a), read one
// case, correct its reception record with optimistic concurrency.
#include <boost/url/parse.hpp>

#include "app/cases.hpp"
#include "app/duplicates.hpp"
#include "codec/json_input.hpp"
#include "http/case_json.hpp"
#include "http/handlers/handlers.hpp"
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

// The answer to a registration, and to its retry with the same Idempotency-Key.
Response registered(const app::CaseView& view, const RequestContext& rc) {
  Response response = json_response(Status::created, encode_case(view), rc.request.version());
  response.set(beast_http::field::location, "/api/v1/cases/" + view.file.id);
  return response;
}

}  // namespace

std::vector<RouteSpec> case_routes() {
  std::vector<RouteSpec> routes;
  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/cases",
      .operation_id = "listCases",
      .access = Access::signed_in,
      .permission = {.action = app::Action::read_cases},
      .doc =
          {.summary = "The cases the signed-in staff member is on, newest reception first (I.3.c). The centre head "
                      "sees every case of the centre, so that she can assign its staff, but a person's name only on "
                      "the cases she is on; a name search finds only those.",
           .parameters =
               R"json([{"name": "q", "in": "query", "required": false, "schema": {"type": "string", "maxLength": 200}, "description": "Words to find in names or case codes; diacritics and case are ignored (\"dang\" finds \"Đặng\"). A word finds a name by a whole word or the start of one of three letters or more (\"nguy\" finds \"Nguyễn\", \"le\" finds \"Lê\"), since names are stored encrypted and searched through keyed tokens; a case code by any part of it."}, {"name": "stage", "in": "query", "required": false, "schema": {"type": "string", "enum": ["received", "in_care", "identification", "assessment", "planning", "reintegration", "monitoring", "closed", "repatriation"]}, "description": "Only the cases at this stage."}, {"name": "mine", "in": "query", "required": false, "schema": {"type": "boolean", "default": false}, "description": "Only the cases the reader is on (the centre head's list otherwise holds the whole centre's)."}, {"name": "child", "in": "query", "required": false, "schema": {"type": "boolean", "default": false}, "description": "Only the cases of a person treated as a child today (II.2.d), as each item's treated_as_child says."}, {"name": "overdue", "in": "query", "required": false, "schema": {"type": "boolean", "default": false}, "description": "Only the cases with something overdue today, as the case's compliance says; always among the reader's own cases, the head's too (a case's compliance is for those on it, I.3.c)."}, {"name": "limit", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1, "maximum": 200, "default": 50}}, {"name": "offset", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 0, "default": 0}}])json",
           .answer = "A page of cases",
           .response = "#/components/schemas/CaseList"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto params, list_parameters(rc.request));
        HAVEN_ASSIGN_OR_RETURN(auto list, app::list_cases(ctx, rc.signed_in_actor(), params));
        return json_response(Status::ok, encode_case_list(list), rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::post,
      .path = "/api/v1/cases",
      .operation_id = "registerCase",
      .access = Access::signed_in,
      .permission = {.action = app::Action::register_case},
      .doc = {.summary = "Register a person at reception (II.1.a) and open their case.",
              .request = "#/components/schemas/NewCase",
              .status = Status::created,
              .answer = "The new case",
              .response = "#/components/schemas/Case",
              .headers = R"json({"Location": {"schema": {"type": "string"}}})json"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
        HAVEN_ASSIGN_OR_RETURN(auto input, decode_new_case(body));
        HAVEN_ASSIGN_OR_RETURN(auto view, app::register_case(ctx, rc.signed_in_actor(), std::move(input.person),
                                                             std::move(input.reception), rc.idempotency,
                                                             input.possible_duplicates_seen));
        return registered(view, rc);
      },
      .replay = [](app::AppContext& ctx, RequestContext& rc, std::string_view case_id) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto view, app::view_case(ctx, rc.signed_in_actor(), case_id, rc.awaiting));
        return registered(view, rc);
      }});

  routes.push_back(RouteSpec{
      .method = Verb::post,
      .path = "/api/v1/cases/possible-duplicates",
      .operation_id = "findPossibleDuplicates",
      .access = Access::signed_in,
      .permission = {.action = app::Action::register_case},
      .doc = {.summary = "Before registering a person: the centre's earlier cases of someone with the same name (its "
                         "words in any order, accents and case aside) and, when a birth date is given, born the same "
                         "year or of unknown birth; newest first, at most 20. Only their codes and reception dates, "
                         "whoever asks (I.3.c); found through the keyed name index, never by the name in clear. "
                         "Audited as case.duplicate_check on each case shown; 429 past 30 checks an hour per member "
                         "of staff. A POST, so that the name stays out of URLs and logs.",
              .request = "#/components/schemas/PossibleDuplicatesQuery",
              .answer = "The possible earlier cases",
              .response = "#/components/schemas/PossibleDuplicates",
              .refusals = "429"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
        codec::ObjectReader in(body, "");
        const std::string name = in.required_string("name");
        const auto birth_date = in.optional_date("birth_date");
        if (auto problem = in.finish()) return fail(*problem);
        HAVEN_ASSIGN_OR_RETURN(auto found,
                               app::possible_duplicates(ctx, rc.signed_in_actor(), name, birth_date, rc.awaiting));
        boost::json::array items;
        for (const auto& d : found) {
          items.push_back(boost::json::object{{"code", d.code}, {"received_at", format_iso_timestamp(d.received_at)}});
        }
        return json_response(Status::ok, boost::json::object{{"items", std::move(items)}}, rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/cases/{case_id}",
      .operation_id = "getCase",
      .access = Access::signed_in,
      .permission = {.action = app::Action::read_cases, .scope = CaseScope::case_file},
      .pace = Pace::quick,
      .doc = {.summary = "One case of the staff member's centre. Only the staff on the case, whoever received the "
                         "person until the first assignment, and the centre head during a break-glass may open it "
                         "(I.3.c, after the recruitment screening of III.1.b); anyone else gets 403 with the clause, "
                         "and the attempt is audited. Every read is audited.",
              .answer = "The case",
              .response = "#/components/schemas/Case"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto view, app::view_case(ctx, rc.signed_in_actor(), rc.param("case_id"), rc.awaiting));
        Response response = json_response(Status::ok, encode_case(view), rc.request.version());
        response.set(beast_http::field::etag, "\"" + std::to_string(view.file.version) + "\"");
        return response;
      }});

  routes.push_back(RouteSpec{
      .method = Verb::put,
      .path = "/api/v1/cases/{case_id}/reception",
      .operation_id = "updateReception",
      .access = Access::signed_in,
      .permission = {.action = app::Action::edit_reception, .scope = CaseScope::case_file},
      .doc = {.summary = "Correct the reception record, with a reason: the earlier values stay in the case's history as a "
                         "correction record. 409 with current_version when the case changed since it was read; 422 "
                         "naming reception when nothing changes.",
              .request = "#/components/schemas/ReceptionUpdate",
              .answer = "The updated case",
              .response = "#/components/schemas/Case",
              .refusals = "409"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
        HAVEN_ASSIGN_OR_RETURN(auto input, decode_reception_update(body));
        HAVEN_ASSIGN_OR_RETURN(auto view, app::update_reception(ctx, rc.signed_in_actor(), rc.param("case_id"),
                                                                input.version, std::move(input.part), input.reason));
        return json_response(Status::ok, encode_case(view), rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::put,
      .path = "/api/v1/cases/{case_id}/person",
      .operation_id = "correctPerson",
      .access = Access::signed_in,
      .permission = {.action = app::Action::edit_reception, .scope = CaseScope::case_file},
      .doc = {.summary = "Correct what reception recorded of the person (a misspelt name, a birth date papers establish), "
                         "with a reason: the earlier values stay in the case's history as a correction record, the name "
                         "is searched as corrected, and the case's standing follows (a birth date can end II.2.d's "
                         "treated as a child). 409 with current_version on a stale version; 422 naming person when "
                         "nothing changes.",
              .request = "#/components/schemas/PersonCorrection",
              .answer = "The corrected case",
              .response = "#/components/schemas/Case",
              .refusals = "409"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
        HAVEN_ASSIGN_OR_RETURN(auto input, decode_person_correction(body));
        HAVEN_ASSIGN_OR_RETURN(auto view, app::correct_person(ctx, rc.signed_in_actor(), rc.param("case_id"),
                                                              input.version, std::move(input.part), input.reason));
        return json_response(Status::ok, encode_case(view), rc.request.version());
      }});
  return routes;
}

}  // namespace haven::http
