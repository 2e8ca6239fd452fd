// What a backup says about itself, and the checks a copy of the database passes before anyone relies
// on it (`haven backup verify`, and `haven restore` before it replaces anything). The manifest holds
// no personal data: versions, a time, counts, the audit chain's latest hash and the copy's digest.
// Every field of the copy is already sealed, so the backup reveals nothing without the key file.
//
//   auto facts = facts_of(*copy_store);                        // read from the copy itself
//   BackupManifest m = manifest_for(*facts, "sqlite", clock.now(), bytes, digest);
//   std::string json = encode_manifest(m);
//   auto problems = check_copy(*copy_store, keys, *decode_manifest(json), integrity_report);
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/audit_log.hpp"
#include "common/clock.hpp"
#include "common/error.hpp"
#include "security/key_ring.hpp"
#include "storage/store.hpp"

namespace haven::app {

// The archive's members, in this order.
inline constexpr std::string_view kManifestMember = "manifest.json";
inline constexpr std::string_view kSqliteMember = "haven.db";
inline constexpr std::size_t kLargestManifest = 64 * 1024;

// What a database copy holds, read from it in one snapshot.
struct CopyFacts {
  int schema_version = 0;
  std::string audit_head;  // the latest audit entry's hash, "" before any
  std::int64_t cases = 0;
  std::int64_t records = 0;
};

struct BackupManifest {
  static constexpr int kFormat = 1;
  int format = kFormat;
  std::string haven_version;
  std::string backend;  // "sqlite"
  Timestamp created_at{};
  CopyFacts facts;
  std::string payload;  // the member holding the database copy
  std::int64_t payload_bytes = 0;
  std::string payload_blake2b;  // hex
};

Result<CopyFacts> facts_of(storage::Store& copy);

std::string encode_manifest(const BackupManifest& manifest);
// A manifest as written by encode_manifest; anything else (a later format, a missing field) refused.
Result<BackupManifest> decode_manifest(std::string_view json);

// What is wrong with a copy, each a line in English and Vietnamese; none: it may be relied on.
// `integrity` is SQLite's integrity_check report of the copy ("ok" when sound); the audit chain is
// verified with the key file, and the copy's facts are set against the manifest's.
struct CopyCheck {
  std::vector<std::string> problems;
  AuditVerification audit;
};
Result<CopyCheck> check_copy(storage::Store& copy, const security::KeyRing& keys, const BackupManifest& manifest,
                             std::string_view integrity, FunctionRef<void(std::int64_t)> audit_progress);

}  // namespace haven::app
