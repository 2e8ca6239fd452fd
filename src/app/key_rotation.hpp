// Sealing every sensitive field again under the key file's current data key: after `haven keys
// rotate` added a key, and once for a database written before encryption at rest. A page of rows per
// transaction, so that it can be interrupted at any point and run again to finish, losing nothing:
// each row is either still under its old key (which stays in the key file) or under the new one.
//
//   auto done = reseal_all(store, [](const ResealProgress& p) { draw(p.done, p.total); });
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "common/function_ref.hpp"
#include "security/key_ring.hpp"
#include "storage/store.hpp"

namespace haven::app {

struct ResealProgress {
  std::int64_t done = 0;      // rows read so far, all tables
  std::int64_t total = 0;     // rows in all tables when it began
  std::int64_t resealed = 0;  // of which sealed again
};

Result<ResealProgress> reseal_all(storage::Store& store, FunctionRef<void(const ResealProgress&)> progress);

// After a rotation has finished, the older data keys nothing is sealed under any more are taken out
// of `keys` (the caller saves the file). With them goes every way to open what a backup made before
// holds, a wrapped case key included: that is how an erased case's file becomes unreadable in old
// backups too. A key still in use stays, with the number of values it sealed.
struct KeyRetirement {
  std::vector<std::uint32_t> retired;
  std::vector<std::pair<std::uint32_t, std::int64_t>> still_used;  // key ID, values sealed under it
};
Result<KeyRetirement> retire_unused_data_keys(storage::Store& store, security::KeyRing& keys);

}  // namespace haven::app
