#include "app/audit_log.hpp"

#include "security/audit_chain.hpp"

namespace haven::app {
namespace {

constexpr int kPage = 10000;

}  // namespace

Result<AuditVerification> verify_audit_log(storage::Store& store, const security::KeyRing& keys,
                                           FunctionRef<void(std::int64_t)> progress) {
  AuditVerification result;
  HAVEN_TRY(store.read([&](storage::ReadTransaction& tx) -> Result<void> {
    std::string previous;   // the hash the next entry must link to
    std::int64_t last_id = 0;
    for (;;) {
      HAVEN_ASSIGN_OR_RETURN(auto page, tx.audit().list_page(last_id, kPage));
      for (const auto& stored : page) {
        last_id = stored.id;
        if (stored.hash.empty()) {
          if (result.chained > 0) {
            result.problem = AuditProblem::unchained_in_chain;
            result.first_bad_id = stored.id;
            return {};
          }
          ++result.unchained;
          continue;
        }
        const auto& e = stored.entry;
        if (stored.prev_hash != previous) {
          result.problem = AuditProblem::broken_link;
          result.first_bad_id = stored.id;
          return {};
        }
        const auto expected = security::audit_link(
            keys.audit_key(), stored.prev_hash, {e.at.time_since_epoch().count(), e.actor_id, e.action, e.case_id, e.detail, e.subject_id});
        if (expected != stored.hash) {
          result.problem = AuditProblem::altered;
          result.first_bad_id = stored.id;
          return {};
        }
        previous = stored.hash;
        ++result.chained;
      }
      progress(result.chained + result.unchained);
      if (page.size() < static_cast<std::size_t>(kPage)) break;
    }
    HAVEN_ASSIGN_OR_RETURN(auto head, tx.audit().head());
    if (head != previous) {
      result.problem = AuditProblem::last_entries_missing;
      result.first_bad_id = last_id + 1;
    }
    return {};
  }));
  return result;
}

}  // namespace haven::app
