// The one gate every disclosure passes: an export, a print, a referral package, information to the
// family or an agency, sharing for identification. It needs the centre head's approval (I.3.a) and a
// consent in force that covers the recipient, the purpose and every category that would leave
// (I.3.b); for a child, the child's consent and a guardian's or legal representative's (I.3.d). A
// referral package goes to the referral's own provider (II.6.d). Pure: the history and time come in.
//
//   auto refusals = check_disclosure(history, disclosure, author, now);
//   if (!refusals.empty()) ... refusals.front().clause == "I.3.b"
#pragma once

#include <vector>

#include "domain/consent_records.hpp"
#include "standards/case_history.hpp"
#include "standards/guards.hpp"

namespace haven::standards {

std::vector<Refusal> check_disclosure(const CaseHistory& history, const domain::Disclosure& disclosure,
                                      const Author& author, Timestamp at);

// Transferring a case to another centre sends the whole file there: a disclosure of every category to
// that centre, for the victim's continued support, through the same gate. A closed case is refused
// (it must be reopened first). The disclosure record it writes is returned with the decision.
struct TransferCheck {
  GuardDecision decision;
  domain::Disclosure disclosure;
};
TransferCheck check_transfer(const CaseHistory& history, std::string_view destination_name, const Author& author,
                             Timestamp at);

// Whether two names of a recipient are the same party, whatever their accents and case ("Bệnh viện
// tỉnh" and "benh vien tinh").
bool same_party(std::string_view a, std::string_view b);

// A consent is in force at `at` when given by then, not expired and not withdrawn by then.
bool consent_in_force(const CaseHistory& history, const domain::CaseRecord& consent, Timestamp at);

}  // namespace haven::standards
