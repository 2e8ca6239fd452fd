// Obligations: from a case's records and the time, the tasks due and overdue — what, by when, under
// which clause. A deadline runs from an event (the reception, a crisis in counselling); the task is
// done when a record of the right kind exists, on time or late.
//
//   for (const Task& t : open_tasks(history, params, now)) show(t.clause, t.task_key, t.due_at, t.overdue);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/function_ref.hpp"
#include "standards/case_history.hpp"
#include "standards/parameters.hpp"

namespace haven::standards {

// Clause IDs and message keys are views of string literals in the engine's code: static, never
// dangling, and no allocation for each of the many outcomes a centre's cases produce. `about`
// points into the history the task was computed from.
struct Task {
  std::string_view clause;    // "I.1.b"
  std::string_view task_key;  // catalog key of what to do: "task.intake_assessment"
  std::string_view record_type;  // the record that does it: "intake_assessment" (the form a task opens)
  Timestamp due_at{};
  bool overdue = false;
  const domain::CaseRecord* about = nullptr;  // the record that started the clock, when not the reception
};

// What an obligation clause says about one case: done on time, done late, or still open.
struct ObligationOutcome {
  std::string_view clause;
  std::string_view task_key;
  std::string_view record_type;  // the type of the record that fulfils it
  Timestamp due_at{};
  const domain::CaseRecord* fulfilled_by = nullptr;  // the earliest record that does it
  const domain::CaseRecord* about = nullptr;         // the record that started the clock, if not the reception
  // A recurring obligation (review the plan every 30 days) is never done for good: the last record
  // sets the next due date, and the obligation stands met while that date is ahead.
  bool recurring = false;
  const domain::CaseRecord* last = nullptr;
  bool late() const { return fulfilled_by && fulfilled_by->occurred_at > due_at; }
};

// Every obligation that applies to the case, open or fulfilled, handed to `visit` one by one as the
// engine finds it: a centre's indicators fold 100,000 cases without collecting anything per case.
using ObligationVisitor = FunctionRef<void(const ObligationOutcome&)>;
void visit_obligations(const CaseHistory& history, const Parameters& params, const ObligationVisitor& visit);

// The same, collected.
std::vector<ObligationOutcome> evaluate_obligations(const CaseHistory& history, const Parameters& params);

// The ones still open, earliest first; crisis interventions first of all.
std::vector<Task> open_tasks(const CaseHistory& history, const Parameters& params, Timestamp now);

}  // namespace haven::standards
