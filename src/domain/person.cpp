#include "domain/person.hpp"

namespace haven::domain {

bool treated_as_child(const Person& person, Date estimated_on, Date today) {
  if (person.birth_date) return whole_years_between(*person.birth_date, today) < kAgeOfMajority;
  if (person.suspected_child) return true;
  if (person.estimated_age) {
    const int years_since_estimate = whole_years_between(estimated_on, today);
    return *person.estimated_age + years_since_estimate < kAgeOfMajority;
  }
  return false;
}

}  // namespace haven::domain
