#include "app/case_work.hpp"

#include <algorithm>
#include <chrono>
#include <tuple>

#include "app/case_access.hpp"
#include "app/centre_work.hpp"
#include "app/notifications.hpp"
#include "app/permissions.hpp"
#include "app/server_record.hpp"
#include "common/human_size.hpp"
#include "domain/search_fold.hpp"
#include "security/random.hpp"
#include "standards/disclosure_gate.hpp"
#include "standards/guards.hpp"
#include "standards/overrides.hpp"

namespace haven::app {
namespace {

constexpr std::chrono::minutes kClockTolerance{5};

// Reads a case the actor may open (I.3.c), audited, and computes something from its history.
template <class T, class Compute>
Result<T> read_history(AppContext& ctx, const Actor& actor, std::string_view case_id, storage::PendingCommits& awaiting,
                       Compute compute) {
  std::optional<T> value;
  HAVEN_TRY(read_case(ctx, actor, case_id, awaiting, [&](storage::ReadTransaction&, OpenCase& open) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto computed, compute(open.history));
    value.emplace(std::move(computed));
    return {};
  }));
  return std::move(*value);
}

bool is_staffing_type(std::size_t type) {
  return type == domain::kRecordTypeIndex<domain::StaffAssignment> ||
         type == domain::kRecordTypeIndex<domain::StaffAssignmentEnded> ||
         type == domain::kRecordTypeIndex<domain::DesignatedStaff>;
}
bool is_staffing(const domain::RecordBody& body) { return is_staffing_type(body.index()); }

// The centre head decides who is on a case and approves what leaves it (I.3.a) without being on it:
// those records read none of the file's content.
CaseUse use_for(const Actor& actor, const domain::RecordBody& body) {
  const bool head_decision = is_staffing(body) || std::holds_alternative<domain::Disclosure>(body);
  return head_decision && role_may(actor.role, Action::manage_case_staff) ? CaseUse::manage : CaseUse::write;
}

// A case's records within ctx.max_case_bytes once the new one is in: past it, the unit of work is
// rolled back and nothing is written. Only what staff post is refused: what the server records
// (an override, a break-glass, a release) is small and never waits on room.
Result<void> within_case_size(storage::WriteTransaction& tx, const AppContext& ctx, std::string_view case_id) {
  HAVEN_ASSIGN_OR_RETURN(auto bytes, tx.cases().content_bytes(case_id));
  if (bytes.value_or(0) <= ctx.max_case_bytes) return {};
  Error e(ErrorCode::payload_too_large);
  e.field = "body";
  e.message_key = "error.case_too_large";
  e.with_arg("max", human_size(static_cast<std::uint64_t>(ctx.max_case_bytes)));
  return tl::unexpected(e);
}

// A refused guard decision: either the refusal, or, when the centre head gave a reason and every
// refusal allows it, the override written as a record of the case (with its audit entry) so that the
// change may go ahead in the same transaction.
Result<void> pass_over(storage::WriteTransaction& tx, const Actor& actor, std::string_view case_id,
                       const standards::GuardDecision& decision, std::string_view reason, std::string_view what,
                       Timestamp now) {
  auto check = standards::check_override(decision, actor.role, reason, what);
  switch (check.outcome) {
    case standards::OverrideOutcome::not_asked: return fail(standards::refusal_error(decision));
    case standards::OverrideOutcome::not_overridable: {
      // Say which requirement cannot be passed over, not one that could.
      const auto strict = std::find_if(decision.refusals.begin(), decision.refusals.end(),
                                       [](const standards::Refusal& r) { return !r.overridable; });
      return fail(standards::refusal_error(standards::GuardDecision{{*strict}}));
    }
    case standards::OverrideOutcome::needs_head: {
      Error e(ErrorCode::forbidden);
      e.clause = decision.refusals.front().clause;
      e.message_key = "error.override_needs_head";
      return tl::unexpected(e);
    }
    case standards::OverrideOutcome::allowed: break;
  }
  const auto record = server_record(actor, now, std::move(check.record));
  if (auto r = tx.records().insert(case_id, record); !r) return r;
  std::string clauses;
  for (const auto& c : record.as<domain::GuardOverride>().clauses) clauses += (clauses.empty() ? "" : ",") + c;
  return tx.audit().append({now, actor.staff_id, "guard.override", std::string(case_id),
                          std::string(what) + " " + clauses + " " + record.id});
}

}  // namespace

