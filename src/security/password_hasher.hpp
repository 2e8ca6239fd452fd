// Argon2id password hashing through libsodium, at OWASP's recommended cost (19 MiB, 2 passes).
// A semaphore caps how many hashes run at once, so that a storm of sign-ins cannot exhaust memory.
//
//   PasswordHasher hasher;
//   std::string stored = hasher.hash("correct horse battery staple");
//   bool ok = hasher.verify(stored, attempt);
#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>

namespace haven::security {

class PasswordHasher {
 public:
  explicit PasswordHasher(std::size_t max_concurrent = 4);

  std::string hash(std::string_view password);
  bool verify(std::string_view stored_hash, std::string_view password);

  // Spends the same work as a real verification, for unknown accounts (no timing oracle).
  void verify_dummy(std::string_view password);

 private:
  class Slot;
  std::mutex mutex_;
  std::condition_variable available_;
  std::size_t free_slots_;
  std::string dummy_hash_;
};

}  // namespace haven::security
