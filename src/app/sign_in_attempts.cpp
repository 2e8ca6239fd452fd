#include "app/sign_in_attempts.hpp"

#include <algorithm>

#include "security/password_policy.hpp"
#include "security/random.hpp"

namespace haven::app {
namespace {

constexpr std::size_t kMaxUsernameBytes = 64;

}  // namespace

std::vector<AttemptLimit> sign_in_limits(const SessionPolicy& policy, std::string_view username,
                                         std::string_view client_address, Timestamp now) {
  // Counted by the name typed (an unknown name is limited like a known one, so the limit tells
  // nothing about which accounts exist) and by the address it came from.
  std::vector<AttemptLimit> limits{{account_attempt_key(username), now - policy.account_window, policy.max_failures_per_account}};
  if (!client_address.empty()) {
    limits.push_back({"address:" + std::string(client_address), now - policy.address_window, policy.max_failures_per_address});
  }
  return limits;
}

Result<bool> take_attempt(storage::WriteTransaction& tx, std::span<const AttemptLimit> limits, std::string_view attempt,
                          Timestamp now) {
  HAVEN_TRY(tx.sign_ins().take_turn());
  for (const auto& limit : limits) {
    HAVEN_ASSIGN_OR_RETURN(auto counted, tx.sign_ins().count_failures(limit.key, limit.since));
    if (counted >= limit.max) return false;
  }
  for (const auto& limit : limits) {
    HAVEN_TRY(tx.sign_ins().record_failure(limit.key, now, attempt));
  }
  return true;
}

Result<SignInAttempt> take_sign_in_attempt(AppContext& ctx, std::string_view username, bool look_up,
                                           std::span<const AttemptLimit> limits, std::string_view throttled_detail,
                                           Timestamp now,
                                           FunctionRef<Result<void>(storage::WriteTransaction&, const SignInAttempt&)> also) {
  SignInAttempt attempt{security::new_record_id(), std::nullopt, false};
  HAVEN_TRY(ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
    if (look_up) {
      HAVEN_ASSIGN_OR_RETURN(auto found, tx.staff().find_by_username(username));
      attempt.staff = std::move(found);
    }
    const std::string actor = attempt.staff ? attempt.staff->id : std::string();
    HAVEN_ASSIGN_OR_RETURN(auto took, take_attempt(tx, limits, attempt.id, now));
    attempt.taken = took;
    // No password or code is checked while a limit holds: guessing stops, whatever the guess.
    if (!attempt.taken) return tx.audit().append({now, actor, "session.throttled", {}, std::string(throttled_detail), actor});
    return also(tx, attempt);
  }));
  return attempt;
}

Result<void> forget_old_attempts(storage::WriteTransaction& tx, const SessionPolicy& policy, Timestamp now) {
  const auto longest = std::max({policy.account_window, policy.address_window, policy.second_factor_window});
  return tx.sign_ins().remove_failures_before(now - longest);
}

std::string account_attempt_key(std::string_view username) {
  std::size_t cut = std::min(username.size(), kMaxUsernameBytes);
  // Back to the start of a UTF-8 character: a continuation byte is 10xxxxxx.
  while (cut > 0 && cut < username.size() && (static_cast<unsigned char>(username[cut]) & 0xC0) == 0x80) --cut;
  return "account:" + security::lower_ascii(username.substr(0, cut));
}

}  // namespace haven::app
