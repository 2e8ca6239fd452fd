#include "security/key_ring.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <mutex>
#include <sstream>

#include <sodium.h>

namespace haven::security {
namespace {

constexpr std::string_view kHeader =
    "# Haven key file. Keep it outside the data folder, readable only by the Haven service account,\n"
    "# and back it up apart from the data: without it the case files cannot be read.\n";

KeyBytes random_key() {
  KeyBytes key{};
  randombytes_buf(key.data(), key.size());
  return key;
}

std::string encode(const KeyBytes& key) {
  std::string out(sodium_base64_encoded_len(key.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), key.data(), key.size(), sodium_base64_VARIANT_ORIGINAL);
  out.pop_back();  // the terminating NUL
  return out;
}

bool decode(std::string_view text, KeyBytes& key) {
  std::size_t length = 0;
  return sodium_base642bin(key.data(), key.size(), text.data(), text.size(), nullptr, &length, nullptr,
                           sodium_base64_VARIANT_ORIGINAL) == 0 &&
         length == key.size();
}

tl::unexpected<Error> key_file_error(const std::filesystem::path& file, const std::string& why) {
  return fail_internal(ErrorCode::unavailable, "key file " + file.string() + ": " + why);
}

}  // namespace

KeyRing KeyRing::generate() {
  KeyRing ring;
  ring.audit_ = random_key();
  ring.index_ = random_key();
  ring.data_.push_back({1, random_key(), false});
  return ring;
}

KeyRing::KeyRing(const KeyRing& other) {
  std::shared_lock lock(other.mutex_);
  audit_ = other.audit_;
  index_ = other.index_;
  data_ = other.data_;
}

KeyRing& KeyRing::operator=(const KeyRing& other) {
  if (this == &other) return *this;
  std::scoped_lock lock(mutex_, other.mutex_);
  audit_ = other.audit_;
  index_ = other.index_;
  for (auto& k : data_) sodium_memzero(k.key.data(), k.key.size());
  data_ = other.data_;
  return *this;
}

KeyRing::~KeyRing() {
  sodium_memzero(audit_.data(), audit_.size());
  sodium_memzero(index_.data(), index_.size());
  for (auto& k : data_) sodium_memzero(k.key.data(), k.key.size());
}

Result<KeyRing> KeyRing::load(const std::filesystem::path& file) {
  struct stat info {};
  if (::stat(file.c_str(), &info) != 0) return key_file_error(file, "not found");
  if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    return key_file_error(file, "others may read it; chmod 600 it first");
  }
  std::ifstream in(file);
  if (!in) return key_file_error(file, "cannot be read");
  KeyRing ring;
  bool audit = false;
  bool index = false;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line.front() == '#') continue;
    std::istringstream words(line);
    std::string kind;
    std::string value;
    words >> kind;
    const auto bad = [&] { return key_file_error(file, "line " + std::to_string(number) + " is not a key"); };
    if (kind == "audit" || kind == "index") {
      words >> value;
      if (!decode(value, kind == "audit" ? ring.audit_ : ring.index_)) return bad();
      (kind == "audit" ? audit : index) = true;
    } else if (kind == "data") {
      DataKey key;
      words >> key.id >> value;
      if (!words || key.id == 0 || !decode(value, key.key)) return bad();
      if (!ring.data_.empty() && key.id <= ring.data_.back().id) return bad();  // IDs only grow
      ring.data_.push_back(key);
    } else {
      return bad();
    }
  }
  if (!audit || !index || ring.data_.empty()) return key_file_error(file, "a key is missing");
  return ring;
}

Result<void> KeyRing::save(const std::filesystem::path& file) const {
  std::ostringstream text;
  {
    std::shared_lock lock(mutex_);
    text << kHeader << "audit " << encode(audit_) << "\nindex " << encode(index_) << "\n";
    for (const auto& k : data_) {
      if (!k.retired) text << "data " << k.id << " " << encode(k.key) << "\n";
    }
  }
  const auto temporary = std::filesystem::path(file.string() + ".tmp");
  const mode_t previous = ::umask(077);
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << text.str();
    out.flush();
    if (!out) {
      ::umask(previous);
      return key_file_error(temporary, "cannot be written");
    }
  }
  ::umask(previous);
  std::error_code ec;
  std::filesystem::permissions(temporary, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::replace, ec);
  if (!ec) std::filesystem::rename(temporary, file, ec);
  if (ec) return key_file_error(file, ec.message());
  return {};
}

const KeyRing::DataKey* KeyRing::newest() const {
  for (auto k = data_.rbegin(); k != data_.rend(); ++k) {
    if (!k->retired) return &*k;
  }
  return nullptr;
}

std::uint32_t KeyRing::current_data_key_id() const {
  std::shared_lock lock(mutex_);
  return newest()->id;
}

const KeyBytes& KeyRing::current_data_key() const {
  std::shared_lock lock(mutex_);
  return newest()->key;
}

const KeyBytes* KeyRing::data_key(std::uint32_t id) const {
  std::shared_lock lock(mutex_);
  for (const auto& k : data_) {
    if (k.id == id) return k.retired ? nullptr : &k.key;
  }
  return nullptr;
}

std::uint32_t KeyRing::add_data_key() {
  std::unique_lock lock(mutex_);
  data_.push_back({data_.back().id + 1, random_key(), false});
  return data_.back().id;
}

std::vector<std::uint32_t> KeyRing::data_key_ids() const {
  std::shared_lock lock(mutex_);
  std::vector<std::uint32_t> ids;
  for (const auto& k : data_) {
    if (!k.retired) ids.push_back(k.id);
  }
  return ids;
}

bool KeyRing::retire_data_key(std::uint32_t id) {
  std::unique_lock lock(mutex_);
  if (id == newest()->id) return false;
  const auto found = std::find_if(data_.begin(), data_.end(), [id](const DataKey& k) { return k.id == id && !k.retired; });
  if (found == data_.end()) return false;
  sodium_memzero(found->key.data(), found->key.size());
  found->retired = true;
  return true;
}

Result<bool> KeyRing::reload(const std::filesystem::path& file) {
  HAVEN_ASSIGN_OR_RETURN(auto now, load(file));
  if (now.audit_ != audit_ || now.index_ != index_) {
    return key_file_error(file, "its audit or index key is not the one this server started with");
  }
  std::unique_lock lock(mutex_);
  bool changed = false;
  for (const auto& k : now.data_) {
    const auto held = std::find_if(data_.begin(), data_.end(), [&](const DataKey& h) { return h.id == k.id; });
    if (held == data_.end()) {
      if (k.id <= data_.back().id) return key_file_error(file, "data key " + std::to_string(k.id) + " is older than the keys held");
      data_.push_back(k);
      changed = true;
    } else if (!held->retired && held->key != k.key) {
      return key_file_error(file, "data key " + std::to_string(k.id) + " is not the one this server holds");
    }
  }
  for (auto& held : data_) {
    const bool kept = std::any_of(now.data_.begin(), now.data_.end(), [&](const DataKey& k) { return k.id == held.id; });
    if (!kept && !held.retired && &held != newest()) {
      sodium_memzero(held.key.data(), held.key.size());
      held.retired = true;
      changed = true;
    }
  }
  return changed;
}

std::filesystem::path default_key_file(const std::filesystem::path& data_dir) {
  auto folder = data_dir;
  while (folder.has_filename() == false && folder.has_parent_path() && folder != folder.parent_path()) {
    folder = folder.parent_path();  // "/var/lib/haven/" -> "/var/lib/haven"
  }
  return std::filesystem::path(folder.string() + ".key");
}

}  // namespace haven::security
