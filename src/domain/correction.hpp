// Corrections of what reception recorded: the person (a misspelt name, a birth date papers later
// establish) and the reception record. A correction never overwrites silently: the case's history
// keeps a `correction` record (domain/case_record.hpp) naming each changed field with its earlier
// and its new value, who made it, when and why, shown on the timeline.
//
//   auto changes = person_changes(file.person, corrected);   // [{"birth_date", "", "2007-03-14"}]
//   if (changes.empty()) ...                                  // nothing to correct
#pragma once

#include <vector>

#include "domain/case_record.hpp"
#include "domain/person.hpp"
#include "domain/reception.hpp"

namespace haven::domain {

// Each field whose value differs, in the order the API lists the fields, with both values as the
// API spells them (ISO dates and times, true/false, lists joined by ", "; empty for none).
std::vector<CorrectedField> person_changes(const Person& before, const Person& after);
std::vector<CorrectedField> reception_changes(const Reception& before, const Reception& after);

}  // namespace haven::domain
