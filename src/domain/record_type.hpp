// A record type declared once, as a table: its name, the clauses it is evidence of, the consent
// category its content falls under, who writes it, and its fields with their kind and constraints.
// The JSON codec (codec/record_json.cpp), the OpenAPI document's schemas, the scenario files'
// attributes and the web client's field lists are all read from these tables, so a field added to
// a struct and its table is decoded, encoded, documented and checked everywhere at once.
//
//   struct HealthCheck { bool by_medical_staff = false; std::string findings; };
//   constexpr auto describe(Type<HealthCheck>) {
//     return case_record_type("health_check", "II.1.e I.1.b", InformationCategory::health,
//                             flag("by_medical_staff", &HealthCheck::by_medical_staff),
//                             text("findings", &HealthCheck::findings));
//   }
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>
#include <vector>

#include "common/clock.hpp"
#include "common/enum_names.hpp"
#include "common/iso_time.hpp"

namespace haven::domain {

template <class T>
struct Type {};

enum class InformationCategory;

// Who writes records of a type: staff through POST .../records, or only the server, with the action
// that has its own checks (an override, a break-glass, a legal hold).
enum class Origin { posted, server };

// Free text a person typed (the narrative rule of domain/text_rules.hpp applies); "" when absent.
template <class S>
struct TextField {
  std::string_view name;
  std::string S::*member;
  bool required = false;
};
// A list of free texts.
template <class S>
struct TextListField {
  std::string_view name;
  std::vector<std::string> S::*member;
  bool required = false;
};
// What refers to something else (a record's or a staff member's ID, a language or country code, a
// clause): letters, digits and "._-" only, at most 64. `refers_to` names the record type it points at.
template <class S>
struct IdField {
  std::string_view name;
  std::string S::*member;
  bool required = true;
  std::string_view refers_to = {};
};
template <class S>
struct IdListField {
  std::string_view name;
  std::vector<std::string> S::*member;
  bool required = false;
};
// A yes or no; false when absent.
template <class S>
struct FlagField {
  std::string_view name;
  bool S::*member;
};
// One of an enum's names; required.
template <class S, class E, std::size_t N>
struct ChoiceField {
  std::string_view name;
  E S::*member;
  const EnumNames<E, N>* names;
};
// A list of an enum's names; at least one when required.
template <class S, class E, std::size_t N>
struct ChoiceListField {
  std::string_view name;
  std::vector<E> S::*member;
  const EnumNames<E, N>* names;
  bool required = false;
};
// A whole number. With bounds, a value outside them is refused with `message_key` ({min}, {max}).
template <class S>
struct IntegerField {
  std::string_view name;
  std::int64_t S::*member;
  bool required = false;
  std::optional<std::int64_t> min = {};
  std::optional<std::int64_t> max = {};
  std::string_view message_key = {};
};
template <class S>
struct TimeField {
  std::string_view name;
  Timestamp S::*member;
};
template <class S>
struct OptionalTimeField {
  std::string_view name;
  std::optional<Timestamp> S::*member;
};
template <class S>
struct DateField {
  std::string_view name;
  Date S::*member;
  bool required = false;
};
// A list of objects, each described by its own table (describe(Type<Item>)).
template <class S, class Item>
struct ObjectListField {
  std::string_view name;
  std::vector<Item> S::*member;
};

template <class S>
constexpr TextField<S> text(std::string_view name, std::string S::*member) {
  return {name, member, false};
}
template <class S>
constexpr TextField<S> required_text(std::string_view name, std::string S::*member) {
  return {name, member, true};
}
template <class S>
constexpr TextListField<S> texts(std::string_view name, std::vector<std::string> S::*member) {
  return {name, member, false};
}
template <class S>
constexpr IdField<S> id(std::string_view name, std::string S::*member, std::string_view refers_to = {}) {
  return {name, member, true, refers_to};
}
template <class S>
constexpr IdField<S> optional_id(std::string_view name, std::string S::*member, std::string_view refers_to = {}) {
  return {name, member, false, refers_to};
}
template <class S>
constexpr IdListField<S> ids(std::string_view name, std::vector<std::string> S::*member, bool required) {
  return {name, member, required};
}
template <class S>
constexpr FlagField<S> flag(std::string_view name, bool S::*member) {
  return {name, member};
}
template <class S, class E, std::size_t N>
constexpr ChoiceField<S, E, N> choice(std::string_view name, E S::*member, const EnumNames<E, N>& names) {
  return {name, member, &names};
}
template <class S, class E, std::size_t N>
constexpr ChoiceListField<S, E, N> choices(std::string_view name, std::vector<E> S::*member,
                                           const EnumNames<E, N>& names, bool required) {
  return {name, member, &names, required};
}
template <class S>
constexpr IntegerField<S> integer(std::string_view name, std::int64_t S::*member) {
  return {name, member};
}
template <class S>
constexpr IntegerField<S> bounded_integer(std::string_view name, std::int64_t S::*member, std::int64_t min,
                                          std::int64_t max, std::string_view message_key) {
  return {name, member, true, min, max, message_key};
}
template <class S>
constexpr TimeField<S> time(std::string_view name, Timestamp S::*member) {
  return {name, member};
}
template <class S>
constexpr OptionalTimeField<S> optional_time(std::string_view name, std::optional<Timestamp> S::*member) {
  return {name, member};
}
template <class S>
constexpr DateField<S> required_date(std::string_view name, Date S::*member) {
  return {name, member, true};
}
template <class S, class Item>
constexpr ObjectListField<S, Item> objects(std::string_view name, std::vector<Item> S::*member) {
  return {name, member};
}

// The table of a record type, or of an object inside one (a plan's action).
template <class... Fields>
struct RecordType {
  std::string_view name;
  std::string_view clauses;                          // the clauses its records are evidence of, space-separated
  std::optional<InformationCategory> category = {};  // none: internal, never disclosed
  Origin origin = Origin::posted;
  bool about_staff = false;  // a centre record about a staff member (it needs a subject)
  std::tuple<Fields...> fields;
};

template <class... Fields>
constexpr RecordType<Fields...> case_record_type(std::string_view name, std::string_view clauses,
                                                 std::optional<InformationCategory> category, Fields... fields) {
  return {name, clauses, category, Origin::posted, false, {fields...}};
}
// Written by the server only, never posted; internal to the case (no consent category).
template <class... Fields>
constexpr RecordType<Fields...> server_record_type(std::string_view name, std::string_view clauses, Fields... fields) {
  return {name, clauses, std::nullopt, Origin::server, false, {fields...}};
}
// A record about the centre itself, or (about_staff) about one of its staff.
template <class... Fields>
constexpr RecordType<Fields...> centre_record_type(std::string_view name, std::string_view clauses, bool about_staff,
                                                   Fields... fields) {
  return {name, clauses, std::nullopt, Origin::posted, about_staff, {fields...}};
}
template <class... Fields>
constexpr RecordType<Fields...> object_type(std::string_view name, Fields... fields) {
  return {name, {}, std::nullopt, Origin::posted, false, {fields...}};
}

// Calls `visit(field)` for each field of T's table, in the table's order.
template <class T, class Visit>
constexpr void for_each_field(Visit&& visit) {
  std::apply([&](const auto&... field) { (visit(field), ...); }, describe(Type<T>{}).fields);
}

// What every alternative of a record variant shares, read off their tables in variant order.
template <class Variant>
struct RecordTypes;
template <class... T>
struct RecordTypes<std::variant<T...>> {
  static constexpr std::array<std::string_view, sizeof...(T)> names{describe(Type<T>{}).name...};
  static constexpr std::array<std::string_view, sizeof...(T)> clauses{describe(Type<T>{}).clauses...};
  static constexpr std::array<std::optional<InformationCategory>, sizeof...(T)> categories{
      describe(Type<T>{}).category...};
  static constexpr std::array<Origin, sizeof...(T)> origins{describe(Type<T>{}).origin...};
  static constexpr std::array<bool, sizeof...(T)> about_staff{describe(Type<T>{}).about_staff...};

  static constexpr std::optional<std::size_t> index_of(std::string_view name) {
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == name) return i;
    }
    return std::nullopt;
  }
};

// The envelope every record has, a case's or a centre's: who recorded what, and when it happened.
template <class Body>
struct Record {
  std::string id;
  Timestamp occurred_at{};  // when it happened (a session, an assessment), as the staff member states
  Timestamp recorded_at{};  // when it was written down
  std::string recorded_by;  // staff ID
  std::int64_t version = 1;
  Body body;
  std::string subject = {};  // a centre record: the staff member it is about, "" for the centre; a case's: ""

  template <class T>
  bool is() const {
    return std::holds_alternative<T>(body);
  }
  template <class T>
  const T& as() const {
    return std::get<T>(body);
  }
  std::string_view type_name() const { return RecordTypes<Body>::names[body.index()]; }
};

}  // namespace haven::domain
