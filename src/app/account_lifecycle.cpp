#include "app/account_lifecycle.hpp"

#include <algorithm>

#include <sodium.h>

#include "app/administration.hpp"
#include "app/centre_work.hpp"
#include "app/permissions.hpp"
#include "app/sign_in_attempts.hpp"
#include "domain/separation_of_duties.hpp"
#include "security/random.hpp"
#include "security/session_token.hpp"

namespace haven::app {
namespace {

constexpr std::size_t kMaxUsername = 64;
constexpr std::size_t kMaxCode = 64;
constexpr std::size_t kMaxPasswordBytes = 4 * 128;

ActivationCode fresh_code(Timestamp now, std::string& digest) {
  ActivationCode activation{security::new_activation_code(), now + kActivationValidity};
  digest = security::session_token_digest(security::normalise_activation_code(activation.code));
  return activation;
}

bool same_digest(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

tl::unexpected<Error> refused(const domain::DutyRefusal& refusal) {
  return fail(refusal.code, {}, refusal.message_key);
}

// A refused step of separation of duties is on the record too, in its own transaction since the
// refused work wrote nothing: the centre's heads see who tried what with which account.
Result<void> audit_refusal(AppContext& ctx, const Actor& actor, std::string_view action, std::string_view subject,
                           const Error& error, Timestamp now) {
  if (error.code == ErrorCode::not_found || subject.empty()) return {};
  return ctx.store.write([&](storage::WriteTransaction& tx) {
    return tx.audit().append({now, actor.staff_id, std::string(action), {}, error.message_key, std::string(subject)});
  });
}

Result<domain::StaffAccount> account_named(storage::ReadTransaction& tx, std::string_view staff_id) {
  HAVEN_ASSIGN_OR_RETURN(auto found, security::is_record_id(staff_id) ? tx.staff().find(staff_id)
                                                : Result<std::optional<domain::StaffAccount>>(std::nullopt));
  if (!found) return fail(ErrorCode::not_found, {}, "error.staff_not_found");
  return std::move(*found);
}

// Who made the account's maker, and so on up (app-made accounts only; at most kMaxChain steps, so a
// damaged row cannot loop): whoever stands anywhere behind it.
Result<std::vector<std::string>> makers_above(storage::ReadTransaction& tx, const domain::StaffAccount& account) {
  constexpr int kMaxChain = 32;
  std::vector<std::string> chain;
  std::string next = account.created_by;
  for (int step = 0; step < kMaxChain && security::is_record_id(next); ++step) {
    HAVEN_ASSIGN_OR_RETURN(auto maker, tx.staff().find(next));
    if (!maker) break;
    next = maker->created_by;
    if (next.empty() || std::find(chain.begin(), chain.end(), next) != chain.end()) break;
    chain.push_back(next);
  }
  return chain;
}

}  // namespace

AccountState state_of(domain::StaffAccount account, bool second_factor) {
  AccountState state{std::move(account), false, false, second_factor};
  state.activated = state.account.activated();
  state.confirmed = state.account.confirmed();
  state.account.password_hash.clear();
  state.account.activation_digest.clear();
  return state;
}

Result<MadeAccount> make_account(AppContext& ctx, const Actor& maker, NewStaff staff) {
  HAVEN_TRY(require(maker, Action::manage_staff_accounts));
  // A centre head adds to her own centre: she need not name it.
  if (maker.role != domain::Role::administrator && staff.centre_id.empty()) staff.centre_id = maker.centre_id;
  HAVEN_TRY(require_account_in_reach(maker, staff.centre_id, staff.role));
  HAVEN_TRY(check_new_staff(staff));
  MadeAccount made{new_account(ctx, staff), {}};
  made.account.created_by = maker.staff_id;
  made.activation = fresh_code(made.account.created_at, made.account.activation_digest);
  made.account.activation_expires_at = made.activation.expires_at;
  HAVEN_TRY(ctx.store.write([&](storage::WriteTransaction& tx) { return insert_new_account(tx, made.account); }));
  made.account.activation_digest.clear();
  return made;
}

Result<ActivationCode> issue_activation(AppContext& ctx, const Actor& maker, std::string_view staff_id) {
  HAVEN_TRY(require(maker, Action::manage_staff_accounts));
  const Timestamp now = ctx.clock.now();
  ActivationCode activation;
  HAVEN_TRY(ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto account, account_named(tx, staff_id));
    HAVEN_TRY(require_account_in_reach(maker, account.centre_id, account.role));
    // Whoever issues a code could use it: only the maker, who counts as such for confirmation already.
    if (account.created_by != maker.staff_id) return fail(ErrorCode::forbidden, {}, "error.activation_by_maker_only");
    std::string digest;
    activation = fresh_code(now, digest);
    HAVEN_ASSIGN_OR_RETURN(auto set, tx.staff().set_activation(account.id, digest, activation.expires_at));
    if (!set) return fail(ErrorCode::already_exists, {}, "error.account_already_active");
    return tx.audit().append({now, maker.staff_id, "account.activation_issued", {}, {}, account.id});
  }));
  return activation;
}

