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

void add_erasure_routes(Router& router, app::AppContext& ctx) {
  router.add(Verb::post, "/api/v1/cases/{case_id}/legal-holds", "placeLegalHold", Access::signed_in,
             [&ctx](RequestContext& rc) -> Result<Response> {
               HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
               codec::ObjectReader in(body, "");
               const std::string authority = in.required_string("authority");
               const std::string reason = in.required_string("reason");
               if (auto problem = in.finish()) return fail(*problem);
               HAVEN_ASSIGN_OR_RETURN(auto record, app::place_legal_hold(ctx, rc.signed_in_actor(), rc.param("case_id"), authority, reason));
               return json_response(Status::created, encode_record(record), rc.request.version());
             });

  router.add(Verb::post, "/api/v1/cases/{case_id}/legal-holds/{hold_id}/lift", "liftLegalHold", Access::signed_in,
             [&ctx](RequestContext& rc) -> Result<Response> {
               HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
               codec::ObjectReader in(body, "");
               const std::string reason = in.required_string("reason");
               if (auto problem = in.finish()) return fail(*problem);
               HAVEN_ASSIGN_OR_RETURN(auto record, 
                   app::lift_legal_hold(ctx, rc.signed_in_actor(), rc.param("case_id"), rc.param("hold_id"), reason));
               return json_response(Status::created, encode_record(record), rc.request.version());
             });

  router.add(Verb::post, "/api/v1/cases/{case_id}/erasure", "eraseCase", Access::signed_in,
             [&ctx](RequestContext& rc) -> Result<Response> {
               HAVEN_ASSIGN_OR_RETURN(auto body, codec::parse_json_body(rc.request.body()));
               codec::ObjectReader in(body, "");
               const auto ground = in.required_enum("ground", domain::kErasureGroundNames);
               const std::string typed_code = in.required_string("case_code");
               if (auto problem = in.finish()) return fail(*problem);
               HAVEN_ASSIGN_OR_RETURN(auto erased, app::erase_case(ctx, rc.signed_in_actor(), rc.param("case_id"), ground, typed_code));
               return json_response(Status::ok,
                                    {{"id", erased.case_id},
                                     {"code", erased.code},
                                     {"erased_at", format_iso_timestamp(erased.erasure.at)},
                                     {"ground", domain::kErasureGroundNames.name(erased.erasure.ground)}},
                                    rc.request.version());
             });
}

}  // namespace haven::http
