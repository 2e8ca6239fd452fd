// Argon2id password hashing through libsodium, at OWASP's recommended cost (19 MiB, 2 passes), on a
// small pool of threads of its own with a bounded queue. A hash takes tens of milliseconds of a whole
// core: done on the request workers, a flood of sign-ins (each under its own limit) held every worker
// and slowed every other route. Here the hashing threads run at a lower priority than the request
// threads, and past the queue a sign-in is told at once that the server is busy (try_verify answers
// nothing), so the rest of the service is untouched.
//
//   PasswordHasher hasher;                                     // threads: half the cores, at least one
//   std::string stored = hasher.hash("correct horse battery staple");   // waits its turn, however long
//   if (auto ok = hasher.try_verify(stored, attempt)) ... *ok ...        // nullopt: the queue is full
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace haven::security {

struct HasherOptions {
  std::size_t threads = 0;        // 0: half the cores, at least one (the other half serves requests)
  std::size_t queue_per_thread = 8;  // verifications waiting for a thread; beyond them, busy
  int nice = 10;                  // the hashing threads' priority below the request threads (Linux)
};

class PasswordHasher {
 public:
  explicit PasswordHasher(HasherOptions options = {});
  ~PasswordHasher();
  PasswordHasher(const PasswordHasher&) = delete;
  PasswordHasher& operator=(const PasswordHasher&) = delete;

  // For making and changing passwords: waits for its turn however long the queue.
  std::string hash(std::string_view password);
  bool verify(std::string_view stored_hash, std::string_view password);

  // A place among the sign-ins whose password may be waiting to be checked (the hashing threads and
  // their queue), taken before anything else is done for the sign-in, or nullopt at once: a flood past
  // the queue then costs each attempt one comparison, and no write. Given back when destroyed.
  class Admission {
   public:
    Admission(Admission&& other) noexcept : hasher_(std::exchange(other.hasher_, nullptr)) {}
    Admission(const Admission&) = delete;
    Admission& operator=(const Admission&) = delete;
    Admission& operator=(Admission&&) = delete;
    ~Admission() {
      if (hasher_) hasher_->admitted_.fetch_sub(1);
    }

   private:
    friend class PasswordHasher;
    explicit Admission(PasswordHasher* hasher) : hasher_(hasher) {}
    PasswordHasher* hasher_;
  };
  std::optional<Admission> admit();

  // For sign-in: the verification, or nullopt at once when the queue is full (the caller answers busy).
  std::optional<bool> try_verify(std::string_view stored_hash, std::string_view password);
  // The same work as a real verification, for an unknown account (no timing oracle); nullopt when busy.
  std::optional<bool> try_verify_dummy(std::string_view password);

  std::size_t threads() const { return threads_.size(); }

 private:
  struct Job;
  // Runs `work` on a hashing thread and waits for it; false when `bounded` and the queue is full.
  bool run(const std::function<void()>& work, bool bounded);
  void serve();

  std::mutex mutex_;
  std::condition_variable wake_;      // a hashing thread: work has arrived
  std::condition_variable finished_;  // a caller: its work is done
  std::deque<Job*> queue_;
  std::size_t max_queued_;
  std::atomic<std::size_t> admitted_{0};
  bool stopping_ = false;
  std::vector<std::thread> threads_;
  std::string dummy_hash_;
};

}  // namespace haven::security