Result<void> activate_account(AppContext& ctx, std::string_view username, std::string_view code,
                              std::string_view password, std::string_view client_address) {
  const Timestamp now = ctx.clock.now();
  const bool well_formed = !username.empty() && username.size() <= kMaxUsername && !code.empty() &&
                           code.size() <= kMaxCode && password.size() <= kMaxPasswordBytes;
  // Counted like a sign-in (app/sign_in_attempts.hpp): guessing codes is guessing passwords.
  const auto limits = sign_in_limits(ctx.sessions, username, client_address, now);
  const std::string digest = security::session_token_digest(security::normalise_activation_code(code));
  HAVEN_ASSIGN_OR_RETURN(auto reserved, take_sign_in_attempt(ctx, username, well_formed, limits, "activation", now,
                                       [](storage::WriteTransaction&, const SignInAttempt&) -> Result<void> { return {}; }));
  if (!reserved.taken) return fail(ErrorCode::rate_limited);
  const std::string& attempt = reserved.id;
  const std::optional<domain::StaffAccount>& staff = reserved.staff;
  const std::string id = staff ? staff->id : std::string();
  const bool code_right = staff && !staff->disabled && !staff->activated() && !staff->activation_digest.empty() &&
                          same_digest(digest, staff->activation_digest) && staff->activation_expires_at &&
                          now < *staff->activation_expires_at;
  const auto wrong_code = [&]() -> Result<void> {
    // The failure the attempt took stays: a wrong code counts like a wrong password.
    auto audited = ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
      if (auto r = forget_old_attempts(tx, ctx.sessions, now); !r) return r;
      return tx.audit().append({now, id, "account.activation_refused", {}, staff ? "" : "unknown account", id});
    });
    if (!audited) return audited;
    return fail(ErrorCode::invalid_credentials, "code", "error.activation_code_wrong");
  };
  if (!code_right) return wrong_code();
  const auto give_back = [&] {
    return ctx.store.write([&](storage::WriteTransaction& tx) { return tx.sign_ins().release_attempt(attempt); });
  };
  if (auto ok = check_password(password, username); !ok) {
    // The code was right: only the password needs another try, and the code still works.
    if (auto r = give_back(); !r) return r;
    return ok;
  }
  const std::string hash = ctx.hasher.hash(password);
  bool activated = false;
  auto done = ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto set, tx.staff().activate(staff->id, digest, hash, now));
    activated = set;
    if (!activated) return {};  // used a moment ago by another request: the code works once
    if (auto r = tx.sign_ins().release_attempt(attempt); !r) return r;
    if (auto r = tx.sign_ins().clear_failures(limits.front().key); !r) return r;
    return tx.audit().append({now, id, "account.activate", {}, {}, id});
  });
  if (!done) return done;
  if (!activated) return wrong_code();
  return {};
}

