#include "standards/parameters.hpp"

#include <charconv>
#include <stdexcept>

#include "standards/clause.hpp"

namespace haven::standards {
namespace {

std::string key_of(std::string_view clause_id, std::string_view name) {
  return std::string(clause_id) + "." + std::string(name);
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

tl::unexpected<Error> line_error(int line, std::string detail) {
  return fail_internal(ErrorCode::validation_failed, "parameters, line " + std::to_string(line) + ": " + detail);
}

const Parameter* catalog_parameter(std::string_view key, std::string_view& clause_id) {
  // The clause ID itself contains dots ("II.4.b"), so the name is what follows the last one.
  const auto dot = key.rfind('.');
  if (dot == std::string_view::npos) return nullptr;
  clause_id = key.substr(0, dot);
  const Clause* clause = find_clause(clause_id);
  return clause ? find_parameter(*clause, key.substr(dot + 1)) : nullptr;
}

}  // namespace

Parameters Parameters::defaults() {
  Parameters p;
  for (const auto& clause : clause_catalog()) {
    for (const auto& parameter : clause.parameters) {
      p.values_.emplace(key_of(clause.id, parameter.name), parameter.default_value);
    }
  }
  return p;
}

Result<Parameters> Parameters::parse(std::string_view text) {
  Parameters p = defaults();
  std::map<std::string, int, std::less<>> seen;
  int number = 0;
  while (!text.empty()) {
    ++number;
    const auto end = text.find('\n');
    std::string_view line = trim(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    if (line.empty() || line.front() == '#') continue;
    const auto equals = line.find('=');
    if (equals == std::string_view::npos) return line_error(number, "expected `CLAUSE.name = value`");
    const std::string_view key = trim(line.substr(0, equals));
    const std::string_view value_text = trim(line.substr(equals + 1));
    std::string_view clause_id;
    if (!catalog_parameter(key, clause_id)) {
      return line_error(number, "no clause parameter is called `" + std::string(key) + "` (see `haven standards`)");
    }
    std::int64_t value = 0;
    const auto [ptr, ec] = std::from_chars(value_text.data(), value_text.data() + value_text.size(), value);
    if (ec != std::errc{} || ptr != value_text.data() + value_text.size() || value <= 0) {
      return line_error(number, "`" + std::string(key) + "` must be a positive whole number, not `" +
                                    std::string(value_text) + "`");
    }
    if (auto [it, inserted] = seen.emplace(std::string(key), number); !inserted) {
      return line_error(number, "`" + std::string(key) + "` is already set on line " + std::to_string(it->second));
    }
    p.values_[std::string(key)] = value;
  }
  return p;
}

std::int64_t Parameters::value(std::string_view clause_id, std::string_view name) const {
  const auto it = values_.find(key_of(clause_id, name));
  if (it == values_.end()) throw std::logic_error("unknown standards parameter " + key_of(clause_id, name));
  return it->second;
}

std::chrono::seconds Parameters::duration(std::string_view clause_id, std::string_view name) const {
  const Clause* clause = find_clause(clause_id);
  const Parameter* parameter = clause ? find_parameter(*clause, name) : nullptr;
  if (!parameter || parameter->unit == ParameterUnit::count) {
    throw std::logic_error("not a duration parameter: " + key_of(clause_id, name));
  }
  const std::int64_t v = value(clause_id, name);
  return parameter->unit == ParameterUnit::hours ? std::chrono::hours{v} : std::chrono::hours{24 * v};
}

}  // namespace haven::standards
