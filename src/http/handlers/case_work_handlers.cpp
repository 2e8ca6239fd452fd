// The routes of the service after reception: a case's records, its lifecycle actions, its open tasks
// and its compliance with the Minimum Standards. Guards answer 409 guard_refused with the clause.
#include <algorithm>

#include <boost/json.hpp>
#include <boost/url/parse.hpp>

#include "app/case_access.hpp"
#include "app/case_work.hpp"
#include "app/my_work.hpp"
#include "app/permissions.hpp"
#include "codec/json_input.hpp"
#include "codec/record_json.hpp"
#include "domain/text_rules.hpp"
#include "http/case_json.hpp"
#include "http/handlers/handlers.hpp"
#include "http/query_parameters.hpp"
#include "http/responses.hpp"
#include "standards/clause.hpp"

namespace haven::http {
namespace {

namespace json = boost::json;

std::string clause_title(std::string_view id, i18n::Language language) {
  const auto* clause = standards::find_clause(id);
  if (!clause) return std::string(id);
  return std::string(language == i18n::Language::en ? clause->title_en : clause->title_vi);
}

json::object encode_task(const app::TaskReport& t, i18n::Language language) {
  return json::object{{"clause", t.clause},
                      {"task", t.task_key},
                      {"what", i18n::render_message(language, t.task_key)},
                      {"due_at", format_iso_timestamp(t.due_at)},
                      {"overdue", t.overdue},
                      {"about_record_id", t.about_record_id}};
}

constexpr int kMaxRecordPage = 500;

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

void add_case_work_routes(Router& router, app::AppContext& ctx) {
  router.add(Verb::get, "/api/v1/cases/{case_id}/records", "listRecords", Access::signed_in,
             [&ctx](RequestContext& rc) -> Result<Response> {
               HAVEN_ASSIGN_OR_RETURN(auto query, record_page_query(rc.request));
               HAVEN_ASSIGN_OR_RETURN(auto page, app::list_records(ctx, rc.signed_in_actor(), rc.param("case_id"), query, rc.awaiting));
               json::array items;
               for (const auto& r : page.records) items.push_back(encode_record(r));
               json::object out{{"items", std::move(items)}, {"total", page.total}};
               if (!page.next.empty()) out["next"] = page.next;
               return json_response(Status::ok, std::move(out), rc.request.version());
             },
             Pace::quick);

  router.add(Verb::post, "/api/v1/cases/{case_id}/records", "addRecord", Access::signed_in,
             [&ctx](RequestContext& rc) -> Result<Response> {
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
               HAVEN_ASSIGN_OR_RETURN(auto record, app::add_record(ctx, rc.signed_in_actor(), rc.param("case_id"), std::move(record_body),
                                             occurred_at, override_reason));
               return json_response(Status::created, encode_record(record), rc.request.version());
             });

  router.add(Verb::post, "/api/v1/cases/{case_id}/actions", "takeAction", Access::signed_in,
             [&ctx](RequestContext& rc) -> Result<Response> {
               HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
               codec::ObjectReader in(body, "");
               const auto action = in.required_enum("action", domain::kLifecycleActionNames);
               const auto version = in.required_integer("version");
               const std::string override_reason = in.optional_string("override_reason");
               if (auto problem = in.finish()) return fail(*problem);
               if (domain::check_narrative(override_reason) != domain::TextProblem::none) {
                 return fail(ErrorCode::validation_failed, "override_reason", "validation.forbidden_characters");
               }
               HAVEN_ASSIGN_OR_RETURN(auto view, app::take_action(ctx, rc.signed_in_actor(), rc.param("case_id"), action, version,
                                            override_reason));
               return json_response(Status::ok, encode_case(view), rc.request.version());
             });

  router.add(Verb::get, "/api/v1/cases/{case_id}/tasks", "listTasks", Access::signed_in,
             [&ctx](RequestContext& rc) -> Result<Response> {
               HAVEN_ASSIGN_OR_RETURN(auto tasks, app::case_tasks(ctx, rc.signed_in_actor(), rc.param("case_id"), rc.awaiting));
               json::array items;
               for (const auto& t : tasks) items.push_back(encode_task(t, rc.language));
               return json_response(Status::ok, {{"items", std::move(items)}}, rc.request.version());
             },
             Pace::quick);

  router.add(Verb::get, "/api/v1/my-work", "getMyWork", Access::signed_in,
             [&ctx](RequestContext& rc) -> Result<Response> {
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
               return json_response(Status::ok,
                                    {{"cases", std::move(cases)}, {"more_cases", work.more_cases}, {"recent", std::move(recent)}},
                                    rc.request.version());
             });

  router.add(Verb::get, "/api/v1/cases/{case_id}/actions", "listActions", Access::signed_in,
             [&ctx](RequestContext& rc) -> Result<Response> {
               HAVEN_ASSIGN_OR_RETURN(auto actions, app::case_actions(ctx, rc.signed_in_actor(), rc.param("case_id"), rc.awaiting));
               const auto role = rc.signed_in_actor().role;
               json::array items;
               for (const auto& a : actions.actions) {
                 json::array refusals;
                 for (const auto& r : a.refusals) {
                   refusals.push_back(json::object{
                       {"clause", r.clause},
                       {"message", i18n::render_message(rc.language, r.message_key, i18n::localize_args(rc.language, r.args))},
                       {"overridable", r.overridable}});
                 }
                 items.push_back(json::object{{"action", domain::kLifecycleActionNames.name(a.action)},
                                              {"to", domain::kCaseStageNames.name(a.to)},
                                              {"allowed", a.refusals.empty()},
                                              {"refusals", std::move(refusals)}});
               }
               return json_response(Status::ok,
                                    {{"version", actions.version},
                                     {"may_act", app::role_may(role, app::Action::move_case)},
                                     {"may_override", role == domain::Role::centre_head},
                                     {"items", std::move(items)}},
                                    rc.request.version());
             },
             Pace::quick);

  router.add(Verb::post, "/api/v1/cases/{case_id}/transfer", "transferCase", Access::signed_in,
             [&ctx](RequestContext& rc) -> Result<Response> {
               HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
               codec::ObjectReader in(body, "");
               const std::string centre_id = in.required_string("centre_id");
               const auto version = in.required_integer("version");
               if (auto problem = in.finish()) return fail(*problem);
               HAVEN_ASSIGN_OR_RETURN(auto moved, app::transfer_case(ctx, rc.signed_in_actor(), rc.param("case_id"), centre_id, version));
               return json_response(Status::ok,
                                    {{"id", moved.case_id}, {"centre_id", moved.centre_id}, {"version", moved.version}},
                                    rc.request.version());
             });

  router.add(Verb::post, "/api/v1/cases/{case_id}/break-glass", "breakGlass", Access::signed_in,
             [&ctx](RequestContext& rc) -> Result<Response> {
               HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
               codec::ObjectReader in(body, "");
               const std::string reason = in.required_string("reason");
               const auto minutes = in.required_integer("minutes");
               if (auto problem = in.finish()) return fail(*problem);
               HAVEN_ASSIGN_OR_RETURN(auto record, app::break_glass(ctx, rc.signed_in_actor(), rc.param("case_id"), reason,
                                              static_cast<int>(std::clamp<std::int64_t>(minutes, -1, 100000))));
               return json_response(Status::created, encode_record(record), rc.request.version());
             });

  router.add(Verb::get, "/api/v1/cases/{case_id}/progress", "getProgress", Access::signed_in,
             [&ctx](RequestContext& rc) -> Result<Response> {
               HAVEN_ASSIGN_OR_RETURN(auto summary, app::case_progress(ctx, rc.signed_in_actor(), rc.param("case_id"), rc.awaiting));
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
             },
             Pace::quick);

  router.add(Verb::get, "/api/v1/cases/{case_id}/compliance", "getCompliance", Access::signed_in,
             [&ctx](RequestContext& rc) -> Result<Response> {
               HAVEN_ASSIGN_OR_RETURN(auto states, app::case_compliance(ctx, rc.signed_in_actor(), rc.param("case_id"), rc.awaiting));
               json::array items;
               for (const auto& s : states) {
                 json::array evidence;
                 for (const auto& id : s.evidence) evidence.emplace_back(id);
                 json::object item{{"clause", s.clause},
                                   {"title", clause_title(s.clause, rc.language)},
                                   {"state", standards::kClauseStateNames.name(s.state)},
                                   {"evidence", std::move(evidence)}};
                 if (!s.reason_key.empty()) item["reason"] = i18n::render_message(rc.language, s.reason_key);
                 items.push_back(std::move(item));
               }
               return json_response(Status::ok, {{"items", std::move(items)}}, rc.request.version());
             },
             Pace::quick);
}

}  // namespace haven::http
