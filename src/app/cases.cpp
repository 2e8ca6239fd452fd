#include "app/cases.hpp"

#include <algorithm>

#include "app/case_access.hpp"
#include "app/case_standings.hpp"
#include "app/duplicates.hpp"
#include "app/permissions.hpp"
#include "app/server_record.hpp"
#include "domain/correction.hpp"
#include "domain/new_case_validation.hpp"
#include "domain/text_rules.hpp"
#include "security/random.hpp"

namespace haven::app {
namespace {

// Forty random bits make a collision rare; a few retries make it invisible.
constexpr int kCaseCodeAttempts = 5;

bool child_now(const domain::Person& person, Timestamp received_at, Timestamp now) {
  return domain::treated_as_child(person, date_of(received_at), date_of(now));
}

// The view of a case already read: the recorder's name and the child presumption added.
Result<CaseView> view_of(storage::ReadTransaction& tx, domain::CaseFile file, Timestamp now) {
  CaseView view;
  view.file = std::move(file);
  HAVEN_ASSIGN_OR_RETURN(auto recorder, tx.staff().find(view.file.reception.recorded_by));
  if (recorder) view.recorded_by_name = recorder->display_name;
  view.treated_as_child = child_now(view.file.person, view.file.reception.received_at, now);
  return view;
}

}  // namespace

Result<CaseView> load_case_view(storage::ReadTransaction& tx, const Actor& actor, std::string_view case_id,
                                Timestamp now) {
  HAVEN_ASSIGN_OR_RETURN(auto file, tx.cases().find(actor.centre_id, case_id));
  if (!file) return fail(ErrorCode::not_found, {}, "error.case_not_found");
  return view_of(tx, std::move(*file), now);
}

Result<CaseView> register_case(AppContext& ctx, const Actor& actor, domain::Person person,
                               domain::Reception reception, const IdempotencyClaim* claim,
                               const std::vector<std::string>& duplicates_seen) {
  HAVEN_TRY(require(actor, Action::register_case));
  const Timestamp now = ctx.clock.now();
  HAVEN_TRY(domain::validate_new_case(person, reception, now));

  domain::CaseFile file;
  file.id = security::new_record_id();
  file.centre_id = actor.centre_id;
  file.stage = domain::CaseStage::received;
  file.version = 1;
  file.created_at = now;
  file.updated_at = now;
  file.person = std::move(person);
  file.reception = std::move(reception);
  file.reception.recorded_by = actor.staff_id;

  for (int attempt = 1;; ++attempt) {
    file.code = security::new_case_code();
    auto written = ctx.store.write([&](storage::WriteTransaction& tx) -> Result<void> {
      HAVEN_TRY(claim_key(tx, actor, claim, file.id, now));
      // Before the insert, so that the new case does not find itself.
      HAVEN_ASSIGN_OR_RETURN(auto duplicates, duplicates_detail(tx, file.centre_id, file.person, duplicates_seen));
      if (auto r = tx.cases().insert(file); !r) return r;
      // Whoever received the person is on the case until the head assigns its staff (I.3.c).
      if (auto r = tx.cases().set_staff(file.id, {actor.staff_id}); !r) return r;
      // A new case has no records yet: its standing comes from what is being written, not read back.
      if (auto r = refresh_case_standing(tx, standards::CaseHistory{file, {}}, ctx.standards); !r) return r;
      return tx.audit().append({now, actor.staff_id, "case.create", file.id, "code=" + file.code + duplicates});
    });
    if (written) break;
    // Another code, only when this one was taken (not the Idempotency-Key).
    if (written.error().code != ErrorCode::already_exists || written.error().field != "code" ||
        attempt == kCaseCodeAttempts) {
      return tl::unexpected(written.error());
    }
  }
  CaseView view;
  view.treated_as_child = child_now(file.person, file.reception.received_at, now);
  view.recorded_by_name = actor.display_name;
  view.access = standards::CaseAccess{standards::AccessVia::received, {}};
  view.file = std::move(file);
  return view;
}

Result<CaseView> view_of_open_case(storage::ReadTransaction& tx, const OpenCase& open, Timestamp now) {
  HAVEN_ASSIGN_OR_RETURN(auto view, view_of(tx, open.history.file, now));  // the case read_case opened, not a second read
  view.access = open.access;
  view.staffing = open.history.staffing();
  return view;
}

Result<CaseView> view_case(AppContext& ctx, const Actor& actor, std::string_view case_id,
                           storage::PendingCommits& awaiting) {
  const Timestamp now = ctx.clock.now();
  std::optional<CaseView> view;
  HAVEN_TRY(read_case(ctx, actor, case_id, awaiting, [&](storage::ReadTransaction& tx, OpenCase& open) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(auto loaded, view_of_open_case(tx, open, now));
    view = std::move(loaded);
    return {};
  }));
  return std::move(*view);
}

