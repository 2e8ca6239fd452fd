// Opens the store a deployment is configured for: SQLite in a data folder, or PostgreSQL by URL.
//
//   auto store = open_store(StoreLocation{.data_dir = "/var/lib/haven"}, clock, keys);
//   auto store = open_store(StoreLocation{.database_url = "postgresql://haven@db/haven"}, clock, keys);
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "common/clock.hpp"
#include "security/key_ring.hpp"
#include "storage/store.hpp"

namespace haven::storage {

struct StoreLocation {
  std::filesystem::path data_dir;  // SQLite: <data_dir>/haven.db
  std::string database_url;        // PostgreSQL; takes precedence when set
  std::size_t connections = 8;
};

inline constexpr std::string_view kSqliteFileName = "haven.db";

// `keys` (the key file) must outlive the store.
Result<std::unique_ptr<Store>> open_store(const StoreLocation& location, const Clock& clock,
                                          const security::KeyRing& keys);

}  // namespace haven::storage
