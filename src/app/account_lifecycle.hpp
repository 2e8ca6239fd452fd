// An account's life when it is made through the API (docs/security.md, "Separation of duties"):
//   1. an administrator makes it, without a password: a one-time activation code is shown to him once,
//      to hand to its owner (valid 7 days; only he may issue a new one, and only before it is used);
//   2. its owner activates it, setting the password with the code (POST /account-activation);
//   3. someone else confirms it (a head of its centre, or another administrator; never its maker, nor
//      an account of the same maker), after speaking with its owner; until then it reaches nothing
//      but its own sign-in set-up.
// Every step is audited with the account as its subject, so that the centre's heads see it.
//
//   auto made = make_account(ctx, admin, {.centre_id = c, .username = "yen.hoang", ...});  // made->activation.code
//   activate_account(ctx, "yen.hoang", code, "a new long password", client_address);
//   confirm_account(ctx, head, made->account.id);
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "app/accounts.hpp"
#include "app/actor.hpp"
#include "app/app_context.hpp"
#include "domain/centre_record.hpp"

namespace haven::app {

inline constexpr std::chrono::hours kActivationValidity{7 * 24};

struct ActivationCode {
  std::string code;  // shown once, never stored: only its digest is
  Timestamp expires_at{};
};

struct MadeAccount {
  domain::StaffAccount account;  // without a password
  ActivationCode activation;
};

// The administrator adds to any centre; a centre head to her own (centre_id may be left empty), never
// a head's or an administrator's account (app/administration.hpp, require_account_in_reach).
Result<MadeAccount> make_account(AppContext& ctx, const Actor& maker, NewStaff staff);
// A new code for an account not yet activated (the last one lost or expired), by its maker only.
Result<ActivationCode> issue_activation(AppContext& ctx, const Actor& maker, std::string_view staff_id);
// Public: the owner sets the password with the code. Counted against the name and the client address
// like a sign-in (a wrong code is a failed attempt), audited; the code works once.
Result<void> activate_account(AppContext& ctx, std::string_view username, std::string_view code,
                              std::string_view password, std::string_view client_address);
// The rules of domain/separation_of_duties.hpp; audited.
Result<void> confirm_account(AppContext& ctx, const Actor& actor, std::string_view staff_id);
// `haven user confirm`: whoever runs the server (and holds its key file) confirms an activated account,
// as for the accounts an administrator made in the browser before confirmation existed. Audited.
inline constexpr std::string_view kConfirmedAtCommandLine = "command-line";
Result<void> confirm_account_at_command_line(AppContext& ctx, std::string_view username);
// An administrator records a centre head's recruitment screening (III.1.b), which nobody records for
// themselves and a centre's only head has nobody else to record; never for an account he made.
Result<domain::CentreRecord> record_head_screening(AppContext& ctx, const Actor& admin, std::string_view staff_id,
                                                   domain::RecruitmentScreening screening, Timestamp occurred_at);

// An account as its centre's head or an administrator sees it: never its password hash or code.
struct AccountState {
  domain::StaffAccount account;  // password hash and activation digest emptied
  bool activated = false;
  bool confirmed = false;
  bool second_factor = false;
};
// The accounts of the head's own centre, for confirming those waiting.
Result<std::vector<AccountState>> centre_accounts(AppContext& ctx, const Actor& head);
// The answer's view of one account: nothing secret left in it.
AccountState state_of(domain::StaffAccount account, bool second_factor);

// The head's audit view of her centre, newest first: what was done on its cases, by its staff and to
// its staff's accounts (made, activated, confirmed, their screening, their sign-ins), `limit` (1 to
// 200) entries before the entry `before_id` (0: the newest). IDs and outcomes only, as the log holds.
Result<std::vector<storage::CentreAuditEntry>> centre_audit(AppContext& ctx, const Actor& head, std::int64_t before_id,
                                                            int limit);

}  // namespace haven::app
