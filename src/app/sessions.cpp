#include "app/sessions.hpp"

#include <algorithm>

#include "app/idempotency.hpp"
#include "app/second_factor.hpp"
#include "domain/draft.hpp"
#include "app/sign_in_attempts.hpp"
#include "security/password_policy.hpp"
#include "security/random.hpp"
#include "security/session_token.hpp"
#include "security/totp.hpp"

namespace haven::app {
namespace {

Actor actor_from(const domain::StaffAccount& staff, std::string session_digest, bool needs_second_factor,
                 Timestamp session_ends_at) {
  return Actor{staff.id,   staff.centre_id,           staff.username,      staff.display_name,
               staff.role, std::move(session_digest), needs_second_factor, staff.organisation,
               staff.confirmed(), session_ends_at};
}

constexpr std::size_t kMaxSecondFactorCode = 16;

constexpr std::size_t kMaxUsername = 64;

// 128 characters of up to four bytes each (security/password_policy.hpp); more is not a password.
constexpr std::size_t kMaxPassword = 4 * security::kMaxPasswordCharacters;

}  // namespace

Result<SignedIn> sign_in(AppContext& ctx, std::string_view username, std::string_view password,
                         std::string_view client_address, std::string_view second_factor_code) {
  const Timestamp now = ctx.clock.now();
  // Every attempt is counted and audited, whatever its shape: a name too long to be anyone's still
  // counts against the address it came from and against its first 64 bytes, before being refused.
  const bool well_formed = !username.empty() && username.size() <= kMaxUsername && password.size() <= kMaxPassword &&
                           second_factor_code.size() <= kMaxSecondFactorCode;
  // A place in the hashing queue before anything is counted or written: past it, busy at once.
  const std::string address(client_address);
  const bool may_wait = well_formed && !ctx.busy_sign_ins->known_throttled(address, now);
  const auto admitted = may_wait ? ctx.hasher.admit() : std::optional<security::PasswordHasher::Admission>{};
  if (may_wait && !admitted) {
    if (const auto refused = ctx.busy_sign_ins->note(now)) {
      HAVEN_TRY(ctx.store.write([&](storage::WriteTransaction& tx) {
        return tx.audit().append({now, {}, "session.busy", {}, std::to_string(*refused) + " refused unchecked"});
      }));
    }
    return fail(ErrorCode::busy, {}, "error.sign_in_busy");
  }
  const auto limits = sign_in_limits(ctx.sessions, username, client_address, now);
  HAVEN_ASSIGN_OR_RETURN(auto reserved, take_sign_in_attempt(ctx, username, well_formed, limits, {}, now,
                                       [&](storage::WriteTransaction& tx, const SignInAttempt& taken) -> Result<void> {
    if (well_formed) return {};
    return tx.audit().append({now, taken.staff ? taken.staff->id : std::string(), "session.refused", {}, "malformed"});
  }));
  if (!reserved.taken) {
    ctx.busy_sign_ins->throttled(address, now + ctx.sessions.address_window);
    return fail(ErrorCode::rate_limited);
  }
  if (!well_formed) return fail(ErrorCode::invalid_credentials);
  const std::string& attempt = reserved.id;
  const std::optional<domain::StaffAccount>& staff = reserved.staff;
  const std::string actor = staff ? staff->id : std::string();
  // Gives back what the attempt took, with its audit entry, in one transaction.
  const auto release = [&](std::string_view action, std::string_view detail) {
    return ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
      if (auto r = tx.sign_ins().release_attempt(attempt); !r) return r;
      return tx.audit().append({now, actor, std::string(action), {}, std::string(detail)});
    });
  };

  // The same Argon2id work is spent whether or not the account exists, so timing tells nothing; on
  // the hashing threads, and refused at once when too many wait, so that a flood of sign-ins slows
  // nothing else.
  const auto verified = staff ? ctx.hasher.try_verify(staff->password_hash, password) : ctx.hasher.try_verify_dummy(password);
  if (!verified) {
    HAVEN_TRY(release("session.busy", "1 refused unchecked"));
    return fail(ErrorCode::busy, {}, "error.sign_in_busy");
  }
  if (!staff || !*verified || staff->disabled) {
    // The failures the attempt took stay: it counts against the account and the address.
    HAVEN_TRY(ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
      if (auto r = forget_old_attempts(tx, ctx.sessions, now); !r) return r;
      return tx.audit().append({now, actor, "session.refused", {}, staff ? "" : "unknown account"});
    }));
    return fail(ErrorCode::invalid_credentials);
  }

  SignedIn result;
  bool second_factor_on = false;
  // Opens the session, inside the transaction that accepted the sign-in.
  const auto open_session = [&](storage::WriteTransaction& tx) -> Result<void> {
    const bool needs_second_factor = !second_factor_on && second_factor_required(ctx.sessions, staff->role);
    result.token = security::new_session_token();
    result.actor = actor_from(*staff, security::session_token_digest(result.token), needs_second_factor,
                              now + ctx.sessions.absolute_timeout);
    result.second_factor_enabled = second_factor_on;
    // Sweep sessions that have ended, so the table holds only live ones.
    if (auto swept = tx.sessions().remove_idle_since(now - ctx.sessions.idle_timeout, now); !swept) {
      return tl::unexpected(swept.error());
    }
    // Drafts nobody has come back to for a month go too (domain/draft.hpp).
    HAVEN_TRY(tx.drafts().remove_saved_before(now - domain::kDraftRetention));
    HAVEN_TRY(tx.idempotency().remove_created_before(now - kIdempotencyRetention));
    storage::SessionRecord session{result.actor.session_digest, result.actor.staff_id, now, now,
                                   result.actor.session_ends_at, needs_second_factor};
    if (auto r = tx.sessions().insert(session); !r) return r;
    // A success gives back its own attempt and clears the account's count.
    if (auto r = tx.sign_ins().release_attempt(attempt); !r) return r;
    if (auto r = tx.sign_ins().clear_failures(limits.front().key); !r) return r;
    if (!result.actor.centre_id.empty()) {
      HAVEN_ASSIGN_OR_RETURN(auto centre, tx.centres().find(result.actor.centre_id));
      if (centre) result.centre = *centre;
    }
    return tx.audit().append({now, result.actor.staff_id, "session.create", {},
                            second_factor_on      ? "second factor"
                            : needs_second_factor ? "second factor to set up"
                                                  : ""});
  };

  enum class Outcome { signed_in, code_needed, codes_locked, code_refused };
  Outcome outcome = Outcome::signed_in;
  HAVEN_TRY(ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto factor, tx.second_factors().find(staff->id));
    second_factor_on = factor && factor->enabled;
    if (!second_factor_on) return open_session(tx);
    if (second_factor_code.empty()) {
      // The password was right; the page now asks for the code. Not a failure, but on the record.
      outcome = Outcome::code_needed;
      if (auto r = tx.sign_ins().release_attempt(attempt); !r) return r;
      return tx.audit().append({now, actor, "session.second_factor_asked", {}, {}});
    }
    // The code is counted, checked and used in one step under the sign-in turn: sign-ins racing with
    // the password cannot check more codes than the day allows.
    const AttemptLimit codes{second_factor_failure_key(staff->id), now - ctx.sessions.second_factor_window,
                             ctx.sessions.max_second_factor_failures};
    HAVEN_ASSIGN_OR_RETURN(auto room, take_attempt(tx, std::span(&codes, 1), attempt, now));
    if (!room) {
      outcome = Outcome::codes_locked;
      if (auto r = tx.sign_ins().release_attempt(attempt); !r) return r;
      return tx.audit().append({now, actor, "session.throttled", {}, "second factor codes"});
    }
    const auto step = security::accepted_totp_step(factor->secret, second_factor_code, now, factor->last_used_step);
    bool used = false;
    if (step) {
      HAVEN_ASSIGN_OR_RETURN(auto r, tx.second_factors().use_step(staff->id, *step));
      used = r;
    }
    if (used) return open_session(tx);
    // A wrong or reused code counts against the account, the address and the account's codes.
    outcome = Outcome::code_refused;
    if (auto r = forget_old_attempts(tx, ctx.sessions, now); !r) return r;
    return tx.audit().append(
        {now, actor, "session.refused", {}, step ? "second factor code already used" : "second factor code wrong"});
  }));
  switch (outcome) {
    case Outcome::signed_in: return result;
    case Outcome::code_needed: return fail(ErrorCode::second_factor_required, "code");
    case Outcome::codes_locked: return fail(ErrorCode::rate_limited, {}, "error.second_factor_locked");
    case Outcome::code_refused: {
      Error wrong(ErrorCode::invalid_credentials);
      wrong.field = "code";
      wrong.message_key = "error.second_factor_code_wrong";
      return tl::unexpected(wrong);
    }
  }
  return result;
}

