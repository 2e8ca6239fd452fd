// Guards: an action on a case is allowed, or refused with the clauses it would break and a message
// key saying what must happen first. Pure: the case's history, the parameters and the time come in.
//
//   auto decision = check_action(history, domain::LifecycleAction::begin_identification, params, now);
//   if (!decision.allowed()) return refusal_error(decision);   // 409, clause "II.1.e"
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "domain/case_lifecycle.hpp"
#include "domain/case_record.hpp"
#include "domain/staff.hpp"
#include "standards/case_history.hpp"
#include "standards/parameters.hpp"
#include "standards/team.hpp"

namespace haven::standards {

struct Refusal {
  std::string clause;       // e.g. "II.1.e"
  std::string message_key;  // catalog key (i18n/messages.cpp), in vi and en
  std::vector<MessageArg> args;
  bool overridable = false;  // a role allowed to may proceed with a written reason (recorded, counted)
};

// Who is writing a record: some records need a role (a disclosure, the centre head's: I.3.a), some
// a qualification (counselling, the identification interview: I.2.d).
struct Author {
  domain::Role role = domain::Role::case_worker;
  const StaffFacts* facts = nullptr;  // nullptr: nothing is known of them, so no qualification
};

struct GuardDecision {
  std::vector<Refusal> refusals;
  bool allowed() const { return refusals.empty(); }
};

// A lifecycle move: is it a move from this stage at all, and do the standards allow it now?
GuardDecision check_action(const CaseHistory& history, domain::LifecycleAction action, const Parameters& params,
                           Timestamp now);

// What refuses a record of type `type` (an index of domain::RecordBody) whatever is written in it: the
// records the file must hold first (a need before a service answering one: I.2.a), and who may write
// it (a disclosure, the centre head: I.3.a; counselling, a qualified counsellor: I.2.d). Answered
// before anyone types (GET /cases/{id}/record-types); check_new_record() refuses the same and more.
GuardDecision check_record_type(const CaseHistory& history, std::size_t type, const Author& author,
                                const Parameters& params, Timestamp now);

// Recording a new record: check_record_type() for its type, then what is written in it. A clause
// the type already refuses is not refused again for the content.
// Whether the guards of a new record weigh the centre's other staff (an assignment, a designation):
// only then is `team` read, and the caller need load it.
bool reads_team(const domain::RecordBody& body);
// `team` is the centre's staff, for the records that name one of them (an assignment, a designation).
GuardDecision check_new_record(const CaseHistory& history, const domain::RecordBody& body, const Author& author,
                               const Team& team, const Parameters& params, Timestamp now);

// The named guards, each enforcing one clause; the functions above combine them.
std::optional<Refusal> guard_identification_after_care(const CaseHistory& history);              // II.1.e
std::optional<Refusal> guard_closure_checklist(const CaseHistory& history);                       // II.8.c
std::optional<Refusal> guard_lost_contact_attempts(const CaseHistory& history, const Parameters&);  // II.8.d
std::optional<Refusal> guard_plan_uses_latest_risk_assessment(const CaseHistory& history,
                                                              const domain::ReintegrationPlan& plan);  // II.4.c
std::optional<Refusal> guard_plan_complete(const domain::ReintegrationPlan& plan);                    // II.5.e
std::optional<Refusal> guard_plan_built_on_strengths(const domain::ReintegrationPlan& plan);          // II.5.b
std::optional<Refusal> guard_child_education(const CaseHistory& history,
                                             const domain::ReintegrationPlan& plan);                  // II.7.c
std::optional<Refusal> guard_destination_chosen_by_victim(const CaseHistory& history);                // II.7.a
std::optional<Refusal> guard_reintegration_assessed(const CaseHistory& history);                      // II.7.b
std::optional<Refusal> guard_final_plan_in_force(const CaseHistory& history);                         // II.5.e
std::optional<Refusal> guard_referral_after_recovery_assessment(const CaseHistory& history, const Parameters& params,
                                                               Timestamp now);                       // II.6.b
std::optional<Refusal> guard_referral_respects_victim(const domain::Referral& referral);             // II.6.c
std::optional<Refusal> guard_resolution_names_a_complaint(const CaseHistory& history,
                                                          const domain::ComplaintResolution& resolution);  // I.1.d
std::optional<Refusal> guard_referral_update_names_a_referral(const CaseHistory& history,
                                                              const domain::ReferralUpdate& update);  // II.6.e
// A record that answers another (a service a need, a resolution a complaint, an update a referral, a
// withdrawal a consent) has nothing to answer until the file holds one: I.2.a, I.1.d, II.6.e, I.3.b.
std::optional<Refusal> guard_something_to_answer(const CaseHistory& history, std::size_t type);

std::optional<Refusal> guard_safety_guidance_given(const CaseHistory& history);                      // I.1.c
const domain::CaseRecord* guidance_that_counts(const CaseHistory& history);  // the record I.1.c accepts, if any
std::optional<Refusal> guard_need_addressed_names_a_need(const CaseHistory& history,
                                                         const domain::NeedAddressed& addressed);    // I.2.a
std::optional<Refusal> guard_victim_views(std::string_view views, std::string_view message_key);    // I.4.c
std::optional<Refusal> guard_plan_is_the_victims(const domain::ReintegrationPlan& plan);             // I.5.b
std::optional<Refusal> guard_closure_is_the_victims(const CaseHistory& history);                    // I.4.c, I.5.b
std::optional<Refusal> guard_disadvantage_consultation(const CaseHistory& history);                 // I.5.c
std::optional<Refusal> guard_child_view_overruled_for_safety(const CaseHistory& history,
                                                             const domain::ReintegrationDecision& d);  // I.5.d
std::optional<Refusal> guard_interview_record_complete(const domain::IdentificationInterview& r);   // II.2.b
std::optional<Refusal> guard_own_assessment_before_planning(const CaseHistory& history);            // II.4.d
std::optional<Refusal> guard_plan_actions_answer_needs(const CaseHistory& history,
                                                       const domain::ReintegrationPlan& plan);       // II.5.c
std::optional<Refusal> guard_provider_list_given(const CaseHistory& history);                       // II.6.a
std::optional<Refusal> guard_repatriation_wished(const CaseHistory& history);                       // I.5.a
std::optional<Refusal> guard_repatriation_safe(const CaseHistory& history);                         // I.5.a
std::optional<Refusal> guard_consent_informed(const domain::Consent& consent);                      // I.3.b
std::optional<Refusal> guard_withdrawal_names_a_consent(const CaseHistory& history,
                                                        const domain::ConsentWithdrawal& withdrawal);  // I.3.b

// The first refusal as an Error for the API: version-independent 409 with the clause.
Error refusal_error(const GuardDecision& decision);

}  // namespace haven::standards
