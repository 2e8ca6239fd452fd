#include "standards/case_standing.hpp"

#include <algorithm>
#include <array>

#include "standards/case_indicators.hpp"

namespace haven::standards {

StandingItem standing_item(const ObligationOutcome& o) {
  const auto clause = clause_index(o.clause).value();  // the mechanism registry test keeps every clause named
  auto item = [&]() -> StandingItem {
    if (o.recurring) {
      // Met while the next review is ahead (pending before the first), overdue once it is due.
      return o.last ? StandingItem{clause, ClauseState::met, Reason::none, o.due_at}
                    : StandingItem{clause, ClauseState::pending, Reason::not_yet_due, o.due_at};
    }
    if (o.fulfilled_by) {
      return o.late() ? StandingItem{clause, ClauseState::not_met, Reason::late}
                      : StandingItem{clause, ClauseState::met, Reason::none};
    }
    return {clause, ClauseState::pending, Reason::not_yet_due, o.due_at};
  }();
  item.due_at = o.due_at;
  return item;
}

CaseStanding standing_of(const CaseHistory& history, const Parameters& params) {
  CaseStanding out;
  out.stage = history.file.stage;
  out.received_at = history.received_at();
  out.updated_at = history.file.updated_at;
  out.birth_date = history.file.person.birth_date;
  out.estimated_age = history.file.person.estimated_age;
  out.suspected_child = history.file.person.suspected_child;
  out.staff = history.case_staff();
  std::array<bool, kClauseCount> found{};
  visit_obligations(history, params, [&](const ObligationOutcome& o) {
    out.items.push_back(standing_item(o));
    found[out.items.back().clause_index] = true;
  });
  // The indicators do not read the time: their states hold until the case changes.
  visit_case_indicators(history, params, [&](const IndicatorOutcome& o) {
    const auto clause = clause_index(o.clause).value();
    out.items.push_back({clause, o.state, o.reason});
    found[clause] = true;
  });
  for (const auto& [clause, reason] : conditional_clauses()) {
    const auto index = clause_index(clause).value();
    if (!found[index]) out.items.push_back({index, ClauseState::not_applicable, reason});
  }
  return out;
}

std::vector<std::pair<std::uint16_t, ClauseState>> clause_states_at(const CaseStanding& standing, Timestamp now) {
  struct Fold {
    bool seen = false;
    ClauseState state = ClauseState::met;
  };
  std::array<Fold, kClauseCount> folds{};
  for (const auto& item : standing.items) {
    const auto state = item.at(now).first;
    Fold& fold = folds[item.clause_index];
    if (!fold.seen || severity(state) > severity(fold.state)) fold = {true, state};
  }
  std::vector<std::pair<std::uint16_t, ClauseState>> out;
  for (std::uint16_t i = 0; i < folds.size(); ++i) {
    if (folds[i].seen) out.emplace_back(i, folds[i].state);
  }
  return out;
}

bool overdue_at(const CaseStanding& standing, Timestamp now) {
  // As the compliance panel shows it: a clause whose worst finding is overdue (one already late,
  // not met, outranks another still open).
  const auto states = clause_states_at(standing, now);
  return std::any_of(states.begin(), states.end(), [](const auto& s) { return s.second == ClauseState::overdue; });
}

bool child_at(const CaseStanding& standing, Timestamp now) {
  domain::Person person;
  person.birth_date = standing.birth_date;
  person.estimated_age = standing.estimated_age;
  person.suspected_child = standing.suspected_child;
  return domain::treated_as_child(person, date_of(standing.received_at), date_of(now));
}

}  // namespace haven::standards
