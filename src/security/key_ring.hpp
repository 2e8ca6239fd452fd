// The secrets Haven keeps outside its database, in one key file beside (never inside) the data
// folder, mode 0600: the key that chains the audit log, the key of the blind indexes that let names
// be searched without being stored, and the data keys that encrypt sensitive fields, each with an ID
// so that keys can rotate. A backup of the data folder alone reveals no case file.
//
// A running server learns the keys another process added to the file, and forgets those it retired,
// without stopping (reload, from the presence loop of app/key_rotation.hpp): a key is held from the
// moment it is read until the process ends or it is retired, so that what a transaction looked up
// stays valid while it runs. Which key seals is the database's to say (storage: key_state), not the
// file's: every server learns a new key before anything is sealed under it.
//
//   auto keys = KeyRing::load("/var/lib/haven.key");     // refuses a file others may read
//   auto fresh = KeyRing::generate(); fresh.save(path);   // haven init
//   keys->reload(path);                                   // a rotation elsewhere added a key
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <shared_mutex>
#include <string>
#include <vector>

#include "common/error.hpp"

namespace haven::security {

inline constexpr std::size_t kKeySize = 32;
using KeyBytes = std::array<unsigned char, kKeySize>;

class KeyRing {
 public:
  static KeyRing generate();  // fresh random keys: a new deployment, or a test
  static Result<KeyRing> load(const std::filesystem::path& file);
  // Writes the file with mode 0600, through a temporary file renamed into place, so that a crash
  // leaves the old file or the new one, never half of one.
  Result<void> save(const std::filesystem::path& file) const;

  KeyRing(const KeyRing& other);
  KeyRing& operator=(const KeyRing& other);
  ~KeyRing();

  const KeyBytes& audit_key() const { return audit_; }
  const KeyBytes& index_key() const { return index_; }
  // The newest data key the file holds: what seals where the database names no sealing key yet.
  std::uint32_t current_data_key_id() const;
  const KeyBytes& current_data_key() const;
  const KeyBytes* data_key(std::uint32_t id) const;  // null for an unknown or retired ID; stays valid
  std::uint32_t add_data_key();                      // rotation: a new newest key; returns its ID
  std::vector<std::uint32_t> data_key_ids() const;   // oldest first; the last is the newest
  // Forgets an older key once nothing is sealed under it (app::retire_unused_data_keys checks);
  // false for the newest key or an unknown ID.
  bool retire_data_key(std::uint32_t id);
  // Takes in the file as it is now: keys added elsewhere are learned, keys retired elsewhere
  // forgotten. True when something changed; an error when the file cannot be read or its audit or
  // index key is not this ring's (another deployment's file), and then nothing changes.
  Result<bool> reload(const std::filesystem::path& file);

 private:
  KeyRing() = default;
  struct DataKey {
    std::uint32_t id = 0;
    KeyBytes key{};
    bool retired = false;  // wiped; kept in place so that no other key moves
  };
  const DataKey* newest() const;  // under the lock

  KeyBytes audit_{};
  KeyBytes index_{};
  // Every data key this process has held, by ID; a deque, so that adding one moves none of the others
  // a running transaction may be using.
  std::deque<DataKey> data_;
  mutable std::shared_mutex mutex_;
};

// Where the key file is by default for a data folder: beside it, "<data>.key", so that copying the
// folder does not copy the key.
std::filesystem::path default_key_file(const std::filesystem::path& data_dir);

}  // namespace haven::security
