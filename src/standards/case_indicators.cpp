#include "standards/case_indicators.hpp"

#include <algorithm>

#include "standards/guards.hpp"

namespace haven::standards {
namespace {

using domain::CaseStage;

bool reintegration_begun(const CaseHistory& history) {
  return history.file.stage == CaseStage::reintegration || history.file.stage == CaseStage::monitoring;
}

// A closed case that went through reintegration: closing normally needs monitoring (and its
// checklist), and follow-up contacts happen only while monitoring. One closed from an earlier stage
// (repatriated, or contact lost) never reached it.
bool closed_after_reintegration(const CaseHistory& history) {
  return history.file.stage == CaseStage::closed &&
         (history.first<domain::ClosureChecklist>() || history.first<domain::FollowUpContact>());
}

bool closed(const CaseHistory& history) { return history.file.stage == CaseStage::closed; }

}  // namespace

void visit_case_indicators(const CaseHistory& history, const Parameters& /*params*/, const IndicatorVisitor& visit) {
  // I.1.c: safety and health guidance, due before reintegration (its guard); missing once it began
  // (a case that predates the rule, or moved on by an override) is not met.
  if (const auto* guidance = guidance_that_counts(history)) {
    visit({"I.1.c", ClauseState::met, Reason::none, guidance});
  } else if (reintegration_begun(history) || closed_after_reintegration(history)) {
    visit({"I.1.c", ClauseState::not_met, Reason::guidance_missing, nullptr});
  } else if (closed(history)) {
    visit({"I.1.c", ClauseState::not_applicable, Reason::closed_before_reintegration, nullptr});
  } else {
    visit({"I.1.c", ClauseState::pending, Reason::before_reintegration, nullptr});
  }

  // I.2.a: every need identified is met by a service delivered here or a referral.
  bool any_need = false;
  for (const auto& need : history.records) {
    if (!need.is<domain::IdentifiedNeed>()) continue;
    any_need = true;
    const auto* answer = history.first_where<domain::NeedAddressed>(
        [&need](const domain::CaseRecord& a) { return a.as<domain::NeedAddressed>().need_id == need.id; });
    if (answer) {
      visit({"I.2.a", ClauseState::met, Reason::none, answer});
    } else {
      visit({"I.2.a", ClauseState::pending, Reason::needs_open, &need});
    }
  }
  if (!any_need) visit({"I.2.a", ClauseState::not_applicable, Reason::no_needs, nullptr});

  // I.5.a: a foreign victim's wish about returning is asked and recorded.
  if (!history.foreign()) {
    visit({"I.5.a", ClauseState::not_applicable, Reason::not_foreign, nullptr});
  } else if (const auto* wish = history.latest<domain::RepatriationWish>()) {
    visit({"I.5.a", ClauseState::met, Reason::none, wish});
  } else {
    // Closed without ever asking the victim whether they wished to go home: not met.
    visit({"I.5.a", closed(history) ? ClauseState::not_met : ClauseState::pending, Reason::repatriation_wish_missing, nullptr});
  }

  // I.5.c: with a disadvantage noted, an expert and the relatives are consulted.
  const bool disadvantaged = std::any_of(history.records.begin(), history.records.end(), [](const domain::CaseRecord& r) {
    return r.is<domain::DisadvantageNoted>() &&
           (r.as<domain::DisadvantageNoted>().physical || r.as<domain::DisadvantageNoted>().mental);
  });
  if (!disadvantaged) {
    visit({"I.5.c", ClauseState::not_applicable, Reason::no_disadvantage, nullptr});
  } else if (!guard_disadvantage_consultation(history)) {
    visit({"I.5.c", ClauseState::met, Reason::none, history.latest<domain::ExpertAndFamilyConsultation>()});
  } else {
    visit({"I.5.c", closed(history) ? ClauseState::not_met : ClauseState::pending, Reason::consultation_missing, nullptr});
  }

  // III.2.a: the file holds the information every case needs, and it is consistent: the reception
  // complete (II.1.a), the person's languages, the intake assessment, and someone on the case.
  const auto& reception = history.file.reception;
  const bool complete = !reception.legal_basis.empty() && !reception.referring_authority.empty() &&
                        !history.file.person.languages.empty() && history.first<domain::IntakeAssessment>() &&
                        history.staffed();
  if (complete) {
    visit({"III.2.a", ClauseState::met, Reason::none, history.first<domain::IntakeAssessment>()});
  } else {
    visit({"III.2.a", history.file.stage == CaseStage::received ? ClauseState::pending : ClauseState::not_met,
           Reason::file_incomplete, nullptr});
  }

  // Overrides: a clause the centre head passed over counts as not met, with the override as evidence.
  for (const auto& r : history.records) {
    if (!r.is<domain::GuardOverride>()) continue;
    for (const auto& clause : r.as<domain::GuardOverride>().clauses) {
      if (clause_index(clause)) visit({clause, ClauseState::not_met, Reason::overridden, &r});
    }
  }

  // II.5.a: the victim took part in the plan in force.
  if (const auto* plan = history.latest<domain::ReintegrationPlan>()) {
    const bool took_part = plan->as<domain::ReintegrationPlan>().victim_participated;
    visit({"II.5.a", took_part ? ClauseState::met : ClauseState::not_met,
           took_part ? Reason::none : Reason::victim_not_involved, plan});
  } else {
    visit({"II.5.a", ClauseState::not_applicable, Reason::no_plan, nullptr});
  }

  // II.6.a: the victim has been given the list of service providers (before any referral: its guard).
  if (const auto* given = history.first<domain::ProviderListGiven>()) {
    visit({"II.6.a", ClauseState::met, Reason::none, given});
  } else if (history.first<domain::Referral>()) {
    visit({"II.6.a", ClauseState::not_met, Reason::referred_before_list, nullptr});
  } else if (closed(history)) {
    visit({"II.6.a", ClauseState::not_applicable, Reason::no_referral, nullptr});
  } else {
    visit({"II.6.a", ClauseState::pending, Reason::before_referral, nullptr});
  }
}

}  // namespace haven::standards
