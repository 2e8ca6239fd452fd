#include "security/audit_chain.hpp"

#include <array>

#include <sodium.h>

#include "security/hex.hpp"

namespace haven::security {
namespace {

// Each field with its length in front, so that ("ab","c") and ("a","bc") hash apart.
void absorb(crypto_generichash_state& state, std::string_view field) {
  const std::uint64_t length = field.size();
  std::array<unsigned char, 8> prefix{};
  for (std::size_t i = 0; i < prefix.size(); ++i) prefix[i] = static_cast<unsigned char>(length >> (8 * i));
  crypto_generichash_update(&state, prefix.data(), prefix.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(field.data()), field.size());
}

}  // namespace

std::string audit_link(const KeyBytes& key, std::string_view previous_hash, const AuditFields& entry) {
  crypto_generichash_state state;
  constexpr std::size_t kDigest = 32;
  crypto_generichash_init(&state, key.data(), key.size(), kDigest);
  absorb(state, previous_hash);
  absorb(state, std::to_string(entry.at_seconds));
  absorb(state, entry.actor_id);
  absorb(state, entry.action);
  absorb(state, entry.case_id);
  absorb(state, entry.detail);
  // Length-prefixed like the rest: an entry with a subject never hashes like one without.
  if (!entry.subject_id.empty()) absorb(state, entry.subject_id);
  std::array<unsigned char, kDigest> digest{};
  crypto_generichash_final(&state, digest.data(), digest.size());
  return hex_of(digest);
}

}  // namespace haven::security
