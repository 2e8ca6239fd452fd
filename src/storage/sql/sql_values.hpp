// How Haven's values travel as SQL parameters and come back, the same on both backends: times as
// whole seconds since the epoch, flags as 0 or 1.
//
//   db.execute("UPDATE sessions SET last_seen_at = $1 WHERE token_digest = $2", {seconds(now), text(digest)});
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "storage/sql/sql_connection.hpp"

namespace haven::storage::sql_values {

inline SqlValue seconds(Timestamp at) { return SqlValue{std::int64_t{at.time_since_epoch().count()}}; }
inline Timestamp timestamp(std::int64_t value) { return Timestamp{std::chrono::seconds{value}}; }
inline SqlValue text(std::string_view value) { return SqlValue{std::string(value)}; }
inline SqlValue flag(bool value) { return SqlValue{std::int64_t{value ? 1 : 0}}; }

// An error of one result type handed on as another's.
template <class T>
Result<T> propagate(const Error& e) {
  return tl::unexpected(e);
}

}  // namespace haven::storage::sql_values
