#include "http/route_permissions.hpp"

#include <array>

namespace haven::http {
namespace {

using app::Action;

constexpr std::array kRoutes{
    RoutePermission{"getSession", std::nullopt, CaseScope::none, true},
    RoutePermission{"deleteSession", std::nullopt, CaseScope::none, true},
    RoutePermission{"startSecondFactor", std::nullopt, CaseScope::none, true},
    RoutePermission{"confirmSecondFactor", std::nullopt, CaseScope::none, true},
    RoutePermission{"listCases", Action::read_cases, CaseScope::none},
    RoutePermission{"getMyWork", Action::read_cases, CaseScope::none},
    RoutePermission{"registerCase", Action::register_case, CaseScope::none},
    RoutePermission{"getCase", Action::read_cases, CaseScope::case_file},
    RoutePermission{"updateReception", Action::edit_reception, CaseScope::case_file},
    RoutePermission{"listRecords", Action::read_cases, CaseScope::case_file},
    RoutePermission{"addRecord", Action::add_record, CaseScope::case_file},
    RoutePermission{"takeAction", Action::move_case, CaseScope::case_file},
    RoutePermission{"listTasks", Action::read_cases, CaseScope::case_file},
    RoutePermission{"listActions", Action::read_cases, CaseScope::case_file},
    RoutePermission{"getCompliance", Action::read_cases, CaseScope::case_file},
    RoutePermission{"getProgress", Action::read_cases, CaseScope::case_file},
    RoutePermission{"transferCase", Action::transfer_case, CaseScope::case_manage},
    RoutePermission{"previewDisclosurePackage", Action::read_cases, CaseScope::case_file},
    RoutePermission{"releaseDisclosurePackage", Action::release_disclosure, CaseScope::case_file},
    RoutePermission{"breakGlass", Action::break_glass, CaseScope::case_manage},
    RoutePermission{"placeLegalHold", Action::hold_case_file, CaseScope::case_manage},
    RoutePermission{"liftLegalHold", Action::hold_case_file, CaseScope::case_manage},
    RoutePermission{"eraseCase", Action::erase_case, CaseScope::case_manage},
    RoutePermission{"listCentreRecords", Action::read_centre_records, CaseScope::none},
    RoutePermission{"listStaff", Action::read_centre_records, CaseScope::none},
    RoutePermission{"listProviders", Action::read_centre_records, CaseScope::none},
    RoutePermission{"addCentreRecord", Action::manage_centre_records, CaseScope::none},
    RoutePermission{"getSelfAssessment", Action::read_self_assessment, CaseScope::none},
    RoutePermission{"endStaffSessions", Action::manage_accounts, CaseScope::none},
    RoutePermission{"listAccounts", Action::manage_accounts, CaseScope::none},
    RoutePermission{"addAccount", Action::manage_accounts, CaseScope::none},
    RoutePermission{"disableAccount", Action::manage_accounts, CaseScope::none},
    RoutePermission{"enableAccount", Action::manage_accounts, CaseScope::none},
    RoutePermission{"listParameters", Action::manage_accounts, CaseScope::none},
    RoutePermission{"verifyAuditLog", Action::verify_audit_log, CaseScope::none},
    RoutePermission{"resetStaffSecondFactor", Action::manage_accounts, CaseScope::none},
    RoutePermission{"listReceivedReferrals", Action::read_received_referrals, CaseScope::none},
    RoutePermission{"getReceivedReferral", Action::read_received_referrals, CaseScope::none},
    RoutePermission{"issueActivation", Action::manage_accounts, CaseScope::none},
    RoutePermission{"confirmAccount", Action::confirm_accounts, CaseScope::none},
    RoutePermission{"recordHeadScreening", Action::manage_accounts, CaseScope::none},
    RoutePermission{"listCentreAccounts", Action::manage_centre_records, CaseScope::none},
    RoutePermission{"getCentreAudit", Action::read_centre_audit, CaseScope::none},
};

}  // namespace

const RoutePermission* route_permission(std::string_view operation_id) {
  for (const auto& route : kRoutes) {
    if (route.operation_id == operation_id) return &route;
  }
  return nullptr;
}

}  // namespace haven::http
