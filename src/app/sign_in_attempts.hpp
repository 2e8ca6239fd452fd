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
//   ... hash ... right: tx.release_sign_in_attempt(attempt) ...
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "app/app_context.hpp"
#include "common/clock.hpp"
#include "storage/store.hpp"

namespace haven::app {

struct AttemptLimit {
  std::string key;  // "account:NAME", "address:IP", "second_factor:STAFF_ID"
  Timestamp since;  // the window's start
  std::int64_t max;
};

// In the caller's write transaction: takes the sign-in turn, then one attempt under every limit when
// each has room (true), or none at all when one is full (false).
Result<bool> take_attempt(storage::WriteTransaction& tx, std::span<const AttemptLimit> limits, std::string_view attempt,
                          Timestamp now);

// Forgets failures older than every window, so that the table holds only what still counts.
Result<void> forget_old_attempts(storage::WriteTransaction& tx, const SessionPolicy& policy, Timestamp now);

// The account key of a name as typed: folded to lower case, and for a name too long to be anyone's,
// its first 64 bytes (cut at a character's boundary), so that it is still counted.
std::string account_attempt_key(std::string_view username);

}  // namespace haven::app
