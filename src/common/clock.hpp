// Time enters Haven through this interface so that every rule can be tested with a fixed clock.
//
//   SystemClock clock;            // production
//   FixedClock test_clock{ts};    // tests: test_clock.advance(std::chrono::hours{25});
#pragma once

#include <chrono>
#include <mutex>

namespace haven {

using Timestamp = std::chrono::sys_seconds;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Timestamp now() const override {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  }
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(Timestamp at) : at_(at) {}
  Timestamp now() const override {
    std::lock_guard lock(mutex_);
    return at_;
  }
  void advance(std::chrono::seconds by) {
    std::lock_guard lock(mutex_);
    at_ += by;
  }

 private:
  mutable std::mutex mutex_;
  Timestamp at_;
};

}  // namespace haven