Result<void> confirm_account(AppContext& ctx, const Actor& actor, std::string_view staff_id) {
  if (auto allowed = require(actor, Action::confirm_accounts); !allowed) return allowed;
  const Timestamp now = ctx.clock.now();
  auto done = ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto account, account_named(tx, staff_id));
    // Another centre's accounts do not exist for a head.
    if (!actor.centre_id.empty() && account.centre_id != actor.centre_id) {
      return fail(ErrorCode::not_found, {}, "error.staff_not_found");
    }
    HAVEN_ASSIGN_OR_RETURN(auto confirmer, account_named(tx, actor.staff_id));
    HAVEN_ASSIGN_OR_RETURN(auto above, makers_above(tx, account));
    std::optional<domain::Role> maker_role;
    if (security::is_record_id(account.created_by)) {
      HAVEN_ASSIGN_OR_RETURN(auto maker, tx.staff().find(account.created_by));
      if (maker) maker_role = maker->role;
    }
    if (auto refusal = domain::confirmation_refusal(confirmer, account, above, maker_role)) return refused(*refusal);
    HAVEN_ASSIGN_OR_RETURN(auto confirmed, tx.staff().confirm(account.id, actor.staff_id, now));
    if (!confirmed) return fail(ErrorCode::already_exists, {}, "error.account_already_confirmed");
    return tx.audit().append({now, actor.staff_id, "account.confirm", {}, {}, account.id});
  });
  if (!done && security::is_record_id(staff_id)) {
    if (auto r = audit_refusal(ctx, actor, "account.confirm_refused", staff_id, done.error(), now); !r) return r;
  }
  return done;
}

Result<void> confirm_account_at_command_line(AppContext& ctx, std::string_view username) {
  const Timestamp now = ctx.clock.now();
  return ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto found, tx.staff().find_by_username(username));
    if (!found) return fail(ErrorCode::not_found, "username", "error.staff_not_found");
    const auto& account = *found;
    if (account.confirmed()) return fail(ErrorCode::already_exists, {}, "error.account_already_confirmed");
    if (!account.activated()) return fail(ErrorCode::guard_refused, {}, "error.confirm_before_activation");
    HAVEN_TRY(tx.staff().confirm(account.id, kConfirmedAtCommandLine, now));
    return tx.audit().append({now, {}, "account.confirm", {}, "command line", account.id});
  });
}

Result<domain::CentreRecord> record_head_screening(AppContext& ctx, const Actor& admin, std::string_view staff_id,
                                                   domain::RecruitmentScreening screening, Timestamp occurred_at) {
  HAVEN_TRY(require(admin, Action::manage_accounts));
  const Timestamp now = ctx.clock.now();
  auto made = new_centre_record(std::string(staff_id), std::move(screening), occurred_at, admin.staff_id, now);
  if (!made) return made;
  const domain::CentreRecord record = std::move(*made);
  auto done = ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto head, account_named(tx, staff_id));
    HAVEN_ASSIGN_OR_RETURN(auto self, account_named(tx, admin.staff_id));
    if (auto refusal = domain::head_screening_refusal(self, head)) return refused(*refusal);
    if (auto r = tx.centre_records().insert(head.centre_id, record); !r) return r;
    return tx.audit().append({now, admin.staff_id, "centre_record.create", {},
                            "recruitment_screening " + record.id + " about " + head.id, head.id});
  });
  if (!done) {
    if (security::is_record_id(staff_id)) {
      if (auto r = audit_refusal(ctx, admin, "centre_record.refused", staff_id, done.error(), now); !r) {
        return tl::unexpected(r.error());
      }
    }
    return tl::unexpected(done.error());
  }
  return record;
}

Result<std::vector<storage::CentreAuditEntry>> centre_audit(AppContext& ctx, const Actor& head, std::int64_t before_id,
                                                            int limit) {
  HAVEN_TRY(require(head, Action::read_centre_audit));
  if (limit < 1 || limit > 200) return fail(ErrorCode::validation_failed, "limit", "validation.query_parameter");
  if (before_id < 0) return fail(ErrorCode::validation_failed, "before", "validation.query_parameter");
  return storage::read_value<std::vector<storage::CentreAuditEntry>>(
      ctx.store, [&](storage::ReadTransaction& tx) { return tx.audit().list_for_centre(head.centre_id, before_id, limit); });
}

Result<std::vector<AccountState>> centre_accounts(AppContext& ctx, const Actor& head) {
  HAVEN_TRY(require(head, Action::manage_centre_records));
  return storage::read_value<std::vector<AccountState>>(ctx.store, [&](storage::ReadTransaction& tx) -> Result<std::vector<AccountState>> {
    HAVEN_ASSIGN_OR_RETURN(auto accounts, tx.staff().list(head.centre_id));
    std::vector<AccountState> states;
    for (auto& a : accounts) {
      HAVEN_ASSIGN_OR_RETURN(auto factor, tx.second_factors().find(a.id));
      states.push_back(state_of(std::move(a), factor && factor->enabled));
    }
    return states;
  });
}

}  // namespace haven::app
