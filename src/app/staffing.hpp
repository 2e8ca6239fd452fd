// The centre head's staffing queue (II.1.d, I.3.c): the open cases short of the staff their service
// needs (nobody on them, no case worker, no counsellor), and the staff she may put on them with what
// the assignment's guards weigh: screening (III.1.b), sex and languages (II.1.b matching) and how many
// open cases each already carries. She assigns and releases from it with staffing records (POST
// /cases/{case_id}/records), which she may write without being on the case: no break-glass. Nothing
// in it is the content of a case file, so reading it is not a reading of a case (I.3.c).
//
//   auto queue = staffing_queue(ctx, head);
//   for (const auto& gap : queue->cases) show(gap.code, gap.has_case_worker, gap.has_counsellor);
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "app/actor.hpp"
#include "app/app_context.hpp"
#include "storage/store.hpp"

namespace haven::app {

// The longest queue one answer lists; `total` counts them all.
inline constexpr int kStaffingQueueLimit = 200;

struct StaffCandidate {
  std::string id;
  std::string display_name;
  domain::Role role = domain::Role::case_worker;
  bool screened = false;  // III.1.b: an unscreened member of staff is refused on any case
  domain::Sex sex = domain::Sex::unknown;
  std::vector<std::string> languages;
  std::int64_t open_cases = 0;
};

struct StaffingQueue {
  std::vector<storage::StaffingGap> cases;  // longest waiting first
  std::int64_t total = 0;
  std::vector<StaffCandidate> staff;  // the centre's enabled case workers, counsellors and other heads
};

// forbidden for anyone but the centre head (manage_case_staff).
Result<StaffingQueue> staffing_queue(AppContext& ctx, const Actor& actor);

// Who works with victims on cases: an enabled case worker, counsellor or head (a deputy).
bool carries_cases(const domain::StaffAccount& account);

// Each member of staff's open cases, as the case list counts them (the one who received a person
// included): storage's caseloads() by staff ID.
Result<std::unordered_map<std::string, std::int64_t>> open_cases_by_staff(storage::ReadTransaction& tx,
                                                                         std::string_view centre_id);

}  // namespace haven::app
