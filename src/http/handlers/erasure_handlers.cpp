// The end of a case file's life (app/case_erasure.hpp), the centre head's alone:
// POST /cases/{id}/legal-holds places a legal hold, POST /cases/{id}/legal-holds/{hold_id}/lift
// lifts it, and POST /cases/{id}/erasure erases a closed case's file for good. From then on the case
// answers 410 Gone, saying when it was erased.
#include <boost/json.hpp>

#include "app/case_erasure.hpp"
#include "codec/json_input.hpp"
#include "common/iso_time.hpp"
#include "http/case_json.hpp"
#include "http/handlers/handlers.hpp"
#include "http/responses.hpp"

namespace haven::http {

std::vector<RouteSpec> erasure_routes() {
  std::vector<RouteSpec> routes;
  routes.push_back(RouteSpec{
      .method = Verb::post,
      .path = "/api/v1/cases/{case_id}/legal-holds",
      .operation_id = "placeLegalHold",
      .access = Access::signed_in,
      .permission = {.action = app::Action::hold_case_file, .scope = CaseScope::case_manage},
      .doc =
          {.summary = "The centre head places a legal hold: an authority (a court, the police, the procuracy) needs "
                      "the case's file kept, so it cannot be erased while the hold is in force. Recorded on the case "
                      "(a legal_hold record) and in the audit log. She need not be on the case. Anyone else: 403. An "
                      "erased case: 410.",
           .request =
               R"json({"type": "object", "additionalProperties": false, "required": ["authority", "reason"], "properties": {"authority": {"type": "string", "minLength": 1, "maxLength": 300}, "reason": {"type": "string", "minLength": 1, "maxLength": 1000}}})json",
           .status = Status::created,
           .answer = "The legal_hold record",
           .response = "#/components/schemas/CaseRecord"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
        codec::ObjectReader in(body, "");
        const std::string authority = in.required_string("authority");
        const std::string reason = in.required_string("reason");
        if (auto problem = in.finish()) return fail(*problem);
        HAVEN_ASSIGN_OR_RETURN(
            auto record, app::place_legal_hold(ctx, rc.signed_in_actor(), rc.param("case_id"), authority, reason));
        return json_response(Status::created, encode_record(record), rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::post,
      .path = "/api/v1/cases/{case_id}/legal-holds/{hold_id}/lift",
      .operation_id = "liftLegalHold",
      .access = Access::signed_in,
      .permission = {.action = app::Action::hold_case_file, .scope = CaseScope::case_manage},
      .doc =
          {.summary = "The centre head lifts a legal hold in force, with the reason (the proceedings ended). Recorded "
                      "on the case (a legal_hold_lifted record) and in the audit log. A hold that is not in force on "
                      "this case: 409 guard_refused.",
           .request =
               R"json({"type": "object", "additionalProperties": false, "required": ["reason"], "properties": {"reason": {"type": "string", "minLength": 1, "maxLength": 1000}}})json",
           .status = Status::created,
           .answer = "The legal_hold_lifted record",
           .response = "#/components/schemas/CaseRecord",
           .refusals = "409"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
        codec::ObjectReader in(body, "");
        const std::string reason = in.required_string("reason");
        if (auto problem = in.finish()) return fail(*problem);
        HAVEN_ASSIGN_OR_RETURN(auto record, app::lift_legal_hold(ctx, rc.signed_in_actor(), rc.param("case_id"),
                                                                 rc.param("hold_id"), reason));
        return json_response(Status::created, encode_record(record), rc.request.version());
      }});

  routes.push_back(RouteSpec{
      .method = Verb::post,
      .path = "/api/v1/cases/{case_id}/erasure",
      .operation_id = "eraseCase",
      .access = Access::signed_in,
      .permission = {.action = app::Action::erase_case, .scope = CaseScope::case_manage},
      .doc =
          {.summary = "The centre head erases a closed case's file for good (Law 91/2025/QH15 on personal data "
                      "protection): the case's own key is destroyed, so no copy of its sealed fields opens again, and "
                      "what the file held about the person is emptied. The case keeps its code, stage and dates, and "
                      "its audit log; from then on it answers 410. She types the case code back to confirm. Refused "
                      "with 409 guard_refused while the case is open (guard.erasure_case_open) or under a legal hold "
                      "(guard.erasure_legal_hold); anyone but the head: 403.",
           .request =
               R"json({"type": "object", "additionalProperties": false, "required": ["ground", "case_code"], "properties": {"ground": {"type": "string", "enum": ["purpose_ended", "subject_request"], "description": "purpose_ended: the support ended and nothing requires the file kept; subject_request: the person asked"}, "case_code": {"type": "string", "description": "The case code, typed back"}}})json",
           .answer = "Erased",
           .response =
               R"json({"type": "object", "required": ["id", "code", "erased_at", "ground"], "properties": {"id": {"type": "string"}, "code": {"type": "string"}, "erased_at": {"type": "string", "format": "date-time"}, "ground": {"type": "string", "enum": ["purpose_ended", "subject_request"]}}})json",
           .refusals = "409"},
      .handler = [](app::AppContext& ctx, RequestContext& rc) -> Result<Response> {
        HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
        codec::ObjectReader in(body, "");
        const auto ground = in.required_enum("ground", domain::kErasureGroundNames);
        const std::string typed_code = in.required_string("case_code");
        if (auto problem = in.finish()) return fail(*problem);
        HAVEN_ASSIGN_OR_RETURN(auto erased,
                               app::erase_case(ctx, rc.signed_in_actor(), rc.param("case_id"), ground, typed_code));
        return json_response(Status::ok,
                             {{"id", erased.case_id},
                              {"code", erased.code},
                              {"erased_at", format_iso_timestamp(erased.erasure.at)},
                              {"ground", domain::kErasureGroundNames.name(erased.erasure.ground)}},
                             rc.request.version());
      }});
  return routes;
}

}  // namespace haven::http
