#include "app/my_work.hpp"

#include <algorithm>

#include "app/case_access.hpp"
#include "app/cases.hpp"
#include "app/permissions.hpp"

namespace haven::app {

Result<MyWork> my_work(AppContext& ctx, const Actor& actor, storage::PendingCommits& awaiting) {
  HAVEN_TRY(require(actor, Action::read_cases));
  // Only the cases one is on, the centre head's too: her day is her own cases, not the centre's.
  CaseFilter filter;
  filter.mine = true;
  filter.limit = kMyWorkCases;
  HAVEN_ASSIGN_OR_RETURN(auto list, list_cases(ctx, actor, filter));
  const Timestamp now = ctx.clock.now();
  MyWork work;
  work.more_cases = static_cast<std::size_t>(std::max<std::int64_t>(0, list.total - kMyWorkCases));
  for (auto& item : list.items) {
    CaseWork entry{std::move(item.summary), item.treated_as_child, {}};
    auto read = read_case(ctx, actor, entry.summary.id, awaiting, [&](storage::ReadTransaction&, OpenCase& open) -> Result<void> {
      entry.tasks = task_reports(open.history, ctx.standards, now);
      for (const auto& r : open.history.records) {
        work.recent.push_back({entry.summary.id, entry.summary.code, r.id, r.type_name(), r.recorded_at, r.recorded_by});
      }
      return {};
    });
    // A case closed to the reader since the list was read (released, erased) is left out, not an error.
    if (!read) {
      const auto code = read.error().code;
      if (code == ErrorCode::forbidden || code == ErrorCode::not_found || code == ErrorCode::gone) continue;
      return tl::unexpected(read.error());
    }
    work.cases.push_back(std::move(entry));
  }
  const auto newest = [](const RecentRecord& a, const RecentRecord& b) { return a.recorded_at > b.recorded_at; };
  const auto keep = std::min(work.recent.size(), kMyWorkRecent);
  std::partial_sort(work.recent.begin(), work.recent.begin() + static_cast<std::ptrdiff_t>(keep), work.recent.end(), newest);
  work.recent.resize(keep);
  return work;
}

}  // namespace haven::app
