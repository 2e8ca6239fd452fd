#include "domain/correction.hpp"

#include <string>

#include "common/iso_time.hpp"

namespace haven::domain {

namespace {

std::string shown(const std::string& value) { return value; }
std::string shown(bool value) { return value ? "true" : "false"; }
std::string shown(const std::optional<Date>& value) { return value ? format_iso_date(*value) : std::string(); }
std::string shown(const std::optional<int>& value) { return value ? std::to_string(*value) : std::string(); }
std::string shown(Timestamp value) { return format_iso_timestamp(value); }
std::string shown(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}
template <class E, std::size_t N>
std::string shown(E value, const EnumNames<E, N>& names) {
  return std::string(names.name(value));
}

// Appends the field when its two values read differently.
void compare(std::vector<CorrectedField>& changes, std::string_view field, std::string before, std::string after) {
  if (before != after) changes.push_back({std::string(field), std::move(before), std::move(after)});
}

}  // namespace

std::vector<CorrectedField> person_changes(const Person& before, const Person& after) {
  std::vector<CorrectedField> changes;
  compare(changes, "name", shown(before.name), shown(after.name));
  compare(changes, "name_is_alias", shown(before.name_is_alias), shown(after.name_is_alias));
  compare(changes, "sex", shown(before.sex, kSexNames), shown(after.sex, kSexNames));
  compare(changes, "birth_date", shown(before.birth_date), shown(after.birth_date));
  compare(changes, "estimated_age", shown(before.estimated_age), shown(after.estimated_age));
  compare(changes, "suspected_child", shown(before.suspected_child), shown(after.suspected_child));
  compare(changes, "nationality", shown(before.nationality), shown(after.nationality));
  compare(changes, "languages", shown(before.languages), shown(after.languages));
  compare(changes, "preferred_staff_gender", shown(before.preferred_staff_gender, kStaffGenderPreferenceNames),
          shown(after.preferred_staff_gender, kStaffGenderPreferenceNames));
  return changes;
}

std::vector<CorrectedField> reception_changes(const Reception& before, const Reception& after) {
  std::vector<CorrectedField> changes;
  compare(changes, "received_at", shown(before.received_at), shown(after.received_at));
  compare(changes, "referral_channel", shown(before.referral_channel, kReferralChannelNames),
          shown(after.referral_channel, kReferralChannelNames));
  compare(changes, "referring_authority", shown(before.referring_authority), shown(after.referring_authority));
  compare(changes, "legal_basis", shown(before.legal_basis), shown(after.legal_basis));
  compare(changes, "documents", shown(before.documents), shown(after.documents));
  return changes;
}

}  // namespace haven::domain
