// What every use case needs: the store, the clock and the password hasher, plus the session policy,
// the deployment's standards parameters and the centres' standings held between readings.
// Built once at start and passed by reference; holds no per-request state.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <vector>

#include "app/busy_sign_ins.hpp"
#include "app/standing_cache.hpp"
#include "common/clock.hpp"
#include "security/key_ring.hpp"
#include "security/password_hasher.hpp"
#include "standards/parameters.hpp"
#include "storage/store.hpp"

namespace haven::app {

struct SessionPolicy {
  std::chrono::seconds idle_timeout{15 * 60};        // a session ends after 15 minutes without activity
  std::chrono::seconds absolute_timeout{12 * 3600};  // and after 12 hours in all
  std::chrono::seconds touch_interval{60};           // last-seen is written at most once a minute
  // Failed sign-ins: at most this many per account in an hour, and per client address in the
  // window below (a shelter's staff may share one address, so it is not tighter than that).
  std::int64_t max_failures_per_account = 100;
  std::chrono::seconds account_window{3600};
  std::int64_t max_failures_per_address = 50;
  std::chrono::seconds address_window{15 * 60};
  // Wrong two-step codes after the right password, per account: few, over a long window, and not
  // forgiven by a success, so that someone holding the password cannot work through the codes
  // (three in a million per guess) between the owner's sign-ins.
  std::int64_t max_second_factor_failures = 10;
  std::chrono::seconds second_factor_window{24 * 3600};
  // Roles that must sign in with a second factor (app/second_factor.hpp); open to every other role.
  std::vector<domain::Role> second_factor_roles{domain::Role::administrator, domain::Role::centre_head};
};

inline constexpr std::int64_t kDefaultMaxCaseBytes = 4 * 1024 * 1024;

struct AppContext {
  storage::Store& store;
  const Clock& clock;
  security::PasswordHasher& hasher;
  SessionPolicy sessions{};
  standards::Parameters standards = standards::Parameters::defaults();  // this deployment's deadlines
  // The key file, for checking the audit log's chain from the API; the store holds its own reference.
  const security::KeyRing* keys = nullptr;
  // The most bytes of records one case may hold (their plain JSON): a reading opens the whole file,
  // so a file without bound would stall every reading of it. Records past it are refused (413).
  std::int64_t max_case_bytes = kDefaultMaxCaseBytes;
  // Shared by the copies of a context (the server's handlers and its start-up reading).
  std::shared_ptr<StandingCache> standing_cache = std::make_shared<StandingCache>();
  std::shared_ptr<BusySignIns> busy_sign_ins = std::make_shared<BusySignIns>();
};

}  // namespace haven::app
