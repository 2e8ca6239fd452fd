#include "app/case_access.hpp"

#include <algorithm>

#include "app/case_standings.hpp"
#include "app/deferred_audit.hpp"
#include "app/permissions.hpp"
#include "app/server_record.hpp"
#include "common/iso_time.hpp"
#include "domain/text_rules.hpp"
#include "security/random.hpp"
#include "standards/team.hpp"

namespace haven::app {
namespace {

Error access_refused(const standards::GuardDecision& decision) {
  // 403, not 409: nothing the user can do to the case makes this allowed; the head must assign them.
  Error e = standards::refusal_error(decision);
  e.code = ErrorCode::forbidden;
  return e;
}

// Loads the case and checks that the actor may open it for `use`; a refusal is also put in `refused`,
// for its audit entry after the rollback.
// Whether the actor may learn that a case was erased, and when: the heads of its centre, who decide
// erasures, and the staff the audit log shows opened it. Anyone else is told nothing: 404, as for a
// case that never was, so that an ID tells a stranger nothing about the people a centre received.
Result<bool> may_know_of_erasure(storage::ReadTransaction& tx, const Actor& actor, std::string_view case_id) {
  if (role_may(actor.role, Action::erase_case)) return true;
  HAVEN_ASSIGN_OR_RETURN(auto entries, tx.audit().list_for_case(case_id));
  return std::any_of(entries.begin(), entries.end(), [&](const storage::AuditEntry& e) {
    return e.actor_id == actor.staff_id && e.action != "case.access_denied";
  });
}

Result<OpenCase> open_case(storage::ReadTransaction& tx, const Actor& actor, std::string_view case_id, CaseUse use,
                           Timestamp now, std::optional<Error>& refused) {
  auto history = load_case_history(tx, actor.centre_id, case_id);
  if (!history && history.error().code == ErrorCode::gone) {
    HAVEN_ASSIGN_OR_RETURN(auto knew, may_know_of_erasure(tx, actor, case_id));
    if (!knew) return fail(ErrorCode::not_found, {}, "error.case_not_found");
  }
  HAVEN_TRY(history);
  OpenCase open{.history = std::move(*history)};
  open.access = standards::case_access_of(open.history, actor.staff_id, now);
  const bool head_managing = use == CaseUse::manage && role_may(actor.role, Action::manage_case_staff);
  if (!head_managing) {
    HAVEN_ASSIGN_OR_RETURN(auto facts, staff_facts_of(tx, actor));
    open.actor_facts = std::move(facts);
    if (auto decision = standards::check_case_access(open.history, *open.actor_facts, now); !decision.allowed()) {
      refused = access_refused(decision);
      return tl::unexpected(*refused);
    }
  }
  return open;
}

Result<void> audit_refusal(AppContext& ctx, const Actor& actor, std::string_view case_id, const Error& refused,
                           Timestamp now) {
  return ctx.store.write([&](storage::WriteTransaction& tx) {
    return tx.audit().append({now, actor.staff_id, "case.access_denied", std::string(case_id), refused.clause});
  });
}

}  // namespace

Result<standards::StaffFacts> staff_facts_of(storage::ReadTransaction& tx, const Actor& actor) {
  HAVEN_ASSIGN_OR_RETURN(auto account, tx.staff().find(actor.staff_id));
  if (!account) return fail(ErrorCode::unauthenticated);
  HAVEN_ASSIGN_OR_RETURN(auto records, tx.centre_records().list(actor.centre_id, std::string_view(actor.staff_id)));
  const domain::StaffAccount accounts[] = {std::move(*account)};
  auto team = standards::team_of(accounts, records);
  return std::move(team.staff.front());
}

Result<const standards::StaffFacts*> actor_facts(storage::ReadTransaction& tx, OpenCase& open, const Actor& actor) {
  if (!open.actor_facts) {
    HAVEN_ASSIGN_OR_RETURN(open.actor_facts, staff_facts_of(tx, actor));
  }
  return &*open.actor_facts;
}

Result<standards::CaseHistory> load_case_history(storage::ReadTransaction& tx, std::string_view centre_id,
                                                 std::string_view case_id) {
  HAVEN_ASSIGN_OR_RETURN(auto file, tx.cases().find(centre_id, case_id));
  if (!file) return fail(ErrorCode::not_found, {}, "error.case_not_found");
  if (const auto& erasure = file->erasure) {
    // Said plainly rather than "not found": staff who knew the case should know it was erased, and when.
    Error e(ErrorCode::gone);
    e.message_key = "error.case_erased";
    e.with_arg("date", format_iso_date(date_of(erasure->at)));
    return tl::unexpected(e);
  }
  HAVEN_ASSIGN_OR_RETURN(auto records, tx.records().list(centre_id, case_id));
  return standards::CaseHistory{std::move(*file), std::move(records)};
}

Result<void> require_version(const standards::CaseHistory& history, std::int64_t expected_version) {
  if (history.file.version == expected_version) return {};
  Error e(ErrorCode::version_conflict);
  e.field = "version";
  e.current_version = history.file.version;
  return tl::unexpected(e);
}

Result<void> with_case(AppContext& ctx, const Actor& actor, std::string_view case_id, CaseUse use,
                       FunctionRef<Result<void>(storage::WriteTransaction&, OpenCase&)> work) {
  if (auto allowed = require(actor, Action::read_cases); !allowed) return allowed;
  if (!security::is_record_id(case_id)) return fail(ErrorCode::not_found, {}, "error.case_not_found");
  const Timestamp now = ctx.clock.now();
  std::optional<Error> refused;
  auto done = ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
    // The case's row first: two writers of one case then take turns (on PostgreSQL; SQLite has one
    // writer), so each reads the other's records before its guards decide and before its standing is
    // stored, and an erasure cannot commit between the reading and the write. A case that cannot be
    // locked (erased, another centre's) is answered by open_case below.
    if (auto locked = tx.cases().lock(actor.centre_id, case_id); !locked && locked.error().code != ErrorCode::not_found) {
      return locked;
    }
    HAVEN_ASSIGN_OR_RETURN(auto open, open_case(tx, actor, case_id, use, now, refused));
    if (auto r = work(tx, open); !r) return r;
    // Whatever the work changed, the case's standing is stored as it now stands (case_standings.hpp).
    if (open.file_unchanged) {
      // nothing to store again
    } else if (open.history_current) {
      HAVEN_TRY(refresh_case_standing(tx, open.history, ctx.standards));
    } else {
      HAVEN_TRY(refresh_case_standing(tx, actor.centre_id, case_id, ctx.standards));
    }
    if (use != CaseUse::read) return {};
    return tx.audit().append({now, actor.staff_id, "case.read", std::string(case_id), {}});
  });
  if (!done && refused) {
    // The refusal rolled the work back; the attempt itself is kept.
    if (auto audited = audit_refusal(ctx, actor, case_id, *refused, now); !audited) return audited;
  }
  return done;
}

