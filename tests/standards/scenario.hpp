// Data-driven tests of the standards engine: one scenario file per clause under scenarios/, each
// scenario a case history, a clock and the expected guard outcomes, tasks and clause states.
//
//   scenario a health check but no counselling yet
//     received 2026-03-01T02:00:00Z
//     now 2026-03-01T08:00:00Z
//     stage in_care
//     record health_check at 2026-03-01T03:00:00Z
//     expect action begin_identification refused II.1.e
//     expect task II.3.a due
//     expect clause I.1.b pending
//
// Setup lines: received, now, stage, since TIME (when the case reached its stage), child (yes | no |
// suspected), param CLAUSE.name = N, received_by STAFF (who received the person), and
// record TYPE at TIME [by=STAFF] [field=value ...]: an ordinary record of the type, written by staff-1
// unless by= says, with the fields named set by the names of the type's table (domain/record_type.hpp):
// crisis=yes, victim_views=empty, risk_assessment_id=first, actions.need_id=nothing, categories=all
// (scenario_fields.hpp says what each kind of field takes). A name the table lacks is an error.
// Expectations: expect action NAME allowed | refused CLAUSE; expect record TYPE allowed | refused CLAUSE;
// expect task CLAUSE none | due | overdue; expect clause CLAUSE met | pending | overdue | not_met | not_applicable.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "domain/person.hpp"

namespace haven::standards::testing {

struct ScenarioLine {
  int number = 0;
  std::vector<std::string> words;
};

struct Scenario {
  std::string file;  // e.g. "II.1.e.scenario"
  std::string name;
  int line = 0;
  std::vector<ScenarioLine> setup;
  std::vector<ScenarioLine> expectations;
};

// How GoogleTest names a scenario in its output: the file, line and title, not the object's bytes.
inline void PrintTo(const Scenario& s, std::ostream* os) { *os << s.file << ":" << s.line << " " << s.name; }

std::vector<Scenario> load_scenarios(const std::filesystem::path& directory);

// Runs one scenario; returns the failures, each naming the file and line, empty when it passes.
// `vary`, when given, changes the person after the setup is read: a rule that must not depend on
// something (II.1.b) is tested by varying it and expecting the same outcomes.
std::vector<std::string> run_scenario(const Scenario& scenario,
                                      const std::function<void(domain::Person&)>& vary = nullptr);

}  // namespace haven::standards::testing
