// Who is acting: the signed-in member of staff, resolved from the session cookie on every request.
#pragma once

#include <string>

#include "common/clock.hpp"
#include "domain/staff.hpp"

namespace haven::app {

struct Actor {
  std::string staff_id;
  std::string centre_id;  // empty for an administrator, who sees no case content
  std::string username;
  std::string display_name;
  domain::Role role = domain::Role::case_worker;
  std::string session_digest;
  // Signed in without the second factor their role requires: may only set it up (app/second_factor.hpp).
  bool needs_second_factor = false;
  std::string organisation;  // an external provider's, to which referral packages are released
  // Made through the API and not yet confirmed by someone else (domain::StaffAccount::confirmed): may
  // only set up its own sign-in, like a session that still needs its second factor.
  bool confirmed = true;
  // When the session ends whatever the activity (SessionPolicy::absolute_timeout), for the browser to
  // warn before it does.
  Timestamp session_ends_at = {};
};

}  // namespace haven::app
