// Indicators beyond a single case: each staff member (screened III.1.b, supervised III.1.c, trained
// III.2.b, caseload), the centre (facilities III.1.a, a provider directory kept fresh II.6.a), and the
// centre's self-assessment against all 59 clauses for the cases it holds (II.4.a). Pure: the cases'
// standings (case_standing.hpp), team, centre records, parameters and time come in.
//
//   for (const auto& line : self_assessment(standings, team, centre_records, params, now))
//     print(line.clause, line.met, line.applicable(), line.manual);
#pragma once

#include <array>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/centre_record.hpp"
#include "standards/case_standing.hpp"
#include "standards/compliance.hpp"
#include "standards/parameters.hpp"
#include "standards/team.hpp"

namespace haven::standards {

struct StaffIndicators {
  std::string staff_id;
  bool screened = false;                       // III.1.b
  bool direct_support = false;                 // III.1.c applies to them
  std::optional<Timestamp> last_supervision;   // III.1.c
  Timestamp supervision_due{};                 // when the next check-in is due
  bool supervision_overdue = false;
  bool trained_in_recovery = false;            // III.2.b
  bool trained_in_law = false;
  int caseload = 0;                            // open cases they are on
};

// II.4.a: one line per clause of the catalog. A clause measured over cases counts them by state;
// one measured over staff or the directory counts people or entries; one the data cannot show is
// a manual item for the centre to assess and sign.
struct SelfAssessmentLine {
  std::string_view clause;
  // enforced: the data shows nothing, but Haven refuses the action the clause governs unless it holds
  // (a guard), so it holds for every case worked in Haven; manual: for the centre to assess.
  enum class Basis { cases, staff, centre, manual, enforced } basis = Basis::manual;
  int met = 0;
  int pending = 0;
  int overdue = 0;
  int not_met = 0;
  int not_applicable = 0;
  int applicable() const { return met + pending + overdue + not_met; }
};

// The cases' part of the indicators, counted one case at a time as a centre's standings are read,
// so that 100,000 of them are never held together: each clause's states, and each member of staff's
// open cases.
class CaseTally {
 public:
  explicit CaseTally(Timestamp now) : now_(now) {}
  void add(const CaseStanding& standing);
  std::size_t cases() const { return cases_; }
  int caseload(std::string_view staff_id) const;
  const SelfAssessmentLine& line(std::size_t clause_index) const { return lines_.at(clause_index); }

 private:
  Timestamp now_;
  std::size_t cases_ = 0;
  std::array<SelfAssessmentLine, kClauseCount> lines_{};
  std::map<std::string, int, std::less<>> caseloads_;
};

std::vector<StaffIndicators> staff_indicators(const Team& team, const CaseTally& cases, const Parameters& params,
                                              Timestamp now);
std::vector<StaffIndicators> staff_indicators(const Team& team, std::span<const CaseStanding> cases,
                                              const Parameters& params, Timestamp now);

struct CentreIndicators {
  ClauseState facilities = ClauseState::pending;  // III.1.a: the latest checklist, all items met
  const domain::CentreRecord* facilities_checklist = nullptr;
  std::vector<const domain::CentreRecord*> providers;        // II.6.a: the directory, latest entry per provider
  std::vector<const domain::CentreRecord*> stale_providers;  // not verified within provider_stale_days
};

CentreIndicators centre_indicators(std::span<const domain::CentreRecord> records, const Parameters& params,
                                   Timestamp now);

std::vector<SelfAssessmentLine> self_assessment(const CaseTally& cases, const Team& team,
                                                std::span<const domain::CentreRecord> centre_records,
                                                const Parameters& params, Timestamp now);
std::vector<SelfAssessmentLine> self_assessment(std::span<const CaseStanding> cases, const Team& team,
                                                std::span<const domain::CentreRecord> centre_records,
                                                const Parameters& params, Timestamp now);

}  // namespace haven::standards
