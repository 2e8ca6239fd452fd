// Use cases of the service after reception: add a record to a case, move the case through its
// lifecycle, and read its tasks and compliance. Every write runs the standards guards inside the
// same transaction that writes the record and its audit entry, so a refusal writes nothing.
//
//   auto r = add_record(ctx, actor, case_id, domain::HealthCheck{...}, occurred_at);
//   auto moved = take_action(ctx, actor, case_id, LifecycleAction::begin_identification, version);
//   if (!moved && moved.error().clause == "II.1.e") ...   // refused: what must happen first is in the message
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/actor.hpp"
#include "app/app_context.hpp"
#include "app/cases.hpp"
#include "app/idempotency.hpp"
#include "domain/case_lifecycle.hpp"
#include "domain/case_record.hpp"
#include "standards/compliance.hpp"
#include "standards/obligations.hpp"
#include "standards/progress_summary.hpp"

namespace haven::app {

// `override_reason`: when not blank, the centre head passes over the refusals that allow it (the
// override is recorded with the change and counts against compliance); standards/overrides.hpp.
// `claim`: the request's Idempotency-Key, claimed in the same transaction (app/idempotency.hpp).
Result<domain::CaseRecord> add_record(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                      domain::RecordBody body, Timestamp occurred_at,
                                      std::string_view override_reason = {}, const IdempotencyClaim* claim = nullptr);
// One record of the case, as the reader may see it (I.3.c); not_found on "record_id" when the case
// has none of that ID.
Result<domain::CaseRecord> find_record(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                       std::string_view record_id, storage::PendingCommits& awaiting);
// A case's records in the order they happened, a page at a time: those after the record `after`
// (from the start when empty; validation_failed on "after" when it is not a record of the case), at
// most `limit`. `next` names the page's last record when more follow.
struct RecordPageQuery {
  std::string after;
  int limit = 200;
};
struct RecordPage {
  std::vector<domain::CaseRecord> records;
  std::int64_t total = 0;
  std::string next;
};
Result<RecordPage> list_records(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                const RecordPageQuery& query, storage::PendingCommits& awaiting);
// The page `query` names of a history already read.
Result<RecordPage> record_page(const standards::CaseHistory& history, const RecordPageQuery& query);
Result<CaseView> take_action(AppContext& ctx, const Actor& actor, std::string_view case_id,
                             domain::LifecycleAction action, std::int64_t expected_version,
                             std::string_view override_reason = {});
// One open task of a case, for answering a request.
struct TaskReport {
  std::string_view clause;    // catalog ID (static)
  std::string_view task_key;  // message key (static)
  std::string_view record_type;  // the record type that does it (static): the form the task opens
  Timestamp due_at{};
  bool overdue = false;
  std::string about_record_id;  // the record that started the clock, when not the reception
};
// Transfers a case to another centre, which takes over the service: a disclosure of the whole file to
// that centre through the gate (the centre head, with the consent in force: I.3.a, I.3.b, I.3.d),
// recorded with the move; the staff of this centre leave the case. Returns the destination centre ID.
struct TransferResult {
  std::string case_id;
  std::string centre_id;
  std::int64_t version = 0;
};
Result<TransferResult> transfer_case(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                     std::string_view destination_centre_id, std::int64_t expected_version);

// I.4.d: the victim's progress summary (message keys are static).
Result<standards::ProgressSummary> case_progress(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                                 storage::PendingCommits& awaiting);

// The open tasks of a case's history now, crisis first (standards/obligations.hpp).
std::vector<TaskReport> task_reports(const standards::CaseHistory& history, const standards::Parameters& params,
                                     Timestamp now);

Result<std::vector<TaskReport>> case_tasks(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                           storage::PendingCommits& awaiting);
// Each record type the reader may post, and whether the standards let them add it now: allowed, or
// refused with every clause that refuses it whatever is written (standards::check_record_type), so
// that the form says so before anyone types. Types the reader's role never writes are not listed:
// the staffing records and disclosures for all but the centre head; none for a role that adds none.
struct RecordTypeReport {
  std::string_view type;                     // kRecordTypeNames (static)
  std::vector<standards::Refusal> refusals;  // empty: allowed now
};
struct RecordTypeReports {
  bool may_add = false;  // whether the reader's role adds records at all
  std::vector<RecordTypeReport> types;
};
RecordTypeReports record_type_reports(const standards::CaseHistory& history, const Actor& actor,
                                      const standards::StaffFacts& facts, const standards::Parameters& params,
                                      Timestamp now);
Result<RecordTypeReports> case_record_types(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                            storage::PendingCommits& awaiting);
// One clause of a case's compliance, with its evidence as record IDs, for answering a request.
struct ClauseReport {
  std::string_view clause;      // catalog ID (static)
  standards::ClauseState state;
  std::string_view reason_key;  // message key (static), empty when met
  std::vector<std::string> evidence;
};
// Each lifecycle move the case's stage allows, and what the standards say of it now: allowed, or
// refused with the clauses and what must happen first. The browser disables a refused move's button
// with that reason instead of letting staff find out by trying.
struct ActionReport {
  domain::LifecycleAction action;
  domain::CaseStage to;
  std::vector<standards::Refusal> refusals;  // empty: allowed now
};
struct CaseActions {
  std::int64_t version = 0;  // the case's version, for taking one of them
  std::vector<ActionReport> actions;
};
Result<CaseActions> case_actions(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                 storage::PendingCommits& awaiting);
CaseActions action_reports(const standards::CaseHistory& history, const standards::Parameters& params, Timestamp now);

Result<std::vector<ClauseReport>> case_compliance(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                                  storage::PendingCommits& awaiting);
std::vector<ClauseReport> clause_reports(const standards::CaseHistory& history, const standards::Parameters& params,
                                         Timestamp now);

}  // namespace haven::app
