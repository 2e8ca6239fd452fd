#include <chrono>
#include <thread>

#include "storage/store.hpp"

namespace haven::storage {

namespace {
// A page: a few hundred cases open and index in well under a second, so writers wait little.
constexpr int kCasesPerTransaction = 500;
}  // namespace

Result<std::int64_t> index_pending_names(Store& store) {
  std::int64_t indexed = 0;
  for (;;) {
    int taken = 0;
    HAVEN_TRY(store.write([&](WriteTransaction& tx) -> Result<void> {
      HAVEN_ASSIGN_OR_RETURN(taken, tx.cases().index_pending_names(kCasesPerTransaction));
      return {};
    }));
    indexed += taken;
    if (taken > 0) continue;
    // Nothing taken: done, unless another server (PostgreSQL) holds the rest in its transactions;
    // this one starts serving only once every case is indexed, so that no check misses one.
    HAVEN_ASSIGN_OR_RETURN(auto waiting,
                           read_value<std::int64_t>(store, [](ReadTransaction& tx) { return tx.cases().names_pending(); }));
    if (waiting == 0) return indexed;
    std::this_thread::sleep_for(std::chrono::milliseconds{100});
  }
}

}  // namespace haven::storage
