// I.4.d: the victim's own view of their progress: where the service stands, what has been done for
// them, and what comes next, in plain words (message keys rendered in the victim's language).
// Only the milestones a victim would recognise are shown; internal records (complaints handling,
// staff assignments, consents and disclosures) are not, nor the staff's task list: what comes next
// is said for the stage, in the victim's words.
//
//   const auto summary = progress_summary(history);
//   for (const auto& step : summary.done) print(step.at, render(language, step.message_key));
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "standards/case_history.hpp"

namespace haven::standards {

struct ProgressStep {
  Timestamp at{};
  std::string_view message_key;  // "progress.health_check"
};

struct ProgressSummary {
  domain::CaseStage stage = domain::CaseStage::received;
  std::vector<ProgressStep> done;  // in the order they happened
  std::string next_key;            // what comes next at this stage, in the victim's words: "progress.next.planning"
};

ProgressSummary progress_summary(const CaseHistory& history);

// The message key a record type is shown under, or empty when it is not shown to the victim.
std::string_view progress_key(std::string_view record_type);

}  // namespace haven::standards
