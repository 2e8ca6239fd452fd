// A case as the standards engine sees it: the case file and every record it holds. Pure data with
// a few questions the rules keep asking ("the first health check", "every contact attempt").
//
//   CaseHistory h{file, records};
//   if (const auto* check = h.first<domain::HealthCheck>()) ... check->occurred_at ...
#pragma once

#include <algorithm>
#include <vector>

#include "domain/case_file.hpp"
#include "domain/case_record.hpp"

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
    std::sort(found.begin(), found.end(), [](const auto* a, const auto* b) { return a->occurred_at < b->occurred_at; });
    return found;
  }

  template <class T>
  const domain::CaseRecord* first() const {
    const auto found = all<T>();
    return found.empty() ? nullptr : found.front();
  }

  template <class T>
  const domain::CaseRecord* latest() const {
    const auto found = all<T>();
    return found.empty() ? nullptr : found.back();
  }

  Timestamp received_at() const { return file.reception.received_at; }
};

}  // namespace haven::standards
