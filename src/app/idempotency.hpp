// No duplicate from a retry (draft-ietf-httpapi-idempotency-key-header): a registration or a record
// whose answer was lost (a dropped connection, a server killed after its commit) and which the
// browser sends again with the same Idempotency-Key is not stored twice. The key is claimed in the
// transaction that creates the resource, so a commit and its claim cannot be separated: a retry
// finds the claim and is answered with what the first request made. The same key with another
// request is refused (422); a claim is kept for kIdempotencyRetention.
//
//   auto claim = idempotency_claim(actor, key, "registerCase", path, body);     // 400 on a bad key
//   if (auto earlier = find_claimed(ctx, actor, *claim); ...)                    // the resource it made
//   register_case(ctx, actor, input, &*claim);    // claims the key inside its own transaction
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "app/actor.hpp"
#include "app/app_context.hpp"
#include "security/key_ring.hpp"
#include "storage/store.hpp"

namespace haven::app {

// How long a key answers with its first result: a day and a night's shift, at least the 24 hours
// the issue asks for.
inline constexpr std::chrono::hours kIdempotencyRetention{48};

struct IdempotencyClaim {
  std::string key;          // as the client sent it
  std::string fingerprint;  // of the request: the operation, its path and its body
  std::string operation;    // the route's operationId
};

// The claim for a request carrying `key`: validation_failed on "Idempotency-Key" when the key is
// not 1 to 255 visible ASCII characters (an RFC 8941 string: quoted, or bare). The fingerprint is a
// keyed BLAKE2b under `mac_key` (the key file's index key): a registration's body holds a victim's
// name and birth date, and an unkeyed hash of it, kept two days, could be confirmed by guessing them.
Result<IdempotencyClaim> idempotency_claim(const security::KeyBytes& mac_key, std::string_view key,
                                           std::string_view operation, std::string_view path, std::string_view body);

// The resource an earlier request with the same key made (none: the key is new); validation_failed
// (422) on "Idempotency-Key" when the key was used for another request.
Result<std::optional<std::string>> find_claimed(AppContext& ctx, const Actor& actor, const IdempotencyClaim& claim);

// Inside the creating transaction: the key now names `resource_id`. already_exists with
// kIdempotencyKeyTaken when a request with the same key committed first (the caller then answers
// with that one's resource). Nothing when `claim` is null (no key sent).
inline constexpr std::string_view kIdempotencyKeyTaken = "error.idempotency_key_taken";
Result<void> claim_key(storage::WriteTransaction& tx, const Actor& actor, const IdempotencyClaim* claim,
                       std::string_view resource_id, Timestamp now);

}  // namespace haven::app
