// The permission table of the foundation: which role may take which action. Case-level access
// (assignment, break-glass) refines this with the confidentiality work; until then staff act on the
// cases of their own centre only, and an administrator on no case at all.
#pragma once

#include "app/actor.hpp"
#include "common/error.hpp"

namespace haven::app {

enum class Action {
  read_cases,
  register_case,
  edit_reception,
  add_record,
  move_case,
  read_centre_records,    // the centre's own records (the provider directory, facilities) and one's own
  manage_centre_records,  // staff screening, qualifications, supervision; facilities; the directory
};

bool role_may(domain::Role role, Action action);

// forbidden with a message key when the actor may not take the action.
Result<void> require(const Actor& actor, Action action);

}  // namespace haven::app
