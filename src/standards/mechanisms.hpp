// Which code makes each clause real: the registry `haven standards` prints and `--check` audits.
// Add a row in mechanisms.cpp with every new guard, obligation, indicator or record of a clause; its
// kind must be one the catalog gives the clause (a unit test checks).
#pragma once

#include <span>
#include <string_view>

#include "standards/clause.hpp"

namespace haven::standards {

struct Mechanism {
  std::string_view clause;
  MechanismKind kind;
  std::string_view implementation;  // the function or record that does it, as grep finds it
};

std::span<const Mechanism> mechanisms();

// Clause IDs that have a scenario file under tests/standards/scenarios/ (generated at build time).
std::span<const std::string_view> clauses_with_scenarios();

}  // namespace haven::standards
