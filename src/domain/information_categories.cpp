#include "domain/information_categories.hpp"

#include <array>

namespace haven::domain {
namespace {

using C = InformationCategory;
constexpr std::optional<C> kInternal = std::nullopt;

// In the order of RecordBody (kRecordTypeNames); the static_assert keeps a new record type from
// slipping through without a decision.
constexpr std::array<std::optional<C>, 41> kCategoryByType{
    C::health,          // intake_assessment: physical and mental condition on arrival
    C::case_history,    // orientation
    C::case_history,    // information_provided
    C::case_history,    // child_information_decision
    C::health,          // health_check
    C::psychological,   // counselling_session
    C::psychological,   // crisis_intervention
    C::identification,  // identification_interview
    C::plan,            // return_risk_assessment
    C::case_history,    // closure_checklist
    C::contact,         // contact_attempt
    C::plan,            // recovery_assessment
    C::plan,            // location_safety_assessment
    C::plan,            // reintegration_decision
    C::plan,            // reintegration_plan
    C::contact,         // follow_up_contact
    C::case_history,    // consultation
    C::case_history,    // essential_needs
    C::plan,            // referral
    C::plan,            // referral_update
    C::case_history,    // complaint
    C::case_history,    // complaint_resolution
    C::case_history,    // safety_guidance
    C::plan,            // identified_need
    C::plan,            // need_addressed
    C::plan,            // repatriation_wish
    C::plan,            // repatriation_safety_assessment
    C::health,          // disadvantage_noted
    C::plan,            // expert_and_family_consultation
    C::case_history,    // provider_list_given
    kInternal,          // consent
    kInternal,          // consent_withdrawal
    kInternal,          // disclosure
    kInternal,          // staff_assignment
    kInternal,          // staff_assignment_ended
    kInternal,          // designated_staff
    kInternal,          // guard_override
    kInternal,          // follow_up_schedule
    kInternal,          // break_glass
    kInternal,          // legal_hold
    kInternal,          // legal_hold_lifted
};
static_assert(kCategoryByType.size() == std::variant_size_v<RecordBody>, "a category, or none, for every record type");

}  // namespace

std::optional<InformationCategory> category_of(const RecordBody& body) { return kCategoryByType[body.index()]; }

}  // namespace haven::domain
