#include "app/administration.hpp"

#include <algorithm>

#include "app/permissions.hpp"
#include "security/random.hpp"

namespace haven::app {

Result<void> require_account_in_reach(const Actor& actor, std::string_view centre_id, domain::Role role) {
  if (actor.role == domain::Role::administrator) return {};
  if (centre_id != actor.centre_id) return fail(ErrorCode::not_found, {}, "error.staff_not_found");
  // The auditor checks the centre, its head included: the head does not choose or disable who audits her.
  if (role == domain::Role::centre_head || role == domain::Role::administrator || role == domain::Role::auditor) {
    return fail(ErrorCode::forbidden, {}, "error.head_manages_staff_only");
  }
  return {};
}

Result<AccountsOverview> list_accounts(AppContext& ctx, const Actor& admin) {
  HAVEN_TRY(require(admin, Action::manage_staff_accounts));
  const bool head = admin.role != domain::Role::administrator;
  return storage::read_value<AccountsOverview>(ctx.store, [&](storage::ReadTransaction& tx) -> Result<AccountsOverview> {
    AccountsOverview overview;
    HAVEN_ASSIGN_OR_RETURN(auto centres, tx.centres().list());
    // A centre head sees her own centre's accounts only; the administrator every centre's.
    if (head) std::erase_if(centres, [&](const domain::Centre& c) { return c.id != admin.centre_id; });
    overview.centres = std::move(centres);
    std::vector<std::string> centre_ids;
    if (!head) centre_ids.emplace_back();  // the administrators, who belong to no centre, first
    for (const auto& c : overview.centres) centre_ids.push_back(c.id);
    for (const auto& centre_id : centre_ids) {
      HAVEN_ASSIGN_OR_RETURN(auto staff, tx.staff().list(centre_id));
      for (auto& account : staff) {
        HAVEN_ASSIGN_OR_RETURN(auto factor, tx.second_factors().find(account.id));
        overview.accounts.push_back(state_of(std::move(account), factor && factor->enabled));
      }
    }
    return overview;
  });
}

Result<void> set_account_disabled(AppContext& ctx, const Actor& admin, std::string_view staff_id, bool disabled) {
  HAVEN_TRY(require(admin, Action::manage_staff_accounts));
  if (!security::is_record_id(staff_id)) return fail(ErrorCode::not_found, {}, "error.staff_not_found");
  if (disabled && staff_id == admin.staff_id) return fail(ErrorCode::forbidden, {}, "error.cannot_disable_self");
  const Timestamp now = ctx.clock.now();
  return ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto staff, tx.staff().find(staff_id));
    if (!staff) return fail(ErrorCode::not_found, {}, "error.staff_not_found");
    HAVEN_TRY(require_account_in_reach(admin, staff->centre_id, staff->role));
    return set_disabled_in(tx, *staff, disabled, admin.staff_id, now);
  });
}

Result<AuditVerification> check_audit_log(AppContext& ctx, const Actor& actor) {
  HAVEN_TRY(require(actor, Action::verify_audit_log));
  if (!ctx.keys) return fail(ErrorCode::internal, {}, "error.internal");
  return verify_audit_log(ctx.store, *ctx.keys, [](std::int64_t) {});
}

}  // namespace haven::app
