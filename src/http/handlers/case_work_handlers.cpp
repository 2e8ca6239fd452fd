// The routes of the service after reception: a case's records, its lifecycle actions, its open tasks
// and its compliance with the Minimum Standards. Guards answer 409 guard_refused with the clause.
#include <algorithm>

#include <boost/json.hpp>
#include <boost/url/parse.hpp>

#include "app/case_access.hpp"
#include "app/case_file.hpp"
#include "app/case_work.hpp"
#include "app/my_work.hpp"
#include "app/permissions.hpp"
#include "codec/json_input.hpp"
#include "codec/record_json.hpp"
#include "domain/text_rules.hpp"
#include "http/case_json.hpp"
#include "http/document_json.hpp"
#include "http/handlers/handlers.hpp"
#include "http/query_parameters.hpp"
#include "http/responses.hpp"
#include "standards/clause.hpp"
#include "standards/guards.hpp"

namespace haven::http {

std::string clause_title(std::string_view id, i18n::Language language) {
  const auto* clause = standards::find_clause(id);
  if (!clause) return std::string(id);
  return std::string(language == i18n::Language::en ? clause->title_en : clause->title_vi);
}

namespace {

namespace json = boost::json;

json::object encode_task(const app::TaskReport& t, i18n::Language language) {
  return json::object{{"clause", t.clause},
                      {"task", t.task_key},
                      {"what", i18n::render_message(language, t.task_key)},
                      {"record_type", t.record_type},
                      {"due_at", format_iso_timestamp(t.due_at)},
                      {"overdue", t.overdue},
                      {"about_record_id", t.about_record_id}};
}

json::object encode_tasks(const std::vector<app::TaskReport>& tasks, i18n::Language language) {
  json::array items;
  for (const auto& t : tasks) items.push_back(encode_task(t, language));
  return {{"items", std::move(items)}};
}

json::object encode_record_page(const app::RecordPage& page) {
  json::array items;
  for (const auto& r : page.records) items.push_back(encode_record(r));
  json::object out{{"items", std::move(items)}, {"total", page.total}};
  if (!page.next.empty()) out["next"] = page.next;
  return out;
}

json::array encode_refusals(const std::vector<standards::Refusal>& refusals, i18n::Language language) {
  json::array out;
  for (const auto& r : refusals) {
    out.push_back(json::object{
        {"clause", r.clause},
        {"message", i18n::render_message(language, r.message_key, i18n::localize_args(language, r.args))},
        {"overridable", r.overridable}});
  }
  return out;
}

json::object encode_actions(const app::CaseActions& actions, domain::Role role, i18n::Language language) {
  json::array items;
  for (const auto& a : actions.actions) {
    items.push_back(json::object{{"action", domain::kLifecycleActionNames.name(a.action)},
                                 {"to", domain::kCaseStageNames.name(a.to)},
                                 {"allowed", a.refusals.empty()},
                                 {"refusals", encode_refusals(a.refusals, language)}});
  }
  return {{"version", actions.version},
          {"may_act", app::role_may(role, app::Action::move_case)},
          {"may_override", role == domain::Role::centre_head},
          {"items", std::move(items)}};
}

json::object encode_record_types(const app::RecordTypeReports& reports, i18n::Language language) {
  json::array items;
  for (const auto& t : reports.types) {
    items.push_back(json::object{
        {"type", t.type}, {"allowed", t.refusals.empty()}, {"refusals", encode_refusals(t.refusals, language)}});
  }
  return {{"may_add", reports.may_add}, {"items", std::move(items)}};
}

json::object encode_compliance(const std::vector<app::ClauseReport>& states, i18n::Language language) {
  json::array items;
  for (const auto& s : states) {
    json::array evidence;
    for (const auto& id : s.evidence) evidence.emplace_back(id);
    json::object item{{"clause", s.clause},
                      {"title", clause_title(s.clause, language)},
                      {"state", standards::kClauseStateNames.name(s.state)},
                      {"evidence", std::move(evidence)}};
    if (!s.reason_key.empty()) item["reason"] = i18n::render_message(language, s.reason_key);
    items.push_back(std::move(item));
  }
  return {{"items", std::move(items)}};
}

constexpr int kMaxRecordPage = 500;
constexpr std::string_view kRecordPageParameters =
    R"json([{"name": "after", "in": "query", "required": false, "schema": {"type": "string"}}, {"name": "limit", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1, "maximum": 500}}])json";

// ?after=RECORD_ID&limit=1..500 (200 when not given)
Result<app::RecordPageQuery> record_page_query(const Request& request) {
  app::RecordPageQuery out;
  auto target = boost::urls::parse_origin_form(request.target());
  if (!target) return bad_query("after");
  for (const auto& param : target->params()) {
    if (param.key == "after") {
      if (param.value.empty() || param.value.size() > 64) return bad_query("after");
      out.after = param.value;
    } else if (param.key == "limit") {
      HAVEN_ASSIGN_OR_RETURN(auto v, integer_parameter(param.value, "limit", 1, kMaxRecordPage));
      out.limit = v;
    }
  }
  return out;
}

}  // namespace

std::vector<RouteSpec> case_work_routes() {
  std::vector<RouteSpec> routes;
  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/cases/{case_id}/file",
      .operation_id = "getCaseFile",
      .access = Access::signed_in,
      .permission = {.action = app::Action::read_cases, .scope = CaseScope::case_file},
      .pace = Pace::quick,
      .doc = {.summary = "Everything the case page shows, read once and audited once as one reading of the file "
                         "(I.3.c): the case as GET /cases/{case_id} gives it, the first page of its records (after and "
                         "limit as for /records), its moves, its open tasks and its compliance, all of one version.",
              .parameters =
                  kRecordPageParameters,
              .answer = "The case file",
              .response = "#/components/schemas/CaseFile"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto query, record_page_query(rc.request));
        HAVEN_ASSIGN_OR_RETURN(auto file,
                               app::open_case_file(ctx, rc.signed_in_actor(), rc.param("case_id"), query, rc.awaiting));
        Response response = json_response(Status::ok,
                                          {{"case", encode_case(file.view)},
                                           {"records", encode_record_page(file.records)},
                                           {"actions", encode_actions(file.actions, rc.signed_in_actor().role, rc.language)},
                                           {"tasks", encode_tasks(file.tasks, rc.language)},
                                           {"compliance", encode_compliance(file.compliance, rc.language)},
                                           {"record_types", encode_record_types(file.record_types, rc.language)},
                                           {"documents", encode_documents(file.documents)}},
                                          rc.request.version());
        response.set(beast_http::field::etag, "\"" + std::to_string(file.view.file.version) + "\"");
        return response;
      }});

  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/cases/{case_id}/records",
      .operation_id = "listRecords",
      .access = Access::signed_in,
      .permission = {.action = app::Action::read_cases, .scope = CaseScope::case_file},
      .pace = Pace::quick,
      .doc =
          {.summary = "The case's records, in the order they happened, a page at a time: limit of them (1 to 500, 200 "
                      "by default) after the record named by after (from the first when not given). next names the "
                      "page's last record when more follow; total counts them all.",
           .parameters =
               kRecordPageParameters,
           .answer = "A page of records",
           .response =
               "#/components/schemas/RecordPage"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto query, record_page_query(rc.request));
        HAVEN_ASSIGN_OR_RETURN(auto page,
                               app::list_records(ctx, rc.signed_in_actor(), rc.param("case_id"), query, rc.awaiting));
        return json_response(Status::ok, encode_record_page(page), rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/cases/{case_id}/record-types",
      .operation_id = "listRecordTypes",
      .access = Access::signed_in,
      .permission = {.action = app::Action::read_cases, .scope = CaseScope::case_file},
      .pace = Pace::quick,
      .doc = {.summary = "Before anyone types: each record type the reader may post, and whether the standards let "
                         "them add it now, or every clause that refuses it whatever is written, with what must "
                         "happen first (e.g. II.1.e for an identification interview before care, I.2.d for "
                         "counselling by someone without the qualification). A reading of the case (I.3.c).",
              .answer = "The record types",
              .response = "#/components/schemas/RecordTypes"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto types,
                               app::case_record_types(ctx, rc.signed_in_actor(), rc.param("case_id"), rc.awaiting));
        return json_response(Status::ok, encode_record_types(types, rc.language), rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::post,
      .path = "/api/v1/cases/{case_id}/records",
      .operation_id = "addRecord",
      .access = Access::signed_in,
      .permission = {.action = app::Action::add_record, .scope = CaseScope::case_file},
      .doc = {.summary = "Add a record; guards of the standards apply (e.g. II.1.e refuses an identification interview "
                         "before care). 413 when the case's records would pass the server's --max-case-size (4 MiB by "
                         "default); nothing is written.",
              .request = "#/components/schemas/NewCaseRecord",
              .status = Status::created,
              .answer = "The record",
              .response = "#/components/schemas/CaseRecord",
              .refusals = "409"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
        codec::ObjectReader in(body, "");
        const std::string type = in.required_string("type");
        const Timestamp occurred_at = in.required_timestamp("occurred_at");
        const auto* content = in.required_object("body");
        const std::string override_reason = in.optional_string("override_reason");
        if (auto problem = in.finish()) return fail(*problem);
        if (domain::check_narrative(override_reason) != domain::TextProblem::none) {
          return fail(ErrorCode::validation_failed, "override_reason", "validation.forbidden_characters");
        }
        if (!codec::record_type_index(type)) return tl::unexpected(codec::not_one_of("type", domain::kRecordTypeNames));
        HAVEN_ASSIGN_OR_RETURN(auto record_body, codec::decode_record_body(type, *content, "body"));
        HAVEN_ASSIGN_OR_RETURN(auto record, app::add_record(ctx, rc.signed_in_actor(), rc.param("case_id"),
                                                            std::move(record_body), occurred_at, override_reason,
                                                            rc.idempotency));
        return json_response(Status::created, encode_record(record), rc.request.version());
      },
      .replay = [](app::AppContext& ctx, RequestContext& rc, std::string_view record_id) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto record,
                               app::find_record(ctx, rc.signed_in_actor(), rc.param("case_id"), record_id, rc.awaiting));
        return json_response(Status::created, encode_record(record), rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::post,
      .path = "/api/v1/cases/{case_id}/actions",
      .operation_id = "takeAction",
      .access = Access::signed_in,
      .permission = {.action = app::Action::move_case, .scope = CaseScope::case_file},
      .doc = {.summary = "Move the case through its lifecycle; a guard that refuses answers 409 guard_refused with its "
                         "clause (I.1.c, I.4.c, I.5.a, I.5.b, I.5.c, II.1.e, II.4.d, II.5.e, II.7.a, II.7.b, II.7.c, "
                         "II.8.c, II.8.d). A foreign victim may begin, complete or cancel repatriation (I.5.a).",
              .request = "#/components/schemas/CaseAction",
              .answer = "The case at its new stage",
              .response = "#/components/schemas/Case",
              .refusals = "409"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
        codec::ObjectReader in(body, "");
        const auto action = in.required_enum("action", domain::kLifecycleActionNames);
        const auto version = in.required_integer("version");
        const std::string override_reason = in.optional_string("override_reason");
        if (auto problem = in.finish()) return fail(*problem);
        if (domain::check_narrative(override_reason) != domain::TextProblem::none) {
          return fail(ErrorCode::validation_failed, "override_reason", "validation.forbidden_characters");
        }
        HAVEN_ASSIGN_OR_RETURN(auto view, app::take_action(ctx, rc.signed_in_actor(), rc.param("case_id"), action,
                                                           version, override_reason));
        return json_response(Status::ok, encode_case(view), rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/cases/{case_id}/tasks",
      .operation_id = "listTasks",
      .access = Access::signed_in,
      .permission = {.action = app::Action::read_cases, .scope = CaseScope::case_file},
      .pace = Pace::quick,
      .doc =
          {.summary = "What the standards ask of this case now: tasks due and overdue, crisis first.",
           .answer = "Open tasks",
           .response =
               "#/components/schemas/TaskList"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto tasks,
                               app::case_tasks(ctx, rc.signed_in_actor(), rc.param("case_id"), rc.awaiting));
        return json_response(Status::ok, encode_tasks(tasks, rc.language), rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/my-work",
      .operation_id = "getMyWork",
      .access = Access::signed_in,
      .permission = {.action = app::Action::read_cases},
      .doc =
          {.summary = "The reader's day: every case they are on (up to 100, newest reception first; more_cases counts "
                      "the rest), each with its open tasks as GET /cases/{case_id}/tasks gives them, and the ten "
                      "latest records on those cases. Each case file opened is audited as a reading (I.3.c).",
           .answer = "My work",
           .response =
               R"json({"type": "object", "properties": {"cases": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "code": {"type": "string"}, "name": {"type": "string"}, "name_is_alias": {"type": "boolean"}, "treated_as_child": {"type": "boolean"}, "stage": {"type": "string"}, "received_at": {"type": "string", "format": "date-time"}, "tasks": {"type": "array", "items": {"$ref": "#/components/schemas/Task"}}}}}, "more_cases": {"type": "integer"}, "recent": {"type": "array", "items": {"type": "object", "properties": {"case_id": {"type": "string"}, "case_code": {"type": "string"}, "record_id": {"type": "string"}, "type": {"type": "string"}, "recorded_at": {"type": "string", "format": "date-time"}, "recorded_by": {"type": "string"}}}}}})json"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto work, app::my_work(ctx, rc.signed_in_actor(), rc.awaiting));
        json::array cases;
        for (const auto& c : work.cases) {
          json::array tasks;
          for (const auto& t : c.tasks) tasks.push_back(encode_task(t, rc.language));
          cases.push_back(json::object{{"id", c.summary.id},
                                       {"code", c.summary.code},
                                       {"name", c.summary.name},
                                       {"name_is_alias", c.summary.name_is_alias},
                                       {"treated_as_child", c.treated_as_child},
                                       {"stage", domain::kCaseStageNames.name(c.summary.stage)},
                                       {"received_at", format_iso_timestamp(c.summary.received_at)},
                                       {"tasks", std::move(tasks)}});
        }
        json::array recent;
        for (const auto& r : work.recent) {
          recent.push_back(json::object{{"case_id", r.case_id},
                                        {"case_code", r.case_code},
                                        {"record_id", r.record_id},
                                        {"type", r.type},
                                        {"recorded_at", format_iso_timestamp(r.recorded_at)},
                                        {"recorded_by", r.recorded_by}});
        }
        return json_response(
            Status::ok, {{"cases", std::move(cases)}, {"more_cases", work.more_cases}, {"recent", std::move(recent)}},
            rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/cases/{case_id}/actions",
      .operation_id = "listActions",
      .access = Access::signed_in,
      .permission = {.action = app::Action::read_cases, .scope = CaseScope::case_file},
      .pace = Pace::quick,
      .doc =
          {.summary = "The lifecycle moves the case's stage allows, each allowed now or refused with the clauses and, "
                      "in the request's language, what must happen first (the guards of POST /actions, evaluated "
                      "without moving the case). may_act: whether the reader's role takes actions; may_override: "
                      "whether it may pass over a refusal marked overridable, with a reason. The reading is audited.",
           .answer = "The moves",
           .response =
               "#/components/schemas/CaseActions"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto actions,
                               app::case_actions(ctx, rc.signed_in_actor(), rc.param("case_id"), rc.awaiting));
        return json_response(Status::ok, encode_actions(actions, rc.signed_in_actor().role, rc.language),
                             rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::post,
      .path = "/api/v1/cases/{case_id}/transfer",
      .operation_id = "transferCase",
      .access = Access::signed_in,
      .permission = {.action = app::Action::transfer_case, .scope = CaseScope::case_manage},
      .doc =
          {.summary = "Transfer the case to another centre, which takes over the service. The whole file is disclosed "
                      "to that centre: only the centre head, within a consent in force naming it, for every category "
                      "(I.3.a, I.3.b, I.3.d); the disclosure is recorded and this centre's staff leave the case. A "
                      "closed case is refused (reopen it first); so is a destination whose name another centre shares.",
           .request =
               R"json({"type": "object", "additionalProperties": false, "required": ["centre_id", "version"], "properties": {"centre_id": {"type": "string"}, "version": {"type": "integer"}}})json",
           .answer = "Transferred",
           .response =
               R"json({"type": "object", "properties": {"id": {"type": "string"}, "centre_id": {"type": "string"}, "version": {"type": "integer"}}})json",
           .refusals = "409"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
        codec::ObjectReader in(body, "");
        const std::string centre_id = in.required_string("centre_id");
        const auto version = in.required_integer("version");
        if (auto problem = in.finish()) return fail(*problem);
        HAVEN_ASSIGN_OR_RETURN(auto moved,
                               app::transfer_case(ctx, rc.signed_in_actor(), rc.param("case_id"), centre_id, version));
        return json_response(Status::ok,
                             {{"id", moved.case_id}, {"centre_id", moved.centre_id}, {"version", moved.version}},
                             rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::post,
      .path = "/api/v1/cases/{case_id}/break-glass",
      .operation_id = "breakGlass",
      .access = Access::signed_in,
      .permission = {.action = app::Action::break_glass, .scope = CaseScope::case_manage},
      .doc =
          {.summary = "The centre head opens a case she is not on, in an emergency (I.3.c): a written reason and a "
                      "time limit of 1 to 240 minutes. The opening is recorded on the case (a break_glass record, seen "
                      "by everyone on it) and in the audit log; until it ends, the case's reads answer access.via = "
                      "break_glass. Anyone else: 403.",
           .request =
               R"json({"type": "object", "additionalProperties": false, "required": ["reason", "minutes"], "properties": {"reason": {"type": "string", "minLength": 1, "maxLength": 1000}, "minutes": {"type": "integer", "minimum": 1, "maximum": 240}}})json",
           .status = Status::created,
           .answer = "The break_glass record",
           .response = "#/components/schemas/CaseRecord"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
        codec::ObjectReader in(body, "");
        const std::string reason = in.required_string("reason");
        const auto minutes = in.required_integer("minutes");
        if (auto problem = in.finish()) return fail(*problem);
        HAVEN_ASSIGN_OR_RETURN(auto record,
                               app::break_glass(ctx, rc.signed_in_actor(), rc.param("case_id"), reason,
                                                static_cast<int>(std::clamp<std::int64_t>(minutes, -1, 100000))));
        return json_response(Status::created, encode_record(record), rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/cases/{case_id}/progress",
      .operation_id = "getProgress",
      .access = Access::signed_in,
      .permission = {.action = app::Action::read_cases, .scope = CaseScope::case_file},
      .pace = Pace::quick,
      .doc =
          {.summary = "The victim's progress summary (I.4.d) in plain words, in the request's language: the stage, the "
                      "milestones done with their dates, and what comes next. Internal records are not shown.",
           .parameters = R"json([{"$ref": "#/components/parameters/AcceptLanguage"}])json",
           .answer = "The summary",
           .response =
               R"json({"type": "object", "required": ["stage", "done", "next"], "properties": {"stage": {"type": "string"}, "done": {"type": "array", "items": {"type": "object", "properties": {"date": {"type": "string", "format": "date"}, "text": {"type": "string"}}}}, "next": {"type": "string"}}})json"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto summary,
                               app::case_progress(ctx, rc.signed_in_actor(), rc.param("case_id"), rc.awaiting));
        json::array done;
        for (const auto& step : summary.done) {
          done.push_back(json::object{{"date", format_iso_date(date_of(step.at))},
                                      {"text", i18n::render_message(rc.language, step.message_key)}});
        }
        const std::string stage_key = "stage." + std::string(domain::kCaseStageNames.name(summary.stage));
        return json_response(Status::ok,
                             {{"stage", i18n::render_message(rc.language, stage_key)},
                              {"done", std::move(done)},
                              {"next", i18n::render_message(rc.language, summary.next_key)}},
                             rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/cases/{case_id}/compliance",
      .operation_id = "getCompliance",
      .access = Access::signed_in,
      .permission = {.action = app::Action::read_cases, .scope = CaseScope::case_file},
      .pace = Pace::quick,
      .doc =
          {.summary =
               "Each evaluated clause: met, pending, overdue, not_met or not_applicable, with evidence and the reason.",
           .answer = "Clause states",
           .response =
               "#/components/schemas/Compliance"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto states,
                               app::case_compliance(ctx, rc.signed_in_actor(), rc.param("case_id"), rc.awaiting));
        return json_response(Status::ok, encode_compliance(states, rc.language), rc.request.version());
      }});
  return routes;
}

}  // namespace haven::http
