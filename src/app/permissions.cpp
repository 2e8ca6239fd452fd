#include "app/permissions.hpp"

namespace haven::app {

bool role_may(domain::Role role, Action action) {
  using domain::Role;
  switch (action) {
    case Action::read_cases:
      return role == Role::centre_head || role == Role::case_worker || role == Role::counsellor;
    case Action::add_record:
      // Counsellors record their sessions and interventions; whether a record needs a qualification
      // (I.2.d) is a guard of the standards, not of the role.
      return role == Role::centre_head || role == Role::case_worker || role == Role::counsellor;
    case Action::register_case:
    case Action::edit_reception:
    case Action::move_case:
      // Reception (II.1.a) is done by direct support staff and the head; a counsellor does not receive.
      return role == Role::centre_head || role == Role::case_worker;
    case Action::read_centre_records:
      return role == Role::centre_head || role == Role::case_worker || role == Role::counsellor;
    case Action::manage_centre_records:
      // Screening, supervision and the facilities are the head's responsibility (Part III).
      return role == Role::centre_head;
  }
  return false;
}

Result<void> require(const Actor& actor, Action action) {
  if (actor.centre_id.empty() || !role_may(actor.role, action)) {
    return fail(ErrorCode::forbidden, {}, "error.forbidden_role");
  }
  return {};
}

}  // namespace haven::app
