#include "standards/compliance.hpp"

#include <map>

#include "standards/obligations.hpp"

namespace haven::standards {

std::vector<ClauseStatus> case_compliance(const CaseHistory& history, const Parameters& params, Timestamp now) {
  // A clause with several obligations (a crisis each time) is met only when all are; its state is the
  // worst of them: not met (late) > overdue > pending > met.
  auto rank = [](ClauseState s) {
    switch (s) {
      case ClauseState::not_met: return 4;
      case ClauseState::overdue: return 3;
      case ClauseState::pending: return 2;
      case ClauseState::met: return 1;
      case ClauseState::not_applicable: return 0;
    }
    return 0;
  };
  std::map<std::string, ClauseStatus> by_clause;
  for (const auto& o : evaluate_obligations(history, params)) {
    ClauseStatus s{o.clause, ClauseState::met, {}, {}};
    if (o.recurring) {
      if (o.last) s.evidence.push_back(o.last->id);
      if (now >= o.due_at) {
        s.state = ClauseState::overdue;
        s.reason_key = "reason.overdue";
      } else if (!o.last) {
        s.state = ClauseState::pending;
        s.reason_key = "reason.not_yet_due";
      }
    } else if (o.fulfilled_by) {
      s.evidence.push_back(o.fulfilled_by->id);
      if (o.late()) {
        s.state = ClauseState::not_met;
        s.reason_key = "reason.late";
      }
    } else {
      s.state = now >= o.due_at ? ClauseState::overdue : ClauseState::pending;
      s.reason_key = now >= o.due_at ? "reason.overdue" : "reason.not_yet_due";
    }
    auto [it, inserted] = by_clause.emplace(o.clause, s);
    if (!inserted) {
      auto& existing = it->second;
      existing.evidence.insert(existing.evidence.end(), s.evidence.begin(), s.evidence.end());
      if (rank(s.state) > rank(existing.state)) {
        existing.state = s.state;
        existing.reason_key = s.reason_key;
      }
    }
  }
  // Clauses whose condition this case does not meet are not applicable, and say why.
  if (!by_clause.contains("I.4.b")) by_clause.emplace("I.4.b", ClauseStatus{"I.4.b", ClauseState::not_applicable, {}, "reason.not_a_child"});
  if (!by_clause.contains("II.3.b")) by_clause.emplace("II.3.b", ClauseStatus{"II.3.b", ClauseState::not_applicable, {}, "reason.no_crisis"});
  if (!by_clause.contains("I.1.d")) by_clause.emplace("I.1.d", ClauseStatus{"I.1.d", ClauseState::not_applicable, {}, "reason.no_complaint"});
  std::vector<ClauseStatus> out;
  out.reserve(by_clause.size());
  for (auto& [clause, status] : by_clause) out.push_back(std::move(status));
  return out;
}

}  // namespace haven::standards
