// Each case's standing against the standard (standards/case_standing.hpp), stored beside the case:
// computed again whenever a case is written through with_case or registered, and, for any case
// whose stored standing no longer holds (changed since, another engine or other parameters), from
// its history when the centre's standings are read, then stored for next time. Between readings
// the process holds the standings it has read (app/standing_cache.hpp).
//
//   visit_centre_standings(ctx, actor.centre_id, [&](std::string_view id, const standards::CaseStanding& s) {
//     if (standards::overdue_at(s, now)) overdue.push_back(std::string(id));
//   });
#pragma once

#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "app/app_context.hpp"
#include "common/function_ref.hpp"
#include "standards/case_standing.hpp"

namespace haven::app {

// What a standing was computed under: the engine's build (its sources' digest) and the deployment's
// parameters. A standing under another basis is evaluated again.
std::string standing_basis(const standards::Parameters& params);

// In the transaction that changed the case: its standing as the case now stands. A case no longer
// in the centre (moved, erased) has nothing to refresh.
Result<void> refresh_case_standing(storage::WriteTransaction& tx, std::string_view centre_id, std::string_view case_id,
                                   const standards::Parameters& params);
// The same, from the history the transaction already holds as the case now is (a new case; a record
// just appended to the history it opened): nothing is read or opened a second time.
Result<void> refresh_case_standing(storage::WriteTransaction& tx, const standards::CaseHistory& current,
                                   const standards::Parameters& params);

// Hands every case of the centre (not erased) with its standing to `visit`, in case ID order, one at
// a time: nothing holds the centre's 100,000 together for the reading. A standing comes from the
// context's StandingCache where one is held for the case's revision; otherwise the stored one is
// opened, or, where none still holds, the case's history evaluated (in the same snapshot) and
// stored again before it returns, a page at a time. Derived figures about the cases, no names:
// the callers (the self-assessment, the case list's filters) check who may see what.
// A stop requested ends it after the page in hand: the visitor has then seen only some of the cases.
using StandingVisitor = FunctionRef<void(std::string_view case_id, const standards::CaseStanding& standing)>;
Result<void> visit_centre_standings(AppContext& ctx, std::string_view centre_id, const StandingVisitor& visit,
                                    std::stop_token stop = {});

// The same, over the cases of the centre a member of staff is on only (her notifications): what she
// is not on is neither read nor opened.
Result<void> visit_staff_standings(AppContext& ctx, std::string_view centre_id, std::string_view staff_id,
                                   const StandingVisitor& visit);

// Every centre's standings read once (into the context's StandingCache), so that after a start the
// first reading of a centre's figures is not the one that opens them all. The number of cases read;
// a stop requested (the server stopping) ends it after the page in hand.
Result<std::size_t> read_every_centres_standings(AppContext& ctx, std::stop_token stop);

}  // namespace haven::app
