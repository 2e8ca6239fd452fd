#include "standards/mechanisms.hpp"

namespace haven::standards {
namespace {

using K = MechanismKind;

constexpr Mechanism kMechanisms[] = {
    {"I.1.b", K::record, "domain::IntakeAssessment"},
    {"I.1.b", K::obligation, "evaluate_obligations: task.intake_assessment"},
    {"I.4.a", K::record, "domain::InformationProvided"},
    {"I.4.a", K::obligation, "evaluate_obligations: task.information_provided"},
    {"I.4.b", K::record, "domain::ChildInformationDecision, task.child_information_decision"},
    {"II.1.a", K::record, "domain::Reception, domain::validate_reception"},
    {"II.1.c", K::record, "domain::Orientation"},
    {"II.1.c", K::obligation, "evaluate_obligations: task.orientation"},
    {"II.1.e", K::guard, "guard_identification_after_care"},
    {"II.2.b", K::record, "domain::IdentificationInterview"},
    {"II.2.d", K::record, "domain::treated_as_child"},
    {"II.3.a", K::obligation, "evaluate_obligations: task.first_counselling"},
    {"II.3.b", K::record, "domain::CounsellingSession, domain::CrisisIntervention"},
    {"II.3.b", K::obligation, "evaluate_obligations: task.crisis_intervention"},
    {"II.4.b", K::record, "domain::ReturnRiskAssessment"},
    {"II.4.b", K::obligation, "evaluate_obligations: task.return_risk_assessment"},
    {"II.8.c", K::guard, "guard_closure_checklist over domain::ClosureChecklist"},
    {"II.8.d", K::guard, "guard_lost_contact_attempts over domain::ContactAttempt"},
    {"I.1.a", K::record, "domain::LocationSafetyAssessment"},
    {"I.1.a", K::obligation, "evaluate_obligations: task.residence_reassessment"},
    {"II.4.c", K::guard, "guard_plan_uses_latest_risk_assessment"},
    {"II.5.a", K::record, "domain::ReintegrationPlan (one record per version, victim_participated)"},
    {"II.5.b", K::guard, "guard_plan_built_on_strengths"},
    {"II.5.c", K::record, "domain::PlanAction (need, action)"},
    {"II.5.d", K::record, "domain::ReintegrationPlan::providers"},
    {"II.5.d", K::obligation, "evaluate_obligations: task.plan_review"},
    {"II.5.e", K::guard, "guard_plan_complete, guard_final_plan_in_force"},
    {"II.7.a", K::guard, "guard_destination_chosen_by_victim"},
    {"I.4.c", K::record, "domain::ReintegrationDecision::victim_views, domain::Consultation::victim_views"},
    {"I.2.c", K::record, "domain::Consultation"},
    {"I.2.c", K::obligation, "evaluate_obligations: task.consultation"},
    {"II.2.c", K::record, "domain::EssentialNeeds, task.essential_needs"},
    {"I.1.d", K::record, "domain::Complaint, domain::ComplaintResolution"},
    {"I.1.d", K::indicator, "case_compliance: complaints resolved within complaint_resolution_days"},
    {"II.6.b", K::guard, "guard_referral_after_recovery_assessment"},
    {"II.6.c", K::guard, "guard_referral_respects_victim"},
    {"II.6.e", K::record, "domain::Referral, domain::ReferralUpdate (status history)"},
    {"II.6.e", K::obligation, "evaluate_obligations: task.referral_follow_up"},
    {"II.7.b", K::guard, "guard_reintegration_assessed"},
    {"II.7.c", K::guard, "guard_child_education"},
    {"II.8.a", K::record, "domain::FollowUpContact"},
    {"II.8.a", K::obligation, "evaluate_obligations: task.follow_up_contact"},
    {"II.8.b", K::record, "parameter II.8.b.follow_up_interval_days, the schedule of task.follow_up_contact"},
    {"I.1.c", K::record, "domain::SafetyGuidance (audience, child-appropriate)"},
    {"I.1.c", K::guard, "guard_safety_guidance_given at begin_reintegration"},
    {"I.1.c", K::indicator, "visit_case_indicators: guidance given before reintegration"},
    {"I.2.a", K::record, "domain::IdentifiedNeed, domain::NeedAddressed (delivered or referred)"},
    {"I.2.a", K::indicator, "visit_case_indicators: every need met by a service"},
    {"I.4.c", K::guard, "guard_victim_views on the final plan, the reintegration decision and closure"},
    {"I.5.a", K::record, "domain::RepatriationWish, domain::RepatriationSafetyAssessment, stage repatriation"},
    {"I.5.a", K::guard, "guard_repatriation_wished (begin_repatriation), guard_repatriation_safe (complete_repatriation)"},
    {"I.5.a", K::indicator, "visit_case_indicators: a foreign victim's wish recorded"},
    {"I.5.b", K::guard, "guard_plan_is_the_victims, guard_closure_is_the_victims (with II.6.c and II.7.a)"},
    {"I.5.c", K::record, "domain::DisadvantageNoted, domain::ExpertAndFamilyConsultation"},
    {"I.5.c", K::guard, "guard_disadvantage_consultation on the final plan, referral, destination and closure"},
    {"I.5.c", K::indicator, "visit_case_indicators: expert and relatives consulted once a disadvantage is noted"},
    {"I.5.d", K::guard, "guard_child_view_overruled_for_safety, guard_destination_chosen_by_victim"},
    {"II.2.b", K::guard, "guard_interview_record_complete"},
    {"II.4.d", K::guard, "guard_own_assessment_before_planning at begin_planning"},
    {"II.5.a", K::indicator, "visit_case_indicators: the victim took part in the plan in force"},
    {"II.5.c", K::guard, "guard_plan_actions_answer_needs"},
    {"II.6.a", K::record, "domain::ProviderListGiven"},
    {"II.6.a", K::guard, "guard_provider_list_given before a referral"},
    {"II.6.a", K::indicator, "visit_case_indicators: the list given"},
};

}  // namespace

std::span<const Mechanism> mechanisms() { return kMechanisms; }

}  // namespace haven::standards
