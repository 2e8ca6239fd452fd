// Which category of information (domain/consent_records.hpp) each part of a case record carries, so
// that a disclosure lets out only what the consent covers (I.3.b). Consent is given per category, and
// some records mix them (the intake assessment notes physical and mental condition side by side), so
// the unit that leaves is the field: each field needs every one of its categories consented. A field
// has its record type's category (the table in domain/case_record.hpp) unless kFieldCategories says
// more precisely. The records of how the centre handles the case (who is on it, consents and
// disclosures themselves, overrides, break-glass, schedules) carry none and never leave.
//
//   if (auto part = disclosed_part(record, consented)) package.records.push_back(*part);
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "domain/case_record.hpp"
#include "domain/consent_records.hpp"

namespace haven::domain {

std::optional<InformationCategory> category_of(const RecordBody& body);

// A field whose categories are not its record type's: the type, the field, and what it needs.
struct FieldCategories {
  std::string_view type;
  std::string_view field;
  std::vector<InformationCategory> categories;
};
const std::vector<FieldCategories>& field_category_overrides();

// The categories the field `field` of record type `type` needs consented to leave; empty for a type
// that never leaves or a field it does not have.
std::vector<InformationCategory> field_categories(std::string_view type, std::string_view field);

// What of a record may leave under the consented categories: the record with every other field
// emptied, the names of those fields (for the encoder to leave out), and the categories of what
// leaves. Nothing when no field may leave.
struct DisclosedRecord {
  CaseRecord record;
  std::vector<std::string_view> withheld;
  std::vector<InformationCategory> categories;
};
std::optional<DisclosedRecord> disclosed_part(const CaseRecord& record, std::span<const InformationCategory> consented);

}  // namespace haven::domain
