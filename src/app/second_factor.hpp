// Two-step sign-in with a TOTP authenticator app (RFC 6238, security/totp.hpp). Required for the
// roles of SessionPolicy::second_factor_roles (administrators and centre heads by default), open to
// everyone. A member of such a role who has not set it up signs in to a session that may only set it
// up; every step is audited.
//
//   auto enrolment = start_second_factor(ctx, actor, password); // secret and otpauth URI, shown once
//   confirm_second_factor(ctx, actor, "492039");                 // a first code turns it on
//   reset_second_factor(ctx, admin, staff_id);                   // a lost phone: set up again
#pragma once

#include <string>
#include <string_view>

#include "app/actor.hpp"
#include "app/app_context.hpp"
#include "common/error.hpp"

namespace haven::app {

bool second_factor_required(const SessionPolicy& policy, domain::Role role);

// Where the account's wrong sign-in codes are counted (sign_in_failures), apart from its passwords.
std::string second_factor_failure_key(std::string_view staff_id);

struct SecondFactorStatus {
  bool required = false;  // for the actor's role
  bool enabled = false;
};
Result<SecondFactorStatus> second_factor_status(AppContext& ctx, const Actor& actor);

struct SecondFactorEnrolment {
  std::string secret;  // base32, for typing into the app by hand
  std::string otpauth_uri;
};
// A new secret, not yet in use; already_exists if two-step sign-in is on (an administrator resets it).
// The password is asked again, so that a session left open on a shared computer cannot tie the
// account to a stranger's phone; a wrong one counts against the account like a failed sign-in.
Result<SecondFactorEnrolment> start_second_factor(AppContext& ctx, const Actor& actor, std::string_view password);
// Turns the new secret on with a code from the app; the code is then used up. Ends this session's
// restriction; the staff member's other sessions still waiting for it end, since any of them may
// have been opened with a stolen password.
Result<void> confirm_second_factor(AppContext& ctx, const Actor& actor, std::string_view code);
// An administrator removes a member of staff's second factor and ends their sessions: their next
// sign-in sets it up again. not_found when there was none.
Result<void> reset_second_factor(AppContext& ctx, const Actor& admin, std::string_view staff_id);
// The same from the command line (`haven user reset-second-factor`), for an administrator's own.
Result<void> reset_second_factor_of(AppContext& ctx, std::string_view username);

}  // namespace haven::app
