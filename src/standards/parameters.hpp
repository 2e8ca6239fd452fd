// The deadlines, intervals and thresholds of the standards, per deployment. Defaults come from the
// clause catalog; a deployment may change them in a file of `CLAUSE.name = value` lines, checked at
// start: an unknown name, a value that is not a positive whole number, or a duplicate is refused
// with the line number.
//
//   auto params = Parameters::defaults();
//   auto custom = Parameters::parse("II.4.b.risk_assessment_days = 5\n");
//   std::chrono::seconds d = params.duration("I.1.b", "intake_assessment_hours");   // 24 h
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "common/error.hpp"

namespace haven::standards {

class Parameters {
 public:
  static Parameters defaults();
  static Result<Parameters> parse(std::string_view text);

  std::int64_t value(std::string_view clause_id, std::string_view name) const;
  // For an hours or days parameter: its length. Asking for a parameter the catalog lacks is a bug.
  std::chrono::seconds duration(std::string_view clause_id, std::string_view name) const;
  // Every parameter, "II.4.b.risk_assessment_days" -> 7, for showing the deployment's settings.
  const std::map<std::string, std::int64_t, std::less<>>& all() const { return values_; }

 private:
  std::map<std::string, std::int64_t, std::less<>> values_;  // "II.4.b.risk_assessment_days" -> 7
};

}  // namespace haven::standards
