#include "standards/compliance.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include <boost/container/small_vector.hpp>

#include "standards/case_indicators.hpp"
#include "standards/case_standing.hpp"
#include "standards/obligations.hpp"

namespace haven::standards {
namespace {

std::uint16_t index_of(std::string_view clause) {
  // Every clause the engine names is in the catalog (the mechanism registry test holds it to that).
  return clause_index(clause).value();
}

}  // namespace

int severity(ClauseState s) {
  switch (s) {
    case ClauseState::not_met: return 4;
    case ClauseState::overdue: return 3;
    case ClauseState::pending: return 2;
    case ClauseState::met: return 1;
    case ClauseState::not_applicable: return 0;
  }
  return 0;
}

std::span<const ConditionalClause> conditional_clauses() {
  static constexpr ConditionalClause kConditional[] = {
      {"I.4.b", Reason::not_a_child}, {"II.3.b", Reason::no_crisis}, {"I.1.d", Reason::no_complaint}};
  return kConditional;
}

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
    const auto [state, reason] = standing_item(o).at(now);
    if (const auto* shown = o.recurring ? o.last : o.fulfilled_by) evidence.emplace_back(index, position(shown));
    Fold& fold = folds[index];
    if (!fold.seen || severity(state) > severity(fold.state)) fold = {true, state, reason};
  });
  visit_case_indicators(history, params, [&](const IndicatorOutcome& o) {
    const auto index = index_of(o.clause);
    if (o.evidence) evidence.emplace_back(index, position(o.evidence));
    Fold& fold = folds[index];
    if (!fold.seen || severity(o.state) > severity(fold.state)) fold = {true, o.state, o.reason};
  });
  // Clauses whose condition this case does not meet are not applicable, and say why.
  for (const auto& [clause, reason] : conditional_clauses()) {
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
