#include "standards/guards.hpp"

#include <algorithm>
#include <set>

#include "standards/disclosure_gate.hpp"
#include "standards/staff_guards.hpp"

namespace haven::standards {

using domain::LifecycleAction;

namespace {

// Text that says something: a field of spaces does not record anyone's views.
bool filled(std::string_view text) { return text.find_first_not_of(" \t\r\n") != std::string_view::npos; }

// Whether the case holds a record of type T with this ID (a record answering another must name one).
template <class T>
bool has_record(const CaseHistory& history, std::string_view id) {
  const auto records = history.all<T>();
  return std::any_of(records.begin(), records.end(), [id](const auto* r) { return r->id == id; });
}

}  // namespace

std::optional<Refusal> guard_identification_after_care(const CaseHistory& history) {
  // II.1.e: identification interviews only after the most important health and psychological
  // recovery services: a health check and a first counselling session must be on the file.
  const bool health = history.first<domain::HealthCheck>() != nullptr;
  const bool psychological = history.first<domain::CounsellingSession>() != nullptr;
  if (health && psychological) return std::nullopt;
  Refusal r{"II.1.e", "guard.identification_after_care", {}, false};
  r.args.push_back({"missing", !health && !psychological ? "guard.missing.health_and_counselling"
                               : !health                 ? "guard.missing.health_check"
                                                         : "guard.missing.counselling"});
  return r;
}

std::optional<Refusal> guard_closure_checklist(const CaseHistory& history) {
  // II.8.c: before closing, health improved, psychological condition stable, confident in family and
  // community, and the economic prospects and discrimination risks assessed.
  const auto* latest = history.latest<domain::ClosureChecklist>();
  if (latest) {
    const auto& c = latest->as<domain::ClosureChecklist>();
    if (c.health_improved && c.psychological_condition_stable && c.confident_in_family_and_community &&
        c.economic_prospects_assessed && c.discrimination_risks_assessed) {
      return std::nullopt;
    }
  }
  return Refusal{"II.8.c", "guard.closure_checklist", {}, false};
}

std::optional<Refusal> guard_lost_contact_attempts(const CaseHistory& history, const Parameters& params) {
  // II.8.d: before closing for lost contact, documented attempts to reach the victim, the family and
  // other service providers: at least N unanswered attempts over at least M channels.
  const auto min_attempts = params.value("II.8.d", "lost_contact_min_attempts");
  const auto min_channels = params.value("II.8.d", "lost_contact_min_channels");
  std::int64_t attempts = 0;
  std::set<domain::ContactChannel> channels;
  for (const auto* record : history.all<domain::ContactAttempt>()) {
    const auto& attempt = record->as<domain::ContactAttempt>();
    if (attempt.reached) continue;
    ++attempts;
    channels.insert(attempt.channel);
  }
  if (attempts >= min_attempts && static_cast<std::int64_t>(channels.size()) >= min_channels) return std::nullopt;
  Refusal r{"II.8.d", "guard.lost_contact_attempts", {}, false};
  r.args = {{"attempts", std::to_string(attempts)},
            {"channels", std::to_string(channels.size())},
            {"min_attempts", std::to_string(min_attempts)},
            {"min_channels", std::to_string(min_channels)}};
  return r;
}

std::optional<Refusal> guard_plan_uses_latest_risk_assessment(const CaseHistory& history,
                                                              const domain::ReintegrationPlan& plan) {
  // II.4.c: the result of the risk assessment is an input of the plan, and it must be the latest one.
  const auto* latest = history.latest<domain::ReturnRiskAssessment>();
  if (latest && plan.risk_assessment_id == latest->id) return std::nullopt;
  return Refusal{"II.4.c", latest ? "guard.plan_stale_risk_assessment" : "guard.plan_without_risk_assessment", {}, false};
}

std::optional<Refusal> guard_plan_complete(const domain::ReintegrationPlan& plan) {
  // II.5.e: a final plan has purposes, challenges, procedures, time frame and service providers.
  if (!plan.final) return std::nullopt;
  if (filled(plan.purposes) && filled(plan.challenges) && filled(plan.procedures) && filled(plan.time_frame) &&
      !plan.providers.empty()) {
    return std::nullopt;
  }
  return Refusal{"II.5.e", "guard.plan_incomplete", {}, false};
}

std::optional<Refusal> guard_plan_built_on_strengths(const domain::ReintegrationPlan& plan) {
  // II.5.b: the plan rests on the victim's strengths, abilities, aspirations and available resources.
  if (!plan.final) return std::nullopt;
  if (filled(plan.strengths) && filled(plan.abilities) && filled(plan.aspirations) && filled(plan.resources)) {
    return std::nullopt;
  }
  return Refusal{"II.5.b", "guard.plan_without_strengths", {}, false};
}

std::optional<Refusal> guard_child_education(const CaseHistory& history, const domain::ReintegrationPlan& plan) {
  // II.7.c: a child's plan provides for continued study (II.2.d decides who is a child).
  if (!plan.final || !history.treated_as_child() || filled(plan.education)) {
    return std::nullopt;
  }
  return Refusal{"II.7.c", "guard.child_education", {}, false};
}

std::optional<Refusal> guard_destination_chosen_by_victim(const CaseHistory& history) {
  // II.7.a: where to reintegrate is the victim's decision, and it is on the file.
  // For a child, I.5.d allows a destination against the child's choice for their safety, with the reason.
  const auto* decision = history.latest<domain::ReintegrationDecision>();
  if (decision) {
    const auto& d = decision->as<domain::ReintegrationDecision>();
    if (d.chosen_by_victim || (history.treated_as_child() && filled(d.safety_reason))) return std::nullopt;
  }
  return Refusal{"II.7.a", "guard.destination_not_chosen", {}, false};
}

std::optional<Refusal> guard_reintegration_assessed(const CaseHistory& history) {
  // II.7.b: reintegration starts only after the victim's situation and the place have been assessed,
  // and the latest assessment of the place found it safe.
  const auto* place = history.latest<domain::LocationSafetyAssessment>();
  if (history.latest<domain::RecoveryAssessment>() && place && place->as<domain::LocationSafetyAssessment>().safe) {
    return std::nullopt;
  }
  return Refusal{"II.7.b", "guard.reintegration_not_assessed", {}, false};
}

std::optional<Refusal> guard_final_plan_in_force(const CaseHistory& history) {
  // II.5.e: reintegration follows a final plan, complete as the standard asks.
  const auto* latest = history.latest<domain::ReintegrationPlan>();
  if (latest && latest->as<domain::ReintegrationPlan>().final) return std::nullopt;
  return Refusal{"II.5.e", "guard.no_final_plan", {}, false};
}

std::optional<Refusal> guard_referral_after_recovery_assessment(const CaseHistory& history, const Parameters& params,
                                                               Timestamp now) {
  // II.6.b: before referring, the recovery situation is assessed: an assessment from the last 30 days.
  const auto* latest = history.latest<domain::RecoveryAssessment>();
  const auto max_age = params.duration("II.6.b", "recovery_assessment_max_age_days");
  if (latest && now - latest->occurred_at <= max_age) return std::nullopt;
  // Overridable: an urgent referral (medical care elsewhere) may not wait for a new assessment.
  Refusal r{"II.6.b", "guard.referral_without_recovery_assessment", {}, true};
  r.args.push_back({"days", std::to_string(params.value("II.6.b", "recovery_assessment_max_age_days"))});
  return r;
}

std::optional<Refusal> guard_referral_respects_victim(const domain::Referral& referral) {
  // II.6.c: the referral respects the victim's opinion and requirements: both are on the record.
  if (referral.victim_agreed && filled(referral.victim_opinion)) return std::nullopt;
  return Refusal{"II.6.c", "guard.referral_without_victim_agreement", {}, false};
}

std::optional<Refusal> guard_referral_update_names_a_referral(const CaseHistory& history,
                                                              const domain::ReferralUpdate& update) {
  // II.6.e: a status belongs to a referral of this case.
  if (has_record<domain::Referral>(history, update.referral_id)) return std::nullopt;
  return Refusal{"II.6.e", "guard.unknown_referral", {}, false};
}

std::optional<Refusal> guard_resolution_names_a_complaint(const CaseHistory& history,
                                                         const domain::ComplaintResolution& resolution) {
  // I.1.d: a resolution answers a complaint of this case.
  if (has_record<domain::Complaint>(history, resolution.complaint_id)) return std::nullopt;
  return Refusal{"I.1.d", "guard.unknown_complaint", {}, false};
}

const domain::CaseRecord* guidance_that_counts(const CaseHistory& history) {
  // I.1.c: guidance on safety and health to the victim; for a child, given in a way a child understands.
  const bool child = history.treated_as_child();
  return history.first_where<domain::SafetyGuidance>([child](const domain::CaseRecord& r) {
    const auto& g = r.as<domain::SafetyGuidance>();
    return g.to_victim && (!child || g.child_appropriate);
  });
}

std::optional<Refusal> guard_safety_guidance_given(const CaseHistory& history) {
  // I.1.c: before reintegration, the victim has had that guidance.
  if (guidance_that_counts(history)) return std::nullopt;
  // Overridable: guidance a partner gives on the first day home may be the better way.
  return Refusal{"I.1.c", history.treated_as_child() ? "guard.safety_guidance_child" : "guard.safety_guidance", {}, true};
}

std::optional<Refusal> guard_need_addressed_names_a_need(const CaseHistory& history,
                                                         const domain::NeedAddressed& addressed) {
  // I.2.a: a service answers a need identified on this case.
  if (has_record<domain::IdentifiedNeed>(history, addressed.need_id)) return std::nullopt;
  return Refusal{"I.2.a", "guard.unknown_need", {}, false};
}

std::optional<Refusal> guard_victim_views(std::string_view views, std::string_view message_key) {
  // I.4.c: a major decision (the plan, where to reintegrate, repatriation, closing) records what the
  // victim said.
  if (filled(views)) return std::nullopt;
  return Refusal{"I.4.c", std::string(message_key), {}, false};
}

std::optional<Refusal> guard_plan_is_the_victims(const domain::ReintegrationPlan& plan) {
  // I.5.b: the final plan is decided with the victim, not for them.
  if (!plan.final || plan.victim_participated) return std::nullopt;
  return Refusal{"I.5.b", "guard.plan_without_victim", {}, false};
}

std::optional<Refusal> guard_closure_is_the_victims(const CaseHistory& history) {
  // I.4.c, I.5.b: closing records the victim's views and their agreement to end the support.
  const auto* latest = history.latest<domain::ClosureChecklist>();
  if (!latest) return std::nullopt;  // II.8.c refuses first: there is no checklist at all
  const auto& c = latest->as<domain::ClosureChecklist>();
  if (auto views = guard_victim_views(c.victim_views, "guard.closure_without_views")) return views;
  if (c.victim_agreed) return std::nullopt;
  return Refusal{"I.5.b", "guard.closure_without_victim", {}, false};
}

std::optional<Refusal> guard_disadvantage_consultation(const CaseHistory& history) {
  // I.5.c: once a physical or mental disadvantage is noted, decisions follow a consultation with an
  // expert and with the relatives, recorded since the disadvantage was noted.
  const auto* noted = history.first_where<domain::DisadvantageNoted>([](const domain::CaseRecord& r) {
    return r.as<domain::DisadvantageNoted>().physical || r.as<domain::DisadvantageNoted>().mental;
  });
  if (!noted) return std::nullopt;
  const auto* consulted = history.first_where<domain::ExpertAndFamilyConsultation>([noted](const domain::CaseRecord& r) {
    const auto& c = r.as<domain::ExpertAndFamilyConsultation>();
    return r.occurred_at >= noted->occurred_at && filled(c.expert) && filled(c.relatives);
  });
  if (consulted) return std::nullopt;
  return Refusal{"I.5.c", "guard.disadvantage_consultation", {}, false};
}

std::optional<Refusal> guard_child_view_overruled_for_safety(const CaseHistory& history,
                                                             const domain::ReintegrationDecision& d) {
  // I.5.d: a destination other than the child's choice only for the child's safety, with the reason.
  if (d.chosen_by_victim || !history.treated_as_child() || filled(d.safety_reason)) return std::nullopt;
  return Refusal{"I.5.d", "guard.child_view_overruled", {}, false};
}

std::optional<Refusal> guard_interview_record_complete(const domain::IdentificationInterview& r) {
  // II.2.b: where the interview took place and who was present, so the environment can be judged.
  if (filled(r.place) && !r.people_present.empty()) return std::nullopt;
  return Refusal{"II.2.b", "guard.interview_incomplete", {}, false};
}

std::optional<Refusal> guard_own_assessment_before_planning(const CaseHistory& history) {
  // II.4.d: assessments are per person. Planning for this person needs their own return risk
  // assessment on their own file, even when they came with a group or a family.
  if (history.first<domain::ReturnRiskAssessment>()) return std::nullopt;
  return Refusal{"II.4.d", "guard.own_assessment_missing", {}, false};
}

std::optional<Refusal> guard_plan_actions_answer_needs(const CaseHistory& history, const domain::ReintegrationPlan& plan) {
  // II.5.c: the final plan has actions, and each answers a need identified with the victim (I.2.a).
  if (!plan.final) return std::nullopt;
  if (plan.actions.empty()) return Refusal{"II.5.c", "guard.plan_without_actions", {}, false};
  const bool each_answers = std::all_of(plan.actions.begin(), plan.actions.end(), [&](const domain::PlanAction& a) {
    return filled(a.action) && has_record<domain::IdentifiedNeed>(history, a.need_id);
  });
  if (each_answers) return std::nullopt;
  return Refusal{"II.5.c", "guard.plan_actions_without_needs", {}, false};
}

std::optional<Refusal> guard_provider_list_given(const CaseHistory& history) {
  // II.6.a: the victim has the list of service providers before a referral, so the choice is theirs.
  if (history.first<domain::ProviderListGiven>()) return std::nullopt;
  // Overridable: an emergency referral may come before the list can be gone through with the victim.
  return Refusal{"II.6.a", "guard.provider_list_not_given", {}, true};
}

std::optional<Refusal> guard_repatriation_wished(const CaseHistory& history) {
  // I.5.a, I.5.b: repatriation is for a foreign victim who, by their latest word, wishes to return,
  // with the consular contact on the file.
  if (!history.foreign()) return Refusal{"I.5.a", "guard.repatriation_not_foreign", {}, false};
  const auto* latest = history.latest<domain::RepatriationWish>();
  if (!latest) return Refusal{"I.5.a", "guard.repatriation_wish_missing", {}, false};
  const auto& wish = latest->as<domain::RepatriationWish>();
  if (!wish.wishes_to_return) return Refusal{"I.5.a", "guard.repatriation_declined", {}, false};
  if (!filled(wish.consular_contact)) return Refusal{"I.5.a", "guard.repatriation_without_consul", {}, false};
  return std::nullopt;
}

std::optional<Refusal> guard_repatriation_safe(const CaseHistory& history) {
  // I.5.a: the return is completed only while the victim still wishes it and an assessment made
  // since that wish, of their own country, found it safe.
  if (auto wished = guard_repatriation_wished(history)) return wished;
  const auto* wish = history.latest<domain::RepatriationWish>();
  const auto* assessment = history.latest<domain::RepatriationSafetyAssessment>();
  if (assessment && assessment->occurred_at >= wish->occurred_at) {
    const auto& a = assessment->as<domain::RepatriationSafetyAssessment>();
    if (a.safe && a.country == history.file.person.nationality) return std::nullopt;
  }
  return Refusal{"I.5.a", "guard.repatriation_not_assessed", {}, false};
}

std::optional<Refusal> guard_consent_informed(const domain::Consent& consent) {
  // I.3.b: consent counts only when the person was told what would be shared, with whom and why.
  if (consent.informed) return std::nullopt;
  return Refusal{"I.3.b", "guard.consent_not_informed", {}, false};
}

std::optional<Refusal> guard_withdrawal_names_a_consent(const CaseHistory& history,
                                                        const domain::ConsentWithdrawal& withdrawal) {
  // I.3.b: a withdrawal ends a consent of this case.
  if (has_record<domain::Consent>(history, withdrawal.consent_id)) return std::nullopt;
  return Refusal{"I.3.b", "guard.unknown_consent", {}, false};
}

GuardDecision check_action(const CaseHistory& history, LifecycleAction action, const Parameters& params,
                           Timestamp /*now*/) {
  GuardDecision decision;
  if (!domain::next_stage(history.file.stage, action)) {
    Refusal r{"", "guard.transition_not_allowed", {}, false};
    r.args = {{"action", std::string(domain::kLifecycleActionNames.name(action))},
              {"stage", "stage." + std::string(domain::kCaseStageNames.name(history.file.stage))}};
    decision.refusals.push_back(std::move(r));
    return decision;
  }
  auto add = [&decision](std::optional<Refusal> refusal) {
    if (refusal) decision.refusals.push_back(std::move(*refusal));
  };
  switch (action) {
    case LifecycleAction::begin_identification: add(guard_identification_after_care(history)); break;
    case LifecycleAction::begin_planning: add(guard_own_assessment_before_planning(history)); break;
    case LifecycleAction::close:
      add(guard_closure_checklist(history));
      add(guard_closure_is_the_victims(history));
      add(guard_disadvantage_consultation(history));
      break;
    case LifecycleAction::begin_repatriation:
      add(guard_repatriation_wished(history));
      add(guard_disadvantage_consultation(history));
      break;
    case LifecycleAction::complete_repatriation:
      add(guard_repatriation_safe(history));
      add(guard_disadvantage_consultation(history));
      break;
    case LifecycleAction::close_lost_contact: add(guard_lost_contact_attempts(history, params)); break;
    case LifecycleAction::begin_reintegration:
      add(guard_destination_chosen_by_victim(history));
      add(guard_reintegration_assessed(history));
      add(guard_safety_guidance_given(history));
      add(guard_disadvantage_consultation(history));
      add(guard_final_plan_in_force(history));
      if (const auto* plan = history.latest<domain::ReintegrationPlan>()) {
        add(guard_child_education(history, plan->as<domain::ReintegrationPlan>()));
      }
      break;
    default: break;
  }
  return decision;
}

bool reads_team(const domain::RecordBody& body) {
  return std::holds_alternative<domain::StaffAssignment>(body) || std::holds_alternative<domain::DesignatedStaff>(body);
}

std::optional<Refusal> guard_something_to_answer(const CaseHistory& history, std::size_t type) {
  using namespace domain;
  if (type == kRecordTypeIndex<NeedAddressed> && !history.first<IdentifiedNeed>()) {
    return Refusal{"I.2.a", "guard.no_need_yet", {}, false};
  }
  if (type == kRecordTypeIndex<ComplaintResolution> && !history.first<Complaint>()) {
    return Refusal{"I.1.d", "guard.no_complaint_yet", {}, false};
  }
  if (type == kRecordTypeIndex<ReferralUpdate> && !history.first<Referral>()) {
    return Refusal{"II.6.e", "guard.no_referral_yet", {}, false};
  }
  if (type == kRecordTypeIndex<ConsentWithdrawal> && !history.first<Consent>()) {
    return Refusal{"I.3.b", "guard.no_consent_yet", {}, false};
  }
  return std::nullopt;
}

GuardDecision check_record_type(const CaseHistory& history, std::size_t type, const Author& author,
                                const Parameters& params, Timestamp now) {
  using namespace domain;
  GuardDecision decision;
  auto add = [&decision](std::optional<Refusal> refusal) {
    if (refusal) decision.refusals.push_back(std::move(*refusal));
  };
  if (type == kRecordTypeIndex<IdentificationInterview>) add(guard_identification_after_care(history));
  add(guard_qualified_author(type, author));
  add(guard_something_to_answer(history, type));
  if (type == kRecordTypeIndex<Referral>) {
    add(guard_provider_list_given(history));
    add(guard_referral_after_recovery_assessment(history, params, now));
    add(guard_disadvantage_consultation(history));
  }
  if (type == kRecordTypeIndex<ReintegrationDecision>) add(guard_disadvantage_consultation(history));
  if (type == kRecordTypeIndex<ReintegrationPlan> && !history.latest<ReturnRiskAssessment>()) {
    add(Refusal{"II.4.c", "guard.plan_without_risk_assessment", {}, false});
  }
  if (type == kRecordTypeIndex<Disclosure> && author.role != Role::centre_head) {
    add(Refusal{"I.3.a", "guard.disclosure_needs_head", {}, false});
  }
  return decision;
}

GuardDecision check_new_record(const CaseHistory& history, const domain::RecordBody& body, const Author& author,
                               const Team& team, const Parameters& params, Timestamp now) {
  GuardDecision decision = check_record_type(history, body.index(), author, params, now);
  const std::size_t refused_by_type = decision.refusals.size();
  // What the type refuses says what must happen first under its clause: the content is not refused
  // again under the same clause (a plan without any risk assessment cannot name the latest one).
  auto add = [&decision, refused_by_type](std::optional<Refusal> refusal) {
    if (!refusal) return;
    const auto first_content = decision.refusals.begin() + static_cast<std::ptrdiff_t>(refused_by_type);
    if (std::any_of(decision.refusals.begin(), first_content,
                    [&](const Refusal& r) { return r.clause == refusal->clause; })) {
      return;
    }
    decision.refusals.push_back(std::move(*refusal));
  };
  auto add_all = [&add](std::vector<Refusal> refusals) {
    for (auto& refusal : refusals) add(std::move(refusal));
  };
  if (const auto* interview = std::get_if<domain::IdentificationInterview>(&body)) {
    add(guard_interview_record_complete(*interview));
  }
  if (const auto* referral = std::get_if<domain::Referral>(&body)) add(guard_referral_respects_victim(*referral));
  if (const auto* assignment = std::get_if<domain::StaffAssignment>(&body)) {
    add_all(guard_assignment(history, *assignment, team));
  }
  if (const auto* designation = std::get_if<domain::DesignatedStaff>(&body)) add(guard_designation(*designation, team));
  if (author.facts) add(guard_self_staffing(body, author.facts->id));
  if (const auto* release = std::get_if<domain::StaffAssignmentEnded>(&body)) add(guard_release(history, *release));
  if (const auto* disclosure = std::get_if<domain::Disclosure>(&body)) {
    add_all(check_disclosure(history, *disclosure, author, now));
  }
  if (const auto* consent = std::get_if<domain::Consent>(&body)) add(guard_consent_informed(*consent));
  if (const auto* withdrawal = std::get_if<domain::ConsentWithdrawal>(&body)) {
    add(guard_withdrawal_names_a_consent(history, *withdrawal));
  }
  if (const auto* wish = std::get_if<domain::RepatriationWish>(&body)) {
    add(guard_victim_views(wish->victim_views, "guard.victim_views_missing"));
  }
  if (const auto* addressed = std::get_if<domain::NeedAddressed>(&body)) {
    add(guard_need_addressed_names_a_need(history, *addressed));
  }
  if (const auto* destination = std::get_if<domain::ReintegrationDecision>(&body)) {
    add(guard_victim_views(destination->victim_views, "guard.victim_views_missing"));
    add(guard_child_view_overruled_for_safety(history, *destination));
  }
  if (const auto* resolution = std::get_if<domain::ComplaintResolution>(&body)) {
    add(guard_resolution_names_a_complaint(history, *resolution));
  }
  if (const auto* update = std::get_if<domain::ReferralUpdate>(&body)) {
    add(guard_referral_update_names_a_referral(history, *update));
  }
  if (const auto* plan = std::get_if<domain::ReintegrationPlan>(&body)) {
    add(guard_plan_uses_latest_risk_assessment(history, *plan));
    add(guard_plan_complete(*plan));
    add(guard_plan_built_on_strengths(*plan));
    add(guard_plan_actions_answer_needs(history, *plan));
    add(guard_child_education(history, *plan));
    if (plan->final) {
      add(guard_plan_is_the_victims(*plan));
      add(guard_victim_views(plan->victim_views, "guard.victim_views_missing"));
      add(guard_disadvantage_consultation(history));
    }
  }
  return decision;
}

Error refusal_error(const GuardDecision& decision) {
  const Refusal& first = decision.refusals.front();
  Error e(ErrorCode::guard_refused);
  e.clause = first.clause;
  e.message_key = first.message_key;
  e.args = first.args;
  for (const auto& r : decision.refusals) e.refusals.push_back({std::string(r.clause), r.message_key, r.args});
  return e;
}

}  // namespace haven::standards
