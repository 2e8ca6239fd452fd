#include "standards/centre_dashboard.hpp"

#include <chrono>

namespace haven::standards {
namespace {

int month_number(Date day) { return static_cast<int>(day.year()) * 12 + static_cast<int>(unsigned{day.month()}) - 1; }

}  // namespace

DashboardTally::DashboardTally(Timestamp now) : now_(now) {
  const Date today = date_of(now);
  first_month_ = month_number(today) - static_cast<int>(kTrendMonths) + 1;
  for (std::size_t i = 0; i < kTrendMonths; ++i) {
    const int n = first_month_ + static_cast<int>(i);
    months_[i] = std::chrono::year{n / 12} / std::chrono::month{static_cast<unsigned>(n % 12) + 1} / 1;
  }
}

void DashboardTally::add(const CaseStanding& standing) {
  ++by_stage_[static_cast<std::size_t>(standing.stage)];
  const bool open = standing.stage != domain::CaseStage::closed;
  if (open) ++open_cases_;
  for (const auto& item : standing.items) {
    const auto state = item.at(now_).first;
    if (open && state == ClauseState::overdue) {
      ++overdue_by_clause_[item.clause_index];
      bool anyone = false;
      for (const auto& id : standing.staff) {
        if (working_ && !working_->contains(id)) continue;
        ++overdue_by_staff_[id];
        anyone = true;
      }
      if (!anyone) ++overdue_unassigned_;
    }
    if (item.due_at == kNoDeadline || item.due_at > now_) continue;
    const int month = month_number(date_of(item.due_at)) - first_month_;
    if (month < 0) continue;  // before the trend's first month
    auto count = [&](DeadlinesKept& d) {
      if (state == ClauseState::met) ++d.kept;
      else if (state == ClauseState::not_met) ++d.late;
      else if (state == ClauseState::overdue) ++d.overdue;
    };
    count(trend_total_[static_cast<std::size_t>(month)]);
    count(trend_by_clause_[item.clause_index][static_cast<std::size_t>(month)]);
  }
}

}  // namespace haven::standards
