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
  // not followed by the end of that person's assignment, or the latest designation (II.1.d) not
  // followed by the end of the designated person's.
  bool staffed() const {
    const auto left_since = [this](const std::string& id, Timestamp joined) {
      return std::any_of(records.begin(), records.end(), [&](const domain::CaseRecord& r) {
        return r.is<domain::StaffAssignmentEnded>() && r.as<domain::StaffAssignmentEnded>().staff_id == id &&
               r.occurred_at >= joined;
      });
    };
    const domain::CaseRecord* designation = nullptr;
    for (const auto& joined : records) {
      if (joined.is<domain::DesignatedStaff>() && (!designation || joined.occurred_at >= designation->occurred_at)) {
        designation = &joined;
      }
      if (joined.is<domain::StaffAssignment>() &&
          !left_since(joined.as<domain::StaffAssignment>().staff_id, joined.occurred_at)) {
        return true;
      }
    }
    return designation && !left_since(designation->as<domain::DesignatedStaff>().staff_id, designation->occurred_at);
  }

  Timestamp received_at() const { return file.reception.received_at; }

  // The staff on the case now, in the order they joined: those the head assigned and has not since
  // released, and the one the victim designated last (II.1.d). A designation replaces the one before:
  // its holder leaves the case unless the head also assigned them.
  struct Staffing {
    std::vector<std::string> on_case;
    std::optional<std::string> designated;
  };
  Staffing staffing() const {
    Staffing out;
    std::vector<std::string> assigned;
    auto& joined = out.on_case;
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
    const auto contains = [](const std::vector<std::string>& ids, const std::string& id) {
      return std::find(ids.begin(), ids.end(), id) != ids.end();
    };
    for (const auto* r : ordered) {
      const std::string* id = nullptr;
      if (r->is<domain::StaffAssignment>()) {
        id = &r->as<domain::StaffAssignment>().staff_id;
        if (!contains(assigned, *id)) assigned.push_back(*id);
      } else if (r->is<domain::DesignatedStaff>()) {
        id = &r->as<domain::DesignatedStaff>().staff_id;
        out.designated = *id;
      } else {
        const auto& ended = r->as<domain::StaffAssignmentEnded>().staff_id;
        std::erase(assigned, ended);
        if (out.designated == ended) out.designated.reset();
      }
      if (id && !contains(joined, *id)) joined.push_back(*id);
      // Whoever is neither assigned nor designated any more has left, and joins at the end if they return.
      std::erase_if(joined, [&](const std::string& j) { return !contains(assigned, j) && out.designated != j; });
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
