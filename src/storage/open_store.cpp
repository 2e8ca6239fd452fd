#include "storage/open_store.hpp"

#include "storage/postgres/postgres_store.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace haven::storage {

Result<std::unique_ptr<Store>> open_store(const StoreLocation& location, const Clock& clock,
                                          const security::KeyRing& keys) {
  if (!location.database_url.empty()) {
    HAVEN_ASSIGN_OR_RETURN(auto store, PostgresStore::open(location.database_url, clock, keys, location.connections));
    return std::unique_ptr<Store>(std::move(store));
  }
  if (location.data_dir.empty()) {
    return fail_internal(ErrorCode::unavailable, "no storage configured: give --data DIR or --database URL");
  }
  std::error_code ec;
  if (!std::filesystem::is_directory(location.data_dir, ec)) {
    return fail_internal(ErrorCode::unavailable, "the data folder " + location.data_dir.string() +
                                                     " does not exist; create it with `haven init --data " +
                                                     location.data_dir.string() + "`");
  }
  HAVEN_ASSIGN_OR_RETURN(auto store, SqliteStore::open(location.data_dir / kSqliteFileName, clock, keys, location.connections));
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace haven::storage
