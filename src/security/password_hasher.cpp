#include "security/password_hasher.hpp"

#include <stdexcept>

#include <sodium.h>

namespace haven::security {
namespace {
// OWASP Password Storage Cheat Sheet, Argon2id: m = 19 MiB, t = 2, p = 1 (libsodium uses p = 1).
constexpr unsigned long long kOpsLimit = 2;
constexpr std::size_t kMemLimit = 19U * 1024U * 1024U;
}  // namespace

class PasswordHasher::Slot {
 public:
  explicit Slot(PasswordHasher& owner) : owner_(owner) {
    std::unique_lock lock(owner_.mutex_);
    owner_.available_.wait(lock, [this] { return owner_.free_slots_ > 0; });
    --owner_.free_slots_;
  }
  ~Slot() {
    {
      std::lock_guard lock(owner_.mutex_);
      ++owner_.free_slots_;
    }
    owner_.available_.notify_one();
  }
  Slot(const Slot&) = delete;
  Slot& operator=(const Slot&) = delete;

 private:
  PasswordHasher& owner_;
};

PasswordHasher::PasswordHasher(std::size_t max_concurrent) : free_slots_(max_concurrent == 0 ? 1 : max_concurrent) {
  dummy_hash_ = hash("haven-dummy-password-for-timing");
}

std::string PasswordHasher::hash(std::string_view password) {
  Slot slot(*this);
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOpsLimit, kMemLimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return out;
}

bool PasswordHasher::verify(std::string_view stored_hash, std::string_view password) {
  Slot slot(*this);
  const std::string terminated(stored_hash);  // libsodium reads a NUL-terminated string
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

void PasswordHasher::verify_dummy(std::string_view password) { (void)verify(dummy_hash_, password); }

}  // namespace haven::security
