#include "domain/information_categories.hpp"

#include <algorithm>
#include <utility>

namespace haven::domain {
namespace {

using C = InformationCategory;

bool has(std::span<const InformationCategory> set, InformationCategory c) {
  return std::find(set.begin(), set.end(), c) != set.end();
}

// Whether the table of the type at `index` of RecordBody has a field named `name`.
bool has_field(std::size_t index, std::string_view name) {
  bool found = false;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((I == index ? for_each_field<std::variant_alternative_t<I, RecordBody>>(
                       [&](const auto& field) { found = found || field.name == name; })
                 : void()),
     ...);
  }(std::make_index_sequence<std::variant_size_v<RecordBody>>{});
  return found;
}

// A field's categories once its type is known to leave (`type_category`) and to have the field.
std::vector<InformationCategory> categories_of_field(InformationCategory type_category, std::string_view type,
                                                     std::string_view field) {
  for (const auto& o : field_category_overrides()) {
    if (o.type == type && o.field == field) return o.categories;
  }
  return {type_category};
}

}  // namespace

// Each record type's table (domain/case_record.hpp) decides its category, or none for what is internal.
std::optional<InformationCategory> category_of(const RecordBody& body) {
  return RecordTypes<RecordBody>::categories[body.index()];
}

// Every field of every type was read for what it reveals (issue 18): these are the ones whose
// content is not their type's category. A free-text note that may hold both needs both.
const std::vector<FieldCategories>& field_category_overrides() {
  static const std::vector<FieldCategories> overrides{
      {"intake_assessment", "mental", {C::psychological}},
      {"intake_assessment", "psychological", {C::psychological}},
      {"closure_checklist", "health_improved", {C::health}},
      {"closure_checklist", "psychological_condition_stable", {C::psychological}},
      {"disadvantage_noted", "mental", {C::psychological}},
      {"disadvantage_noted", "notes", {C::health, C::psychological}},
      {"recovery_assessment", "findings", {C::plan, C::health, C::psychological}},
      {"consultation", "condition_observed", {C::psychological}},
      {"essential_needs", "medical_care", {C::health}},
      {"expert_and_family_consultation", "advice", {C::plan, C::health, C::psychological}},
      {"repatriation_wish", "consular_contact", {C::plan, C::identity}},
      {"location_safety_assessment", "place", {C::plan, C::contact}},
      {"contact_attempt", "notes", {C::contact, C::case_history}},
  };
  return overrides;
}

std::vector<InformationCategory> field_categories(std::string_view type, std::string_view field) {
  const auto index = RecordTypes<RecordBody>::index_of(type);
  if (!index) return {};
  const auto category = RecordTypes<RecordBody>::categories[*index];
  if (!category || !has_field(*index, field)) return {};
  return categories_of_field(*category, type, field);
}

std::optional<DisclosedRecord> disclosed_part(const CaseRecord& record, std::span<const InformationCategory> consented) {
  DisclosedRecord out{record, {}, {}};
  // The type and its category are known here: no lookup by name for each of its fields.
  const auto type_category = category_of(record.body);
  const std::string_view type = record.type_name();
  bool any = false;
  std::visit(
      [&](auto& body) {
        using T = std::decay_t<decltype(body)>;
        for_each_field<T>([&](const auto& field) {
          const auto needs = type_category ? categories_of_field(*type_category, type, field.name)
                                           : std::vector<InformationCategory>{};
          const bool allowed =
              !needs.empty() && std::all_of(needs.begin(), needs.end(), [&](auto c) { return has(consented, c); });
          if (!allowed) {
            body.*field.member = {};  // emptied as well as left out: nothing of it is in the copy
            out.withheld.push_back(field.name);
            return;
          }
          any = true;
          for (const auto c : needs) {
            if (!has(out.categories, c)) out.categories.push_back(c);
          }
        });
      },
      out.record.body);
  if (!any) return std::nullopt;
  return out;
}

}  // namespace haven::domain
