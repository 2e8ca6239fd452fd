// Disclosure requests (I.3.a without break-glass): a worker on the case prepares a package and asks
// for its release; the centre head sees the requests of her centre, reads exactly what would leave
// (audited as a reading of that package) and approves or declines with a reason, without being on the
// case. The request and the decision are records of the case (disclosure_request, written by the
// server with the request; disclosure_decision, with the decision), so the timeline tells who asked,
// who decided and why; an approval releases through the one gate (I.3.b, I.3.d, II.6.d still apply)
// and writes the disclosure record in the same transaction.
//
//   auto asked = request_disclosure(ctx, worker, case_id, terms);                 // 409 if the gate refuses now
//   auto queue = pending_disclosure_requests(ctx, head);                          // oldest first
//   auto package = disclosure_request_package(ctx, head, case_id, asked->id);     // audited reading
//   auto decided = decide_disclosure_request(ctx, head, case_id, asked->id, {.verdict = DisclosureVerdict::approve});
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/actor.hpp"
#include "app/app_context.hpp"
#include "app/disclosure_packages.hpp"
#include "common/enum_names.hpp"
#include "domain/case_record.hpp"

namespace haven::app {

// Anyone on the case who records the service asks; refused (guard_refused) when the gate would refuse
// it for anything but the head's approval (a missing consent: record it first), and for a case
// transfer (POST /cases/{id}/transfer). Returns the request record.
Result<domain::CaseRecord> request_disclosure(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                              const domain::Disclosure& terms);

struct PendingDisclosureRequest {
  std::string case_id;
  std::string case_code;
  domain::CaseRecord request;  // a disclosure_request record
};
// The centre head's queue: the requests of her centre not yet decided, oldest first.
Result<std::vector<PendingDisclosureRequest>> pending_disclosure_requests(AppContext& ctx, const Actor& head);

// What the request would send now, with what the gate still refuses; the head reads it without being
// on the case, audited as a reading of the case ("case.read", naming the request).
Result<DisclosurePackage> disclosure_request_package(AppContext& ctx, const Actor& head, std::string_view case_id,
                                                     std::string_view request_id);

enum class DisclosureVerdict { approve, decline };
inline constexpr EnumNames<DisclosureVerdict, 2> kDisclosureVerdictNames{{{
    {DisclosureVerdict::approve, "approve"},
    {DisclosureVerdict::decline, "decline"},
}}};

struct DisclosureDecisionInput {
  DisclosureVerdict verdict = DisclosureVerdict::decline;
  std::string reason;  // required to decline; kept with an approval when given
};
struct DecidedDisclosure {
  domain::CaseRecord decision;               // the disclosure_decision record
  std::optional<DisclosurePackage> package;  // an approval: the package released, with its disclosure record
};
// The head's decision: forbidden for anyone else, and for the head who asked (nobody approves her own
// request: she releases it herself, on the case); not_found for no such request on the case;
// already_exists (409) once decided; guard_refused (409) when the gate refuses the approval now.
Result<DecidedDisclosure> decide_disclosure_request(AppContext& ctx, const Actor& head, std::string_view case_id,
                                                    std::string_view request_id,
                                                    const DisclosureDecisionInput& input);

}  // namespace haven::app
