// Reading, writing and describing (JSON Schema) any record body from its table (domain/record_type.hpp):
// one function per kind of field, so no record type has a reader or an encoder of its own. Internal to
// codec/; record_json.cpp and centre_record_json.cpp instantiate it for their variants.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <boost/json.hpp>

#include "codec/json_input.hpp"
#include "common/iso_time.hpp"
#include "domain/record_type.hpp"
#include "domain/text_rules.hpp"

namespace haven::codec::detail {

namespace json = boost::json;

// The longest value a reference (IdField) may have.
inline constexpr std::size_t kMaxIdLength = 64;

// One record body being read: the reader, the body's path, and the first narrative problem found.
// The reader's own problems (a missing field, a wrong type) come first when both occur.
struct Input {
  ObjectReader& in;
  const std::string& prefix;
  std::optional<Error> problem;

  static bool is_id(std::string_view value) {
    return value.size() <= kMaxIdLength && std::all_of(value.begin(), value.end(), [](char c) {
             return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                    c == '_' || c == '-';
           });
  }
  // Every free-text field, required or not, single or a list, passes one rule (no markup, no control
  // or invisible characters), so that no field can carry a script into a page, an export or a print.
  void check_text(std::string_view key, std::string_view value) {
    if (domain::check_narrative(value) != domain::TextProblem::none) refuse(key, "validation.forbidden_characters");
  }
  void refuse(std::string_view key, std::string message_key) {
    if (problem || in.failed()) return;
    Error e(ErrorCode::validation_failed);
    e.field = prefix.empty() ? std::string(key) : prefix + "." + std::string(key);
    e.message_key = std::move(message_key);
    problem = std::move(e);
  }
};

inline std::string element(std::string_view key, std::size_t n) {
  return std::string(key) + "[" + std::to_string(n) + "]";
}

template <class S>
Result<S> read_object(const json::value& value, const std::string& prefix);

// ---- reading, one overload per kind of field

template <class S>
void read_field(Input& i, S& s, const domain::TextField<S>& f) {
  s.*f.member = f.required ? i.in.required_string(f.name) : i.in.optional_string(f.name);
  i.check_text(f.name, s.*f.member);
}
template <class S>
void read_field(Input& i, S& s, const domain::TextListField<S>& f) {
  s.*f.member = i.in.string_array(f.name, f.required);
  for (std::size_t n = 0; n < (s.*f.member).size(); ++n) i.check_text(element(f.name, n), (s.*f.member)[n]);
}
template <class S>
void read_field(Input& i, S& s, const domain::IdField<S>& f) {
  s.*f.member = f.required ? i.in.required_string(f.name) : i.in.optional_string(f.name);
  if (!Input::is_id(s.*f.member)) i.refuse(f.name, "validation.forbidden_characters");
}
template <class S>
void read_field(Input& i, S& s, const domain::IdListField<S>& f) {
  s.*f.member = i.in.string_array(f.name, f.required);
  for (std::size_t n = 0; n < (s.*f.member).size(); ++n) {
    if (!Input::is_id((s.*f.member)[n])) i.refuse(element(f.name, n), "validation.forbidden_characters");
  }
}
template <class S>
void read_field(Input& i, S& s, const domain::FlagField<S>& f) {
  s.*f.member = i.in.optional_bool(f.name);
}
template <class S, class E, std::size_t N>
void read_field(Input& i, S& s, const domain::ChoiceField<S, E, N>& f) {
  s.*f.member = i.in.required_enum(f.name, *f.names);
}
template <class S, class E, std::size_t N>
void read_field(Input& i, S& s, const domain::ChoiceListField<S, E, N>& f) {
  s.*f.member = i.in.enum_array(f.name, *f.names, f.required);
}
template <class S>
void read_field(Input& i, S& s, const domain::IntegerField<S>& f) {
  s.*f.member = f.required ? i.in.required_integer(f.name) : i.in.optional_integer(f.name).value_or(0);
  const auto v = s.*f.member;
  if (i.in.failed() || i.problem) return;
  if ((f.min && v < *f.min) || (f.max && v > *f.max)) {
    i.refuse(f.name, std::string(f.message_key));
    if (f.min) i.problem->with_arg("min", std::to_string(*f.min));
    if (f.max) i.problem->with_arg("max", std::to_string(*f.max));
  }
}
template <class S>
void read_field(Input& i, S& s, const domain::TimeField<S>& f) {
  s.*f.member = i.in.required_timestamp(f.name);
}
template <class S>
void read_field(Input& i, S& s, const domain::OptionalTimeField<S>& f) {
  s.*f.member = i.in.optional_timestamp(f.name);
}
template <class S>
void read_field(Input& i, S& s, const domain::DateField<S>& f) {
  s.*f.member = i.in.optional_date(f.name).value_or(Date{});
  if (f.required && s.*f.member == Date{} && !i.in.failed()) i.refuse(f.name, "validation.required");
}
// Each element read with its own path (actions[2].need) and its own unknown-field check.
template <class S, class Item>
void read_field(Input& i, S& s, const domain::ObjectListField<S, Item>& f) {
  auto& items = s.*f.member;
  items.clear();
  const auto* list = i.in.optional_array(f.name);
  if (!list) return;
  for (std::size_t n = 0; n < list->size(); ++n) {
    const std::string path = (i.prefix.empty() ? std::string() : i.prefix + ".") + element(f.name, n);
    ObjectReader item_reader((*list)[n], path);
    Input item{item_reader, path, std::nullopt};
    Item value{};
    domain::for_each_field<Item>([&](const auto& field) { read_field(item, value, field); });
    if (!i.problem) i.problem = item.problem;
    if (auto item_problem = item_reader.finish(); item_problem && !i.problem) i.problem = *item_problem;
    items.push_back(std::move(value));
  }
}

// ---- writing

template <class S>
json::object write_object(const S& s);

template <class S>
void write_field(json::object& out, const S& s, const domain::TextField<S>& f) {
  out[f.name] = s.*f.member;
}
template <class S>
void write_field(json::object& out, const S& s, const domain::IdField<S>& f) {
  out[f.name] = s.*f.member;
}
template <class S, class F>
requires std::is_same_v<F, domain::TextListField<S>> || std::is_same_v<F, domain::IdListField<S>>
void write_field(json::object& out, const S& s, const F& f) {
  json::array items;
  for (const auto& v : s.*f.member) items.emplace_back(v);
  out[f.name] = std::move(items);
}
template <class S>
void write_field(json::object& out, const S& s, const domain::FlagField<S>& f) {
  out[f.name] = s.*f.member;
}
template <class S, class E, std::size_t N>
void write_field(json::object& out, const S& s, const domain::ChoiceField<S, E, N>& f) {
  out[f.name] = f.names->name(s.*f.member);
}
template <class S, class E, std::size_t N>
void write_field(json::object& out, const S& s, const domain::ChoiceListField<S, E, N>& f) {
  json::array items;
  for (const auto v : s.*f.member) items.emplace_back(f.names->name(v));
  out[f.name] = std::move(items);
}
template <class S>
void write_field(json::object& out, const S& s, const domain::IntegerField<S>& f) {
  out[f.name] = s.*f.member;
}
template <class S>
void write_field(json::object& out, const S& s, const domain::TimeField<S>& f) {
  out[f.name] = format_iso_timestamp(s.*f.member);
}
template <class S>
void write_field(json::object& out, const S& s, const domain::OptionalTimeField<S>& f) {
  const auto& v = s.*f.member;
  out[f.name] = v ? json::value(format_iso_timestamp(*v)) : json::value(nullptr);
}
template <class S>
void write_field(json::object& out, const S& s, const domain::DateField<S>& f) {
  out[f.name] = format_iso_date(s.*f.member);
}
template <class S, class Item>
void write_field(json::object& out, const S& s, const domain::ObjectListField<S, Item>& f) {
  json::array items;
  for (const auto& item : s.*f.member) items.emplace_back(write_object(item));
  out[f.name] = std::move(items);
}

template <class S>
json::object write_object(const S& s) {
  json::object out;
  domain::for_each_field<S>([&](const auto& field) { write_field(out, s, field); });
  return out;
}

// ---- decoding and encoding a variant of record bodies by type name

template <class Body, std::size_t... I>
Body read_indexed(std::size_t index, Input& input, std::index_sequence<I...>) {
  using Reader = Body (*)(Input&);
  static constexpr Reader kReaders[] = {[](Input& in) -> Body {
    std::variant_alternative_t<I, Body> value{};
    domain::for_each_field<std::variant_alternative_t<I, Body>>(
        [&](const auto& field) { read_field(in, value, field); });
    return value;
  }...};
  return kReaders[index](input);
}

// not_found for an unknown type; the reader's problems otherwise, with paths under `prefix`.
template <class Body>
Result<Body> decode_body(std::string_view type_name, const json::value& value, const std::string& prefix) {
  const auto index = domain::RecordTypes<Body>::index_of(type_name);
  if (!index) return fail(ErrorCode::not_found, {}, "error.record_type_not_found");
  ObjectReader in(value, prefix);
  Input input{in, prefix, std::nullopt};
  Body body = read_indexed<Body>(*index, input, std::make_index_sequence<std::variant_size_v<Body>>{});
  if (auto reader_problem = in.finish()) return fail(*reader_problem);
  if (input.problem) return fail(*input.problem);
  return body;
}

template <class Body>
json::object encode_body(const Body& body) {
  return std::visit([](const auto& b) { return write_object(b); }, body);
}

// ---- describing, as JSON Schema (OpenAPI 3.1)

template <class S>
json::object object_schema();

struct SchemaOut {
  json::object properties;
  json::array required;

