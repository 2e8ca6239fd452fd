#include "app/sessions.hpp"

#include <algorithm>

#include "app/second_factor.hpp"
#include "security/password_policy.hpp"
#include "security/random.hpp"
#include "security/session_token.hpp"
#include "security/totp.hpp"

namespace haven::app {
namespace {

Actor actor_from(const domain::StaffAccount& staff, std::string session_digest, bool needs_second_factor) {
  return Actor{staff.id,   staff.centre_id,           staff.username,      staff.display_name,
               staff.role, std::move(session_digest), needs_second_factor, staff.organisation};
}

constexpr std::size_t kMaxSecondFactorCode = 16;

constexpr std::size_t kMaxUsername = 64;

// 128 characters of up to four bytes each (security/password_policy.hpp); more is not a password.
constexpr std::size_t kMaxPassword = 4 * security::kMaxPasswordCharacters;

}  // namespace

Result<SignedIn> sign_in(AppContext& ctx, std::string_view username, std::string_view password,
                         std::string_view client_address, std::string_view second_factor_code) {
  if (username.empty() || username.size() > kMaxUsername || password.size() > kMaxPassword ||
      second_factor_code.size() > kMaxSecondFactorCode) {
    return fail(ErrorCode::invalid_credentials);
  }
  const Timestamp now = ctx.clock.now();
  // Counted by the name typed (an unknown name is limited like a known one, so the limit tells
  // nothing about which accounts exist) and by the address it came from.
  const std::string account_key = "account:" + security::lower_ascii(username);
  const std::string address_key = client_address.empty() ? std::string() : "address:" + std::string(client_address);
  std::optional<domain::StaffAccount> staff;
  std::optional<storage::SecondFactor> factor;
  std::int64_t wrong_codes = 0;  // the account's wrong two-step codes in their window
  bool throttled = false;
  auto looked_up = ctx.store.read([&](storage::ReadTransaction& tx) -> Result<void> {
    auto by_account = tx.count_sign_in_failures(account_key, now - ctx.sessions.account_window);
    if (!by_account) return tl::unexpected(by_account.error());
    std::int64_t by_address = 0;
    if (!address_key.empty()) {
      auto counted = tx.count_sign_in_failures(address_key, now - ctx.sessions.address_window);
      if (!counted) return tl::unexpected(counted.error());
      by_address = *counted;
    }
    throttled = *by_account >= ctx.sessions.max_failures_per_account || by_address >= ctx.sessions.max_failures_per_address;
    auto found = tx.find_staff_by_username(username);
    if (!found) return tl::unexpected(found.error());
    staff = std::move(*found);
    if (!staff) return {};
    auto second = tx.find_second_factor(staff->id);
    if (!second) return tl::unexpected(second.error());
    factor = std::move(*second);
    if (!factor || !factor->enabled) return {};
    auto counted = tx.count_sign_in_failures(second_factor_failure_key(staff->id), now - ctx.sessions.second_factor_window);
    if (!counted) return tl::unexpected(counted.error());
    wrong_codes = *counted;
    return {};
  });
  if (!looked_up) return tl::unexpected(looked_up.error());
  const std::string actor = staff ? staff->id : std::string();
  if (throttled) {
    // No password is checked while the limit holds: guessing stops, whatever the guess.
    auto audited = ctx.store.write([&](storage::WriteTransaction& tx) {
      return tx.append_audit({now, actor, "session.throttled", {}, {}});
    });
    if (!audited) return tl::unexpected(audited.error());
    return fail(ErrorCode::rate_limited);
  }
  // The same Argon2id work is spent whether or not the account exists, so timing tells nothing.
  bool accepted = false;
  if (!staff) {
    ctx.hasher.verify_dummy(password);
  } else {
    accepted = ctx.hasher.verify(staff->password_hash, password) && !staff->disabled;
  }
  const std::string second_factor_key = staff ? second_factor_failure_key(staff->id) : std::string();
  // A refusal counts against the account and the address, whether the password or the code was
  // wrong; a wrong code also against the account's codes.
  const auto refuse = [&](std::string_view detail, Error error, bool wrong_code = false) -> Result<SignedIn> {
    auto recorded = ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
      const auto longest =
          std::max({ctx.sessions.account_window, ctx.sessions.address_window, ctx.sessions.second_factor_window});
      if (auto r = tx.delete_sign_in_failures_before(now - longest); !r) return r;
      if (auto r = tx.record_sign_in_failure(account_key, now); !r) return r;
      if (!address_key.empty()) {
        if (auto r = tx.record_sign_in_failure(address_key, now); !r) return r;
      }
      if (wrong_code) {
        if (auto r = tx.record_sign_in_failure(second_factor_key, now); !r) return r;
      }
      return tx.append_audit({now, actor, "session.refused", {}, std::string(detail)});
    });
    if (!recorded) return tl::unexpected(recorded.error());
    return fail(std::move(error));
  };
  if (!accepted) return refuse(staff ? "" : "unknown account", Error{ErrorCode::invalid_credentials});

  const bool second_factor_on = factor && factor->enabled;
  if (second_factor_on) {
    if (second_factor_code.empty()) {
      // The password was right; the page now asks for the code. Not a failure, but on the record.
      auto audited = ctx.store.write([&](storage::WriteTransaction& tx) {
        return tx.append_audit({now, actor, "session.second_factor_asked", {}, {}});
      });
      if (!audited) return tl::unexpected(audited.error());
      return fail(ErrorCode::second_factor_required, "code");
    }
    if (wrong_codes >= ctx.sessions.max_second_factor_failures) {
      auto audited = ctx.store.write([&](storage::WriteTransaction& tx) {
        return tx.append_audit({now, actor, "session.throttled", {}, "second factor codes"});
      });
      if (!audited) return tl::unexpected(audited.error());
      return fail(ErrorCode::rate_limited, {}, "error.second_factor_locked");
    }
    const auto step = security::accepted_totp_step(factor->secret, second_factor_code, now, factor->last_used_step);
    bool used = false;
    if (step) {
      auto done = ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
        auto r = tx.use_second_factor_step(staff->id, *step);
        if (!r) return tl::unexpected(r.error());
        used = *r;
        return {};
      });
      if (!done) return tl::unexpected(done.error());
    }
    if (!used) {
      Error wrong(ErrorCode::invalid_credentials);
      wrong.field = "code";
      wrong.message_key = "error.second_factor_code_wrong";
      return refuse(step ? "second factor code already used" : "second factor code wrong", std::move(wrong), true);
    }
  }
  const bool needs_second_factor = !second_factor_on && second_factor_required(ctx.sessions, staff->role);

  SignedIn result;
  result.token = security::new_session_token();
  result.actor = actor_from(*staff, security::session_token_digest(result.token), needs_second_factor);
  result.second_factor_enabled = second_factor_on;
  auto done = ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
    // Sweep sessions that have ended, so the table holds only live ones.
    if (auto swept = tx.delete_sessions_idle_since(now - ctx.sessions.idle_timeout, now); !swept) {
      return tl::unexpected(swept.error());
    }
    storage::SessionRecord session{result.actor.session_digest, result.actor.staff_id, now, now,
                                   now + ctx.sessions.absolute_timeout, needs_second_factor};
    if (auto r = tx.insert_session(session); !r) return r;
    if (auto r = tx.clear_sign_in_failures(account_key); !r) return r;
    if (!result.actor.centre_id.empty()) {
      auto centre = tx.find_centre(result.actor.centre_id);
      if (!centre) return tl::unexpected(centre.error());
      if (*centre) result.centre = **centre;
    }
    return tx.append_audit({now, result.actor.staff_id, "session.create", {},
                            second_factor_on      ? "second factor"
                            : needs_second_factor ? "second factor to set up"
                                                  : ""});
  });
  if (!done) return tl::unexpected(done.error());
  return result;
}

