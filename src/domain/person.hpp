// The person a case is about, as recorded at reception (II.1.a), with the staff-gender preference
// of I.2.b and the child presumption of II.2.d.
//
//   Person p{.name = "Đặng Thị Hoa", .suspected_child = true, ...};
//   if (treated_as_child(p, date_of(reception.received_at), today)) { ... every child rule applies ... }
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/enum_names.hpp"
#include "common/iso_time.hpp"

namespace haven::domain {

enum class Sex { female, male, other, unknown };
inline constexpr EnumNames<Sex, 4> kSexNames{
    {{{Sex::female, "female"}, {Sex::male, "male"}, {Sex::other, "other"}, {Sex::unknown, "unknown"}}}};

// I.2.b: the gender of staff the person prefers to be supported by.
enum class StaffGenderPreference { female, male, any };
inline constexpr EnumNames<StaffGenderPreference, 3> kStaffGenderPreferenceNames{
    {{{StaffGenderPreference::female, "female"},
      {StaffGenderPreference::male, "male"},
      {StaffGenderPreference::any, "any"}}}};

struct Person {
  std::string name;  // the name, or an alias chosen for the person's safety
  bool name_is_alias = false;
  Sex sex = Sex::unknown;
  std::optional<Date> birth_date;
  std::optional<int> estimated_age;  // in whole years, as estimated on the day of reception
  bool suspected_child = false;
  std::string nationality;  // ISO 3166-1 alpha-2, e.g. "VN"
  std::vector<std::string> languages;  // BCP 47 primary tags, e.g. "vi", "km"
  StaffGenderPreference preferred_staff_gender = StaffGenderPreference::any;
};

inline constexpr int kAgeOfMajority = 18;

// II.2.d: a person is treated as a child when known to be under 18, or when the age is uncertain
// (no birth date) and they are suspected to be a child. An estimated age of 18 or more does not
// clear the suspicion: only a recorded birth date can.
bool treated_as_child(const Person& person, Date estimated_on, Date today);

}  // namespace haven::domain
