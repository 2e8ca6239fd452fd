// Validation of a person and reception record before a case is opened (II.1.a, I.2.b). Pure: the
// current time comes in as an argument. The first problem found is returned, naming its field.
//
//   if (auto ok = validate_new_case(person, reception, clock.now()); !ok) return fail(ok.error());
#pragma once

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/person.hpp"
#include "domain/reception.hpp"

namespace haven::domain {

Result<void> validate_person(const Person& person, Timestamp now);
Result<void> validate_reception(const Reception& reception, Timestamp now);
Result<void> validate_new_case(const Person& person, const Reception& reception, Timestamp now);

}  // namespace haven::domain
