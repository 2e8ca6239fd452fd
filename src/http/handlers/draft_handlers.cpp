// Drafts (app/drafts.hpp): PUT keeps what the reader typed into a form, GET gives it back, DELETE
// discards it; under /cases/{case_id}/drafts for a case's forms, under /drafts for the reception form,
// which has no case yet. Each person sees only their own.
#include <boost/json.hpp>

#include "app/drafts.hpp"
#include "codec/json_input.hpp"
#include "common/iso_time.hpp"
#include "http/handlers/handlers.hpp"
#include "http/responses.hpp"

namespace haven::http {

namespace {

namespace json = boost::json;

json::object encode_summary(const domain::Draft& draft) {
  return {{"form", draft.form}, {"saved_at", format_iso_timestamp(draft.saved_at)}};
}

json::object encode_draft(const domain::Draft& draft) {
  json::object out = encode_summary(draft);
  // Stored as the browser sent it, and a JSON object then (save_draft); parsed back only to nest it.
  out["content"] = json::parse(draft.content);
  return out;
}

// The case the route names; empty on /drafts/{form}, the reception form's.
std::string_view case_of(const RequestContext& rc) {
  const auto found = rc.path_params.find("case_id");
  return found == rc.path_params.end() ? std::string_view{} : std::string_view(found->second);
}

Result<Response> save(app::AppContext& ctx, RequestContext& rc) {
  HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
  codec::ObjectReader in(body, "");
  const auto* content = in.required_object("content");
  if (auto problem = in.finish()) return fail(*problem);
  HAVEN_ASSIGN_OR_RETURN(auto draft,
                         app::save_draft(ctx, rc.signed_in_actor(), case_of(rc), rc.param("form"), json::serialize(*content)));
  return json_response(Status::ok, encode_summary(draft), rc.request.version());
}

Result<Response> open(app::AppContext& ctx, RequestContext& rc) {
  HAVEN_ASSIGN_OR_RETURN(auto draft,
                         app::open_draft(ctx, rc.signed_in_actor(), case_of(rc), rc.param("form"), rc.awaiting));
  return json_response(Status::ok, encode_draft(draft), rc.request.version());
}

Result<Response> discard(app::AppContext& ctx, RequestContext& rc) {
  HAVEN_TRY(app::discard_draft(ctx, rc.signed_in_actor(), case_of(rc), rc.param("form")));
  return empty_response(Status::no_content, rc.request.version());
}

constexpr std::string_view kSaveRequest =
    R"json({"type": "object", "additionalProperties": false, "required": ["content"], "properties": {"content": {"type": "object", "description": "The form as the browser holds it; at most 256 KiB of JSON (413 on content past it)."}}})json";

}  // namespace

std::vector<RouteSpec> draft_routes() {
  std::vector<RouteSpec> routes;
  routes.push_back(RouteSpec{
      .method = Verb::get,
      .path = "/api/v1/cases/{case_id}/drafts",
      .operation_id = "listCaseDrafts",
      .access = Access::signed_in,
      .permission = {.action = app::Action::add_record, .scope = CaseScope::case_file},
      .pace = Pace::quick,
      .doc = {.summary = "The reader's own drafts of this case's forms, newest first, without their content. Audited as "
                         "a reading of the case; someone not on it: 403 (I.3.c).",
              .answer = "The reader's drafts",
              .response = "#/components/schemas/DraftList"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto drafts, app::list_drafts(ctx, rc.signed_in_actor(), case_of(rc), rc.awaiting));
        json::array items;
        for (const auto& d : drafts) items.push_back(json::object{{"form", d.form}, {"saved_at", format_iso_timestamp(d.saved_at)}});
        return json_response(Status::ok, {{"items", std::move(items)}}, rc.request.version());
      }});
  for (const std::string_view path : {std::string_view("/api/v1/cases/{case_id}/drafts/{form}"),
                                      std::string_view("/api/v1/drafts/{form}")}) {
    const bool of_case = path.starts_with("/api/v1/cases/");
    const Permission permission = of_case
                                      ? Permission{.action = app::Action::add_record, .scope = CaseScope::case_file}
                                      : Permission{.action = app::Action::register_case};
    routes.push_back(RouteSpec{
        .method = Verb::put,
        .path = path,
        .operation_id = of_case ? "saveCaseDraft" : "saveReceptionDraft",
        .access = Access::signed_in,
        .permission = permission,
        .doc = {.summary = of_case ? "Keep what the reader typed into one of this case's forms (form: e.g. "
                                     "record.counselling_session), sealed under the case's key, replacing their "
                                     "earlier draft of it. Not a record: it counts for no clause. Audited "
                                     "(draft.save); someone not on the case: 403 (I.3.c)."
                                   : "Keep what the reader typed into the reception form (form: reception), sealed, "
                                     "before there is a case. Audited (draft.save).",
                .request = kSaveRequest,
                .answer = "Kept",
                .response = "#/components/schemas/Draft"},
        .handler = save});
    routes.push_back(RouteSpec{
        .method = Verb::get,
        .path = path,
        .operation_id = of_case ? "getCaseDraft" : "getReceptionDraft",
        .access = Access::signed_in,
        .permission = permission,
        .pace = of_case ? Pace::quick : Pace::may_wait,
        .doc = {.summary = of_case ? "The reader's draft of this form of the case, to offer back when the form opens "
                                     "again; 404 when there is none. Audited as a reading of the case."
                                   : "The reader's draft of the reception form; 404 when there is none.",
                .answer = "The draft",
                .response = "#/components/schemas/Draft"},
        .handler = open});
    routes.push_back(RouteSpec{
        .method = Verb::delete_,
        .path = path,
        .operation_id = of_case ? "discardCaseDraft" : "discardReceptionDraft",
        .access = Access::signed_in,
        .permission = permission,
        .doc = {.summary = "Discard the reader's draft of this form (after saving the form, or when they choose to): "
                           "204 whether or not there was one. Audited (draft.discard).",
                .status = Status::no_content,
                .answer = "Discarded"},
        .handler = discard});
  }
  return routes;
}

}  // namespace haven::http
