#include "storage/store.hpp"

namespace haven::storage {

namespace {
// A page: a few hundred cases open and index in well under a second, so writers wait little.
constexpr int kCasesPerTransaction = 500;
}  // namespace

Result<std::int64_t> index_pending_names(Store& store) {
  std::int64_t indexed = 0;
  for (;;) {
    int done = 0;
    HAVEN_TRY(store.write([&](WriteTransaction& tx) -> Result<void> {
      HAVEN_ASSIGN_OR_RETURN(done, tx.cases().index_pending_names(kCasesPerTransaction));
      return {};
    }));
    indexed += done;
    if (done < kCasesPerTransaction) return indexed;
  }
}

}  // namespace haven::storage
