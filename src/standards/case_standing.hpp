// A case's standing against the standard, kept between readings: what case_compliance would say of
// each clause at any moment, without the records. The centre's self-assessment (II.4.a), its staff
// indicators and the case list's "overdue" filter read 100,000 cases; reading and evaluating every
// history each time takes minutes, so each case's standing is computed once per change of the case
// and stored (sealed, like the file it comes from), then folded at the moment asked.
//
//   const CaseStanding standing = standing_of(history, params);      // when the case changes
//   for (const auto& [clause, state] : clause_states_at(standing, now)) count(clause, state);
//
// Time alone changes a clause's state only at a deadline (an open task falls overdue, a recurring
// review comes due again), so each item is a state, and the deadline from which another holds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/iso_time.hpp"
#include "standards/case_history.hpp"
#include "standards/compliance.hpp"
#include "standards/obligations.hpp"
#include "standards/parameters.hpp"

namespace haven::standards {

inline constexpr Timestamp kNoDeadline = Timestamp::max();

// One thing the engine found about a clause of the case: an obligation or an indicator.
struct StandingItem {
  std::uint16_t clause_index = 0;  // position in clause_catalog()
  ClauseState state = ClauseState::pending;
  Reason reason = Reason::none;
  Timestamp changes_at = kNoDeadline;  // from this moment on, `later` holds instead
  ClauseState later = ClauseState::overdue;
  Reason later_reason = Reason::overdue;
  // An obligation's deadline, kept or not: the dashboard counts each in the month it fell due
  // (standards/centre_dashboard.hpp). kNoDeadline for an indicator.
  Timestamp due_at = kNoDeadline;

  std::pair<ClauseState, Reason> at(Timestamp now) const {
    return now >= changes_at ? std::pair{later, later_reason} : std::pair{state, reason};
  }
  bool operator==(const StandingItem&) const = default;
};

// An obligation's outcome as an item: done on time (met) or late (not met) for good; open, pending
// until its deadline and overdue from it; recurring, met (or pending before the first) until the
// next one is due. case_compliance reads outcomes through this too, so the two cannot disagree.
StandingItem standing_item(const ObligationOutcome& outcome);

struct CaseStanding {
  domain::CaseStage stage = domain::CaseStage::received;
  Timestamp received_at{};
  Timestamp updated_at{};  // the file's last change: for a closed case, its closure
  // Enough of the person to say, on any day, whether they are treated as a child (II.2.d), as the
  // case list's badge says it (domain::treated_as_child): for its "children" filter.
  std::optional<Date> birth_date;
  std::optional<int> estimated_age;
  bool suspected_child = false;
  std::vector<std::string> staff;  // on the case now (case_history's case_staff())
  std::vector<StandingItem> items;
  bool operator==(const CaseStanding&) const = default;
};

CaseStanding standing_of(const CaseHistory& history, const Parameters& params);

// Each clause that applies to the case, or says why not, with its state at `now`: the worst of its
// items (not met > overdue > pending > met), in the catalog's order.
std::vector<std::pair<std::uint16_t, ClauseState>> clause_states_at(const CaseStanding& standing, Timestamp now);

// Whether a clause of the case is overdue at `now`, as its compliance panel would show it (the case
// list's filter).
bool overdue_at(const CaseStanding& standing, Timestamp now);

// Whether the person is treated as a child on the day of `now`, as the case list shows it.
bool child_at(const CaseStanding& standing, Timestamp now);

}  // namespace haven::standards
