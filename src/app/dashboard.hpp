// The centre head's dashboard (II.4.a, II.1.d, II.6.e): her centre's cases by stage, what is overdue
// by clause and by member of staff, each one's open caseload, a 12-month trend of deadlines kept
// (standards/centre_dashboard.hpp), and the referrals made by provider and outcome. Figures only:
// no case is named, so reading it is not a reading of a case file (I.3.c), as the self-assessment.
//
//   auto board = centre_dashboard(ctx, head);
//   for (const auto& s : board->staff) chart(s.display_name, s.open_cases, s.overdue);
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/app_context.hpp"
#include "domain/case_record.hpp"
#include "standards/centre_dashboard.hpp"

namespace haven::app {

struct StaffLoad {
  std::string id;
  std::string display_name;
  domain::Role role = domain::Role::case_worker;
  std::int64_t open_cases = 0;  // as the staffing queue counts them: the one who received a person included
  int overdue = 0;               // overdue items on the open cases they are assigned to
};

// II.6.e: the referrals made to one provider (as typed on the referral) with one outcome: the latest
// update's status, or `sent` while none has come back.
struct ReferralTally {
  std::string provider;
  domain::ReferralStatus status = domain::ReferralStatus::sent;
  int referrals = 0;
};

struct Dashboard {
  explicit Dashboard(Timestamp now) : generated_at(now), cases(now) {}
  Timestamp generated_at;
  standards::DashboardTally cases;  // counted as things stood at generated_at
  std::vector<StaffLoad> staff;          // the centre's enabled case workers, counsellors and heads, by name
  std::vector<ReferralTally> referrals;  // by provider (as typed), then status
};

// The centre head only (read_centre_dashboard).
Result<Dashboard> centre_dashboard(AppContext& ctx, const Actor& actor);

}  // namespace haven::app
