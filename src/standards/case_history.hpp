// A case as the standards engine sees it: the case file and every record it holds. Pure data with
// a few questions the rules keep asking ("the first health check", "every contact attempt").
//
//   CaseHistory h{file, records};
//   if (const auto* check = h.first<domain::HealthCheck>()) ... check->occurred_at ...
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "domain/case_file.hpp"
#include "domain/case_record.hpp"
#include "domain/person.hpp"

namespace haven::standards {

struct CaseHistory {
  domain::CaseFile file;
  std::vector<domain::CaseRecord> records;

  template <class T>
  std::vector<const domain::CaseRecord*> all() const {
    std::vector<const domain::CaseRecord*> found;
    for (const auto& r : records) {
      if (r.is<T>()) found.push_back(&r);
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto* a, const auto* b) { return a->occurred_at < b->occurred_at; });
    return found;
  }

  // first() and latest() scan without allocating: the engine asks them for every case, many times.
  // Among records of the same time, first() takes the earliest written, latest() the last, as all() orders them.
  template <class T>
  const domain::CaseRecord* first() const {
    const domain::CaseRecord* found = nullptr;
    for (const auto& r : records) {
      if (r.is<T>() && (!found || r.occurred_at < found->occurred_at)) found = &r;
    }
    return found;
  }

  template <class T>
  const domain::CaseRecord* latest() const {
    const domain::CaseRecord* found = nullptr;
    for (const auto& r : records) {
      if (r.is<T>() && (!found || r.occurred_at >= found->occurred_at)) found = &r;
    }
    return found;
  }

  // The earliest record of type T for which `wanted(record)` holds, without allocating.
  template <class T, class Pred>
  const domain::CaseRecord* first_where(Pred wanted) const {
    const domain::CaseRecord* found = nullptr;
    for (const auto& r : records) {
      if (r.is<T>() && (!found || r.occurred_at < found->occurred_at) && wanted(r)) found = &r;
    }
    return found;
  }

  // Whether anyone is on the case now (case_staff() not empty), without allocating: an assignment
  // or designation not followed by the end of that person's assignment.
  bool staffed() const {
    for (const auto& joined : records) {
      const std::string* id = joined.is<domain::StaffAssignment>() ? &joined.as<domain::StaffAssignment>().staff_id
                              : joined.is<domain::DesignatedStaff>() ? &joined.as<domain::DesignatedStaff>().staff_id
                                                                     : nullptr;
      if (!id) continue;
      const bool left = std::any_of(records.begin(), records.end(), [&](const domain::CaseRecord& r) {
        return r.is<domain::StaffAssignmentEnded>() && r.as<domain::StaffAssignmentEnded>().staff_id == *id &&
               r.occurred_at >= joined.occurred_at;
      });
      if (!left) return true;
    }
    return false;
  }

  Timestamp received_at() const { return file.reception.received_at; }

  // The staff on the case now: assigned and not since released, and the one the victim designated
  // (II.1.d), in the order they joined; and the designated member of staff while still on it.
  struct Staffing {
    std::vector<std::string> on_case;
    std::optional<std::string> designated;
  };
  Staffing staffing() const {
    Staffing out;
    auto& staff = out.on_case;
    auto add = [&staff](const std::string& id) {
      if (std::find(staff.begin(), staff.end(), id) == staff.end()) staff.push_back(id);
    };
    std::vector<const domain::CaseRecord*> ordered;
    for (const auto& r : records) {
      if (r.is<domain::StaffAssignment>() || r.is<domain::StaffAssignmentEnded>() || r.is<domain::DesignatedStaff>()) {
        ordered.push_back(&r);
      }
    }
    // At the same time, joins come before ends: an end at or after a join wins, as in staffed().
    std::stable_sort(ordered.begin(), ordered.end(), [](auto* a, auto* b) {
      if (a->occurred_at != b->occurred_at) return a->occurred_at < b->occurred_at;
      return !a->template is<domain::StaffAssignmentEnded>() && b->template is<domain::StaffAssignmentEnded>();
    });
    for (const auto* r : ordered) {
      if (r->is<domain::StaffAssignment>()) add(r->as<domain::StaffAssignment>().staff_id);
      if (r->is<domain::DesignatedStaff>()) {
        add(r->as<domain::DesignatedStaff>().staff_id);
        out.designated = r->as<domain::DesignatedStaff>().staff_id;
      }
      if (r->is<domain::StaffAssignmentEnded>()) {
        const auto& id = r->as<domain::StaffAssignmentEnded>().staff_id;
        std::erase(staff, id);
        if (out.designated == id) out.designated.reset();
      }
    }
    return out;
  }
  std::vector<std::string> case_staff() const { return staffing().on_case; }

  // I.5.a: a victim whose nationality is recorded and is not Viet Nam's. (No other rule reads the
  // nationality: II.1.b forbids services that depend on it.)
  bool foreign() const { return !file.person.nationality.empty() && file.person.nationality != "VN"; }

  // II.2.d, as every child rule of the engine reads it: judged at reception, so the presumption ends
  // only with a recorded birth date, never by the passing of time during the service.
  bool treated_as_child() const {
    const auto received = date_of(received_at());
    return domain::treated_as_child(file.person, received, received);
  }
};

}  // namespace haven::standards
