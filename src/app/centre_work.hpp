// Use cases of the centre itself: records about its staff (qualifications, training, recruitment
// screening, supervision, matching profile) and about the centre (facilities, the provider
// directory), and the team the standards read from them. Only the centre head writes them; staff
// read the centre's own records and those about themselves.
//
//   auto r = add_centre_record(ctx, head, staff_id, domain::RecruitmentScreening{...}, occurred_at);
//   auto team = load_team(tx, actor.centre_id);   // inside a transaction, for a guard
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "app/actor.hpp"
#include "app/app_context.hpp"
#include "domain/centre_record.hpp"
#include "standards/centre_indicators.hpp"
#include "standards/team.hpp"

namespace haven::app {

Result<standards::Team> load_team(storage::ReadTransaction& tx, std::string_view centre_id);

// `subject`: the staff member a staff record is about; empty for a record about the centre.
Result<domain::CentreRecord> add_centre_record(AppContext& ctx, const Actor& actor, std::string subject,
                                               domain::CentreRecordBody body, Timestamp occurred_at);
Result<std::vector<domain::CentreRecord>> list_centre_records(AppContext& ctx, const Actor& actor);

// II.6.a: the provider directory, the latest entry of each provider, each flagged when it was not
// verified within the deployment's provider_stale_days. Anyone who reads the centre's records.
struct DirectoryEntry {
  domain::CentreRecord record;
  bool stale = false;
};
struct ProviderDirectory {
  std::vector<DirectoryEntry> entries;  // by name
  std::int64_t stale_after_days = 0;
};
Result<ProviderDirectory> provider_directory(AppContext& ctx, const Actor& actor);

// The centre's staff by name and role, so that a case file's records (who recorded, who is assigned)
// read as people; external providers' accounts are not the centre's staff and are left out.
struct Colleague {
  std::string id;
  std::string display_name;
  domain::Role role = domain::Role::case_worker;
  bool disabled = false;
};
Result<std::vector<Colleague>> list_colleagues(AppContext& ctx, const Actor& actor);

// II.4.a, III: the centre's self-assessment over every case it holds, its staff and its records.
struct CentreAssessment {
  std::vector<standards::SelfAssessmentLine> lines;  // one per clause, in the catalog's order
  std::vector<standards::StaffIndicators> staff;
  standards::ClauseState facilities = standards::ClauseState::pending;
  std::size_t providers = 0;
  std::vector<std::string> stale_providers;  // names of directory entries to verify again (II.6.a)
  std::size_t cases = 0;
  Date from{};
  Date to{};
  // The head's latest assessment in the period of each clause the data cannot show (II.4.a), by clause.
  std::map<std::string, domain::CentreRecord, std::less<>> manual;
};
// The period [from, to], whole days: the cases received by its end and not closed before its start,
// evaluated as they stood at its end (or now, if sooner).
Result<CentreAssessment> centre_self_assessment(AppContext& ctx, const Actor& actor, Date from, Date to);

// A new record about `subject` (a member of staff, or "" for the centre) written now by `author`;
// validation_failed when it is said to have happened in the future.
Result<domain::CentreRecord> new_centre_record(std::string subject, domain::CentreRecordBody body, Timestamp occurred_at,
                                               std::string_view author, Timestamp now);

// For setting up a centre (the demo, tests): records about a staff member written by the system on
// behalf of `head_id` (a centre head, or for a head an administrator), in one transaction, audited.
// Never about `head_id` themselves: nobody records their own screening.
Result<void> record_staff_profile(AppContext& ctx, std::string_view centre_id, std::string_view head_id,
                                  std::string_view staff_id, std::vector<domain::CentreRecordBody> bodies);

}  // namespace haven::app
