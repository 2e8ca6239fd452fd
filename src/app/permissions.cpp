#include "app/permissions.hpp"

#include <array>

namespace haven::app {
namespace {

// Columns: administrator, centre head, case worker, counsellor, auditor, external provider.
// Reception (II.1.a) is done by direct support staff and the head, so a counsellor does not receive
// or move a case; counsellors record their sessions, and whether a record needs a qualification
// (I.2.d) is a guard of the standards, not of the role. Who works on a case, what leaves it and the
// centre's own records (Part III) are the head's. The administrator keeps accounts and settings and
// reads no case content; the auditor reads the self-assessment's figures and nothing with a name in
// it (the dashboard names the staff beside their caseloads and overdue work, so it is the head's); an external provider reads only what was released to its organisation.
constexpr std::array kTable{
    Permission{Action::read_cases, "read_cases", false, true, true, true, false, false, "error.forbidden_role"},
    Permission{Action::register_case, "register_case", false, true, true, false, false, false, "error.forbidden_role"},
    Permission{Action::edit_reception, "edit_reception", false, true, true, false, false, false, "error.forbidden_role"},
    Permission{Action::add_record, "add_record", false, true, true, true, false, false, "error.forbidden_role"},
    Permission{Action::move_case, "move_case", false, true, true, false, false, false, "error.forbidden_role"},
    Permission{Action::see_all_cases, "see_all_cases", false, true, false, false, false, false, "error.forbidden_role"},
    Permission{Action::manage_case_staff, "manage_case_staff", false, true, false, false, false, false, "error.assignment_needs_head"},
    Permission{Action::transfer_case, "transfer_case", false, true, false, false, false, false, "error.transfer_needs_head"},
    Permission{Action::release_disclosure, "release_disclosure", false, true, false, false, false, false, "error.release_needs_head"},
    Permission{Action::break_glass, "break_glass", false, true, false, false, false, false, "error.break_glass_needs_head"},
    Permission{Action::read_centre_records, "read_centre_records", false, true, true, true, false, false, "error.forbidden_role"},
    Permission{Action::manage_centre_records, "manage_centre_records", false, true, false, false, false, false, "error.forbidden_role"},
    Permission{Action::read_self_assessment, "read_self_assessment", false, true, false, false, true, false, "error.forbidden_role"},
    Permission{Action::read_centre_dashboard, "read_centre_dashboard", false, true, false, false, false, false,
               "error.forbidden_role"},
    Permission{Action::manage_accounts, "manage_accounts", true, false, false, false, false, false, "error.forbidden_role"},
    Permission{Action::manage_staff_accounts, "manage_staff_accounts", true, true, false, false, false, false, "error.forbidden_role"},
    Permission{Action::read_received_referrals, "read_received_referrals", false, false, false, false, false, true,
               "error.forbidden_role"},
    Permission{Action::hold_case_file, "hold_case_file", false, true, false, false, false, false, "error.legal_hold_needs_head"},
    Permission{Action::erase_case, "erase_case", false, true, false, false, false, false, "error.erasure_needs_head"},
    Permission{Action::verify_audit_log, "verify_audit_log", true, false, false, false, true, false, "error.forbidden_role"},
    Permission{Action::confirm_accounts, "confirm_accounts", true, true, false, false, false, false, "error.forbidden_role"},
    Permission{Action::read_centre_audit, "read_centre_audit", false, true, false, false, false, false, "error.forbidden_role"},
};

constexpr bool table_in_enum_order() {
  for (std::size_t i = 0; i < kTable.size(); ++i) {
    if (static_cast<std::size_t>(kTable[i].action) != i) return false;
  }
  return true;
}
static_assert(table_in_enum_order(), "one row per Action, in the enum's order");

}  // namespace

std::span<const Permission> permission_table() { return kTable; }

const Permission& permission(Action action) { return kTable[static_cast<std::size_t>(action)]; }

bool role_may(domain::Role role, Action action) {
  const Permission& p = permission(action);
  switch (role) {
    case domain::Role::administrator: return p.administrator;
    case domain::Role::centre_head: return p.centre_head;
    case domain::Role::case_worker: return p.case_worker;
    case domain::Role::counsellor: return p.counsellor;
    case domain::Role::auditor: return p.auditor;
    case domain::Role::external_provider: return p.external_provider;
  }
  return false;
}

bool needs_centre(Action action) {
  return action != Action::manage_accounts && action != Action::manage_staff_accounts &&
         action != Action::verify_audit_log && action != Action::confirm_accounts;
}

Result<void> require(const Actor& actor, Action action) {
  if (!actor.confirmed) return fail(ErrorCode::forbidden, {}, "error.account_unconfirmed");
  if ((needs_centre(action) && actor.centre_id.empty()) || !role_may(actor.role, action)) {
    return fail(ErrorCode::forbidden, {}, std::string(permission(action).refusal_key));
  }
  return {};
}

}  // namespace haven::app
