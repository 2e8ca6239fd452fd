#include "storage/postgres/postgres_store.hpp"

#include <exception>

#include "storage/sql/migrations.hpp"
#include "storage/sql/run_transaction.hpp"

namespace haven::storage {
namespace {
// Two servers starting at once must not both migrate: the first takes this lock for its transaction.
constexpr std::string_view kMigrationLock = "SELECT pg_advisory_xact_lock(72847361)";
}  // namespace

Result<std::unique_ptr<PostgresStore>> PostgresStore::open(const std::string& conninfo, const Clock& clock,
                                                           const security::KeyRing& keys, std::size_t pool_size) {
  std::unique_ptr<PostgresStore> store(new PostgresStore(conninfo, clock, keys, pool_size));
  if (auto r = store->check(); !r) return tl::unexpected(r.error());
  return store;
}

PostgresStore::PostgresStore(std::string conninfo, const Clock& clock, const security::KeyRing& keys,
                             std::size_t pool_size)
    : conninfo_(std::move(conninfo)),
      clock_(clock),
      keys_(keys),
      pool_(pool_size, [this] { return PgConnection::open(conninfo_); }) {}

template <class View>
Result<void> PostgresStore::in_transaction(std::string_view begin, const std::function<Result<void>(View&)>& work) {
  auto lease = pool_.acquire();
  if (!lease) return tl::unexpected(lease.error());
  auto outcome = run_transaction<View>(lease->connection(), keys_, begin, work);
  if (!lease->connection().healthy() || lease->connection().in_transaction()) lease->discard();
  return outcome;
}

Result<int> PostgresStore::migrate() {
  int version = 0;
  auto lease = pool_.acquire();
  if (!lease) return tl::unexpected(lease.error());
  auto& connection = lease->connection();
  auto done = run_transaction<WriteTransaction>(connection, keys_, "BEGIN", [&](WriteTransaction&) -> Result<void> {
    if (auto locked = connection.query(kMigrationLock, {}); !locked) return tl::unexpected(locked.error());
    auto applied = apply_migrations(connection, SqlDialect::postgresql, clock_.now());
    if (!applied) return tl::unexpected(applied.error());
    version = *applied;
    return {};
  });
  if (!connection.healthy() || connection.in_transaction()) lease->discard();
  if (!done) return tl::unexpected(done.error());
  return version;
}

Result<int> PostgresStore::schema_version() {
  auto lease = pool_.acquire();
  if (!lease) return tl::unexpected(lease.error());
  return read_schema_version(lease->connection());
}

Result<void> PostgresStore::check() {
  auto lease = pool_.acquire();
  if (!lease) return tl::unexpected(lease.error());
  auto rows = lease->connection().query("SELECT 1", {});
  if (!lease->connection().healthy()) lease->discard();
  if (!rows) return tl::unexpected(rows.error());
  return {};
}

Result<void> PostgresStore::read(const std::function<Result<void>(ReadTransaction&)>& work) {
  return in_transaction<ReadTransaction>("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", work);
}

Result<void> PostgresStore::write(const std::function<Result<void>(WriteTransaction&)>& work) {
  return in_transaction<WriteTransaction>("BEGIN", work);
}

std::shared_ptr<PendingCommit> PostgresStore::write_deferred(std::function<Result<void>(WriteTransaction&)> work) {
  // PostgreSQL commits concurrent transactions together by itself (its WAL flush), and the caller is
  // a worker thread holding nothing another request needs: writing now is as good as later.
  try {
    return PendingCommit::finished(write(work));
  } catch (const std::exception& e) {
    return PendingCommit::finished(fail_internal(ErrorCode::internal, std::string("deferred write threw: ") + e.what()));
  }
}

}  // namespace haven::storage
