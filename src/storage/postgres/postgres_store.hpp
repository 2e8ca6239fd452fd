// The store for deployments of many centres: PostgreSQL through libpq, with a pool of connections
// shared by the worker threads. Several `haven serve` processes may use one database: nothing a second
// server needs is kept in process memory.
//
//   auto store = PostgresStore::open("postgresql://haven@db/haven", clock, keys, 16);
#pragma once

#include <memory>
#include <string>

#include "common/clock.hpp"
#include "security/key_ring.hpp"
#include "storage/postgres/pg_connection.hpp"
#include "storage/sql/connection_pool.hpp"
#include "storage/store.hpp"

namespace haven::storage {

class PostgresStore final : public Store {
 public:
  // Connects once to fail early on a wrong address or password.
  // `keys` must outlive the store.
  static Result<std::unique_ptr<PostgresStore>> open(const std::string& conninfo, const Clock& clock,
                                                     const security::KeyRing& keys, std::size_t pool_size = 8);

  std::string_view backend() const override { return "postgresql"; }
  Result<int> migrate() override;
  Result<int> schema_version() override;
  Result<void> check() override;
  Result<void> read(const std::function<Result<void>(ReadTransaction&)>& work) override;
  Result<void> write(const std::function<Result<void>(WriteTransaction&)>& work) override;
  std::shared_ptr<PendingCommit> write_deferred(std::function<Result<void>(WriteTransaction&)> work) override;

 private:
  PostgresStore(std::string conninfo, const Clock& clock, const security::KeyRing& keys, std::size_t pool_size);

  template <class View>
  Result<void> in_transaction(std::string_view begin, const std::function<Result<void>(View&)>& work);

  std::string conninfo_;
  const Clock& clock_;
  const security::KeyRing& keys_;
  ConnectionPool<PgConnection> pool_;
};

}  // namespace haven::storage
