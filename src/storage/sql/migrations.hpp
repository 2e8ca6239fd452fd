// Versioned schema migrations, embedded in the binary and shared by both SQL backends. Each
// migration is written once; the few words the two dialects spell differently are tokens that
// render_for() replaces. A migration, once released, is never edited: add the next one.
//
//   for (const auto& m : schema_migrations()) connection.execute_script(render_for(m.sql, dialect));
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "common/clock.hpp"
#include "storage/sql/sql_connection.hpp"

namespace haven::storage {


struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

std::span<const Migration> schema_migrations();
std::string render_for(std::string_view sql, SqlDialect dialect);

// Reads the applied version (0 for an empty database).
Result<int> read_schema_version(SqlConnection& connection);

// Applies, inside the caller's transaction, every migration newer than the database; returns the
// version now in force. Refuses a database newer than this binary.
Result<int> apply_migrations(SqlConnection& connection, SqlDialect dialect, Timestamp now);

}  // namespace haven::storage
