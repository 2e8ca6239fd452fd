// Validation of a person and reception record before a case is opened (II.1.a, I.2.b). Pure: the
// current time comes in as an argument. The first problem found is returned, naming its field.
//
//   if (auto ok = validate_new_case(person, reception, clock.now()); !ok) return fail(ok.error());
#pragma once

#include <string>
#include <string_view>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/person.hpp"
#include "domain/reception.hpp"

namespace haven::domain {

Result<void> validate_person(const Person& person, Timestamp now);
// A person's name (II.1.a) as the field `field` of a request.
Result<void> validate_person_name(std::string_view name, const std::string& field);
Result<void> validate_reception(const Reception& reception, Timestamp now);
Result<void> validate_new_case(const Person& person, const Reception& reception, Timestamp now);

}  // namespace haven::domain
