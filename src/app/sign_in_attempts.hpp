// The attempt limits of sign-in (docs/security.md, "Sign-in and sessions"), counted in the database
// so that every server counts the same attempts. An attempt is taken before its password is hashed,
// as a failure that names it: counting and taking are one step under the sign-in turn, so that two
// hundred attempts arriving together cannot all find the count below the limit (they did, when the
// count was read, the hash computed and the failure written after). A right password releases what
// its attempt took.
//
//   const std::string attempt = new_attempt_id();
//   auto taken = take_attempt(tx, {{"account:worker1", now - 1h, 100}, {"address:10.0.0.7", now - 15min, 50}}, attempt, now);
//   if (!*taken) ... 429, nothing was taken ...
//   ... hash ... right: tx.sign_ins().release_attempt(attempt) ...
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/app_context.hpp"
#include "common/clock.hpp"
#include "common/function_ref.hpp"
#include "storage/store.hpp"

namespace haven::app {

struct AttemptLimit {
  std::string key;  // "account:NAME", "address:IP", "second_factor:STAFF_ID"
  Timestamp since;  // the window's start
  std::int64_t max;
};

// A sign-in's limits (and an activation's, which is a sign-in with a code): the name as typed, and the
// client address when known.
std::vector<AttemptLimit> sign_in_limits(const SessionPolicy& policy, std::string_view username,
                                         std::string_view client_address, Timestamp now);

// In the caller's write transaction: takes the sign-in turn, then one attempt under every limit when
// each has room (true), or none at all when one is full (false).
Result<bool> take_attempt(storage::WriteTransaction& tx, std::span<const AttemptLimit> limits, std::string_view attempt,
                          Timestamp now);

// An attempt at a sign-in (or an activation) as taken: its ID, the account its name names, and
// whether the limits had room for it.
struct SignInAttempt {
  std::string id;
  std::optional<domain::StaffAccount> staff;
  bool taken = false;
};
// In one write transaction: finds the account named (when `look_up`), takes the attempt under `limits`,
// and audits `session.throttled` (with `throttled_detail`) when a limit is full; when taken, runs `also`
// in the same transaction.
Result<SignInAttempt> take_sign_in_attempt(AppContext& ctx, std::string_view username, bool look_up,
                                           std::span<const AttemptLimit> limits, std::string_view throttled_detail,
                                           Timestamp now,
                                           FunctionRef<Result<void>(storage::WriteTransaction&, const SignInAttempt&)> also);

// Forgets failures older than every window, so that the table holds only what still counts.
Result<void> forget_old_attempts(storage::WriteTransaction& tx, const SessionPolicy& policy, Timestamp now);

// The account key of a name as typed: folded to lower case, and for a name too long to be anyone's,
// its first 64 bytes (cut at a character's boundary), so that it is still counted.
std::string account_attempt_key(std::string_view username);

}  // namespace haven::app
