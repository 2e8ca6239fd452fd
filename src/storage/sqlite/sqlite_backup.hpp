// SQLite's online backup, for `haven backup`: a consistent copy of a database that servers keep
// writing. The copy holds one read snapshot from its first page to its last, so in WAL mode writers
// go on (and never make the copy start again), and it copies a few megabytes a step.
//
//   copy_sqlite_database(data / "haven.db", folder / "copy.db", [](auto done, auto total) { ... });
//   auto report = sqlite_integrity_check(folder / "copy.db");   // "ok" for a sound file
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "common/error.hpp"
#include "common/function_ref.hpp"

namespace haven::storage {

// `to` must not exist; it is made 0600 and durable. `progress` hears pages done of pages in all.
Result<void> copy_sqlite_database(const std::filesystem::path& from, const std::filesystem::path& to,
                                  FunctionRef<void(std::int64_t, std::int64_t)> progress);

// PRAGMA integrity_check of the file, opened read-only: "ok", or the problems a line each.
Result<std::string> sqlite_integrity_check(const std::filesystem::path& file);

}  // namespace haven::storage