Result<Actor> authenticate(AppContext& ctx, std::string_view token, storage::PendingCommits& awaiting) {
  if (token.empty() || token.size() > 128) return fail(ErrorCode::unauthenticated);
  const std::string digest = security::session_token_digest(token);
  const Timestamp now = ctx.clock.now();

  std::optional<storage::SessionRecord> session;
  std::optional<domain::StaffAccount> staff;
  auto looked_up = ctx.store.read([&](storage::ReadTransaction& tx) -> Result<void> {
    auto found = tx.find_session(digest);
    if (!found) return tl::unexpected(found.error());
    session = *found;
    if (!session) return {};
    auto account = tx.find_staff(session->staff_id);
    if (!account) return tl::unexpected(account.error());
    staff = *account;
    return {};
  });
  if (!looked_up) return tl::unexpected(looked_up.error());
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
    ctx.store.write_deferred([digest, now](storage::WriteTransaction& tx) { return tx.touch_session(digest, now); })
        ->then([settled](const Result<void>&) { settled->finish({}); });
    awaiting.push_back(std::move(settled));
  }
  return actor_from(*staff, digest, session->needs_second_factor);
}

Result<void> sign_out(AppContext& ctx, const Actor& actor) {
  const Timestamp now = ctx.clock.now();
  return ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
    if (auto r = tx.delete_session(actor.session_digest); !r) return r;
    return tx.append_audit({now, actor.staff_id, "session.delete", {}, {}});
  });
}

Result<domain::Centre> centre_of(AppContext& ctx, const Actor& actor) {
  if (actor.centre_id.empty()) return domain::Centre{};
  auto centre = storage::read_value<std::optional<domain::Centre>>(
      ctx.store, [&](storage::ReadTransaction& tx) { return tx.find_centre(actor.centre_id); });
  if (!centre) return tl::unexpected(centre.error());
  if (!*centre) return fail(ErrorCode::not_found);
  return **centre;
}

}  // namespace haven::app
