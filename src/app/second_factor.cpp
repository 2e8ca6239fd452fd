#include "app/second_factor.hpp"

#include <algorithm>

#include "app/permissions.hpp"
#include "app/sign_in_attempts.hpp"
#include "security/password_policy.hpp"
#include "security/random.hpp"
#include "security/totp.hpp"

namespace haven::app {
namespace {

constexpr std::string_view kIssuer = "Haven";

Result<void> remove_second_factor(storage::WriteTransaction& tx, const domain::StaffAccount& staff,
                                  std::string_view by, Timestamp now) {
  HAVEN_ASSIGN_OR_RETURN(auto removed, tx.second_factors().remove(staff.id));
  if (!removed) return fail(ErrorCode::not_found, {}, "error.second_factor_not_set_up");
  // A fresh start: the wrong codes counted against the old factor no longer lock the account.
  if (auto r = tx.sign_ins().clear_failures(second_factor_failure_key(staff.id)); !r) return r;
  // Whoever holds a session made with the old factor signs in again, with the new one.
  HAVEN_TRY(tx.sessions().remove_of_staff(staff.id));
  return tx.audit().append({now, std::string(by), "second_factor.reset", {}, "staff=" + staff.id, staff.id});
}

}  // namespace

std::string second_factor_failure_key(std::string_view staff_id) { return "second_factor:" + std::string(staff_id); }

bool second_factor_required(const SessionPolicy& policy, domain::Role role) {
  return std::find(policy.second_factor_roles.begin(), policy.second_factor_roles.end(), role) !=
         policy.second_factor_roles.end();
}

Result<SecondFactorStatus> second_factor_status(AppContext& ctx, const Actor& actor) {
  HAVEN_ASSIGN_OR_RETURN(auto factor, storage::read_value<std::optional<storage::SecondFactor>>(
      ctx.store, [&](storage::ReadTransaction& tx) { return tx.second_factors().find(actor.staff_id); }));
  return SecondFactorStatus{second_factor_required(ctx.sessions, actor.role), factor && factor->enabled};
}

Result<void> check_password_again(AppContext& ctx, const Actor& actor, std::string_view password, Timestamp now) {
  // Counted like a sign-in, and taken before the hash (app/sign_in_attempts.hpp).
  const AttemptLimit account{account_attempt_key(actor.username), now - ctx.sessions.account_window,
                             ctx.sessions.max_failures_per_account};
  const std::string attempt = security::new_record_id();
  std::optional<domain::StaffAccount> staff;
  bool taken = false;
  auto reserved = ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto found, tx.staff().find(actor.staff_id));
    staff = std::move(found);
    if (!staff) return {};
    HAVEN_ASSIGN_OR_RETURN(auto took, take_attempt(tx, std::span(&account, 1), attempt, now));
    taken = took;
    if (!taken) return tx.audit().append({now, actor.staff_id, "session.throttled", {}, "password asked again"});
    return {};
  });
  if (!reserved) return reserved;
  if (!staff) return fail(ErrorCode::unauthenticated);
  if (!taken) return fail(ErrorCode::rate_limited);
  const auto verified = password.size() <= 4 * security::kMaxPasswordCharacters
                            ? ctx.hasher.try_verify(staff->password_hash, password)
                            : std::optional<bool>(false);
  if (!verified || *verified) {
    // Right, or not checked at all because the hashing queue was full: the attempt is given back.
    if (auto r = ctx.store.write([&](storage::WriteTransaction& tx) { return tx.sign_ins().release_attempt(attempt); }); !r) return r;
    if (!verified) return fail(ErrorCode::busy, {}, "error.sign_in_busy");
    return {};
  }
  auto recorded = ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
    return tx.audit().append({now, actor.staff_id, "second_factor.refused", {}, "password wrong"});
  });
  if (!recorded) return recorded;
  return fail(ErrorCode::invalid_credentials, "password", "error.password_wrong");
}

Result<SecondFactorEnrolment> start_second_factor(AppContext& ctx, const Actor& actor, std::string_view password) {
  const Timestamp now = ctx.clock.now();
  HAVEN_TRY(check_password_again(ctx, actor, password, now));
  storage::SecondFactor factor{actor.staff_id, security::new_totp_secret(), false, 0, now};
  HAVEN_TRY(ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto existing, tx.second_factors().find(actor.staff_id));
    if (existing && existing->enabled) return fail(ErrorCode::already_exists, {}, "error.second_factor_already_on");
    // A secret shown earlier and never confirmed is replaced: only the newest one can be turned on.
    if (auto r = tx.second_factors().put(factor); !r) return r;
    return tx.audit().append({now, actor.staff_id, "second_factor.enrolment_started", {}, {}});
  }));
  return SecondFactorEnrolment{security::base32_encode(factor.secret),
                               security::otpauth_uri(kIssuer, actor.username, factor.secret)};
}

Result<void> confirm_second_factor(AppContext& ctx, const Actor& actor, std::string_view code) {
  const Timestamp now = ctx.clock.now();
  return ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto factor, tx.second_factors().find(actor.staff_id));
    if (!factor) return fail(ErrorCode::not_found, {}, "error.second_factor_not_started");
    if (factor->enabled) return fail(ErrorCode::already_exists, {}, "error.second_factor_already_on");
    const auto step = security::accepted_totp_step(factor->secret, code, now, factor->last_used_step);
    if (!step) return fail(ErrorCode::validation_failed, "code", "error.second_factor_code_wrong");
    storage::SecondFactor enabled = *factor;
    enabled.enabled = true;
    enabled.last_used_step = *step;
    enabled.updated_at = now;
    if (auto r = tx.second_factors().put(enabled); !r) return r;
    if (auto r = tx.sessions().settle_second_factor(actor.staff_id, actor.session_digest); !r) return r;
    return tx.audit().append({now, actor.staff_id, "second_factor.enabled", {}, {}});
  });
}

Result<void> reset_second_factor(AppContext& ctx, const Actor& admin, std::string_view staff_id) {
  HAVEN_TRY(require(admin, Action::manage_accounts));
  if (!security::is_record_id(staff_id)) return fail(ErrorCode::not_found, {}, "error.staff_not_found");
  const Timestamp now = ctx.clock.now();
  return ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto staff, tx.staff().find(staff_id));
    if (!staff) return fail(ErrorCode::not_found, {}, "error.staff_not_found");
    return remove_second_factor(tx, *staff, admin.staff_id, now);
  });
}

Result<void> reset_second_factor_of(AppContext& ctx, std::string_view username) {
  const Timestamp now = ctx.clock.now();
  return ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto staff, tx.staff().find_by_username(username));
    if (!staff) return fail(ErrorCode::not_found, "username", "error.staff_not_found");
    return remove_second_factor(tx, *staff, {}, now);
  });
}

}  // namespace haven::app
