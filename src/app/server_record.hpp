// A record of a case that the server writes itself, at the moment of the work, in the name of the
// member of staff whose action it records (a stage move, an override, a break-glass, a correction,
// a disclosure, a decision): occurred and recorded at `now`, by `actor`.
//
//   HAVEN_TRY(tx.records().insert(case_id, server_record(actor, now, domain::StageMove{from, to, action})));
#pragma once

#include <utility>

#include "app/actor.hpp"
#include "common/clock.hpp"
#include "domain/case_record.hpp"
#include "security/random.hpp"

namespace haven::app {

inline domain::CaseRecord server_record(const Actor& actor, Timestamp now, domain::RecordBody body) {
  domain::CaseRecord record;
  record.id = security::new_record_id();
  record.occurred_at = record.recorded_at = now;
  record.recorded_by = actor.staff_id;
  record.body = std::move(body);
  return record;
}

}  // namespace haven::app
