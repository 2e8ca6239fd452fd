// A reading's audit entry, handed to the group commit instead of written in the reading's own
// transaction: the handler returns, the transport holds the answer until the entry has committed,
// and a failed commit turns the answer into an error (docs/architecture.md, "Readings are audited
// too"). Nothing read leaves without its entry durable.
//
//   HAVEN_TRY(ctx.store.read(...));
//   audit_deferred(ctx, awaiting, {now, actor.staff_id, "case.read", case_id, {}});
#pragma once

#include <utility>

#include "app/app_context.hpp"
#include "storage/pending_commit.hpp"
#include "storage/store.hpp"

namespace haven::app {

inline void audit_deferred(AppContext& ctx, storage::PendingCommits& awaiting, storage::AuditEntry entry) {
  awaiting.push_back(ctx.store.write_deferred(
      [entry = std::move(entry)](storage::WriteTransaction& tx) { return tx.audit().append(entry); }));
}

}  // namespace haven::app
