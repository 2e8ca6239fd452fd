#include "storage/sql/sql_columns.hpp"

namespace haven::storage {

std::string SqlColumns::list() const {
  std::string out;
  for (std::size_t i = 0; i < count_; ++i) {
    if (i > 0) out += ", ";
    out += expressions_[i];
  }
  return out;
}

std::string SqlColumns::select(std::string_view rest) const {
  std::string out = "SELECT " + list();
  if (!rest.empty()) out += " " + std::string(rest);
  return out;
}

}  // namespace haven::storage
