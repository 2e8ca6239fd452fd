// Checking the audit log: its hash chain (`haven audit verify`) and who opened which cases in a
// period (`haven audit exposure`, for a breach notice within 72 hours).
//
//   auto check = verify_audit_log(store, keys, [](std::int64_t n) { /* progress */ });
//   if (check && check->first_bad_id) ...   // names the first entry that does not fit
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/function_ref.hpp"
#include "security/key_ring.hpp"
#include "storage/store.hpp"

namespace haven::app {

enum class AuditProblem {
  none,
  altered,              // the entry's content or hash was changed, or it was inserted without the key
  broken_link,          // it does not follow the entry before it: one was deleted, inserted or moved
  unchained_in_chain,   // an entry without a hash after the chain began
  last_entries_missing, // the chain ends before the latest hash the database recorded
};

struct AuditVerification {
  std::int64_t chained = 0;    // entries checked in the chain
  std::int64_t unchained = 0;  // written before the chain began (schema version 5)
  AuditProblem problem = AuditProblem::none;
  std::optional<std::int64_t> first_bad_id;  // the entry where it goes wrong
};

// Reads the whole log in one snapshot, a page at a time; `progress` hears the count so far.
Result<AuditVerification> verify_audit_log(storage::Store& store, const security::KeyRing& keys,
                                           FunctionRef<void(std::int64_t)> progress);

}  // namespace haven::app
