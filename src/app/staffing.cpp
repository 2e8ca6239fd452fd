#include "app/staffing.hpp"

#include <algorithm>
#include <unordered_map>

#include "app/permissions.hpp"
#include "standards/team.hpp"

namespace haven::app {
namespace {

// Who may be put on a case: those who work with victims, and another head (a deputy); never the
// reader herself (nobody alone both grants access to a file and uses it).
bool assignable(const domain::StaffAccount& a, const Actor& reader) { return carries_cases(a) && a.id != reader.staff_id; }

}  // namespace

bool carries_cases(const domain::StaffAccount& a) {
  return !a.disabled && (a.role == domain::Role::case_worker || a.role == domain::Role::counsellor ||
                         a.role == domain::Role::centre_head);
}

Result<std::unordered_map<std::string, std::int64_t>> open_cases_by_staff(storage::ReadTransaction& tx,
                                                                         std::string_view centre_id) {
  HAVEN_ASSIGN_OR_RETURN(auto loads, tx.cases().caseloads(centre_id));
  std::unordered_map<std::string, std::int64_t> load_of;
  for (auto& l : loads) load_of.emplace(std::move(l.staff_id), l.open_cases);
  return load_of;
}

Result<StaffingQueue> staffing_queue(AppContext& ctx, const Actor& actor) {
  HAVEN_TRY(require(actor, Action::manage_case_staff));
  return storage::read_value<StaffingQueue>(ctx.store, [&](storage::ReadTransaction& tx) -> Result<StaffingQueue> {
    StaffingQueue queue;
    HAVEN_ASSIGN_OR_RETURN(auto gaps, tx.cases().staffing_gaps(actor.centre_id, kStaffingQueueLimit));
    queue.cases = std::move(gaps.first);
    queue.total = gaps.second;
    HAVEN_ASSIGN_OR_RETURN(auto accounts, tx.staff().list(actor.centre_id));
    HAVEN_ASSIGN_OR_RETURN(auto records, tx.centre_records().list(actor.centre_id, std::nullopt));
    const auto team = standards::team_of(accounts, records);
    HAVEN_ASSIGN_OR_RETURN(auto load_of, open_cases_by_staff(tx, actor.centre_id));
    for (const auto& a : accounts) {
      if (!assignable(a, actor)) continue;
      StaffCandidate c;
      c.id = a.id;
      c.display_name = a.display_name;
      c.role = a.role;
      if (const auto* facts = team.find(a.id)) {
        c.screened = facts->screened;
        c.sex = facts->sex;
        c.languages = facts->languages;
      }
      if (const auto found = load_of.find(a.id); found != load_of.end()) c.open_cases = found->second;
      queue.staff.push_back(std::move(c));
    }
    // The least loaded first: the head's usual pick, and the fairest default.
    std::stable_sort(queue.staff.begin(), queue.staff.end(),
                     [](const StaffCandidate& x, const StaffCandidate& y) { return x.open_cases < y.open_cases; });
    return queue;
  });
}

}  // namespace haven::app
