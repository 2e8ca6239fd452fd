#include "security/key_ring.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
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
  ring.data_.push_back({1, random_key()});
  return ring;
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
  text << kHeader << "audit " << encode(audit_) << "\nindex " << encode(index_) << "\n";
  for (const auto& k : data_) text << "data " << k.id << " " << encode(k.key) << "\n";
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

const KeyBytes* KeyRing::data_key(std::uint32_t id) const {
  for (const auto& k : data_) {
    if (k.id == id) return &k.key;
  }
  return nullptr;
}

std::uint32_t KeyRing::add_data_key() {
  data_.push_back({data_.back().id + 1, random_key()});
  return data_.back().id;
}

std::vector<std::uint32_t> KeyRing::data_key_ids() const {
  std::vector<std::uint32_t> ids;
  for (const auto& k : data_) ids.push_back(k.id);
  return ids;
}

bool KeyRing::retire_data_key(std::uint32_t id) {
  if (id == current_data_key_id()) return false;
  const auto found = std::find_if(data_.begin(), data_.end(), [id](const DataKey& k) { return k.id == id; });
  if (found == data_.end()) return false;
  // Moved to the end and wiped there: erasing in place would shift the keys after it down and leave
  // a copy of the last one beyond the vector's end, where the destructor does not wipe.
  std::rotate(found, found + 1, data_.end());
  sodium_memzero(data_.back().key.data(), data_.back().key.size());
  data_.pop_back();
  return true;
}

std::filesystem::path default_key_file(const std::filesystem::path& data_dir) {
  auto folder = data_dir;
  while (folder.has_filename() == false && folder.has_parent_path() && folder != folder.parent_path()) {
    folder = folder.parent_path();  // "/var/lib/haven/" -> "/var/lib/haven"
  }
  return std::filesystem::path(folder.string() + ".key");
}

}  // namespace haven::security