  void add(std::string_view name, json::object schema, bool is_required) {
    properties[name] = std::move(schema);
    if (is_required) required.emplace_back(name);
  }
};

inline json::object string_schema(std::size_t max_length) {
  return {{"type", "string"}, {"maxLength", max_length}};
}
template <class E, std::size_t N>
json::object enum_schema(const EnumNames<E, N>& names) {
  json::array values;
  for (const auto& entry : names.entries) values.emplace_back(entry.second);
  return {{"type", "string"}, {"enum", std::move(values)}};
}

template <class S>
void schema_field(SchemaOut& out, const domain::TextField<S>& f) {
  out.add(f.name, string_schema(domain::kMaxNarrativeCodePoints), f.required);
}
template <class S>
void schema_field(SchemaOut& out, const domain::TextListField<S>& f) {
  out.add(f.name, {{"type", "array"}, {"items", string_schema(domain::kMaxNarrativeCodePoints)}}, f.required);
}
template <class S>
void schema_field(SchemaOut& out, const domain::IdField<S>& f) {
  json::object schema{{"type", "string"}, {"pattern", "^[A-Za-z0-9._-]{0,64}$"}};
  if (!f.refers_to.empty())
    schema["description"] = "The ID of the case's " + std::string(f.refers_to) + " record it refers to.";
  out.add(f.name, std::move(schema), f.required);
}
template <class S>
void schema_field(SchemaOut& out, const domain::IdListField<S>& f) {
  out.add(f.name,
          {{"type", "array"},
           {"minItems", f.required ? 1 : 0},
           {"items", {{"type", "string"}, {"pattern", "^[A-Za-z0-9._-]{0,64}$"}}}},
          f.required);
}
template <class S>
void schema_field(SchemaOut& out, const domain::FlagField<S>& f) {
  out.add(f.name, {{"type", "boolean"}, {"default", false}}, false);
}
template <class S, class E, std::size_t N>
void schema_field(SchemaOut& out, const domain::ChoiceField<S, E, N>& f) {
  out.add(f.name, enum_schema(*f.names), true);
}
template <class S, class E, std::size_t N>
void schema_field(SchemaOut& out, const domain::ChoiceListField<S, E, N>& f) {
  out.add(f.name, {{"type", "array"}, {"minItems", f.required ? 1 : 0}, {"items", enum_schema(*f.names)}}, f.required);
}
template <class S>
void schema_field(SchemaOut& out, const domain::IntegerField<S>& f) {
  json::object schema{{"type", "integer"}};
  if (f.min) schema["minimum"] = *f.min;
  if (f.max) schema["maximum"] = *f.max;
  out.add(f.name, std::move(schema), f.required);
}
template <class S>
void schema_field(SchemaOut& out, const domain::TimeField<S>& f) {
  out.add(f.name, {{"type", "string"}, {"format", "date-time"}}, true);
}
template <class S>
void schema_field(SchemaOut& out, const domain::OptionalTimeField<S>& f) {
  out.add(f.name, {{"type", json::array{"string", "null"}}, {"format", "date-time"}}, false);
}
template <class S>
void schema_field(SchemaOut& out, const domain::DateField<S>& f) {
  out.add(f.name, {{"type", "string"}, {"format", "date"}}, f.required);
}
template <class S, class Item>
void schema_field(SchemaOut& out, const domain::ObjectListField<S, Item>& f) {
  out.add(f.name, {{"type", "array"}, {"items", object_schema<Item>()}}, false);
}

// A closed object (unknown fields are refused, as the reader does), with the table's clauses.
template <class S>
json::object object_schema() {
  SchemaOut out;
  domain::for_each_field<S>([&](const auto& field) { schema_field(out, field); });
  json::object schema{{"type", "object"}, {"additionalProperties", false}, {"properties", std::move(out.properties)}};
  if (!out.required.empty()) schema["required"] = std::move(out.required);
  const auto table = describe(domain::Type<S>{});
  if (!table.clauses.empty()) schema["description"] = "Clauses " + std::string(table.clauses) + ".";
  return schema;
}

// Calls `visit(name, schema)` for every alternative of a record variant.
template <class Body, class Visit>
void for_each_body_schema(Visit&& visit) {
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (visit(domain::RecordTypes<Body>::names[I], domain::RecordTypes<Body>::origins[I],
           object_schema<std::variant_alternative_t<I, Body>>()),
     ...);
  }
  (std::make_index_sequence<std::variant_size_v<Body>>{});
}

}  // namespace haven::codec::detail
