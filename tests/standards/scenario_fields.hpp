// A scenario's `name=value` words set a record's fields by the names its record type's table gives
// them (domain/record_type.hpp), so a scenario says `victim_views=empty` where the API says
// "victim_views": "", and a field renamed in the table cannot leave a scenario meaning something else.
//
// Values by the field's kind:
//   flag         yes | no
//   text         the word as written; `empty` for "", `blank` for spaces only
//   texts, ids   words separated by commas; `empty` for none
//   id           the word; for a field that refers to a record type, `latest` or `first` names that
//                record in the history so far and `nothing` a record that does not exist
//   choice       one of the enum's names; choices: names separated by commas, or `all`
//   integer      a number; time, optional time: ISO 8601 (`none` for an optional one); date: YYYY-MM-DD
//   objects      `empty`; `actions.need_id=nothing` sets that field of every object in the list
#pragma once

#include <charconv>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "common/iso_time.hpp"
#include "domain/record_type.hpp"
#include "standards/case_history.hpp"

namespace haven::standards::testing {

// The ID of the first or latest record of a type already in the history ("" when there is none).
inline std::string record_id(const CaseHistory& history, std::string_view type, bool latest) {
  std::string found;
  for (const auto& r : history.records) {
    if (r.type_name() != type) continue;
    found = r.id;
    if (!latest) break;
  }
  return found;
}

template <class T>
std::string set_field(T& body, const std::string& name, const std::string& value, const CaseHistory& history);

namespace scenario_fields {

template <class T>
struct IsObjectList : std::false_type {};
template <class S, class Item>
struct IsObjectList<domain::ObjectListField<S, Item>> : std::true_type {};

inline std::vector<std::string> comma_list(const std::string& value) {
  std::vector<std::string> out;
  if (value == "empty") return out;
  std::istringstream in(value);
  for (std::string item; std::getline(in, item, ',');) out.push_back(item);
  return out;
}

inline std::string text_of(const std::string& value) {
  if (value == "empty") return {};
  if (value == "blank") return "   ";
  return value;
}

// What `value` means for one field; an empty string when it was set, else why not.
template <class S, class Field>
std::string assign(const Field& field, S& body, const std::string& rest, const std::string& value,
                   const CaseHistory& history) {
  using F = std::decay_t<Field>;
  if constexpr (IsObjectList<F>::value) {
    if (rest.empty()) {
      if (value != "empty") return "a list of objects takes only `empty`";
      (body.*field.member).clear();
      return {};
    }
    for (auto& item : body.*field.member) {
      if (auto why = set_field(item, rest, value, history); !why.empty()) return why;
    }
    return {};
  } else {
    if (!rest.empty()) return "not a list of objects";
    if constexpr (std::is_same_v<F, domain::FlagField<S>>) {
      if (value != "yes" && value != "no") return "yes or no";
      body.*field.member = value == "yes";
    } else if constexpr (std::is_same_v<F, domain::TextField<S>>) {
      body.*field.member = text_of(value);
    } else if constexpr (std::is_same_v<F, domain::TextListField<S>> || std::is_same_v<F, domain::IdListField<S>>) {
      body.*field.member = comma_list(value);
    } else if constexpr (std::is_same_v<F, domain::IdField<S>>) {
      if (!field.refers_to.empty() && (value == "latest" || value == "first")) {
        body.*field.member = record_id(history, field.refers_to, value == "latest");
      } else if (!field.refers_to.empty() && value == "nothing") {
        body.*field.member = "no-such-" + std::string(field.refers_to);
      } else {
        body.*field.member = value == "empty" ? std::string() : value;
      }
    } else if constexpr (std::is_same_v<F, domain::IntegerField<S>>) {
      std::int64_t n = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (error != std::errc{} || end != value.data() + value.size()) return "a number";
      body.*field.member = n;
    } else if constexpr (std::is_same_v<F, domain::TimeField<S>>) {
      const auto t = parse_iso_timestamp(value);
      if (!t) return "an ISO 8601 time";
      body.*field.member = *t;
    } else if constexpr (std::is_same_v<F, domain::OptionalTimeField<S>>) {
      if (value == "none") {
        (body.*field.member).reset();
      } else {
        const auto t = parse_iso_timestamp(value);
        if (!t) return "an ISO 8601 time or none";
        body.*field.member = *t;
      }
    } else if constexpr (std::is_same_v<F, domain::DateField<S>>) {
      const auto d = parse_iso_date(value);
      if (!d) return "a date YYYY-MM-DD";
      body.*field.member = *d;
    } else if constexpr (requires { field.names->parse(value); }) {
      using Member = std::decay_t<decltype(body.*field.member)>;
      if constexpr (requires(Member m) { m.push_back(*field.names->parse(value)); }) {  // choices
        Member chosen;
        if (value == "all") {
          for (const auto& [e, name] : field.names->entries) chosen.push_back(e);
        } else {
          for (const auto& word : comma_list(value)) {
            const auto e = field.names->parse(word);
            if (!e) return "not one of its names: " + word;
            chosen.push_back(*e);
          }
        }
        body.*field.member = std::move(chosen);
      } else {
        const auto e = field.names->parse(value);
        if (!e) return "not one of its names";
        body.*field.member = *e;
      }
    } else {
      static_assert(sizeof(F) == 0, "a field kind the scenarios do not know");
    }
    return {};
  }
}

}  // namespace scenario_fields

// Sets the field `name` (`list.field` inside a list of objects) of `body` from a scenario word.
// Returns an empty string when set, else what went wrong, naming the fields the table has.
template <class T>
std::string set_field(T& body, const std::string& name, const std::string& value, const CaseHistory& history) {
  const auto dot = name.find('.');
  const std::string head = name.substr(0, dot);
  const std::string rest = dot == std::string::npos ? std::string() : name.substr(dot + 1);
  std::string why = "no such field";
  std::string known;
  domain::for_each_field<T>([&](const auto& field) {
    known += (known.empty() ? "" : ", ") + std::string(field.name);
    if (field.name == head) why = scenario_fields::assign(field, body, rest, value, history);
  });
  if (why.empty()) return {};
  return std::string(domain::describe(domain::Type<T>{}).name) + " " + name + "=" + value + ": " + why + " (fields: " +
         known + ")";
}

}  // namespace haven::standards::testing