Result<domain::CaseRecord> add_record(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                      domain::RecordBody body, Timestamp occurred_at, std::string_view override_reason,
                                      const IdempotencyClaim* claim) {
  HAVEN_TRY(require(actor, Action::add_record));
  if (is_staffing(body)) {
    // Who works on a case, and so who may open it (I.3.c), is the centre head's decision: the victim's
    // choice of a staff member (II.1.d) too, which she records. And never about herself: nobody alone
    // both grants access to a victim's file and uses it.
    HAVEN_TRY(require(actor, Action::manage_case_staff));
    if (auto self = standards::guard_self_staffing(body, actor.staff_id)) {
      Error e = standards::refusal_error(standards::GuardDecision{{*self}});
      e.code = ErrorCode::forbidden;
      return tl::unexpected(e);
    }
  }
  if (domain::RecordTypes<domain::RecordBody>::origins[body.index()] == domain::Origin::server) {
    // Overrides are written by the server with what they let through (override_reason), break-glass
    // and legal holds by their own actions with their own checks: none is ever posted.
    return fail(ErrorCode::validation_failed, "type", "validation.record_type_system");
  }
  const Timestamp now = ctx.clock.now();
  if (occurred_at > now + kClockTolerance) {
    return fail(ErrorCode::validation_failed, "occurred_at", "validation.occurred_at_future");
  }
  domain::CaseRecord record;
  record.id = security::new_record_id();
  record.occurred_at = occurred_at;
  record.recorded_at = now;
  record.recorded_by = actor.staff_id;
  record.body = std::move(body);
  HAVEN_TRY(with_case(ctx, actor, case_id, use_for(actor, record.body),
                           [&](storage::WriteTransaction& tx, OpenCase& open) -> Result<void> {
    HAVEN_TRY(claim_key(tx, actor, claim, record.id, now));  // first: a retry stops here
    auto& history = open.history;
    if (occurred_at < history.received_at()) {
      return fail(ErrorCode::validation_failed, "occurred_at", "validation.occurred_before_reception");
    }
    // The whole team only for the records whose guards weigh the other staff (an assignment, a
    // designation); otherwise the author alone, as the access check already read them.
    standards::Team team;
    if (standards::reads_team(record.body)) {
      HAVEN_ASSIGN_OR_RETURN(team, load_team(tx, actor.centre_id));
    }
    HAVEN_ASSIGN_OR_RETURN(const auto* facts, actor_facts(tx, open, actor));
    const standards::Author author{actor.role, standards::reads_team(record.body) ? team.find(actor.staff_id) : facts};
    const auto decision = standards::check_new_record(history, record.body, author, team, ctx.standards, now);
    if (!decision.allowed()) {
      HAVEN_TRY(pass_over(tx, actor, case_id, decision, override_reason, record.type_name(), now));
    }
    HAVEN_TRY(tx.records().insert(case_id, record));
    HAVEN_TRY(within_case_size(tx, ctx, case_id));
    // The history opened is now the case's, with the new record where the store orders it
    // (occurred_at, then ID): the staffing and the standing are read from it. An override written
    // beside it is not in it, so then the standing reads the case again.
    history.records.insert(std::upper_bound(history.records.begin(), history.records.end(), record,
                                            [](const domain::CaseRecord& a, const domain::CaseRecord& b) {
                                              return std::tie(a.occurred_at, a.id) < std::tie(b.occurred_at, b.id);
                                            }),
                           record);
    open.history_current = decision.allowed();
    if (is_staffing(record.body)) {
      HAVEN_TRY(refresh_case_staff(tx, case_id, history));
      HAVEN_TRY(note_staffing(tx, case_id, record));
    }
    return tx.audit().append({now, actor.staff_id, "record.create", std::string(case_id),
                            std::string(record.type_name()) + " " + record.id});
  }));
  return record;
}

Result<RecordPage> list_records(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                const RecordPageQuery& query, storage::PendingCommits& awaiting) {
  return read_history<RecordPage>(ctx, actor, case_id, awaiting,
                                  [&](const standards::CaseHistory& h) { return record_page(h, query); });
}

Result<domain::CaseRecord> find_record(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                       std::string_view record_id, storage::PendingCommits& awaiting) {
  return read_history<domain::CaseRecord>(
      ctx, actor, case_id, awaiting, [&](const standards::CaseHistory& h) -> Result<domain::CaseRecord> {
        const auto found = std::find_if(h.records.begin(), h.records.end(),
                                        [&](const domain::CaseRecord& r) { return r.id == record_id; });
        if (found == h.records.end()) return fail(ErrorCode::not_found, "record_id", "error.not_found");
        return *found;
      });
}

Result<RecordPage> record_page(const standards::CaseHistory& history, const RecordPageQuery& query) {
  const auto& all = history.records;
  auto from = all.begin();
  if (!query.after.empty()) {
    from = std::find_if(all.begin(), all.end(), [&](const domain::CaseRecord& r) { return r.id == query.after; });
    if (from == all.end()) return fail(ErrorCode::validation_failed, "after", "validation.query_parameter");
    ++from;
  }
  const auto to = all.end() - from > query.limit ? from + query.limit : all.end();
  RecordPage page{{from, to}, static_cast<std::int64_t>(all.size()), {}};
  if (to != all.end() && !page.records.empty()) page.next = page.records.back().id;
  return page;
}