namespace {

CaseList list_of(std::vector<domain::CaseSummary> summaries, std::int64_t total, Timestamp now) {
  CaseList list;
  list.total = total;
  list.items.reserve(summaries.size());
  for (auto& summary : summaries) {
    domain::Person person;
    person.birth_date = summary.birth_date;
    person.estimated_age = summary.estimated_age;
    person.suspected_child = summary.suspected_child;
    const bool child = child_now(person, summary.received_at, now);
    list.items.push_back({std::move(summary), child});
  }
  return list;
}

// The children and overdue filters read what only the cases' sealed standings hold: the centre's
// standings pick the candidates, newest first; the list query, given a page of them (or, with words,
// all of them a chunk at a time), keeps those the reader may list and the words match, in that order.
Result<CaseList> list_by_standing(AppContext& ctx, const CaseFilter& filter, storage::CaseQuery query) {
  const Timestamp now = ctx.clock.now();
  struct Candidate {
    Timestamp received_at;
    std::string case_id;
  };
  std::vector<Candidate> picked;
  const auto pick = [&](std::string_view id, const standards::CaseStanding& s) {
    if (filter.stage && s.stage != *filter.stage) return;
    if (filter.child && !standards::child_at(s, now)) return;
    if (filter.overdue && !standards::overdue_at(s, now)) return;
    picked.push_back({s.received_at, std::string(id)});
  };
  // One's own cases are read from one's side (case_staff's index): a worker on 30 cases reads 30
  // standings, not the centre's 100,000 to keep 30 of them.
  if (query.only_viewers_cases) {
    HAVEN_TRY(visit_staff_standings(ctx, query.centre_id, query.viewer_id, pick));
  } else {
    HAVEN_TRY(visit_centre_standings(ctx, query.centre_id, pick));
  }
  const auto ids_of = [&](std::size_t from, std::size_t count) {
    std::vector<std::string> ids;
    for (std::size_t i = from; i < std::min(picked.size(), from + count); ++i) ids.push_back(picked[i].case_id);
    return ids;
  };
  const auto offset = static_cast<std::size_t>(filter.offset);
  const auto limit = static_cast<std::size_t>(filter.limit);
  // Newest first.
  std::sort(picked.begin(), picked.end(), [](const Candidate& a, const Candidate& b) {
    if (a.received_at != b.received_at) return a.received_at > b.received_at;
    return a.case_id < b.case_id;
  });
  if (query.search.empty()) {
    // Every candidate is listed, so only the page's are asked for.
    query.only_ids = ids_of(offset, limit);
    query.offset = 0;
    HAVEN_ASSIGN_OR_RETURN(auto page, storage::read_value<storage::CasePage>(ctx.store, [&](storage::ReadTransaction& tx) { return tx.cases().list(query); }));
    return list_of(std::move(page.items), static_cast<std::int64_t>(picked.size()), now);
  }
  constexpr std::size_t kChunk = 500;
  std::vector<domain::CaseSummary> items;
  std::int64_t total = 0;
  HAVEN_TRY(ctx.store.read([&](storage::ReadTransaction& tx) -> Result<void> {
    for (std::size_t from = 0; from < picked.size(); from += kChunk) {
      query.only_ids = ids_of(from, kChunk);
      query.limit = static_cast<int>(kChunk);
      query.offset = 0;
      HAVEN_ASSIGN_OR_RETURN(auto chunk, tx.cases().list(query));
      for (auto& summary : chunk.items) {
        const auto position = static_cast<std::size_t>(total++);
        if (position >= offset && position < offset + limit) items.push_back(std::move(summary));
      }
    }
    return {};
  }));
  return list_of(std::move(items), total, now);
}

}  // namespace

Result<CaseList> list_cases(AppContext& ctx, const Actor& actor, const CaseFilter& filter) {
  HAVEN_TRY(require(actor, Action::read_cases));
  // Staff see the cases they are on (I.3.c); the centre head sees every case of the centre, so that
  // she can assign its staff, but a name only where she is on the case.
  // Whether a case has something overdue is its compliance, which only those on the case may read
  // (I.3.c): the overdue filter keeps to the reader's own cases, the head's too.
  const bool only_own = filter.mine || filter.overdue || !role_may(actor.role, Action::see_all_cases);
  const storage::CaseQuery query{actor.centre_id, actor.staff_id, only_own, filter.search, filter.limit, filter.offset,
                                 filter.stage, std::nullopt};
  if (filter.child || filter.overdue) return list_by_standing(ctx, filter, query);
  HAVEN_ASSIGN_OR_RETURN(auto page, storage::read_value<storage::CasePage>(ctx.store,
                                                     [&](storage::ReadTransaction& tx) { return tx.cases().list(query); }));
  return list_of(std::move(page.items), page.total, ctx.clock.now());
}

