// What every use case needs: the store, the clock and the password hasher, plus the session policy and
// the deployment's standards parameters.
// Built once at start and passed by reference; holds no per-request state.
#pragma once

#include <chrono>

#include "common/clock.hpp"
#include "security/password_hasher.hpp"
#include "standards/parameters.hpp"
#include "storage/store.hpp"

namespace haven::app {

struct SessionPolicy {
  std::chrono::seconds idle_timeout{15 * 60};        // a session ends after 15 minutes without activity
  std::chrono::seconds absolute_timeout{12 * 3600};  // and after 12 hours in all
  std::chrono::seconds touch_interval{60};           // last-seen is written at most once a minute
};

struct AppContext {
  storage::Store& store;
  const Clock& clock;
  security::PasswordHasher& hasher;
  SessionPolicy sessions{};
  standards::Parameters standards = standards::Parameters::defaults();  // this deployment's deadlines
};

}  // namespace haven::app
