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
  HAVEN_TRY(store->check());
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
  HAVEN_ASSIGN_OR_RETURN(auto lease, pool_.acquire());
  auto outcome = run_transaction<View>(lease.connection(), keys_, begin, work);
  if (!lease.connection().healthy() || lease.connection().in_transaction()) lease.discard();
  return outcome;
}

Result<int> PostgresStore::migrate() {
  int version = 0;
  {
    HAVEN_ASSIGN_OR_RETURN(auto lease, pool_.acquire());
    auto& connection = lease.connection();
    auto done = run_transaction<WriteTransaction>(connection, keys_, "BEGIN", [&](WriteTransaction&) -> Result<void> {
      HAVEN_TRY(connection.query(kMigrationLock, {}));
      HAVEN_ASSIGN_OR_RETURN(auto applied, apply_migrations(connection, SqlDialect::postgresql, clock_.now()));
      version = applied;
      return {};
    });
    if (!connection.healthy() || connection.in_transaction()) lease.discard();
    HAVEN_TRY(done);
  }
  // The lease is back in the pool: the indexing takes connections of its own.
  HAVEN_TRY(index_pending_names(*this));
  return version;
}

Result<int> PostgresStore::schema_version() {
  HAVEN_ASSIGN_OR_RETURN(auto lease, pool_.acquire());
  return read_schema_version(lease.connection());
}

Result<void> PostgresStore::check() {
  HAVEN_ASSIGN_OR_RETURN(auto lease, pool_.acquire());
  auto rows = lease.connection().query("SELECT 1", {});
  if (!lease.connection().healthy()) lease.discard();
  HAVEN_TRY(rows);
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
