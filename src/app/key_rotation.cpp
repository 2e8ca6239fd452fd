#include "app/key_rotation.hpp"

#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>

#include <spdlog/spdlog.h>

#include "security/random.hpp"

namespace haven::app {
namespace {

constexpr int kPage = 500;
// The case keys first: the cases' fields that need a key of their own get one already wrapped by the
// current data key.
constexpr storage::SealedTable kTables[] = {storage::SealedTable::case_keys, storage::SealedTable::cases,
                                             storage::SealedTable::case_records, storage::SealedTable::centre_records,
                                             storage::SealedTable::second_factors, storage::SealedTable::drafts};

}  // namespace

Result<ResealProgress> reseal_all(storage::Store& store, FunctionRef<void(const ResealProgress&)> progress) {
  ResealProgress state;
  for (const auto table : kTables) {
    HAVEN_ASSIGN_OR_RETURN(auto counted, storage::read_value<std::int64_t>(store, [&](storage::ReadTransaction& tx) { return tx.keys().count_rows(table); }));
    state.total += counted;
  }
  progress(state);
  for (const auto table : kTables) {
    std::string after;
    for (;;) {
      storage::ResealPage page;
      HAVEN_TRY(store.write([&](storage::WriteTransaction& tx) -> Result<void> {
        HAVEN_ASSIGN_OR_RETURN(auto r, tx.keys().reseal_page(table, after, kPage));
        page = std::move(r);
        return {};
      }));
      state.done += page.rows;
      state.resealed += page.resealed;
      progress(state);
      if (page.rows < kPage) break;
      after = page.last_id;
    }
  }
  return state;
}

Result<std::optional<std::uint32_t>> named_sealing_key(storage::Store& store) {
  return storage::read_value<std::optional<std::uint32_t>>(store, [](storage::ReadTransaction& tx) { return tx.keys().sealing(); });
}

Result<KeyRetirement> retire_unused_data_keys(storage::Store& store, security::KeyRing& keys) {
  KeyRetirement out;
  HAVEN_ASSIGN_OR_RETURN(auto named, named_sealing_key(store));
  // Only keys older than the one every write seals under: a newer one awaits its switch.
  const std::uint32_t sealing = named.value_or(keys.current_data_key_id());
  for (const auto id : keys.data_key_ids()) {
    if (id >= sealing) continue;
    HAVEN_ASSIGN_OR_RETURN(auto used, storage::read_value<std::int64_t>(store, [&](storage::ReadTransaction& tx) { return tx.keys().count_sealed_under(id); }));
    if (used > 0) {
      out.still_used.emplace_back(id, used);
    } else if (keys.retire_data_key(id)) {
      out.retired.push_back(id);
    }
  }
  return out;
}

Result<std::vector<storage::ServerPresence>> servers_without(storage::Store& store, const Clock& clock,
                                                             std::uint32_t key_id) {
  auto servers = storage::read_value<std::vector<storage::ServerPresence>>(
      store, [&](storage::ReadTransaction& tx) { return tx.servers().list(clock.now() - kPresenceLife); });
  if (!servers) return servers;
  std::erase_if(*servers, [&](const storage::ServerPresence& s) {
    return std::find(s.data_keys.begin(), s.data_keys.end(), key_id) != s.data_keys.end();
  });
  return servers;
}

Result<void> switch_sealing_key(storage::Store& store, const Clock& clock, std::uint32_t key_id,
                                std::chrono::seconds timeout,
                                FunctionRef<void(const std::vector<storage::ServerPresence>&)> waiting) {
  // Waited for on the wall clock: the servers say where they are on theirs, once a second.
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::vector<std::string> last_told;
  for (;;) {
    HAVEN_ASSIGN_OR_RETURN(auto missing, servers_without(store, clock, key_id));
    if (missing.empty()) break;
    std::vector<std::string> ids;
    for (const auto& s : missing) ids.push_back(s.id);
    if (ids != last_told) waiting(missing);
    last_told = std::move(ids);
    if (std::chrono::steady_clock::now() >= deadline) {
      std::string names;
      for (const auto& s : missing) names += (names.empty() ? "" : ", ") + s.host + " (process " + std::to_string(s.pid) + ")";
      return fail_internal(ErrorCode::unavailable, "these servers have not read data key " + std::to_string(key_id) +
                                                       " from their key file: " + names);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds{200});
  }
  return store.write([&](storage::WriteTransaction& tx) { return tx.keys().set_sealing(key_id); });
}

Result<std::uint32_t> key_to_rotate_to(storage::Store& store, security::KeyRing& keys,
                                       const std::filesystem::path& key_file) {
  HAVEN_ASSIGN_OR_RETURN(auto named, named_sealing_key(store));
  const std::uint32_t newest = keys.current_data_key_id();
  if (named && newest > *named) return newest;  // added by a rotation that stopped before its switch
  if (!named) {
    // Until now every server sealed under the newest key of its file: pinned first, or a server that
    // read the file again would seal under the new key before the others hold it.
    HAVEN_TRY(store.write([&](storage::WriteTransaction& tx) { return tx.keys().set_sealing(newest); }));
  }
  // The new key is in the file before any server could be asked to use it.
  const auto added = keys.add_data_key();
  HAVEN_TRY(keys.save(key_file));
  return added;
}

Result<void> check_sealing_key_held(storage::Store& store, const security::KeyRing& keys) {
  HAVEN_ASSIGN_OR_RETURN(auto named, named_sealing_key(store));
  if (named && !keys.data_key(*named)) {
    return fail_internal(ErrorCode::unavailable, "the database seals under data key " + std::to_string(*named) +
                                                     ", which this key file does not hold: copy the key file from where "
                                                     "`haven keys rotate` ran");
  }
  return {};
}

ServerPresenceLoop::ServerPresenceLoop(storage::Store& store, security::KeyRing& keys, std::filesystem::path key_file,
                                       const Clock& clock)
    : store_(store), keys_(keys), key_file_(std::move(key_file)), clock_(clock) {
  char host[256] = {};
  (void)::gethostname(host, sizeof host - 1);
  self_ = {security::new_record_id(), host, static_cast<std::int64_t>(::getpid()), clock_.now(), clock_.now(), {}};
  beat();  // said before the first request is served
  thread_ = std::jthread([this](std::stop_token stop) {
    std::mutex mutex;
    std::condition_variable_any wake;
    while (!stop.stop_requested()) {
      std::unique_lock lock(mutex);
      if (wake.wait_for(lock, stop, kPresenceInterval, [] { return false; })) break;
      if (stop.stop_requested()) break;
      beat();
    }
  });
}

ServerPresenceLoop::~ServerPresenceLoop() {
  thread_.request_stop();
  if (thread_.joinable()) thread_.join();
  if (auto gone = store_.write([&](storage::WriteTransaction& tx) { return tx.servers().remove(self_.id); }); !gone) {
    spdlog::warn("could not remove this server's presence: {}", gone.error().log_detail);
  }
}

void ServerPresenceLoop::beat() {
  // The key file read again (a few hundred bytes): a rotation on this machine, or a copy from another.
  if (auto reloaded = keys_.reload(key_file_); !reloaded) {
    spdlog::error("could not read the key file again: {}", reloaded.error().log_detail);
  } else if (*reloaded) {
    spdlog::info(R"({{"event":"key_file_reloaded","data_keys":{}}})", keys_.data_key_ids().size());
  }
  self_.seen_at = clock_.now();
  self_.data_keys = keys_.data_key_ids();
  if (auto said = store_.write([&](storage::WriteTransaction& tx) { return tx.servers().put(self_); }); !said) {
    spdlog::warn("could not say which keys this server holds: {}", said.error().log_detail);
  }
}

}  // namespace haven::app
