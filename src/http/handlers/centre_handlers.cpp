// The routes of the centre itself: records about its staff and about the centre (Part III, I.2.d,
// II.6.a). Only the centre head writes them.
#include <algorithm>

#include <boost/json.hpp>
#include <boost/url/parse.hpp>

#include "app/centre_work.hpp"
#include "app/dashboard.hpp"
#include "app/staffing.hpp"
#include "codec/centre_record_json.hpp"
#include "codec/json_input.hpp"
#include "http/account_json.hpp"
#include "http/handlers/handlers.hpp"
#include "http/responses.hpp"
#include "i18n/messages.hpp"
#include "standards/clause.hpp"

namespace haven::http {
namespace {

namespace json = boost::json;

json::object deadlines_json(const standards::DeadlinesKept& d) {
  return {{"kept", d.kept}, {"late", d.late}, {"overdue", d.overdue}};
}

json::array months_json(const standards::MonthlyDeadlines& months) {
  json::array out;
  for (const auto& m : months) out.push_back(deadlines_json(m));
  return out;
}

json::object dashboard_json(const app::Dashboard& board, const RequestContext& rc) {
  const auto catalog = standards::clause_catalog();
  json::array stages;
  for (std::size_t i = 0; i < standards::kStageCount; ++i) {
    stages.push_back(json::object{{"stage", domain::kCaseStageNames.entries[i].second},
                                  {"cases", board.cases.by_stage()[i]}});
  }
  json::array overdue;
  for (std::size_t i = 0; i < catalog.size(); ++i) {
    if (const int n = board.cases.overdue_by_clause()[i]; n > 0) {
      overdue.push_back(json::object{{"clause", catalog[i].id}, {"title", clause_title(catalog[i].id, rc.language)}, {"tasks", n}});
    }
  }
  json::array staff;
  for (const auto& s : board.staff) {
    staff.push_back(json::object{{"id", s.id},
                                 {"display_name", s.display_name},
                                 {"role", domain::kRoleNames.name(s.role)},
                                 {"open_cases", s.open_cases},
                                 {"overdue", s.overdue}});
  }
  json::array months;
  for (const auto& m : board.cases.months()) months.emplace_back(format_iso_date(m).substr(0, 7));
  json::array clauses;
  for (std::size_t i = 0; i < catalog.size(); ++i) {
    const auto& trend = board.cases.trend(i);
    if (std::ranges::none_of(trend, [](const auto& m) { return m.due() > 0; })) continue;
    clauses.push_back(json::object{{"clause", catalog[i].id},
                                   {"title", clause_title(catalog[i].id, rc.language)},
                                   {"months", months_json(trend)}});
  }
  json::array referrals;
  for (const auto& r : board.referrals) {
    referrals.push_back(json::object{{"provider", r.provider},
                                     {"status", domain::kReferralStatusNames.name(r.status)},
                                     {"referrals", r.referrals}});
  }
  return {{"generated_at", format_iso_timestamp(board.generated_at)},
          {"open_cases", board.cases.open_cases()},
          {"by_stage", std::move(stages)},
          {"overdue_by_clause", std::move(overdue)},
          {"overdue_unassigned", board.cases.overdue_unassigned()},
          {"staff", std::move(staff)},
          {"trend", json::object{{"months", std::move(months)},
                                 {"total", months_json(board.cases.trend_total())},
                                 {"clauses", std::move(clauses)}}},
          {"referrals", std::move(referrals)}};
}

}  // namespace

std::vector<RouteSpec> centre_routes() {
  std::vector<RouteSpec> routes;
  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/centre/self-assessment",
      .operation_id = "getSelfAssessment",
      .access = Access::signed_in,
      .permission = {.action = app::Action::read_self_assessment},
      .doc =
          {.summary = "The centre's self-assessment (II.4.a): for each of the 59 clauses its basis (cases, staff, "
                      "centre, or a manual item the data cannot show) and the counts met, pending, overdue, not met "
                      "and not applicable; each staff member's screening, supervision, training and caseload (III.1.b, "
                      "III.1.c, III.2.b); the facilities (III.1.a) and stale provider entries (II.6.a). For the period "
                      "from..to (whole days; by default the last 365 days): the cases received by its end and not "
                      "closed before its start, as they stood at its end. A clause no figure shows but a guard "
                      "enforces has basis enforced; a manual one carries the head's latest assessment in the period "
                      "(a manual_assessment centre record: verdict and note), or null. The centre head only.",
           .parameters =
               R"json([{"name": "from", "in": "query", "required": false, "schema": {"type": "string", "format": "date"}}, {"name": "to", "in": "query", "required": false, "schema": {"type": "string", "format": "date"}}])json",
           .answer = "The self-assessment",
           .response =
               R"json({"type": "object", "required": ["from", "to", "cases", "lines", "staff", "centre"], "properties": {"from": {"type": "string", "format": "date"}, "to": {"type": "string", "format": "date"}, "cases": {"type": "integer"}, "lines": {"type": "array", "items": {"type": "object", "properties": {"clause": {"type": "string"}, "title": {"type": "string"}, "basis": {"type": "string", "enum": ["cases", "staff", "centre", "manual", "enforced"]}, "met": {"type": "integer"}, "pending": {"type": "integer"}, "overdue": {"type": "integer"}, "not_met": {"type": "integer"}, "not_applicable": {"type": "integer"}, "assessed": {"type": ["object", "null"], "properties": {"record_id": {"type": "string"}, "verdict": {"type": "string", "enum": ["met", "not_met"]}, "note": {"type": "string"}, "recorded_by": {"type": "string"}, "occurred_at": {"type": "string", "format": "date-time"}}}}}}, "staff": {"type": "array", "items": {"type": "object", "properties": {"staff_id": {"type": "string"}, "screened": {"type": "boolean"}, "direct_support": {"type": "boolean"}, "last_supervision": {"type": ["string", "null"], "format": "date-time"}, "supervision_overdue": {"type": "boolean"}, "trained_in_recovery": {"type": "boolean"}, "trained_in_law": {"type": "boolean"}, "caseload": {"type": "integer"}}}}, "centre": {"type": "object", "properties": {"facilities": {"type": "string"}, "providers": {"type": "integer"}, "stale_providers": {"type": "array", "items": {"type": "string"}}}}}})json"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        // ?from=YYYY-MM-DD&to=YYYY-MM-DD; by default the last 365 days up to today.
        const Date today = date_of(ctx.clock.now());
        Date to = today;
        Date from = std::chrono::sys_days{today} - std::chrono::days{364};
        auto target = boost::urls::parse_origin_form(rc.request.target());
        if (!target) return fail(ErrorCode::validation_failed, "from", "validation.query_parameter");
        for (const auto& param : target->params()) {
          if (param.key != "from" && param.key != "to") continue;
          auto date = parse_iso_date(param.value);
          if (!date) return fail(ErrorCode::validation_failed, std::string(param.key), "validation.date_format");
          (param.key == "from" ? from : to) = *date;
        }
        HAVEN_ASSIGN_OR_RETURN(auto assessment, app::centre_self_assessment(ctx, rc.signed_in_actor(), from, to));
        constexpr const char* kBasis[] = {"cases", "staff", "centre", "manual", "enforced"};
        json::array lines;
        for (const auto& l : assessment.lines) {
          json::object line{{"clause", l.clause},
                            {"title", clause_title(l.clause, rc.language)},
                            {"basis", kBasis[static_cast<int>(l.basis)]},
                            {"met", l.met},
                            {"pending", l.pending},
                            {"overdue", l.overdue},
                            {"not_met", l.not_met},
                            {"not_applicable", l.not_applicable},
                            {"assessed", nullptr}};
          // A manual item: the head's latest assessment of it in the period, if any.
          if (const auto found = assessment.manual.find(l.clause);
              l.basis == standards::SelfAssessmentLine::Basis::manual && found != assessment.manual.end()) {
            const auto& assessed = found->second.as<domain::ManualAssessment>();
            line["assessed"] = json::object{{"record_id", found->second.id},
                                            {"verdict", domain::kAssessmentVerdictNames.name(assessed.verdict)},
                                            {"note", assessed.note},
                                            {"recorded_by", found->second.recorded_by},
                                            {"occurred_at", format_iso_timestamp(found->second.occurred_at)}};
          }
          lines.push_back(std::move(line));
        }
        json::array staff;
        for (const auto& s : assessment.staff) {
          json::object item{{"staff_id", s.staff_id},
                            {"screened", s.screened},
                            {"direct_support", s.direct_support},
                            {"last_supervision", nullptr},
                            {"supervision_overdue", s.supervision_overdue},
                            {"trained_in_recovery", s.trained_in_recovery},
                            {"trained_in_law", s.trained_in_law},
                            {"caseload", s.caseload}};
          if (s.last_supervision) item["last_supervision"] = format_iso_timestamp(*s.last_supervision);
          staff.push_back(std::move(item));
        }
        json::array stale;
        for (const auto& name : assessment.stale_providers) stale.emplace_back(name);
        return json_response(
            Status::ok,
            {{"from", format_iso_date(assessment.from)},
             {"to", format_iso_date(assessment.to)},
             {"cases", assessment.cases},
             {"lines", std::move(lines)},
             {"staff", std::move(staff)},
             {"centre", json::object{{"facilities", standards::kClauseStateNames.name(assessment.facilities)},
                                     {"providers", assessment.providers},
                                     {"stale_providers", std::move(stale)}}}},
            rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/centre/dashboard",
      .operation_id = "getDashboard",
      .access = Access::signed_in,
      .permission = {.action = app::Action::read_centre_dashboard},
      .doc =
          {.summary = "The centre head's dashboard, figures only (no case is named, I.3.c): the centre's cases by "
                      "stage, the items overdue now by clause and, per member of staff who carries cases, their open "
                      "cases (as the staffing queue counts them) and the overdue items on the cases they are "
                      "assigned to, and those on cases nobody still working is assigned to, yet or any longer "
                      "(overdue_unassigned: a disabled account's cases count here); a 12-month trend (calendar "
                      "months, UTC, the last is "
                      "this one) of the deadlines that fell due in each month, kept, late or still overdue, in all "
                      "and by clause; the referrals made by provider (as typed) and latest outcome (II.6.e; sent "
                      "while none came back). The centre head only.",
           .answer = "The dashboard",
           .response = "#/components/schemas/Dashboard"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto board, app::centre_dashboard(ctx, rc.signed_in_actor()));
        return json_response(Status::ok, dashboard_json(board, rc), rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/centre/records",
      .operation_id = "listCentreRecords",
      .access = Access::signed_in,
      .permission = {.action = app::Action::read_centre_records},
      .doc =
          {.summary = "The centre's records about itself (facilities, the provider directory) and its staff "
                      "(qualifications, training, screening, supervision, matching). Staff see the centre's own and "
                      "those about themselves; the head sees all.",
           .answer = "Records",
           .response =
               R"json({"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/CentreRecord"}}}})json"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto records, app::list_centre_records(ctx, rc.signed_in_actor()));
        json::array items;
        for (const auto& r : records) items.push_back(encode_centre_record(r));
        return json_response(Status::ok, {{"items", std::move(items)}}, rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/centre/providers",
      .operation_id = "listProviders",
      .access = Access::signed_in,
      .permission = {.action = app::Action::read_centre_records},
      .doc =
          {.summary = "The provider directory (II.6.a): the latest entry of each provider (service_provider centre "
                      "records, by name), each with stale true when not verified within stale_after_days, the "
                      "deployment's provider_stale_days. For the list a victim is given.",
           .answer = "The directory",
           .response =
               R"json({"type": "object", "properties": {"items": {"type": "array", "items": {"allOf": [{"$ref": "#/components/schemas/CentreRecord"}], "properties": {"stale": {"type": "boolean"}}}}, "stale_after_days": {"type": "integer"}}})json"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto directory, app::provider_directory(ctx, rc.signed_in_actor()));
        json::array items;
        for (const auto& e : directory.entries) {
          auto item = encode_centre_record(e.record);
          item["stale"] = e.stale;
          items.push_back(std::move(item));
        }
        return json_response(Status::ok,
                             {{"items", std::move(items)}, {"stale_after_days", directory.stale_after_days}},
                             rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/centre/staff",
      .operation_id = "listStaff",
      .access = Access::signed_in,
      .permission = {.action = app::Action::read_centre_records},
      .doc =
          {.summary = "The centre's staff by name and role (not external providers' accounts), so that records naming "
                      "a member of staff read as people.",
           .answer = "Staff",
           .response =
               R"json({"type": "object", "properties": {"items": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "display_name": {"type": "string"}, "role": {"type": "string"}, "disabled": {"type": "boolean"}}}}}})json"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto staff, app::list_colleagues(ctx, rc.signed_in_actor()));
        json::array items;
        for (const auto& s : staff) {
          items.push_back(json::object{{"id", s.id},
                                       {"display_name", s.display_name},
                                       {"role", domain::kRoleNames.name(s.role)},
                                       {"disabled", s.disabled}});
        }
        return json_response(Status::ok, {{"items", std::move(items)}}, rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/centre/staffing",
      .operation_id = "getStaffingQueue",
      .access = Access::signed_in,
      .permission = {.action = app::Action::manage_case_staff},
      .doc =
          {.summary = "The centre head's staffing queue: the open cases with nobody on them, or no case worker or no "
                      "counsellor (by code, stage and reception date only: no names, I.3.c), longest waiting first, "
                      "and the staff she may put on them with their screening (III.1.b), sex and languages (II.1.b) "
                      "and open caseload, least loaded first. She assigns and releases with staff_assignment and "
                      "staff_assignment_ended records (POST /cases/{case_id}/records), without being on the case; "
                      "an unscreened member of staff is refused (409 III.1.b), an assignment without the declaration "
                      "of no conflict of interest too (409 III.2.c). The centre head only.",
           .answer = "The staffing queue",
           .response = "#/components/schemas/StaffingQueue"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto queue, app::staffing_queue(ctx, rc.signed_in_actor()));
        json::array cases;
        for (const auto& g : queue.cases) {
          json::array missing;
          if (!g.has_case_worker) missing.emplace_back("case_worker");
          if (!g.has_counsellor) missing.emplace_back("counsellor");
          cases.push_back(json::object{{"id", g.case_id},
                                       {"code", g.code},
                                       {"stage", domain::kCaseStageNames.name(g.stage)},
                                       {"received_at", format_iso_timestamp(g.received_at)},
                                       {"staff_on_case", g.staff_on_case},
                                       {"missing", std::move(missing)}});
        }
        json::array staff;
        for (const auto& c : queue.staff) {
          json::array languages;
          for (const auto& l : c.languages) languages.emplace_back(l);
          staff.push_back(json::object{{"id", c.id},
                                       {"display_name", c.display_name},
                                       {"role", domain::kRoleNames.name(c.role)},
                                       {"screened", c.screened},
                                       {"sex", domain::kSexNames.name(c.sex)},
                                       {"languages", std::move(languages)},
                                       {"open_cases", c.open_cases}});
        }
        return json_response(Status::ok,
                             {{"cases", std::move(cases)}, {"total", queue.total}, {"staff", std::move(staff)}},
                             rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::post,
      .path = "/api/v1/centre/records",
      .operation_id = "addCentreRecord",
      .access = Access::signed_in,
      .permission = {.action = app::Action::manage_centre_records},
      .doc = {.summary = "Add a centre or staff record (the centre head only). A staff record names its subject, a "
                         "member of the centre's staff.",
              .request = "#/components/schemas/NewCentreRecord",
              .status = Status::created,
              .answer = "The record",
              .response = "#/components/schemas/CentreRecord"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
        codec::ObjectReader in(body, "");
        const std::string type = in.required_string("type");
        const Timestamp occurred_at = in.required_timestamp("occurred_at");
        std::string subject = in.optional_string("subject");
        const auto* content = in.required_object("body");
        if (auto problem = in.finish()) return fail(*problem);
        if (!codec::centre_record_type_index(type))
          return tl::unexpected(codec::not_one_of("type", domain::kCentreRecordTypeNames));
        HAVEN_ASSIGN_OR_RETURN(auto record_body, codec::decode_centre_record_body(type, *content, "body"));
        HAVEN_ASSIGN_OR_RETURN(auto record, app::add_centre_record(ctx, rc.signed_in_actor(), std::move(subject),
                                                                   std::move(record_body), occurred_at));
        return json_response(Status::created, encode_centre_record(record), rc.request.version());
      }});
  return routes;
}

}  // namespace haven::http
