// The audit log's hash chain: each entry carries the keyed hash (BLAKE2b, the key file's audit key)
// of its own content and of the entry before it. Editing, deleting, inserting or reordering an entry
// breaks the chain from that entry on, and without the key no one can forge a new chain.
//
//   std::string link = audit_link(keys.audit_key(), previous_hash, fields);
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "security/key_ring.hpp"

namespace haven::security {

struct AuditFields {
  std::int64_t at_seconds = 0;
  std::string_view actor_id;
  std::string_view action;
  std::string_view case_id;
  std::string_view detail;
  // The member of staff an entry is about, when not its actor (an account made, confirmed, disabled).
  // Hashed only when there is one, so that the entries written before it keep their hashes.
  std::string_view subject_id = {};
};

// 64 hex characters; the first entry's previous hash is "".
std::string audit_link(const KeyBytes& key, std::string_view previous_hash, const AuditFields& entry);

}  // namespace haven::security
