#include "app/sign_in_attempts.hpp"

#include <algorithm>

#include "security/password_policy.hpp"

namespace haven::app {
namespace {

constexpr std::size_t kMaxUsernameBytes = 64;

}  // namespace

Result<bool> take_attempt(storage::WriteTransaction& tx, std::span<const AttemptLimit> limits, std::string_view attempt,
                          Timestamp now) {
  if (auto r = tx.take_sign_in_turn(); !r) return tl::unexpected(r.error());
  for (const auto& limit : limits) {
    auto counted = tx.count_sign_in_failures(limit.key, limit.since);
    if (!counted) return tl::unexpected(counted.error());
    if (*counted >= limit.max) return false;
  }
  for (const auto& limit : limits) {
    if (auto r = tx.record_sign_in_failure(limit.key, now, attempt); !r) return tl::unexpected(r.error());
  }
  return true;
}

Result<void> forget_old_attempts(storage::WriteTransaction& tx, const SessionPolicy& policy, Timestamp now) {
  const auto longest = std::max({policy.account_window, policy.address_window, policy.second_factor_window});
  return tx.delete_sign_in_failures_before(now - longest);
}

std::string account_attempt_key(std::string_view username) {
  std::size_t cut = std::min(username.size(), kMaxUsernameBytes);
  // Back to the start of a UTF-8 character: a continuation byte is 10xxxxxx.
  while (cut > 0 && cut < username.size() && (static_cast<unsigned char>(username[cut]) & 0xC0) == 0x80) --cut;
  return "account:" + security::lower_ascii(username.substr(0, cut));
}

}  // namespace haven::app
