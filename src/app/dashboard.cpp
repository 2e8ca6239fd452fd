#include "app/dashboard.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "app/case_standings.hpp"
#include "app/permissions.hpp"
#include "app/staffing.hpp"

namespace haven::app {
namespace {

int count_in(const std::map<std::string, int, std::less<>>& counts, std::string_view id) {
  const auto it = counts.find(id);
  return it == counts.end() ? 0 : it->second;
}

}  // namespace

Result<Dashboard> centre_dashboard(AppContext& ctx, const Actor& actor) {
  HAVEN_TRY(require(actor, Action::read_centre_dashboard));
  Dashboard board(ctx.clock.now());
  std::vector<domain::StaffAccount> accounts;
  HAVEN_TRY(ctx.store.read([&](storage::ReadTransaction& tx) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(accounts, tx.staff().list(actor.centre_id));
    return {};
  }));
  std::set<std::string, std::less<>> working;
  for (const auto& a : accounts) {
    if (carries_cases(a)) working.insert(a.id);
  }
  board.cases.set_working_staff(std::move(working));
  HAVEN_TRY(visit_centre_standings(ctx, actor.centre_id, [&](std::string_view, const standards::CaseStanding& standing) {
    board.cases.add(standing);
  }));
  HAVEN_TRY(ctx.store.read([&](storage::ReadTransaction& tx) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto load_of, open_cases_by_staff(tx, actor.centre_id));
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
    HAVEN_ASSIGN_OR_RETURN(auto referrals, tx.records().list_of_type(actor.centre_id, "referral"));
    std::map<std::pair<std::string, domain::ReferralStatus>, int> tally;
    for (const auto& r : referrals) {
      const auto update = latest.find(r.record.id);
      ++tally[{r.record.as<domain::Referral>().provider,
               update == latest.end() ? domain::ReferralStatus::sent : update->second->as<domain::ReferralUpdate>().status}];
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
