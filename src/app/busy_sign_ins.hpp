// Sign-ins refused because the password hashing is full (503 busy) check nothing, and write nothing
// each: a flood of them must not become a flood of writes that slows every other request. The first
// of a flood is audited at once, then at most one entry a minute, with how many were refused since.
// And an address throttled lately sends its next attempts straight to the count (429) without taking
// a place in the hashing queue: one address's flood never fills the places everyone else needs.
//
//   if (auto refused = ctx.busy_sign_ins->note(now)) audit("session.busy", *refused);
//   if (!ctx.busy_sign_ins->known_throttled(address, now)) admitted = ctx.hasher.admit();
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
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

  // Only a hint for where an attempt waits: the count in the store still decides every answer.
  void throttled(const std::string& address, Timestamp until) {
    if (address.empty()) return;
    std::lock_guard lock(mutex_);
    if (throttled_.size() >= kMaxAddresses) {
      std::erase_if(throttled_, [&](const auto& entry) { return entry.second <= until - kForgetAfter; });
      if (throttled_.size() >= kMaxAddresses) throttled_.clear();
    }
    throttled_[address] = until;
  }
  bool known_throttled(const std::string& address, Timestamp now) {
    std::lock_guard lock(mutex_);
    const auto found = throttled_.find(address);
    return found != throttled_.end() && now < found->second;
  }

 private:
  static constexpr std::size_t kMaxAddresses = 4096;
  static constexpr std::chrono::hours kForgetAfter{1};
  std::unordered_map<std::string, Timestamp> throttled_;
  std::mutex mutex_;
  std::int64_t pending_ = 0;
  std::optional<Timestamp> last_audited_;
};

}  // namespace haven::app
