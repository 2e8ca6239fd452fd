// Key rotation, while servers keep serving (docs/security.md, "Rotation"):
//   1. a new data key is added to the key file; no server seals under it yet;
//   2. every running server reads the file again within a second or two and says which keys it holds
//      (ServerPresence, a row each in the database); the rotation waits until all hold the new key;
//   3. the database then names it the sealing key (switch_sealing_key): every write from then on
//      seals under it, on PostgreSQL once the writes sealing under the old one have committed;
//   4. everything a data key seals is sealed again under it (reseal_all), a page of rows per
//      transaction, so that it can stop at any point and run again to finish, losing nothing;
//   5. `haven keys retire` takes out of the file the older keys nothing is sealed under any more;
//      servers forget them at their next reading of the file.
// So no server is ever asked to open what it cannot, and nothing is sealed under a key that can go.
//
//   ServerPresenceLoop presence(store, keys, key_file, clock);       // haven serve, for its life
//   auto switched = switch_sealing_key(store, clock, 3, 60s, [](const auto& waiting) { ... });
//   auto done = reseal_all(store, [](const ResealProgress& p) { draw(p.done, p.total); });
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stop_token>
#include <thread>
#include <utility>
#include <vector>

#include "common/clock.hpp"
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

// The data key the database names for sealing; none before the first rotation (each server then
// seals under its key file's newest).
Result<std::optional<std::uint32_t>> named_sealing_key(storage::Store& store);

// A server says which keys it holds this often, and one not heard from for kPresenceLife is taken to
// have stopped.
inline constexpr std::chrono::seconds kPresenceInterval{1};
inline constexpr std::chrono::seconds kPresenceLife{10};

// The servers heard from lately that do not hold `key_id`.
Result<std::vector<storage::ServerPresence>> servers_without(storage::Store& store, const Clock& clock,
                                                             std::uint32_t key_id);

// Names `key_id` the sealing key once every running server holds it, waiting up to `timeout` and
// telling `waiting` which servers it still waits for whenever that changes. unavailable, naming
// them, when the time runs out: nothing is changed then, and running the rotation again resumes.
Result<void> switch_sealing_key(storage::Store& store, const Clock& clock, std::uint32_t key_id,
                                std::chrono::seconds timeout,
                                FunctionRef<void(const std::vector<storage::ServerPresence>&)> waiting);

// The key a rotation brings in: one already in the file, newer than the sealing key the database
// names (a rotation that stopped before its switch), or a new one, added and saved.
Result<std::uint32_t> key_to_rotate_to(storage::Store& store, security::KeyRing& keys,
                                       const std::filesystem::path& key_file);

// `haven serve`'s part: at start, whether this key file holds the key the database seals under (a
// server started with an old copy of the file must not start); then, every kPresenceInterval, the
// key file read again (a rotation elsewhere) and which keys it holds written to the database. Its
// row goes when it stops.
Result<void> check_sealing_key_held(storage::Store& store, const security::KeyRing& keys);
class ServerPresenceLoop {
 public:
  ServerPresenceLoop(storage::Store& store, security::KeyRing& keys, std::filesystem::path key_file, const Clock& clock);
  ~ServerPresenceLoop();
  ServerPresenceLoop(const ServerPresenceLoop&) = delete;
  ServerPresenceLoop& operator=(const ServerPresenceLoop&) = delete;

 private:
  void beat();
  storage::Store& store_;
  security::KeyRing& keys_;
  std::filesystem::path key_file_;
  const Clock& clock_;
  storage::ServerPresence self_;
  std::jthread thread_;  // last: stops and joins first
};

}  // namespace haven::app
