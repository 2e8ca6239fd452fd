#include "security/key_export.hpp"

#include <array>
#include <cstring>
#include <new>

#include <sodium.h>

namespace haven::security {
namespace {

constexpr std::string_view kMagic = "HAVEN-KEY-EXPORT-1\n";
constexpr std::size_t kSalt = crypto_pwhash_SALTBYTES;
constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kKey = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;
constexpr std::size_t kHeader = kMagic.size() + kSalt + 8 + 8 + kNonce;

void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
std::uint64_t get_u64(std::string_view in) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(in[static_cast<std::size_t>(i)]);
  return v;
}
const unsigned char* bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

// The passphrase stretched into the sealing key; false when libsodium cannot (out of memory).
bool stretch(std::array<unsigned char, kKey>& key, std::string_view passphrase, std::string_view salt, StretchCost cost) {
  return crypto_pwhash(key.data(), key.size(), passphrase.data(), passphrase.size(), bytes(salt), cost.operations,
                       cost.memory_bytes, crypto_pwhash_ALG_ARGON2ID13) == 0;
}

}  // namespace

StretchCost moderate_stretch_cost() { return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE}; }
StretchCost least_stretch_cost() { return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN}; }

std::string wrap_key_file(std::string_view key_file_bytes, std::string_view passphrase) {
  return wrap_key_file(key_file_bytes, passphrase, moderate_stretch_cost());
}

std::string wrap_key_file(std::string_view key_file_bytes, std::string_view passphrase, StretchCost cost) {
  std::string out(kMagic);
  std::array<unsigned char, kSalt> salt{};
  randombytes_buf(salt.data(), salt.size());
  out.append(reinterpret_cast<const char*>(salt.data()), salt.size());
  put_u64(out, cost.operations);
  put_u64(out, cost.memory_bytes);
  std::array<unsigned char, kNonce> nonce{};
  randombytes_buf(nonce.data(), nonce.size());
  out.append(reinterpret_cast<const char*>(nonce.data()), nonce.size());
  std::array<unsigned char, kKey> key{};
  sodium_mlock(key.data(), key.size());
  if (!stretch(key, passphrase, std::string_view(out).substr(kMagic.size(), kSalt), cost)) {
    sodium_munlock(key.data(), key.size());
    throw std::bad_alloc();  // Argon2id's memory could not be had: nothing can be written
  }
  const std::size_t header = out.size();
  out.resize(header + key_file_bytes.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
  unsigned long long sealed = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(reinterpret_cast<unsigned char*>(out.data() + header), &sealed,
                                             bytes(key_file_bytes), key_file_bytes.size(), bytes(out), header, nullptr,
                                             nonce.data(), key.data());
  sodium_munlock(key.data(), key.size());  // wipes it too
  out.resize(header + sealed);
  return out;
}

Result<std::string> unwrap_key_file(std::string_view wrapped, std::string_view passphrase) {
  if (wrapped.size() < kHeader + crypto_aead_xchacha20poly1305_ietf_ABYTES || wrapped.substr(0, kMagic.size()) != kMagic) {
    return fail(ErrorCode::validation_failed, "file", "validation.key_export_format");
  }
  const auto salt = wrapped.substr(kMagic.size(), kSalt);
  const StretchCost cost{get_u64(wrapped.substr(kMagic.size() + kSalt, 8)),
                         static_cast<std::size_t>(get_u64(wrapped.substr(kMagic.size() + kSalt + 8, 8)))};
  if (cost.operations < crypto_pwhash_OPSLIMIT_MIN || cost.operations > crypto_pwhash_OPSLIMIT_SENSITIVE ||
      cost.memory_bytes < crypto_pwhash_MEMLIMIT_MIN || cost.memory_bytes > crypto_pwhash_MEMLIMIT_SENSITIVE) {
    return fail(ErrorCode::validation_failed, "file", "validation.key_export_format");
  }
  const auto nonce = wrapped.substr(kMagic.size() + kSalt + 16, kNonce);
  std::array<unsigned char, kKey> key{};
  sodium_mlock(key.data(), key.size());
  if (!stretch(key, passphrase, salt, cost)) {
    sodium_munlock(key.data(), key.size());
    return fail_internal(ErrorCode::unavailable, "not enough memory to stretch the passphrase");
  }
  const auto sealed = wrapped.substr(kHeader);
  std::string plain(sealed.size() - crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  unsigned long long opened = 0;
  const int rc = crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plain.data()), &opened,
                                                            nullptr, bytes(sealed), sealed.size(), bytes(wrapped),
                                                            kHeader, bytes(nonce), key.data());
  sodium_munlock(key.data(), key.size());
  if (rc != 0) {
    sodium_memzero(plain.data(), plain.size());
    return fail(ErrorCode::validation_failed, "passphrase", "validation.key_export_passphrase");
  }
  plain.resize(opened);
  return plain;
}

}  // namespace haven::security
