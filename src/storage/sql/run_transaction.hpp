// Begins a database transaction, runs the work over the shared repository SQL, and commits, or
// rolls back when the work fails or throws. Both backends end every transaction through here.
#pragma once

#include <functional>
#include <string_view>

#include "storage/sql/sql_connection.hpp"
#include "storage/sql/sql_transaction.hpp"

namespace haven::storage {

template <class TransactionView>
Result<void> run_transaction(SqlConnection& connection, const security::KeyRing& keys, std::string_view begin,
                             const std::function<Result<void>(TransactionView&)>& work) {
  if (auto r = connection.control(begin); !r) return r;
  SqlTransaction transaction(connection, keys);
  Result<void> outcome;
  try {
    outcome = work(transaction);
  } catch (...) {
    (void)connection.control("ROLLBACK");
    throw;
  }
  if (!outcome) {
    (void)connection.control("ROLLBACK");
    return outcome;
  }
  if (auto r = connection.control("COMMIT"); !r) {
    (void)connection.control("ROLLBACK");
    return r;
  }
  return {};
}

}  // namespace haven::storage
