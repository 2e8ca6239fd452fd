// What each signed-in route needs, checked by the API before its handler runs: the action of the
// permission table (app/permissions.hpp) and, for a route on one case, whether the user must be on
// that case (I.3.c, checked again by the use case with the case in hand). A signed-in route missing
// here is refused, so a new route cannot slip through unchecked; the access-matrix test drives every
// route with every role from this table.
//
//   const RoutePermission* needed = route_permission("getCase");   // read_cases, on the case
#pragma once

#include <optional>
#include <string_view>

#include "app/permissions.hpp"

namespace haven::http {

enum class CaseScope {
  none,         // not about one case
  case_file,    // reads or changes a case: only someone on it (or the head during a break-glass)
  case_manage,  // the head's decision about a case that reads none of its content
};

struct RoutePermission {
  std::string_view operation_id;
  std::optional<app::Action> action;  // none: any signed-in user (their own session)
  CaseScope scope = CaseScope::none;
  // Open to a session still waiting for the second factor its role requires (app/second_factor.hpp),
  // and to an account not yet confirmed (app/account_lifecycle.hpp): only what it takes to set up
  // one's own sign-in, or to leave.
  bool before_second_factor = false;
};

const RoutePermission* route_permission(std::string_view operation_id);

}  // namespace haven::http
