// The one permission table of Haven: which role may take which action. It is the first of two
// checks; the second is case-level (app/case_access.hpp, I.3.c): reading or changing a case file also
// needs the member of staff to be on that case. docs/security.md prints this table, and a test keeps
// the two the same; the access-matrix test drives every route with every role from it.
//
//   HAVEN_TRY(require(actor, Action::register_case));
#pragma once

#include <span>
#include <string_view>

#include "app/actor.hpp"
#include "common/error.hpp"

namespace haven::app {

enum class Action {
  read_cases,             // open a case file one is on, and list one's cases
  register_case,          // receive a person (II.1.a)
  edit_reception,         // correct the reception record
  add_record,             // record the service: sessions, assessments, plans, consents...
  move_case,              // take a lifecycle action
  see_all_cases,          // list every case of the centre, by code, without names (to assign staff)
  manage_case_staff,      // assign and release a case's staff; approve a disclosure (I.3.a)
  transfer_case,          // transfer a case to another centre (a disclosure of the whole file)
  release_disclosure,     // let a disclosure package leave the centre (I.3.a), within the consent
  break_glass,            // open, in an emergency, a case one is not on (I.3.c)
  read_centre_records,    // the centre's own records (the provider directory, facilities) and one's own
  manage_centre_records,  // staff screening, qualifications, supervision; facilities; the directory
  read_self_assessment,   // the centre's figures against the standard (II.4.a): no names
  read_centre_dashboard,  // the head's dashboard: figures, with her staff's names beside their caseloads
  manage_accounts,        // the deployment's accounts: heads' screening, parameters, sessions, second factors
  manage_staff_accounts,  // add, disable, re-enable staff accounts and issue their activation codes: the
                          // administrator for every centre, the centre head for her own centre's staff
  read_received_referrals,  // an external provider: the referral packages released to its organisation
  hold_case_file,         // place or lift a legal hold, which keeps a case's file from erasure
  erase_case,             // erase a closed case's file for good, by destroying its key (Law 91/2025)
  verify_audit_log,       // check the audit log's hash chain (no personal data: a count and an entry number)
  confirm_accounts,       // confirm an account someone else made (separation of duties): never one's own making
  read_centre_audit,      // the centre's audit log: who did what to its cases and its staff's accounts
};

struct Permission {
  Action action;
  std::string_view name;  // as docs/security.md spells it
  bool administrator, centre_head, case_worker, counsellor, auditor, external_provider;
  std::string_view refusal_key;  // the message a refused user reads
};

std::span<const Permission> permission_table();
const Permission& permission(Action action);
bool role_may(domain::Role role, Action action);
// Whether the action happens inside a centre (all but the accounts and the audit log's check): an
// administrator, who belongs to no centre, may take no other.
bool needs_centre(Action action);

// forbidden, with the action's message, when the actor may not take it (an administrator, who
// belongs to no centre, never touches case content), or when the actor's account is not confirmed yet.
Result<void> require(const Actor& actor, Action action);

}  // namespace haven::app
