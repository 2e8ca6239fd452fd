// Use cases of the service after reception: add a record to a case, move the case through its
// lifecycle, and read its tasks and compliance. Every write runs the standards guards inside the
// same transaction that writes the record and its audit entry, so a refusal writes nothing.
//
//   auto r = add_record(ctx, actor, case_id, domain::HealthCheck{...}, occurred_at);
//   auto moved = take_action(ctx, actor, case_id, LifecycleAction::begin_identification, version);
//   if (!moved && moved.error().clause == "II.1.e") ...   // refused: what must happen first is in the message
#pragma once

#include <string_view>
#include <vector>

#include "app/actor.hpp"
#include "app/app_context.hpp"
#include "app/cases.hpp"
#include "domain/case_lifecycle.hpp"
#include "domain/case_record.hpp"
#include "standards/compliance.hpp"
#include "standards/obligations.hpp"

namespace haven::app {

Result<domain::CaseRecord> add_record(AppContext& ctx, const Actor& actor, std::string_view case_id,
                                      domain::RecordBody body, Timestamp occurred_at);
Result<std::vector<domain::CaseRecord>> list_records(AppContext& ctx, const Actor& actor, std::string_view case_id);
Result<CaseView> take_action(AppContext& ctx, const Actor& actor, std::string_view case_id,
                             domain::LifecycleAction action, std::int64_t expected_version);
Result<std::vector<standards::Task>> case_tasks(AppContext& ctx, const Actor& actor, std::string_view case_id);
Result<std::vector<standards::ClauseStatus>> case_compliance(AppContext& ctx, const Actor& actor,
                                                             std::string_view case_id);

}  // namespace haven::app
