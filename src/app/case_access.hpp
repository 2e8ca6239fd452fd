// I.3.c on every route that touches a case file. A case is opened only by someone
// standards::case_access_of() admits (the staff on it; whoever received the person, until the first
// assignment; the centre head during a break-glass), and only once screened (III.1.b). A change is
// audited in the same transaction as the change; a reading's entry is committed before its answer
// leaves; a refusal writes nothing but its own audit entry, so that an inspector can see who tried.
//
//   auto r = read_case(ctx, actor, case_id, awaiting,
//                      [&](storage::ReadTransaction& tx, OpenCase& open) -> Result<void> { ... });
//   awaiting.front()->wait();          // before the answer leaves (the transport awaits it without a thread)
//   if (!r && r.error().clause == "I.3.c") ...   // 403: not on this case
//   auto w = with_case(ctx, actor, case_id, CaseUse::write,
//                      [&](storage::WriteTransaction& tx, OpenCase& open) -> Result<void> { ... });
#pragma once

#include <optional>
#include <string_view>

#include "app/actor.hpp"
#include "app/app_context.hpp"
#include "common/function_ref.hpp"
#include "domain/case_record.hpp"
#include "standards/case_history.hpp"
#include "standards/staff_guards.hpp"

namespace haven::app {

enum class CaseUse {
  read,    // reading the file and writing something of it (a release): audited as case.read
  write,   // changing it: the work writes its own audit entry
  manage,  // the centre head's decisions that read none of the file's content (who is on the case, a
           // disclosure she approves, a transfer, a break-glass): she need not be on the case
};

struct OpenCase {
  standards::CaseHistory history;
  std::optional<standards::CaseAccess> access = {};  // empty when a head manages a case she is not on
  std::optional<standards::StaffFacts> actor_facts = {};  // what the access check read of the actor, if it ran
  // Set by a work that kept `history` as the case now is (it appended the record it wrote): the
  // standing is then computed from it, without reading and opening the case a second time.
  bool history_current = false;
  // Set by a work that changes nothing the standing is computed from (a draft): the stored standing
  // stays; one computed from this transaction's reading could be older than a writer's that committed
  // meanwhile (PostgreSQL), and would overwrite it.
  bool file_unchanged = false;
};

// Optimistic concurrency for a change to the case itself: the version the user read must be current
// (version_conflict with the current version).
Result<void> require_version(const standards::CaseHistory& history, std::int64_t expected_version);

// What the standards know about the actor (screening, qualifications), from their own records only.
Result<standards::StaffFacts> staff_facts_of(storage::ReadTransaction& tx, const Actor& actor);
// The same, as the access check of `open` read them, or read now when no check ran (a centre head
// managing a case she is not on); kept in `open` for whatever the work asks next.
Result<const standards::StaffFacts*> actor_facts(storage::ReadTransaction& tx, OpenCase& open, const Actor& actor);

// The case of the centre with its records: not_found outside it, gone once erased.
Result<standards::CaseHistory> load_case_history(storage::ReadTransaction& tx, std::string_view centre_id,
                                                 std::string_view case_id);

Result<void> with_case(AppContext& ctx, const Actor& actor, std::string_view case_id, CaseUse use,
                       FunctionRef<Result<void>(storage::WriteTransaction&, OpenCase&)> work);

// Reading a case and nothing more: the file is opened and checked in a read snapshot (on SQLite a
// reader connection, in parallel with other readings), and the `case.read` entry (or, refused, the
// `case.access_denied` one) is handed to the store as a deferred write, added to `awaiting`. The
// answer must not leave before those commit: the HTTP layer holds it until then without holding a
// thread, and the single writer does only the audit, for many readings at once (docs/performance.md).
// What a reading is audited as: a reading of the file, or of one part of it that says which
// (document.open, "document=<id>"); a refusal is case.access_denied either way. Read once the work
// has run, so the work may say what it found.
struct CaseReading {
  std::string_view action = "case.read";
  std::string detail = {};
};
Result<void> read_case(AppContext& ctx, const Actor& actor, std::string_view case_id, storage::PendingCommits& awaiting,
                       FunctionRef<Result<void>(storage::ReadTransaction&, OpenCase&)> work,
                       const CaseReading& reading = {});

// After a staffing record (assignment, release, designation), who is on the case now, for the case
// list; `history` already holds the new record.
Result<void> refresh_case_staff(storage::WriteTransaction& tx, std::string_view case_id,
                                const standards::CaseHistory& history);

// The longest break-glass: long enough for an emergency visit, short enough to need a new reason.
inline constexpr int kMaxBreakGlassMinutes = 240;

// I.3.c: the centre head opens a case she is not on, for a written reason and `minutes` (1 to 240);
// the record stays in the case's history and shows on the case.
Result<domain::CaseRecord> break_glass(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                       std::string_view reason, int minutes);

}  // namespace haven::app
