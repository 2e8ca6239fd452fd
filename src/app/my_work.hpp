// A member of staff's day: the open tasks of every case they are on, crisis first, then overdue,
// then by due date; their cases; and what was recorded on them lately. Each case file it opens is
// opened as any reading is (I.3.c, audited as case.read), since its tasks and records say what
// happened to the person.
//
//   auto work = my_work(ctx, actor, awaiting);
//   for (const auto& c : work->cases) for (const auto& t : c.tasks) if (t.overdue) ...
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/app_context.hpp"
#include "app/case_work.hpp"
#include "domain/case_file.hpp"

namespace haven::app {

struct CaseWork {
  domain::CaseSummary summary;
  bool treated_as_child = false;
  std::vector<TaskReport> tasks;
};

struct RecentRecord {
  std::string case_id;
  std::string case_code;
  std::string record_id;
  std::string_view type;  // kRecordTypeNames (static)
  Timestamp recorded_at{};
  std::string recorded_by;
};

struct MyWork {
  std::vector<CaseWork> cases;       // newest reception first
  std::size_t more_cases = 0;        // cases beyond kMyWorkCases, listed on the case list instead
  std::vector<RecentRecord> recent;  // the latest records on those cases, newest first
};

// How many cases one screen opens: a caseload, not a centre.
inline constexpr int kMyWorkCases = 100;
inline constexpr std::size_t kMyWorkRecent = 10;

Result<MyWork> my_work(AppContext& ctx, const Actor& actor, storage::PendingCommits& awaiting);

}  // namespace haven::app
