#include "storage/sql/sql_connection.hpp"

#include <charconv>

namespace haven::storage {

const std::string& SqlRow::text(SqlColumn column) const {
  static const std::string empty;
  const auto& cell = cells_.at(column.index());
  return cell ? *cell : empty;
}

std::int64_t SqlRow::integer(SqlColumn column) const {
  return optional_integer(column).value_or(0);
}

std::optional<std::int64_t> SqlRow::optional_integer(SqlColumn column) const {
  const auto& cell = cells_.at(column.index());
  if (!cell) return std::nullopt;
  std::int64_t value = 0;
  std::from_chars(cell->data(), cell->data() + cell->size(), value);
  return value;
}

}  // namespace haven::storage
