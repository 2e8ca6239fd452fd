// Sealing every sensitive field again under the key file's current data key: after `haven keys
// rotate` added a key, and once for a database written before encryption at rest. A page of rows per
// transaction, so that it can be interrupted at any point and run again to finish, losing nothing:
// each row is either still under its old key (which stays in the key file) or under the new one.
//
//   auto done = reseal_all(store, [](const ResealProgress& p) { draw(p.done, p.total); });
#pragma once

#include <cstdint>

#include "common/function_ref.hpp"
#include "storage/store.hpp"

namespace haven::app {

struct ResealProgress {
  std::int64_t done = 0;      // rows read so far, all tables
  std::int64_t total = 0;     // rows in all tables when it began
  std::int64_t resealed = 0;  // of which sealed again
};

Result<ResealProgress> reseal_all(storage::Store& store, FunctionRef<void(const ResealProgress&)> progress);

}  // namespace haven::app
