#include "domain/separation_of_duties.hpp"

#include <algorithm>

namespace haven::domain {
namespace {

DutyRefusal refuse(ErrorCode code, std::string key) { return {code, std::move(key)}; }

// The same maker stands behind both accounts: one person's accounts never vouch for each other.
bool same_maker(const StaffAccount& a, const StaffAccount& b) { return !a.created_by.empty() && a.created_by == b.created_by; }

}  // namespace

std::optional<DutyRefusal> confirmation_refusal(const StaffAccount& confirmer, const StaffAccount& account,
                                                std::span<const std::string> makers_above,
                                                std::optional<Role> maker_role) {
  if (account.confirmed()) return refuse(ErrorCode::already_exists, "error.account_already_confirmed");
  // Confirmed before its owner set the password, whoever holds the code could still take it over.
  if (!account.activated()) return refuse(ErrorCode::guard_refused, "error.confirm_before_activation");
  if (confirmer.id == account.id) return refuse(ErrorCode::forbidden, "error.confirm_own_account");
  if (maker_role == Role::centre_head && confirmer.role != Role::administrator) {
    return refuse(ErrorCode::forbidden, "error.confirm_head_made");
  }
  if (confirmer.id == account.created_by) return refuse(ErrorCode::forbidden, "error.confirm_own_making");
  if (std::find(makers_above.begin(), makers_above.end(), confirmer.id) != makers_above.end()) {
    return refuse(ErrorCode::forbidden, "error.confirm_made_through_you");
  }
  if (same_maker(confirmer, account)) return refuse(ErrorCode::forbidden, "error.confirm_same_maker");
  if (!confirmer.confirmed() || confirmer.disabled) return refuse(ErrorCode::forbidden, "error.account_unconfirmed");
  switch (confirmer.role) {
    case Role::administrator: return std::nullopt;
    case Role::centre_head:
      if (account.role == Role::administrator || account.centre_id != confirmer.centre_id) {
        return refuse(ErrorCode::forbidden, "error.confirm_other_centre");
      }
      // The auditor checks the head's centre: the head does not vouch for who does.
      if (account.role == Role::auditor) return refuse(ErrorCode::forbidden, "error.head_manages_staff_only");
      return std::nullopt;
    default: return refuse(ErrorCode::forbidden, "error.forbidden_role");
  }
}

std::optional<DutyRefusal> head_screening_refusal(const StaffAccount& administrator, const StaffAccount& head) {
  if (administrator.role != Role::administrator) return refuse(ErrorCode::forbidden, "error.forbidden_role");
  if (head.role != Role::centre_head) return refuse(ErrorCode::validation_failed, "error.screening_heads_only");
  if (head.created_by == administrator.id) return refuse(ErrorCode::forbidden, "error.screen_own_making");
  return std::nullopt;
}

}  // namespace haven::domain
