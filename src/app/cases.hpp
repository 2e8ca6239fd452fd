// Use cases on case files: register a person at reception (II.1.a), list and search the centre's
// cases, read one case, correct its reception record. Each checks who may act, validates, and writes
// the change and its audit entry in one transaction.
//
//   auto opened = register_case(ctx, actor, person, reception);   // -> CaseView with its new code
//   auto page = list_cases(ctx, actor, CaseFilter{"dang"});      // diacritic-insensitive
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/actor.hpp"
#include "app/idempotency.hpp"
#include "app/app_context.hpp"
#include "common/error.hpp"
#include "domain/case_file.hpp"
#include "standards/staff_guards.hpp"

namespace haven::app {

struct CaseView {
  domain::CaseFile file;
  std::string recorded_by_name;  // display name of the staff member who recorded the reception
  bool treated_as_child = false; // II.2.d, derived at the time of reading
  std::optional<standards::CaseAccess> access;  // why the reader may open it (I.3.c); empty: a head managing it
  // Who is on the case and whom the victim designated (II.1.d), as the records say it
  // (standards::CaseHistory::staffing), so that no screen keeps a copy of the rule.
  standards::CaseHistory::Staffing staffing;
};

struct CaseListItem {
  domain::CaseSummary summary;
  bool treated_as_child = false;
};

struct CaseList {
  std::vector<CaseListItem> items;
  std::int64_t total = 0;
};

// The view of one case of the actor's centre, read inside the caller's transaction (so a use case
// that changed the case answers with what it committed, without a second transaction).
Result<CaseView> load_case_view(storage::ReadTransaction& tx, const Actor& actor, std::string_view case_id,
                                Timestamp now);

// `claim`: the request's Idempotency-Key, claimed in the registering transaction (app/idempotency.hpp).
// `duplicates_seen`: the codes of the possible earlier cases of the person the worker was shown and
// went on despite (app/duplicates.hpp); the audit entry records them with what the check finds now.
Result<CaseView> register_case(AppContext& ctx, const Actor& actor, domain::Person person,
                               domain::Reception reception, const IdempotencyClaim* claim = nullptr,
                               const std::vector<std::string>& duplicates_seen = {});
struct OpenCase;  // app/case_access.hpp
// The view of the case `read_case` opened, from what it already read.
Result<CaseView> view_of_open_case(storage::ReadTransaction& tx, const OpenCase& open, Timestamp now);
Result<CaseView> view_case(AppContext& ctx, const Actor& actor, std::string_view case_id,
                           storage::PendingCommits& awaiting);
// What a case list asks for: words to find, a stage, and for the centre head, who sees every case of
// the centre, only those she is on herself.
struct CaseFilter {
  std::string search;
  std::optional<domain::CaseStage> stage;
  bool mine = false;
  bool child = false;    // only those treated as a child today (II.2.d), as the list's badge says
  bool overdue = false;  // only those with something overdue today, as their compliance panel says
  int limit = 50;
  int offset = 0;
};
Result<CaseList> list_cases(AppContext& ctx, const Actor& actor, const CaseFilter& filter);
// Corrections (domain/correction.hpp) by those on the case: the reception record or the person, with
// a reason (validation_failed on "reason" when blank), kept in the case's history as a correction
// record; version_conflict on a stale version, validation_failed on "person"/"reception" when nothing
// changes. The standing follows at once: a birth date can end "treated as a child" (II.2.d).
Result<CaseView> update_reception(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                  std::int64_t expected_version, domain::Reception reception, std::string_view reason);
Result<CaseView> correct_person(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                std::int64_t expected_version, domain::Person person, std::string_view reason);

}  // namespace haven::app
