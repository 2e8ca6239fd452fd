#include "standards/compliance.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include <boost/container/small_vector.hpp>

#include "standards/case_indicators.hpp"
#include "standards/obligations.hpp"

namespace haven::standards {
namespace {

// A clause with several obligations (a crisis each time) is met only when all are; its state is the
// worst of them: not met (late) > overdue > pending > met.
int rank(ClauseState s) {
  switch (s) {
    case ClauseState::not_met: return 4;
    case ClauseState::overdue: return 3;
    case ClauseState::pending: return 2;
    case ClauseState::met: return 1;
    case ClauseState::not_applicable: return 0;
  }
  return 0;
}

std::pair<ClauseState, Reason> state_of(const ObligationOutcome& o, Timestamp now) {
  if (o.recurring) {
    if (now >= o.due_at) return {ClauseState::overdue, Reason::overdue};
    if (!o.last) return {ClauseState::pending, Reason::not_yet_due};
    return {ClauseState::met, Reason::none};
  }
  if (o.fulfilled_by) return o.late() ? std::pair{ClauseState::not_met, Reason::late} : std::pair{ClauseState::met, Reason::none};
  return now >= o.due_at ? std::pair{ClauseState::overdue, Reason::overdue}
                         : std::pair{ClauseState::pending, Reason::not_yet_due};
}

std::uint16_t index_of(std::string_view clause) {
  // Every clause the engine names is in the catalog (the mechanism registry test holds it to that).
  return clause_index(clause).value();
}

}  // namespace

const ClauseStatus* CaseCompliance::find(std::string_view clause) const {
  const auto index = clause_index(clause);
  if (!index) return nullptr;
  const auto it = std::find_if(clauses_.begin(), clauses_.end(), [&](const ClauseStatus& s) { return s.clause_index == *index; });
  return it == clauses_.end() ? nullptr : &*it;
}

CaseCompliance case_compliance(const CaseHistory& history, const Parameters& params, Timestamp now) {
  // Folded per clause in a table as long as the catalog, on the stack; evidence gathered as
  // (clause, record position) pairs and grouped by clause at the end.
  struct Fold {
    bool seen = false;
    ClauseState state = ClauseState::met;
    Reason reason = Reason::none;
  };
  std::array<Fold, kClauseCount> folds{};
  // On the stack for a usual case (a few dozen pieces of evidence); the heap only beyond.
  boost::container::small_vector<std::pair<std::uint16_t, std::uint32_t>, 48> evidence;
  const auto position = [&history](const domain::CaseRecord* r) {
    return static_cast<std::uint32_t>(r - history.records.data());
  };
  visit_obligations(history, params, [&](const ObligationOutcome& o) {
    const auto index = index_of(o.clause);
    const auto [state, reason] = state_of(o, now);
    if (const auto* shown = o.recurring ? o.last : o.fulfilled_by) evidence.emplace_back(index, position(shown));
    Fold& fold = folds[index];
    if (!fold.seen || rank(state) > rank(fold.state)) fold = {true, state, reason};
  });
  visit_case_indicators(history, params, now, [&](const IndicatorOutcome& o) {
    const auto index = index_of(o.clause);
    if (o.evidence) evidence.emplace_back(index, position(o.evidence));
    Fold& fold = folds[index];
    if (!fold.seen || rank(o.state) > rank(fold.state)) fold = {true, o.state, o.reason};
  });
  // Clauses whose condition this case does not meet are not applicable, and say why.
  const std::pair<std::string_view, Reason> conditional[] = {
      {"I.4.b", Reason::not_a_child}, {"II.3.b", Reason::no_crisis}, {"I.1.d", Reason::no_complaint}};
  for (const auto& [clause, reason] : conditional) {
    Fold& fold = folds[index_of(clause)];
    if (!fold.seen) fold = {true, ClauseState::not_applicable, reason};
  }

  std::sort(evidence.begin(), evidence.end());  // by clause, then record position: no buffer, unlike stable_sort
  CaseCompliance out;
  out.clauses_.reserve(static_cast<std::size_t>(std::count_if(folds.begin(), folds.end(), [](const Fold& f) { return f.seen; })));
  out.evidence_.reserve(evidence.size());
  auto next = evidence.begin();
  for (std::uint16_t i = 0; i < folds.size(); ++i) {
    if (!folds[i].seen) continue;
    ClauseStatus s{i, folds[i].state, folds[i].reason, static_cast<std::uint32_t>(out.evidence_.size()), 0};
    for (; next != evidence.end() && next->first == i; ++next) out.evidence_.push_back(next->second);
    s.evidence_end = static_cast<std::uint32_t>(out.evidence_.size());
    out.clauses_.push_back(s);
  }
  return out;
}

}  // namespace haven::standards
