#include "app/case_file.hpp"

#include <optional>

#include "app/case_access.hpp"

namespace haven::app {

Result<CaseFileView> open_case_file(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                    const RecordPageQuery& records, storage::PendingCommits& awaiting) {
  const Timestamp now = ctx.clock.now();
  std::optional<CaseFileView> file;
  HAVEN_TRY(read_case(ctx, actor, case_id, awaiting, [&](storage::ReadTransaction& tx, OpenCase& open) -> Result<void> {
    const auto& history = open.history;
    HAVEN_ASSIGN_OR_RETURN(const auto* facts, actor_facts(tx, open, actor));
    HAVEN_ASSIGN_OR_RETURN(auto view, view_of_open_case(tx, open, now));
    HAVEN_ASSIGN_OR_RETURN(auto page, record_page(history, records));
    HAVEN_ASSIGN_OR_RETURN(auto documents, tx.documents().list(case_id));
    file.emplace(CaseFileView{.view = std::move(view),
                              .records = std::move(page),
                              .actions = action_reports(history, ctx.standards, now),
                              .tasks = task_reports(history, ctx.standards, now),
                              .compliance = clause_reports(history, ctx.standards, now),
                              .record_types = record_type_reports(history, actor, *facts, ctx.standards, now),
                              .documents = std::move(documents)});
    return {};
  }));
  return std::move(*file);
}

}  // namespace haven::app