Result<void> read_case(AppContext& ctx, const Actor& actor, std::string_view case_id, storage::PendingCommits& awaiting,
                       FunctionRef<Result<void>(storage::ReadTransaction&, OpenCase&)> work,
                       const CaseReading& reading) {
  if (auto allowed = require(actor, Action::read_cases); !allowed) return allowed;
  if (!security::is_record_id(case_id)) return fail(ErrorCode::not_found, {}, "error.case_not_found");
  const Timestamp now = ctx.clock.now();
  std::optional<Error> refused;
  auto done = ctx.store.read([&](storage::ReadTransaction& tx) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto open, open_case(tx, actor, case_id, CaseUse::read, now, refused));
    return work(tx, open);
  });
  storage::AuditEntry entry{now, actor.staff_id, std::string(reading.action), std::string(case_id), reading.detail};
  if (!done) {
    if (!refused) return done;
    // The attempt is kept: the refusal's answer waits for its entry as a reading's does.
    entry.action = "case.access_denied";
    entry.detail = refused->clause;
  }
  // Nothing read leaves before this commits: the transport holds the answer until then, and a failed
  // commit turns it into an error.
  audit_deferred(ctx, awaiting, std::move(entry));
  return done;
}

Result<void> refresh_case_staff(storage::WriteTransaction& tx, std::string_view case_id,
                                const standards::CaseHistory& history) {
  return tx.cases().set_staff(case_id, history.case_staff());
}

Result<domain::CaseRecord> break_glass(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                       std::string_view reason, int minutes) {
  HAVEN_TRY(require(actor, Action::break_glass));
  if (reason.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return fail(ErrorCode::validation_failed, "reason", "validation.break_glass_reason");
  }
  if (domain::check_narrative(reason, 1000) != domain::TextProblem::none) {
    return fail(ErrorCode::validation_failed, "reason", "validation.forbidden_characters");
  }
  if (minutes < 1 || minutes > kMaxBreakGlassMinutes) {
    Error e(ErrorCode::validation_failed);
    e.field = "minutes";
    e.message_key = "validation.break_glass_minutes";
    e.with_arg("max", std::to_string(kMaxBreakGlassMinutes));
    return tl::unexpected(e);
  }
  const Timestamp now = ctx.clock.now();
  const auto record =
      server_record(actor, now, domain::BreakGlass{std::string(reason), now + std::chrono::minutes{minutes}});
  HAVEN_TRY(with_case(ctx, actor, case_id, CaseUse::manage, [&](storage::WriteTransaction& tx, OpenCase&) -> Result<void> {
    if (auto r = tx.records().insert(case_id, record); !r) return r;
    return tx.audit().append({now, actor.staff_id, "case.break_glass", std::string(case_id),
                            record.id + " until " + format_iso_timestamp(record.as<domain::BreakGlass>().until)});
  }));
  return record;
}

}  // namespace haven::app
