// Obligations: from a case's records and the time, the tasks due and overdue — what, by when, under
// which clause. A deadline runs from an event (the reception, a crisis in counselling); the task is
// done when a record of the right kind exists, on time or late.
//
//   for (const Task& t : open_tasks(history, params, now)) show(t.clause, t.task_key, t.due_at, t.overdue);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "standards/case_history.hpp"
#include "standards/parameters.hpp"

namespace haven::standards {

struct Task {
  std::string clause;     // "I.1.b"
  std::string task_key;   // catalog key of what to do: "task.intake_assessment"
  Timestamp due_at{};
  bool overdue = false;
  std::string about_record_id;  // the record that started the clock, when not the reception
};

// What an obligation clause says about one case: done on time, done late, or still open.
struct ObligationOutcome {
  std::string clause;
  std::string task_key;
  Timestamp due_at{};
  const domain::CaseRecord* fulfilled_by = nullptr;  // the earliest record that does it
  std::string about_record_id;
  // A recurring obligation (review the plan every 30 days) is never done for good: the last record
  // sets the next due date, and the obligation stands met while that date is ahead.
  bool recurring = false;
  const domain::CaseRecord* last = nullptr;
  bool late() const { return fulfilled_by && fulfilled_by->occurred_at > due_at; }
};

// Every obligation that applies to the case, open or fulfilled.
std::vector<ObligationOutcome> evaluate_obligations(const CaseHistory& history, const Parameters& params);

// The ones still open, earliest first; crisis interventions first of all.
std::vector<Task> open_tasks(const CaseHistory& history, const Parameters& params, Timestamp now);

}  // namespace haven::standards
