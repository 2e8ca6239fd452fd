// The clauses of the Minimum Standards (Viet Nam, 2011) as data: the catalog every guard,
// obligation and indicator refers to by ID, and that `haven standards` prints. Pure: no I/O.
//
//   const Clause* clause = find_clause("II.1.e");
//   clause->text_en;                       // the standard's words
//   has_kind(*clause, MechanismKind::guard);
//   find_parameter(*find_clause("II.4.b"), "risk_assessment_days")->default_value == 7
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace haven::standards {

// How the software makes a clause real (../shared/standards/clauses.md, "Kinds of mechanism").
enum class MechanismKind : unsigned {
  guard = 1U << 0U,       // an action is refused unless a precondition holds
  obligation = 1U << 1U,  // something must happen by a deadline; tasks due and overdue
  indicator = 1U << 2U,   // a figure over cases, staff or a centre
  record = 1U << 3U,      // a structured record the case file must hold
};

enum class ParameterUnit { hours, days, count };

// A deadline, interval or threshold, with the project's default; deployments may change it.
struct Parameter {
  std::string_view name;  // snake_case, unique within the clause, e.g. "intake_assessment_hours"
  std::int64_t default_value;
  ParameterUnit unit;
  std::string_view description_en;
  std::string_view description_vi;
};

struct Clause {
  std::string_view id;        // canonical ID, e.g. "II.1.e" (I.5.d and III.1.c are the repeated letters)
  std::string_view part;      // "I", "II" or "III"
  std::string_view title_en;  // a short title, e.g. "Identification after care"
  std::string_view title_vi;
  std::string_view text_en;   // the standard's English text of the item, verbatim
  std::string_view text_vi;   // Vietnamese
  std::string_view software_en;  // what Haven does for it (clauses.md), one or two sentences
  std::string_view software_vi;
  unsigned kinds;             // bitwise OR of MechanismKind
  std::span<const Parameter> parameters;
};

inline constexpr std::size_t kClauseCount = 59;
std::span<const Clause> clause_catalog();  // all kClauseCount, in the standard's order
const Clause* find_clause(std::string_view id);
std::optional<std::uint16_t> clause_index(std::string_view id);  // position in clause_catalog()
bool has_kind(const Clause& clause, MechanismKind kind);
const Parameter* find_parameter(const Clause& clause, std::string_view name);

}  // namespace haven::standards
