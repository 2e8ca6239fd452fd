#include "app/idempotency.hpp"

#include <algorithm>
#include <array>

#include <sodium.h>

#include "security/hex.hpp"

namespace haven::app {

namespace {

Error key_problem(std::string message_key) {
  Error e(ErrorCode::validation_failed);
  e.field = "Idempotency-Key";
  e.message_key = std::move(message_key);
  return e;
}

}  // namespace

Result<IdempotencyClaim> idempotency_claim(const security::KeyBytes& mac_key, std::string_view key,
                                           std::string_view operation, std::string_view path, std::string_view body) {
  // The draft makes it a structured-field string ("\"8e03...\""); clients also send it bare.
  if (key.size() >= 2 && key.front() == '"' && key.back() == '"') key = key.substr(1, key.size() - 2);
  const bool visible = !key.empty() && key.size() <= 255 &&
                       std::all_of(key.begin(), key.end(), [](char c) { return c > ' ' && c < 0x7f && c != '"'; });
  if (!visible) return tl::unexpected(key_problem("validation.idempotency_key"));
  // Each part's length first, so that no two different requests run together into the same bytes;
  // the purpose first, so that no other use of the index key makes the same digest.
  std::array<unsigned char, 32> digest{};
  crypto_generichash_state state;
  crypto_generichash_init(&state, mac_key.data(), mac_key.size(), digest.size());
  for (const std::string_view part : {std::string_view("haven idempotency fingerprint"), operation, path, body}) {
    const std::string length = std::to_string(part.size()) + ":";
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(length.data()), length.size());
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(part.data()), part.size());
  }
  crypto_generichash_final(&state, digest.data(), digest.size());
  return IdempotencyClaim{std::string(key), security::hex_of(digest), std::string(operation)};
}

Result<std::optional<std::string>> find_claimed(AppContext& ctx, const Actor& actor, const IdempotencyClaim& claim) {
  const Timestamp now = ctx.clock.now();
  HAVEN_ASSIGN_OR_RETURN(auto found, storage::read_value<std::optional<storage::IdempotencyRecord>>(
                                         ctx.store, [&](storage::ReadTransaction& tx) {
                                           return tx.idempotency().find(actor.staff_id, claim.key);
                                         }));
  if (!found || found->created_at < now - kIdempotencyRetention) return std::optional<std::string>{};
  if (found->fingerprint != claim.fingerprint) return tl::unexpected(key_problem("validation.idempotency_key_reused"));
  return std::optional<std::string>{found->resource_id};
}

Result<void> claim_key(storage::WriteTransaction& tx, const Actor& actor, const IdempotencyClaim* claim,
                       std::string_view resource_id, Timestamp now) {
  if (!claim) return {};
  // An expired claim of the same key gives way (the sweep at sign-in may not have run yet); only this
  // key's, so that creating transactions do not contend over each other's old rows.
  HAVEN_TRY(tx.idempotency().remove_expired(actor.staff_id, claim->key, now - kIdempotencyRetention));
  auto inserted = tx.idempotency().insert(
      {actor.staff_id, claim->key, claim->fingerprint, claim->operation, std::string(resource_id), now});
  if (!inserted && inserted.error().code == ErrorCode::already_exists) {
    Error e(ErrorCode::already_exists);
    e.field = "Idempotency-Key";
    e.message_key = std::string(kIdempotencyKeyTaken);
    return tl::unexpected(std::move(e));
  }
  return inserted;
}

}  // namespace haven::app
