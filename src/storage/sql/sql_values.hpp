// How Haven's values travel as SQL parameters and come back, the same on both backends: times as
// whole seconds since the epoch, flags as 0 or 1.
//
//   db.execute("UPDATE sessions SET last_seen_at = $1 WHERE token_digest = $2", {seconds(now), text(digest)});
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/enum_names.hpp"
#include "common/error.hpp"
#include "storage/sql/sql_connection.hpp"

namespace haven::storage::sql_values {

inline SqlValue seconds(Timestamp at) { return SqlValue{std::int64_t{at.time_since_epoch().count()}}; }
inline Timestamp timestamp(std::int64_t value) { return Timestamp{std::chrono::seconds{value}}; }
inline SqlValue text(std::string_view value) { return SqlValue{std::string(value)}; }
inline SqlValue flag(bool value) { return SqlValue{std::int64_t{value ? 1 : 0}}; }

// "IN ($3, $4, ...)" for `values`, appended to `params`; "= NULL" (true of no row) for none. The
// list is padded to a power of two by repeating its last value, so that the connections' statement
// caches hold a dozen shapes of a query, not one per length of list.
inline std::string in_list(std::vector<SqlValue>& params, std::span<const std::string> values) {
  if (values.empty()) return "= NULL";
  std::string slots;
  const std::size_t padded = std::bit_ceil(values.size());
  for (std::size_t i = 0; i < padded; ++i) {
    params.push_back(text(values[std::min(i, values.size() - 1)]));
    slots += (i == 0 ? "IN ($" : ", $") + std::to_string(params.size());
  }
  return slots + ")";
}

// A stored enum name as the enum; `fallback` for a name this version does not know.
template <class E, std::size_t N>
E parse_stored(const EnumNames<E, N>& names, const std::string& stored, E fallback) {
  return names.parse(stored).value_or(fallback);
}

// An error of one result type handed on as another's.
template <class T>
Result<T> propagate(const Error& e) {
  return tl::unexpected(e);
}

}  // namespace haven::storage::sql_values
