// docs/security.md prints the permission table; this keeps it the same as app/permissions.cpp, so
// that what an inspector reads is what the server does.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "app/permissions.hpp"

namespace haven::app {
namespace {

std::vector<std::string> cells_of(const std::string& line) {
  std::vector<std::string> cells;
  std::stringstream in(line);
  std::string cell;
  std::getline(in, cell, '|');  // before the first bar
  while (std::getline(in, cell, '|')) {
    const auto first = cell.find_first_not_of(" `");
    const auto last = cell.find_last_not_of(" `");
    cells.push_back(first == std::string::npos ? "" : cell.substr(first, last - first + 1));
  }
  if (!cells.empty() && cells.back().empty()) cells.pop_back();
  return cells;
}

TEST(SecurityDoc, ThePermissionTableIsTheServersOwn) {
  std::ifstream doc(HAVEN_DOCS_DIR "/security.md");
  ASSERT_TRUE(doc) << "docs/security.md is missing";
  std::map<std::string, std::vector<std::string>> documented;
  std::string line;
  while (std::getline(doc, line)) {
    const auto cells = cells_of(line);
    if (cells.size() == 7 && cells[1] != "administrator" && cells[1].find("---") == std::string::npos) {
      documented[cells[0]] = {cells[1], cells[2], cells[3], cells[4], cells[5], cells[6]};
    }
  }
  ASSERT_EQ(documented.size(), permission_table().size()) << "one row per action";
  auto yes_no = [](bool b) { return std::string(b ? "yes" : "no"); };
  for (const auto& p : permission_table()) {
    const auto row = documented.find(std::string(p.name));
    ASSERT_NE(row, documented.end()) << p.name << " is not in docs/security.md";
    EXPECT_EQ(row->second, (std::vector<std::string>{yes_no(p.administrator), yes_no(p.centre_head),
                                                     yes_no(p.case_worker), yes_no(p.counsellor), yes_no(p.auditor),
                                                     yes_no(p.external_provider)}))
        << p.name;
  }
}

}  // namespace
}  // namespace haven::app