Result<CaseView> take_action(AppContext& ctx, const Actor& actor, std::string_view case_id,
                             domain::LifecycleAction action, std::int64_t expected_version,
                             std::string_view override_reason) {
  HAVEN_TRY(require(actor, Action::move_case));
  const Timestamp now = ctx.clock.now();
  std::optional<CaseView> moved;
  HAVEN_TRY(with_case(ctx, actor, case_id, CaseUse::write, [&](storage::WriteTransaction& tx, OpenCase& open) -> Result<void> {
    const auto* history = &open.history;
    if (auto current = require_version(*history, expected_version); !current) return current;
    if (auto decision = standards::check_action(*history, action, ctx.standards, now); !decision.allowed()) {
      if (auto r = pass_over(tx, actor, case_id, decision, override_reason,
                             domain::kLifecycleActionNames.name(action), now);
          !r) {
        return r;
      }
    }
    const auto from = history->file.stage;
    const auto stage = *domain::next_stage(from, action);
    HAVEN_TRY(tx.cases().update_stage(actor.centre_id, case_id, expected_version, stage, now));
    // The move on the case's timeline, with who made it: the audit entry below is for inspectors.
    HAVEN_TRY(tx.records().insert(case_id, server_record(actor, now, domain::StageMove{from, stage, action})));
    if (auto r = tx.audit().append({now, actor.staff_id, "case.action", std::string(case_id),
                                  std::string(domain::kLifecycleActionNames.name(action)) + " -> " +
                                      std::string(domain::kCaseStageNames.name(stage))});
        !r) {
      return r;
    }
    HAVEN_ASSIGN_OR_RETURN(auto view, load_case_view(tx, actor, case_id, now));
    moved = std::move(view);
    moved->access = open.access;
    moved->staffing = open.history.staffing();
    return {};
  }));
  return std::move(*moved);
}

Result<TransferResult> transfer_case(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                     std::string_view destination_centre_id, std::int64_t expected_version) {
  // A transfer discloses the whole file to another centre: the centre head's decision (I.3.a).
  HAVEN_TRY(require(actor, Action::transfer_case));
  const Timestamp now = ctx.clock.now();
  TransferResult result;
  HAVEN_TRY(with_case(ctx, actor, case_id, CaseUse::manage, [&](storage::WriteTransaction& tx, OpenCase& open) -> Result<void> {
    const auto* history = &open.history;
    if (auto current = require_version(*history, expected_version); !current) return current;
    HAVEN_ASSIGN_OR_RETURN(auto destination, security::is_record_id(destination_centre_id)
                           ? tx.centres().find(destination_centre_id)
                           : Result<std::optional<domain::Centre>>(std::nullopt));
    if (!destination || destination->id == actor.centre_id) {
      return fail(ErrorCode::validation_failed, "centre_id", "validation.transfer_centre");
    }
    // The consent names the centre by its name: two centres of the same name cannot be told apart.
    HAVEN_ASSIGN_OR_RETURN(auto centres, tx.centres().list());
    const auto same_name = std::count_if(centres.begin(), centres.end(), [&](const domain::Centre& c) {
      return domain::fold_for_search(c.name) == domain::fold_for_search(destination->name);
    });
    if (same_name > 1) return fail(ErrorCode::validation_failed, "centre_id", "validation.transfer_centre_ambiguous");
    // The gate reads the author's role only (I.3.a): no need to load the centre's staff records.
    const standards::Author author{actor.role, nullptr};
    auto check = standards::check_transfer(*history, destination->name, author, now);
    if (!check.decision.allowed()) return fail(standards::refusal_error(check.decision));
    // The evidence stays with the file: the disclosure it was, and this centre's staff leaving it.
    auto insert = [&](domain::RecordBody body) { return tx.records().insert(case_id, server_record(actor, now, std::move(body))); };
    if (auto r = insert(check.disclosure); !r) return r;
    for (const auto& staff_id : history->case_staff()) {
      if (auto r = insert(domain::StaffAssignmentEnded{staff_id, "case transferred"}); !r) return r;
    }
    // Nobody at the destination is on the case until its head assigns someone.
    if (auto r = tx.cases().set_staff(case_id, {}); !r) return r;
    HAVEN_ASSIGN_OR_RETURN(auto version, tx.cases().update_centre(actor.centre_id, case_id, expected_version, destination->id, now));
    result = {std::string(case_id), destination->id, version};
    return tx.audit().append({now, actor.staff_id, "case.transfer", std::string(case_id),
                            actor.centre_id + " -> " + destination->id});
  }));
  // Its standing (whether the person is a child) is no longer this centre's to hold.
  ctx.standing_cache->forget(case_id);
  return result;
}

