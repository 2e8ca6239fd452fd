// Indicators for one case: for each applicable clause the engine evaluates, met, pending, overdue or
// not met, with the evidence (the records that show it) and, when not met, the reason.
//
//   const auto compliance = case_compliance(history, params, now);
//   for (const ClauseStatus& s : compliance.clauses())
//     for (std::uint32_t i : compliance.evidence(s)) print(s.clause(), s.state, history.records[i].id);
//
// The result is small on purpose (a few bytes per clause, evidence as positions in the history's
// records): a centre's indicators evaluate every one of its cases.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "common/enum_names.hpp"
#include "standards/case_history.hpp"
#include "standards/clause.hpp"
#include "standards/parameters.hpp"

namespace haven::standards {

enum class ClauseState : std::uint8_t { met, pending, overdue, not_met, not_applicable };
inline constexpr EnumNames<ClauseState, 5> kClauseStateNames{{{
    {ClauseState::met, "met"},
    {ClauseState::pending, "pending"},
    {ClauseState::overdue, "overdue"},
    {ClauseState::not_met, "not_met"},
    {ClauseState::not_applicable, "not_applicable"},
}}};

// Why a clause is not met (or does not apply); the names are message catalog keys.
enum class Reason : std::uint8_t {
  none,
  not_yet_due,
  overdue,
  late,
  not_a_child,
  no_crisis,
  no_complaint,
  guidance_missing,
  before_reintegration,
  no_needs,
  needs_open,
  not_foreign,
  no_disadvantage,
  no_plan,
  victim_not_involved,
  closed_before_reintegration,
  repatriation_wish_missing,
  consultation_missing,
  referred_before_list,
  no_referral,
  before_referral,
  file_incomplete,
  overridden,
};
inline constexpr EnumNames<Reason, 23> kReasonKeys{{{
    {Reason::none, ""},
    {Reason::not_yet_due, "reason.not_yet_due"},
    {Reason::overdue, "reason.overdue"},
    {Reason::late, "reason.late"},
    {Reason::not_a_child, "reason.not_a_child"},
    {Reason::no_crisis, "reason.no_crisis"},
    {Reason::no_complaint, "reason.no_complaint"},
    {Reason::guidance_missing, "reason.guidance_missing"},
    {Reason::before_reintegration, "reason.before_reintegration"},
    {Reason::no_needs, "reason.no_needs"},
    {Reason::needs_open, "reason.needs_open"},
    {Reason::not_foreign, "reason.not_foreign"},
    {Reason::no_disadvantage, "reason.no_disadvantage"},
    {Reason::no_plan, "reason.no_plan"},
    {Reason::victim_not_involved, "reason.victim_not_involved"},
    {Reason::closed_before_reintegration, "reason.closed_before_reintegration"},
    {Reason::repatriation_wish_missing, "reason.repatriation_wish_missing"},
    {Reason::consultation_missing, "reason.consultation_missing"},
    {Reason::referred_before_list, "reason.referred_before_list"},
    {Reason::no_referral, "reason.no_referral"},
    {Reason::before_referral, "reason.before_referral"},
    {Reason::file_incomplete, "reason.file_incomplete"},
    {Reason::overridden, "reason.overridden"},
}}};

struct ClauseStatus {
  std::uint16_t clause_index = 0;  // position in clause_catalog()
  ClauseState state = ClauseState::pending;
  Reason reason = Reason::none;
  std::uint32_t evidence_begin = 0;  // range in CaseCompliance's evidence
  std::uint32_t evidence_end = 0;

  std::string_view clause() const { return clause_catalog()[clause_index].id; }
  std::string_view reason_key() const { return kReasonKeys.name(reason); }
};

class CaseCompliance {
 public:
  std::span<const ClauseStatus> clauses() const { return clauses_; }  // in the catalog's order
  const ClauseStatus* find(std::string_view clause) const;
  // The records that show the clause's state: positions in the history's records.
  std::span<const std::uint32_t> evidence(const ClauseStatus& status) const {
    return std::span(evidence_).subspan(status.evidence_begin, status.evidence_end - status.evidence_begin);
  }

 private:
  friend CaseCompliance case_compliance(const CaseHistory&, const Parameters&, Timestamp);
  std::vector<ClauseStatus> clauses_;
  std::vector<std::uint32_t> evidence_;
};

CaseCompliance case_compliance(const CaseHistory& history, const Parameters& params, Timestamp now);

// A clause with several findings (a crisis each time) takes the worst: not met > overdue > pending
// > met > not applicable. Shared with case_standing.hpp, which folds the same way.
int severity(ClauseState state);

// Clauses that apply only on a condition of the case (a child, a crisis, a complaint): when nothing
// in the case made them apply, they are not applicable, with this reason.
struct ConditionalClause {
  std::string_view clause;
  Reason reason;
};
std::span<const ConditionalClause> conditional_clauses();

}  // namespace haven::standards
