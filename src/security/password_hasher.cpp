#include "security/password_hasher.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <exception>
#include <stdexcept>

#include <sodium.h>

namespace haven::security {
namespace {

// OWASP Password Storage Cheat Sheet, Argon2id: m = 19 MiB, t = 2, p = 1 (libsodium uses p = 1).
constexpr unsigned long long kOpsLimit = 2;
constexpr std::size_t kMemLimit = 19U * 1024U * 1024U;

std::size_t thread_count(std::size_t asked) {
  if (asked > 0) return asked;
  const unsigned cores = std::thread::hardware_concurrency();
  return std::max<std::size_t>(1, (cores == 0 ? 2 : cores) / 2);
}

bool verify_now(std::string_view stored_hash, std::string_view password) {
  const std::string terminated(stored_hash);  // libsodium reads a NUL-terminated string
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

}  // namespace

// One piece of work handed to a hashing thread, with its outcome for the waiting caller.
struct PasswordHasher::Job {
  const std::function<void()>* work = nullptr;
  bool done = false;
  std::exception_ptr error;
};

PasswordHasher::PasswordHasher(HasherOptions options) {
  const std::size_t count = thread_count(options.threads);
  max_queued_ = count * std::max<std::size_t>(1, options.queue_per_thread);
  for (std::size_t i = 0; i < count; ++i) {
    threads_.emplace_back([this, nice = options.nice] {
      // Below the request threads: a sign-in may wait, the rest of the service should not. A thread
      // of its own has its own nice value on Linux; where that fails the work is merely not lowered.
      if (nice > 0) (void)::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), nice);
      serve();
    });
  }
  char out[crypto_pwhash_STRBYTES];
  constexpr std::string_view kDummy = "haven-dummy-password-for-timing";
  if (crypto_pwhash_str_alg(out, kDummy.data(), kDummy.size(), kOpsLimit, kMemLimit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  dummy_hash_ = out;
}

PasswordHasher::~PasswordHasher() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& t : threads_) t.join();
}

void PasswordHasher::serve() {
  for (;;) {
    Job* job = nullptr;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left waiting
      job = queue_.front();
      queue_.pop_front();
    }
    try {
      (*job->work)();
    } catch (...) {
      job->error = std::current_exception();
    }
    {
      std::lock_guard lock(mutex_);
      job->done = true;
    }
    finished_.notify_all();
  }
}

bool PasswordHasher::run(const std::function<void()>& work, bool bounded) {
  Job job;
  job.work = &work;
  {
    std::unique_lock lock(mutex_);
    if (bounded && queue_.size() >= max_queued_) return false;
    queue_.push_back(&job);
    wake_.notify_one();
    finished_.wait(lock, [&job] { return job.done; });
  }
  if (job.error) std::rethrow_exception(job.error);
  return true;
}

std::string PasswordHasher::hash(std::string_view password) {
  std::string stored;
  run(
      [&] {
        char out[crypto_pwhash_STRBYTES];
        if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOpsLimit, kMemLimit,
                                  crypto_pwhash_ALG_ARGON2ID13) != 0) {
          throw std::runtime_error("out of memory while hashing a password");
        }
        stored = out;
      },
      false);
  return stored;
}

bool PasswordHasher::verify(std::string_view stored_hash, std::string_view password) {
  bool ok = false;
  run([&] { ok = verify_now(stored_hash, password); }, false);
  return ok;
}

std::optional<PasswordHasher::Admission> PasswordHasher::admit() {
  // As many as the queue holds: a job counts in it until a thread takes it, so more admitted could
  // find it full.
  std::size_t now = admitted_.load();
  do {
    if (now >= max_queued_) return std::nullopt;
  } while (!admitted_.compare_exchange_weak(now, now + 1));
  return Admission(this);
}

std::optional<bool> PasswordHasher::try_verify(std::string_view stored_hash, std::string_view password) {
  bool ok = false;
  if (!run([&] { ok = verify_now(stored_hash, password); }, true)) return std::nullopt;
  return ok;
}

std::optional<bool> PasswordHasher::try_verify_dummy(std::string_view password) {
  return try_verify(dummy_hash_, password);
}

}  // namespace haven::security