Result<standards::ProgressSummary> case_progress(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                                 storage::PendingCommits& awaiting) {
  return read_history<standards::ProgressSummary>(
      ctx, actor, case_id, awaiting,
      [](const standards::CaseHistory& h) -> Result<standards::ProgressSummary> { return standards::progress_summary(h); });
}

Result<std::vector<TaskReport>> case_tasks(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                           storage::PendingCommits& awaiting) {
  const Timestamp now = ctx.clock.now();
  return read_history<std::vector<TaskReport>>(
      ctx, actor, case_id, awaiting,
      [&](const standards::CaseHistory& h) -> Result<std::vector<TaskReport>> { return task_reports(h, ctx.standards, now); });
}

std::vector<TaskReport> task_reports(const standards::CaseHistory& history, const standards::Parameters& params,
                                     Timestamp now) {
  std::vector<TaskReport> reports;
  for (const auto& t : standards::open_tasks(history, params, now)) {
    reports.push_back({t.clause, t.task_key, t.record_type, t.due_at, t.overdue, t.about ? t.about->id : std::string()});
  }
  return reports;
}

Result<CaseActions> case_actions(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                 storage::PendingCommits& awaiting) {
  const Timestamp now = ctx.clock.now();
  return read_history<CaseActions>(ctx, actor, case_id, awaiting, [&](const standards::CaseHistory& h) -> Result<CaseActions> {
    return action_reports(h, ctx.standards, now);
  });
}

CaseActions action_reports(const standards::CaseHistory& history, const standards::Parameters& params, Timestamp now) {
  CaseActions result{history.file.version, {}};
  for (const auto& [action, name] : domain::kLifecycleActionNames.entries) {
    const auto to = domain::next_stage(history.file.stage, action);
    if (!to) continue;  // not a move from this stage at all: no button to show
    result.actions.push_back({action, *to, standards::check_action(history, action, params, now).refusals});
  }
  return result;
}

RecordTypeReports record_type_reports(const standards::CaseHistory& history, const Actor& actor,
                                      const standards::StaffFacts& facts, const standards::Parameters& params,
                                      Timestamp now) {
  RecordTypeReports result;
  result.may_add = role_may(actor.role, Action::add_record);
  if (!result.may_add) return result;
  const bool staffs = role_may(actor.role, Action::manage_case_staff);
  const standards::Author author{actor.role, &facts};
  using Types = domain::RecordTypes<domain::RecordBody>;
  for (std::size_t type = 0; type < Types::names.size(); ++type) {
    if (Types::origins[type] != domain::Origin::posted || (is_staffing_type(type) && !staffs)) continue;
    // A disclosure is the centre head's to record (I.3.a): the others ask her, through a package.
    if (type == domain::kRecordTypeIndex<domain::Disclosure> && actor.role != domain::Role::centre_head) continue;
    result.types.push_back({Types::names[type], standards::check_record_type(history, type, author, params, now).refusals});
  }
  return result;
}

Result<RecordTypeReports> case_record_types(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                            storage::PendingCommits& awaiting) {
  const Timestamp now = ctx.clock.now();
  std::optional<RecordTypeReports> reports;
  HAVEN_TRY(read_case(ctx, actor, case_id, awaiting, [&](storage::ReadTransaction& tx, OpenCase& open) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(const auto* facts, actor_facts(tx, open, actor));
    reports = record_type_reports(open.history, actor, *facts, ctx.standards, now);
    return {};
  }));
  return std::move(*reports);
}

Result<std::vector<ClauseReport>> case_compliance(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                                  storage::PendingCommits& awaiting) {
  const Timestamp now = ctx.clock.now();
  return read_history<std::vector<ClauseReport>>(
      ctx, actor, case_id, awaiting, [&](const standards::CaseHistory& h) -> Result<std::vector<ClauseReport>> {
        return clause_reports(h, ctx.standards, now);
      });
}

std::vector<ClauseReport> clause_reports(const standards::CaseHistory& history, const standards::Parameters& params,
                                         Timestamp now) {
  const auto compliance = standards::case_compliance(history, params, now);
  std::vector<ClauseReport> reports;
  reports.reserve(compliance.clauses().size());
  for (const auto& s : compliance.clauses()) {
    ClauseReport& report = reports.emplace_back(ClauseReport{s.clause(), s.state, s.reason_key(), {}});
    for (const auto position : compliance.evidence(s)) report.evidence.push_back(history.records[position].id);
  }
  return reports;
}

}  // namespace haven::app
