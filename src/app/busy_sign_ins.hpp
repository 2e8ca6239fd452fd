// Sign-ins refused because the password hashing is full (503 busy) check nothing, and write nothing
// each: a flood of them must not become a flood of writes that slows every other request. The first
// of a flood is audited at once, then at most one entry a minute, with how many were refused since.
//
//   if (auto refused = ctx.busy_sign_ins->note(now)) audit("session.busy", *refused);
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <utility>

#include "common/clock.hpp"

namespace haven::app {

class BusySignIns {
 public:
  static constexpr std::chrono::seconds kAuditEvery{60};

  // Counts one refusal; the number to audit now (this one and those not yet audited), or nullopt.
  std::optional<std::int64_t> note(Timestamp now) {
    std::lock_guard lock(mutex_);
    ++pending_;
    if (last_audited_ && now - *last_audited_ < kAuditEvery) return std::nullopt;
    last_audited_ = now;
    return std::exchange(pending_, 0);
  }

 private:
  std::mutex mutex_;
  std::int64_t pending_ = 0;
  std::optional<Timestamp> last_audited_;
};

}  // namespace haven::app
