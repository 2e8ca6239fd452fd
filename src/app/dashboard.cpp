#include "app/dashboard.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "app/case_standings.hpp"
#include "app/permissions.hpp"

namespace haven::app {
namespace {

bool carries_cases(const domain::StaffAccount& a) {
  return !a.disabled && (a.role == domain::Role::case_worker || a.role == domain::Role::counsellor ||
                         a.role == domain::Role::centre_head);
}

int count_in(const std::map<std::string, int, std::less<>>& counts, std::string_view id) {
  const auto it = counts.find(id);
  return it == counts.end() ? 0 : it->second;
}

}  // namespace

Result<Dashboard> centre_dashboard(AppContext& ctx, const Actor& actor) {
  HAVEN_TRY(require(actor, Action::read_self_assessment));
  Dashboard board;
  board.generated_at = ctx.clock.now();
  board.cases = standards::DashboardTally(board.generated_at);  // counts as things stand at that moment
  HAVEN_TRY(visit_centre_standings(ctx, actor.centre_id, [&](std::string_view, const standards::CaseStanding& standing) {
    board.cases.add(standing);
  }));
  HAVEN_TRY(ctx.store.read([&](storage::ReadTransaction& tx) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto accounts, tx.staff().list(actor.centre_id));
    HAVEN_ASSIGN_OR_RETURN(auto loads, tx.cases().caseloads(actor.centre_id));
    std::map<std::string, std::int64_t, std::less<>> load_of;
    for (auto& l : loads) load_of.emplace(std::move(l.staff_id), l.open_cases);
    for (const auto& a : accounts) {
      if (!carries_cases(a)) continue;
      const auto load = load_of.find(a.id);
      board.staff.push_back({a.id, a.display_name, a.role, load == load_of.end() ? 0 : load->second,
                             count_in(board.cases.overdue_by_staff(), a.id)});
    }
    // Each referral's outcome is its latest update's: the last to happen, of two at once the later recorded.
    HAVEN_ASSIGN_OR_RETURN(auto updates, tx.records().list_of_type(actor.centre_id, "referral_update"));
    std::map<std::string, const domain::CaseRecord*, std::less<>> latest;
    for (const auto& u : updates) {
      const auto*& held = latest[u.record.as<domain::ReferralUpdate>().referral_id];
      if (!held || std::pair{held->occurred_at, held->recorded_at} <= std::pair{u.record.occurred_at, u.record.recorded_at}) {
        held = &u.record;
      }
    }
    std::map<std::string, domain::ReferralStatus, std::less<>> outcome;
    for (const auto& [referral_id, update] : latest) outcome.emplace(referral_id, update->as<domain::ReferralUpdate>().status);
    HAVEN_ASSIGN_OR_RETURN(auto referrals, tx.records().list_of_type(actor.centre_id, "referral"));
    std::map<std::pair<std::string, domain::ReferralStatus>, int> tally;
    for (const auto& r : referrals) {
      const auto it = outcome.find(r.record.id);
      ++tally[{r.record.as<domain::Referral>().provider,
               it == outcome.end() ? domain::ReferralStatus::sent : it->second}];
    }
    for (const auto& [key, n] : tally) board.referrals.push_back({key.first, key.second, n});
    return {};
  }));
  std::ranges::sort(board.staff, [](const StaffLoad& a, const StaffLoad& b) {
    return std::tie(a.display_name, a.id) < std::tie(b.display_name, b.id);
  });
  return board;
}

}  // namespace haven::app
