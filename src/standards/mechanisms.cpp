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
};

}  // namespace

std::span<const Mechanism> mechanisms() { return kMechanisms; }

}  // namespace haven::standards