namespace {

Result<void> check_reason(std::string_view reason) {
  if (reason.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return fail(ErrorCode::validation_failed, "reason", "validation.correction_reason");
  }
  if (domain::check_narrative(reason, 2000) != domain::TextProblem::none) {
    return fail(ErrorCode::validation_failed, "reason", "validation.forbidden_characters");
  }
  return {};
}

// One correction of `part`: `changes_of` says which fields of the file as it stands change (none:
// refused), `write` writes the corrected values and returns the new version; the record of it, the
// audit entry and the case as it now stands follow in the same transaction.
template <class ChangesOf, class Write>
Result<CaseView> correct(AppContext& ctx, const Actor& actor, std::string_view case_id, std::int64_t expected_version,
                         std::string_view part, std::string_view reason, ChangesOf changes_of, Write write) {
  HAVEN_TRY(require(actor, Action::edit_reception));
  HAVEN_TRY(check_reason(reason));
  const Timestamp now = ctx.clock.now();
  std::optional<CaseView> updated;
  HAVEN_TRY(with_case(ctx, actor, case_id, CaseUse::write, [&](storage::WriteTransaction& tx, OpenCase& open) -> Result<void> {
    HAVEN_TRY(require_version(open.history, expected_version));  // a stale form first: 409, not "unchanged"
    domain::Correction correction{std::string(part), changes_of(open.history.file), std::string(reason)};
    if (correction.changes.empty()) {
      return fail(ErrorCode::validation_failed, std::string(part), "validation.correction_unchanged");
    }
    HAVEN_ASSIGN_OR_RETURN(auto version, write(tx, open.history));
    std::string fields;
    for (const auto& change : correction.changes) fields += (fields.empty() ? "" : ",") + change.field;
    const auto record = server_record(actor, now, std::move(correction));
    HAVEN_TRY(tx.records().insert(case_id, record));
    // The standing is read again from the case as corrected (open.history holds it as it was).
    HAVEN_TRY(tx.audit().append({now, actor.staff_id, std::string(part) + ".correct", std::string(case_id),
                                 "version=" + std::to_string(version) + " fields=" + fields + " " + record.id}));
    HAVEN_ASSIGN_OR_RETURN(auto view, load_case_view(tx, actor, case_id, now));
    updated = std::move(view);
    updated->access = open.access;
    updated->staffing = open.history.staffing();
    return {};
  }));
  return std::move(*updated);
}

}  // namespace

Result<CaseView> update_reception(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                  std::int64_t expected_version, domain::Reception reception, std::string_view reason) {
  HAVEN_TRY(domain::validate_reception(reception, ctx.clock.now()));
  const auto changes_of = [&](const domain::CaseFile& file) {
    reception.recorded_by = file.reception.recorded_by;  // who received the person does not change
    return domain::reception_changes(file.reception, reception);
  };
  return correct(ctx, actor, case_id, expected_version, "reception", reason, changes_of,
                 [&](storage::WriteTransaction& tx, const standards::CaseHistory& history) -> Result<std::int64_t> {
                   // Nothing on the file happened before the person was received (as add_record keeps).
                   if (!history.records.empty() && reception.received_at > history.records.front().occurred_at) {
                     return fail(ErrorCode::validation_failed, "reception.received_at",
                                 "validation.received_after_records");
                   }
                   return tx.cases().update_reception(actor.centre_id, case_id, expected_version, reception,
                                                      ctx.clock.now());
                 });
}

Result<CaseView> correct_person(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                std::int64_t expected_version, domain::Person person, std::string_view reason) {
  HAVEN_TRY(domain::validate_person(person, ctx.clock.now()));
  const auto changes_of = [&](const domain::CaseFile& file) { return domain::person_changes(file.person, person); };
  return correct(ctx, actor, case_id, expected_version, "person", reason, changes_of,
                 [&](storage::WriteTransaction& tx, const standards::CaseHistory&) {
                   return tx.cases().update_person(actor.centre_id, case_id, expected_version, person, ctx.clock.now());
                 });
}

}  // namespace haven::app
