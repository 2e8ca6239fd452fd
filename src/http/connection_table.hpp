// Who holds the server's connections, and which to let go when a new one arrives (docs/security.md,
// "Connections"). 1,024 idle connections from one client once shut every other client out for as long
// as it kept them open; now:
//   - one client address holds at most `per_address` connections: past that, its own longest-idle
//     connection is closed to make room, or, if none of its connections is idle, the new one is
//     refused (a trusted proxy, which carries many clients, is not capped this way);
//   - near the limit (within `headroom` of `total`), the longest-idle connection of the address that
//     holds the most is closed for each new one, so that room stays for new clients;
//   - only when every connection is busy with a request is a new client refused (503, the server is busy).
// "Idle" is waiting for a request's header (between requests, or a client sending its header slowly)
// for longer than a short grace; "busy" is from a whole header to the end of its answer. Thread-safe: the acceptor admits on its
// thread, each lane marks and removes its own connections on its own.
//
//   auto admitted = table.admit("203.0.113.7", false, now);
//   if (!admitted.accepted) ... 503 ...;  if (admitted.evict) ... close that connection on its lane ...
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace haven::http {

struct ConnectionLimits {
  std::size_t total = 1024;
  std::size_t per_address = 64;
  std::size_t headroom = 128;  // near the limit: idle connections go first
  // A connection idle for less than this is not closed for another: a client that has just connected,
  // or just had its answer, is given the time to send its request.
  std::chrono::milliseconds grace{2000};
};

class ConnectionTable {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;

  struct Admission {
    bool accepted = false;
    std::uint64_t id = 0;                // the new connection's, when accepted
    std::optional<std::uint64_t> evict;  // an idle connection to close to make room for it
  };

  explicit ConnectionTable(ConnectionLimits limits) : limits_(limits) {}

  // `capped`: the per-address limit applies (not to a trusted proxy).
  Admission admit(const std::string& address, bool capped, TimePoint now);
  void set_busy(std::uint64_t id, bool busy, TimePoint now);
  void remove(std::uint64_t id);
  // On the evicted connection's lane: true if it is still idle, and the lane closes it; false if it
  // began a request meanwhile, and it is spared (it counts again).
  bool confirm_eviction(std::uint64_t id);
  std::size_t open() const;
  std::size_t open_from(const std::string& address) const;

 private:
  struct Entry {
    std::string address;
    bool busy = false;
    TimePoint idle_since{};
    bool evicting = false;  // already chosen to close: not chosen again, not counted as room
  };
  std::optional<std::uint64_t> longest_idle(const std::string* address, TimePoint now) const;

  ConnectionLimits limits_;
  mutable std::mutex mutex_;
  std::map<std::uint64_t, Entry> entries_;
  std::map<std::string, std::size_t> by_address_;
  std::uint64_t next_id_ = 1;
};

}  // namespace haven::http
