// Possible duplicates at reception: before a person is registered, the worker sees the centre's
// earlier cases of someone with the same name (its words in any order, accents and case aside) and,
// when the birth date is known, born the same year or of unknown birth. Only their case codes and
// reception dates: a worker may not be on those cases (I.3.c), and the name itself is never compared
// in clear (the blind index, security/blind_index.hpp). She may go on; the registration's audit
// entry records what was found and what she was shown.
//
//   auto found = possible_duplicates(ctx, actor, "Đặng Thị Hoa", parse_iso_date("2001-03-04"), awaiting);
//   for (const auto& d : *found) show(d.code, d.received_at);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/actor.hpp"
#include "app/app_context.hpp"
#include "common/iso_time.hpp"
#include "storage/pending_commit.hpp"
#include "storage/store.hpp"

namespace haven::app {

// More than this many earlier cases of one name says "a common name", not "this person": the list
// stops there.
inline constexpr int kMaxPossibleDuplicates = 20;
// Checks one member of staff may make in an hour (per server): rate_limited past it.
inline constexpr int kDuplicateChecksPerHour = 30;

struct PossibleDuplicate {
  std::string code;
  Timestamp received_at{};
};

// The check a worker asks for before registering (the same permission as registering); audited as
// "case.duplicate_check" on each case it showed (one entry without a case when it found none).
// validation_failed on "name" for a blank name; rate_limited past kDuplicateChecksPerHour.
Result<std::vector<PossibleDuplicate>> possible_duplicates(AppContext& ctx, const Actor& actor, std::string_view name,
                                                           std::optional<Date> birth_date,
                                                           storage::PendingCommits& awaiting);

// The same check within a registration's transaction, as the audit detail "possible_duplicates=HV-…,…
// seen=HV-…" (empty when nothing was found or shown). `seen`: the codes the worker was shown and went
// on despite, as the browser sent them.
Result<std::string> duplicates_detail(storage::WriteTransaction& tx, std::string_view centre_id,
                                      const domain::Person& person, const std::vector<std::string>& seen);

}  // namespace haven::app
