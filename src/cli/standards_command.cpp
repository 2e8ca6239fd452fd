// `haven standards [--lang vi|en] [--check]`: the clause catalog with, for each clause, its kinds,
// parameters, the code that makes it real and the scenario file that tests it. --check exits 1 when
// any clause lacks a mechanism or a test, listing them.
#include <iostream>
#include <set>
#include <string>

#include "cli/commands.hpp"
#include "standards/clause.hpp"
#include "standards/mechanisms.hpp"

namespace haven::cli {
namespace {

std::string kinds_of(const standards::Clause& clause) {
  using standards::MechanismKind;
  std::string out;
  const std::pair<MechanismKind, const char*> names[] = {{MechanismKind::guard, "guard"},
                                                         {MechanismKind::obligation, "obligation"},
                                                         {MechanismKind::indicator, "indicator"},
                                                         {MechanismKind::record, "record"}};
  for (const auto& [kind, name] : names) {
    if (standards::has_kind(clause, kind)) out += std::string(out.empty() ? "" : ", ") + name;
  }
  return out;
}

std::string_view unit_name(standards::ParameterUnit unit, bool vietnamese) {
  switch (unit) {
    case standards::ParameterUnit::hours: return vietnamese ? "giờ" : "hours";
    case standards::ParameterUnit::days: return vietnamese ? "ngày" : "days";
    case standards::ParameterUnit::count: return "";
  }
  return "";
}

}  // namespace

int run_standards(const std::string& language, bool check) {
  const bool vi = language != "en";
  const auto with_scenarios = standards::clauses_with_scenarios();
  const std::set<std::string_view> tested(with_scenarios.begin(), with_scenarios.end());
  std::set<std::string_view> implemented;
  for (const auto& m : standards::mechanisms()) implemented.insert(m.clause);

  std::vector<std::string> missing;
  for (const auto& clause : standards::clause_catalog()) {
    const bool has_mechanism = implemented.contains(clause.id);
    const bool has_test = tested.contains(clause.id);
    if (!has_mechanism || !has_test) {
      missing.push_back(std::string(clause.id) + (has_mechanism ? "" : (vi ? "  chưa có cơ chế" : "  no mechanism")) +
                        (has_test ? "" : (vi ? "  chưa có kịch bản kiểm thử" : "  no scenario test")));
    }
    if (check) continue;
    std::cout << clause.id << "  " << (vi ? clause.title_vi : clause.title_en) << "  [" << kinds_of(clause) << "]\n"
              << "    " << (vi ? clause.text_vi : clause.text_en) << "\n"
              << "    » " << (vi ? clause.software_vi : clause.software_en) << "\n";
    for (const auto& p : clause.parameters) {
      std::cout << "    " << (vi ? "tham số" : "parameter") << " " << clause.id << "." << p.name << " = " << p.default_value
                << " " << unit_name(p.unit, vi) << "  (" << (vi ? p.description_vi : p.description_en) << ")\n";
    }
    for (const auto& m : standards::mechanisms()) {
      if (m.clause != clause.id) continue;
      const char* kind = m.kind == standards::MechanismKind::guard        ? "guard"
                         : m.kind == standards::MechanismKind::obligation ? "obligation"
                         : m.kind == standards::MechanismKind::indicator  ? "indicator"
                                                                          : "record";
      std::cout << "    " << (vi ? "cơ chế" : "mechanism") << ": " << kind << "  " << m.implementation << "\n";
    }
    if (has_test) std::cout << "    " << (vi ? "kiểm thử" : "test") << ": tests/standards/scenarios/" << clause.id << ".scenario\n";
    std::cout << "\n";
  }
  const auto total = standards::clause_catalog().size();
  std::cout << (vi ? "Điều khoản: " : "Clauses: ") << total << ", "
            << (vi ? "đủ cơ chế và kiểm thử: " : "with a mechanism and a test: ") << total - missing.size() << "\n";
  if (check && !missing.empty()) {
    std::cout << (vi ? "Còn thiếu:" : "Missing:") << "\n";
    for (const auto& line : missing) std::cout << "  " << line << "\n";
    return 1;
  }
  return 0;
}

}  // namespace haven::cli
