// Signing in and out, and resolving a session token to the acting member of staff.
//
//   auto signed_in = sign_in(ctx, "worker1", password);   // -> token for the cookie, and the actor
//   auto actor = authenticate(ctx, token, awaiting);        // on every API request
//   sign_out(ctx, actor);
#pragma once

#include <string>
#include <string_view>

#include "app/actor.hpp"
#include "app/app_context.hpp"
#include "common/error.hpp"

namespace haven::app {

struct SignedIn {
  std::string token;  // the secret for the cookie; stored only as a digest
  Actor actor;
  domain::Centre centre;
  bool second_factor_enabled = false;
};

// rate_limited once the account or the client address has failed too often (SessionPolicy); every
// attempt is audited, a refused one without the password. An account with two-step sign-in on needs
// `second_factor_code` too: without it, second_factor_required (the password was right: ask for the
// code); a wrong or already used code counts as a failed attempt.
Result<SignedIn> sign_in(AppContext& ctx, std::string_view username, std::string_view password,
                         std::string_view client_address = {}, std::string_view second_factor_code = {});
// The signed-in member of staff of a session token; unauthenticated for an unknown, ended, idle or
// expired session. Keeping the session alive is a deferred write, added to `awaiting`; its failure
// does not fail the answer.
Result<Actor> authenticate(AppContext& ctx, std::string_view token, storage::PendingCommits& awaiting);
Result<void> sign_out(AppContext& ctx, const Actor& actor);
Result<domain::Centre> centre_of(AppContext& ctx, const Actor& actor);

}  // namespace haven::app