Result<Actor> authenticate(AppContext& ctx, std::string_view token, storage::PendingCommits& awaiting) {
  if (token.empty() || token.size() > 128) return fail(ErrorCode::unauthenticated);
  const std::string digest = security::session_token_digest(token);
  const Timestamp now = ctx.clock.now();

  std::optional<storage::SessionRecord> session;
  std::optional<domain::StaffAccount> staff;
  HAVEN_TRY(ctx.store.read([&](storage::ReadTransaction& tx) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto found, tx.sessions().find(digest));
    session = found;
    if (!session) return {};
    HAVEN_ASSIGN_OR_RETURN(auto account, tx.staff().find(session->staff_id));
    staff = account;
    return {};
  }));
  if (!session || !staff || staff->disabled || now >= session->expires_at ||
      now - session->last_seen_at >= ctx.sessions.idle_timeout) {
    return fail(ErrorCode::unauthenticated);
  }
  // Keep the session alive, but write at most once a minute: reads must stay reads. A deferred write
  // the answer waits for, so that the client's next request finds the session touched; but one that
  // cannot fail the answer: a failed touch only lets the session end a minute early, while failing
  // the request would report a change its handler committed as failed, and invite it twice.
  if (now - session->last_seen_at >= ctx.sessions.touch_interval) {
    auto settled = std::make_shared<storage::PendingCommit>();
    ctx.store.write_deferred([digest, now](storage::WriteTransaction& tx) { return tx.sessions().touch(digest, now); })
        ->then([settled](const Result<void>&) { settled->finish({}); });
    awaiting.push_back(std::move(settled));
  }
  return actor_from(*staff, digest, session->needs_second_factor, session->expires_at);
}

Result<void> sign_out(AppContext& ctx, const Actor& actor) {
  const Timestamp now = ctx.clock.now();
  return ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
    if (auto r = tx.sessions().remove(actor.session_digest); !r) return r;
    return tx.audit().append({now, actor.staff_id, "session.delete", {}, {}});
  });
}

Result<domain::Centre> centre_of(AppContext& ctx, const Actor& actor) {
  if (actor.centre_id.empty()) return domain::Centre{};
  HAVEN_ASSIGN_OR_RETURN(auto centre, storage::read_value<std::optional<domain::Centre>>(
      ctx.store, [&](storage::ReadTransaction& tx) { return tx.centres().find(actor.centre_id); }));
  if (!centre) return fail(ErrorCode::not_found);
  return *centre;
}

}  // namespace haven::app
