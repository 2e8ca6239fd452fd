// The case page's whole reading: the case, a page of its records, its lifecycle moves, its open tasks,
// its compliance and the record types the reader may add now, computed from one history in one read
// snapshot and audited once as one reading of the file (I.3.c). Each part is what its own route
// answers (GET /cases/{id}, /records, /actions, /tasks, /compliance, /record-types), so the page shows
// one version of the case, never parts of two.
//
//   auto file = open_case_file(ctx, actor, case_id, {}, awaiting);
//   if (file) show(file->view, file->records.records, file->tasks);
#pragma once

#include <string_view>
#include <vector>

#include "app/actor.hpp"
#include "app/app_context.hpp"
#include "app/case_work.hpp"
#include "app/cases.hpp"
#include "domain/document.hpp"
#include "storage/pending_commit.hpp"

namespace haven::app {

struct CaseFileView {
  CaseView view;
  RecordPage records;
  CaseActions actions;
  std::vector<TaskReport> tasks;
  std::vector<ClauseReport> compliance;
  RecordTypeReports record_types;
  std::vector<domain::Document> documents;  // oldest first
};

Result<CaseFileView> open_case_file(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                    const RecordPageQuery& records, storage::PendingCommits& awaiting);

}  // namespace haven::app
