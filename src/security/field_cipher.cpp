#include "security/field_cipher.hpp"

#include <charconv>
#include <vector>

#include <sodium.h>

#include "security/sealed_base64.hpp"

namespace haven::security {
namespace {

constexpr std::string_view kPrefix = "v1:";
constexpr std::string_view kCasePrefix = "c1:";
constexpr std::size_t kOverhead = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES;

std::string associated_data(const FieldPlace& place) {
  std::string ad;
  ad.reserve(place.table.size() + place.row_id.size() + place.field.size() + 2);
  ad.append(place.table).push_back('\0');
  ad.append(place.row_id).push_back('\0');
  ad.append(place.field);
  return ad;
}

const unsigned char* bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

tl::unexpected<Error> cannot_open(const FieldPlace& place, std::string_view why) {
  return fail_internal(ErrorCode::internal, "sealed field " + std::string(place.table) + "." + std::string(place.field) +
                                                " of " + std::string(place.row_id) + " cannot be opened: " + std::string(why));
}

}  // namespace

namespace {

// base64(nonce || ciphertext) of `plaintext` under `key`.
std::string seal_with(const KeyBytes& key, const FieldPlace& place, std::string_view plaintext) {
  const auto ad = associated_data(place);
  std::vector<unsigned char> sealed(plaintext.size() + kOverhead);
  unsigned char* nonce = sealed.data();
  randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  unsigned long long length = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(sealed.data() + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &length,
                                             bytes(plaintext), plaintext.size(), bytes(ad), ad.size(), nullptr, nonce,
                                             key.data());
  std::string encoded(sodium_base64_encoded_len(sealed.size(), sodium_base64_VARIANT_ORIGINAL_NO_PADDING), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), sealed.data(), sealed.size(),
                    sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
  encoded.pop_back();
  return encoded;
}

Result<std::string> open_with(const KeyBytes& key, const FieldPlace& place, std::string_view encoded) {
  std::vector<unsigned char> sealed(encoded.size() * 3 / 4 + 3);
  const auto decoded = decode_sealed_base64(encoded, sealed.data());
  if (!decoded || *decoded < kOverhead) return cannot_open(place, "damaged");
  const std::size_t length = *decoded;
  const auto ad = associated_data(place);
  std::string plain(length - kOverhead, '\0');
  unsigned long long plain_length = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(plain.data()), &plain_length, nullptr,
          sealed.data() + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, length - crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
          bytes(ad), ad.size(), sealed.data(), key.data()) != 0) {
    return cannot_open(place, "it does not authenticate (altered, moved, or another key)");
  }
  plain.resize(plain_length);
  return plain;
}

}  // namespace

std::string seal_field(const KeyRing& keys, const FieldPlace& place, std::string_view plaintext) {
  return seal_field(keys, keys.current_data_key_id(), place, plaintext);
}

std::string seal_field(const KeyRing& keys, std::uint32_t key_id, const FieldPlace& place, std::string_view plaintext) {
  const KeyBytes* key = keys.data_key(key_id);
  if (!key) throw std::logic_error("sealing under data key " + std::to_string(key_id) + ", which is not held");
  return std::string(kPrefix) + std::to_string(key_id) + ":" + seal_with(*key, place, plaintext);
}

std::string seal_case_field(const KeyBytes& case_key, const FieldPlace& place, std::string_view plaintext) {
  return std::string(kCasePrefix) + seal_with(case_key, place, plaintext);
}

bool sealed_under_case_key(std::string_view stored) { return stored.starts_with(kCasePrefix); }

std::optional<std::uint32_t> sealed_key_id(std::string_view stored) {
  if (!stored.starts_with(kPrefix)) return std::nullopt;
  stored.remove_prefix(kPrefix.size());
  std::uint32_t id = 0;
  const auto [end, ec] = std::from_chars(stored.data(), stored.data() + stored.size(), id);
  if (ec != std::errc{} || end == stored.data() + stored.size() || *end != ':') return std::nullopt;
  return id;
}

Result<std::string> open_field(const KeyRing& keys, const FieldPlace& place, std::string_view stored,
                               const KeyBytes* case_key) {
  if (sealed_under_case_key(stored)) {
    if (!case_key) return cannot_open(place, "its case has no key (erased)");
    return open_with(*case_key, place, stored.substr(kCasePrefix.size()));
  }
  const auto id = sealed_key_id(stored);
  if (!id) return std::string(stored);  // from before encryption at rest; `haven keys reencrypt` seals it
  const KeyBytes* key = keys.data_key(*id);
  if (!key) return cannot_open(place, "its key " + std::to_string(*id) + " is not in the key file");
  return open_with(*key, place, stored.substr(stored.find(':', kPrefix.size()) + 1));
}

}  // namespace haven::security
