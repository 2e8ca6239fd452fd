// Which category of information (domain/consent_records.hpp) each kind of case record carries, so that
// a disclosure lets out only what the consent covers (I.3.b). The records of how the centre handles
// the case (who is on it, consents and disclosures themselves, overrides, break-glass, schedules)
// carry none and never leave.
//
//   if (auto c = category_of(record.body); c && covered(*c)) package.records.push_back(record);
#pragma once

#include <optional>

#include "domain/case_record.hpp"
#include "domain/consent_records.hpp"

namespace haven::domain {

std::optional<InformationCategory> category_of(const RecordBody& body);

}  // namespace haven::domain
