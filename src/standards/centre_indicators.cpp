#include "standards/centre_indicators.hpp"

#include <algorithm>
#include <array>

#include "domain/search_fold.hpp"
#include "standards/mechanisms.hpp"

namespace haven::standards {
namespace {

void count(SelfAssessmentLine& line, ClauseState state) {
  switch (state) {
    case ClauseState::met: ++line.met; break;
    case ClauseState::pending: ++line.pending; break;
    case ClauseState::overdue: ++line.overdue; break;
    case ClauseState::not_met: ++line.not_met; break;
    case ClauseState::not_applicable: ++line.not_applicable; break;
  }
}

}  // namespace

void CaseTally::add(const CaseStanding& standing) {
  ++cases_;
  for (const auto& [clause, state] : clause_states_at(standing, now_)) {
    auto& line = lines_[clause];
    line.basis = SelfAssessmentLine::Basis::cases;
    count(line, state);
  }
  if (standing.stage == domain::CaseStage::closed) return;
  for (const auto& id : standing.staff) ++caseloads_[id];
}

int CaseTally::caseload(std::string_view staff_id) const {
  const auto found = caseloads_.find(staff_id);
  return found == caseloads_.end() ? 0 : found->second;
}

std::vector<StaffIndicators> staff_indicators(const Team& team, const CaseTally& cases, const Parameters& params,
                                              Timestamp now) {
  const auto interval = params.duration("III.1.c", "supervision_interval_days");
  std::vector<StaffIndicators> out;
  out.reserve(team.staff.size());
  for (const auto& s : team.staff) {
    StaffIndicators i;
    i.staff_id = s.id;
    i.screened = s.screened;
    i.direct_support = s.direct_support();
    i.last_supervision = s.last_supervision;
    // Someone never supervised is due from the start: the check-in is what tells the centre how they are.
    i.supervision_due = s.last_supervision ? *s.last_supervision + interval : Timestamp{};
    i.supervision_overdue = i.direct_support && now >= i.supervision_due;
    i.trained_in_recovery = s.trained_in(domain::TrainingTopic::recovery);
    i.trained_in_law = s.trained_in(domain::TrainingTopic::law);
    i.caseload = cases.caseload(s.id);  // open cases they are on
    out.push_back(std::move(i));
  }
  return out;
}

std::vector<StaffIndicators> staff_indicators(const Team& team, std::span<const CaseStanding> cases,
                                              const Parameters& params, Timestamp now) {
  CaseTally tally(now);
  for (const auto& c : cases) tally.add(c);
  return staff_indicators(team, tally, params, now);
}

CentreIndicators centre_indicators(std::span<const domain::CentreRecord> records, const Parameters& params,
                                   Timestamp now) {
  CentreIndicators out;
  const auto stale_after = params.duration("II.6.a", "provider_stale_days");
  for (const auto& r : records) {
    if (!r.subject.empty()) continue;
    if (r.is<domain::FacilitiesChecklist>() &&
        (!out.facilities_checklist || r.occurred_at >= out.facilities_checklist->occurred_at)) {
      out.facilities_checklist = &r;
    }
    if (r.is<domain::ServiceProviderEntry>()) {
      // Verifying a provider again adds an entry: the latest verification of each provider counts.
      const auto name = domain::fold_for_search(r.as<domain::ServiceProviderEntry>().name);
      auto same = std::find_if(out.providers.begin(), out.providers.end(), [&](const domain::CentreRecord* p) {
        return domain::fold_for_search(p->as<domain::ServiceProviderEntry>().name) == name;
      });
      if (same == out.providers.end()) {
        out.providers.push_back(&r);
      } else if (r.as<domain::ServiceProviderEntry>().last_verified > (*same)->as<domain::ServiceProviderEntry>().last_verified) {
        *same = &r;
      }
    }
  }
  for (const auto* p : out.providers) {
    const auto verified = std::chrono::sys_days{p->as<domain::ServiceProviderEntry>().last_verified};
    if (now - Timestamp{verified.time_since_epoch()} > stale_after) out.stale_providers.push_back(p);
  }
  if (out.facilities_checklist) {
    const auto& f = out.facilities_checklist->as<domain::FacilitiesChecklist>();
    const bool all = f.safe_and_secure && f.separate_sleeping_areas && f.private_counselling_room &&
                     f.health_care_access && f.accessible;
    out.facilities = all ? ClauseState::met : ClauseState::not_met;
  }
  return out;
}

std::vector<SelfAssessmentLine> self_assessment(std::span<const CaseStanding> cases, const Team& team,
                                                std::span<const domain::CentreRecord> centre_records,
                                                const Parameters& params, Timestamp now) {
  CaseTally tally(now);
  for (const auto& c : cases) tally.add(c);
  return self_assessment(tally, team, centre_records, params, now);
}

std::vector<SelfAssessmentLine> self_assessment(const CaseTally& cases, const Team& team,
                                                std::span<const domain::CentreRecord> centre_records,
                                                const Parameters& params, Timestamp now) {
  const auto catalog = clause_catalog();
  std::vector<SelfAssessmentLine> lines(catalog.size());
  // Over cases: each case's state of each clause at `now`, as its compliance panel shows it.
  for (std::size_t i = 0; i < catalog.size(); ++i) {
    lines[i] = cases.line(i);
    lines[i].clause = catalog[i].id;
  }

  // Over staff: screened (III.1.b), supervised (III.1.c, direct support staff), trained (III.2.b).
  auto line_of = [&](std::string_view clause) -> SelfAssessmentLine& { return lines[*clause_index(clause)]; };
  for (const auto& s : staff_indicators(team, cases, params, now)) {
    auto& screened = line_of("III.1.b");
    screened.basis = SelfAssessmentLine::Basis::staff;
    count(screened, s.screened ? ClauseState::met : ClauseState::not_met);
    auto& supervised = line_of("III.1.c");
    supervised.basis = SelfAssessmentLine::Basis::staff;
    count(supervised, !s.direct_support ? ClauseState::not_applicable
                      : s.supervision_overdue ? ClauseState::overdue
                                              : ClauseState::met);
    auto& trained = line_of("III.2.b");
    trained.basis = SelfAssessmentLine::Basis::staff;
    count(trained, !s.direct_support ? ClauseState::not_applicable
                   : s.trained_in_recovery && s.trained_in_law ? ClauseState::met
                                                               : ClauseState::not_met);
  }

  // Over the centre: the facilities (III.1.a). (The directory's stale entries, II.6.a, are reported
  // beside the lines by centre_indicators: they count entries, not cases.)
  auto& facilities = line_of("III.1.a");
  facilities.basis = SelfAssessmentLine::Basis::centre;
  count(facilities, centre_indicators(centre_records, params, now).facilities);

  // What no figure shows but a guard enforces is not left for the centre to tick.
  for (const auto& m : mechanisms()) {
    auto& line = line_of(m.clause);
    if (m.kind == MechanismKind::guard && line.basis == SelfAssessmentLine::Basis::manual) {
      line.basis = SelfAssessmentLine::Basis::enforced;
    }
  }
  return lines;
}

}  // namespace haven::standards
