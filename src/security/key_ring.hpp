// The secrets Haven keeps outside its database, in one key file beside (never inside) the data
// folder, mode 0600: the key that chains the audit log, the key of the blind indexes that let names
// be searched without being stored, and the data keys that encrypt sensitive fields, each with an ID
// so that keys can rotate. A backup of the data folder alone reveals no case file.
//
//   auto keys = KeyRing::load("/var/lib/haven.key");     // refuses a file others may read
//   auto fresh = KeyRing::generate(); fresh.save(path);   // haven init
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
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

  KeyRing(const KeyRing& other) = default;
  KeyRing& operator=(const KeyRing& other) = default;
  ~KeyRing();

  const KeyBytes& audit_key() const { return audit_; }
  const KeyBytes& index_key() const { return index_; }
  std::uint32_t current_data_key_id() const { return data_.back().id; }
  const KeyBytes& current_data_key() const { return data_.back().key; }
  const KeyBytes* data_key(std::uint32_t id) const;  // null for an unknown ID
  std::uint32_t add_data_key();                      // rotation: a new current key; returns its ID
  std::vector<std::uint32_t> data_key_ids() const;   // oldest first; the last is the current key
  // Forgets an older key once nothing is sealed under it (app::retire_unused_data_keys checks);
  // false for the current key or an unknown ID.
  bool retire_data_key(std::uint32_t id);

 private:
  KeyRing() = default;
  struct DataKey {
    std::uint32_t id = 0;
    KeyBytes key{};
  };
  KeyBytes audit_{};
  KeyBytes index_{};
  std::vector<DataKey> data_;
};

// Where the key file is by default for a data folder: beside it, "<data>.key", so that copying the
// folder does not copy the key.
std::filesystem::path default_key_file(const std::filesystem::path& data_dir);

}  // namespace haven::security
