// Separation of duties over staff accounts (docs/security.md): nobody alone both creates access to
// victims' files and uses it. An account made through the API gains nothing until someone else
// confirms it, after its owner activated it: not the account itself, not its maker, not another
// account of the same maker; a head only within her centre and never an administrator's or an
// auditor's account (the auditor checks her centre), nor an account a head made (her deputy answers
// to her: an administrator, from outside the centre, confirms those); and only by someone confirmed
// themselves. Pure: the accounts come in, a refusal (or none) goes out.
//
//   if (auto refused = confirmation_refusal(confirmer, account)) return fail(refused->code, {}, refused->message_key);
#pragma once

#include <optional>
#include <span>
#include <string>

#include "common/error.hpp"
#include "domain/staff.hpp"

namespace haven::domain {

struct DutyRefusal {
  ErrorCode code = ErrorCode::forbidden;
  std::string message_key;
};

// `makers_above`: who made the account's maker, who made that one, and so on: whoever stands
// anywhere behind an account may not vouch for it (an administrator who made a second one, and
// through it a head, confirms neither). `maker_role`: the role of the account's maker, when an
// account made it (none when it was made at the command line).
std::optional<DutyRefusal> confirmation_refusal(const StaffAccount& confirmer, const StaffAccount& account,
                                                std::span<const std::string> makers_above = {},
                                                std::optional<Role> maker_role = std::nullopt);

// An administrator may record a centre head's recruitment screening (III.1.b: a centre with one head
// has nobody else to), never one of an account he made.
std::optional<DutyRefusal> head_screening_refusal(const StaffAccount& administrator, const StaffAccount& head);

}  // namespace haven::domain
