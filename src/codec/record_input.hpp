// What the record codecs (record_json.cpp, centre_record_json.cpp) share: one body being read, its
// dispatch from a variant's alternatives, and the small JSON helpers of the encoders. Internal to codec/.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <boost/json.hpp>

#include "codec/json_input.hpp"
#include "domain/text_rules.hpp"

namespace haven::codec::detail {

// One record body being read: the reader, the body's path, and the first narrative problem found.
struct Input {
  ObjectReader& in;
  const std::string& prefix;
  std::optional<Error> problem;

  // Every free-text field of a record, required or not, single or a list, passes one rule
  // (domain::check_narrative: no markup, no control or invisible characters), so that no field can
  // carry a script into a page, an export or a print.
  std::string text(std::string_view key) {
    std::string value = in.optional_string(key);
    check_text(key, value);
    return value;
  }
  std::string required_text(std::string_view key) {
    std::string value = in.required_string(key);
    check_text(key, value);
    return value;
  }
  std::vector<std::string> texts(std::string_view key, bool required) {
    auto values = in.string_array(key, required);
    for (std::size_t n = 0; n < values.size(); ++n) check_text(std::string(key) + "[" + std::to_string(n) + "]", values[n]);
    return values;
  }
  // What another field refers to (a record's or a staff member's ID, a language or country code, a
  // clause, a record type): letters, digits and "._-" only, so nothing else travels in one either.
  std::string id(std::string_view key, bool required = true) {
    std::string value = required ? in.required_string(key) : in.optional_string(key);
    if (!is_id(value)) refuse(key);
    return value;
  }
  std::vector<std::string> ids(std::string_view key, bool required) {
    auto values = in.string_array(key, required);
    for (std::size_t n = 0; n < values.size(); ++n) {
      if (!is_id(values[n])) refuse(std::string(key) + "[" + std::to_string(n) + "]");
    }
    return values;
  }
  static bool is_id(std::string_view value) {
    return value.size() <= 64 && std::all_of(value.begin(), value.end(), [](char c) {
             return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
           });
  }
  bool flag(std::string_view key) { return in.optional_bool(key); }

  void check_text(std::string_view key, std::string_view value) {
    if (domain::check_narrative(value) != domain::TextProblem::none) refuse(key);
  }
  void refuse(std::string_view key) {
    if (problem || in.failed()) return;
    Error e(ErrorCode::validation_failed);
    e.field = prefix.empty() ? std::string(key) : prefix + "." + std::string(key);
    e.message_key = "validation.forbidden_characters";
    problem = e;
  }
};

template <class T>
struct Tag {};

// Reads alternative `index` of Variant with `Read`, a stateless callable taking (Tag<Alternative>,
// Input&): the codec passes a lambda that calls its own read() overloads, so an alternative without
// its reader does not compile.
template <class Variant, class Read, std::size_t... I>
Variant read_indexed(std::size_t index, Input& input, std::index_sequence<I...>) {
  using Reader = Variant (*)(Input&);
  static constexpr Reader kReaders[] = {
      [](Input& in) -> Variant { return Read{}(Tag<std::variant_alternative_t<I, Variant>>{}, in); }...};
  return kReaders[index](input);
}

template <class Variant, class Read>
Variant read_alternative(std::size_t index, Input& input, Read) {
  return read_indexed<Variant, Read>(index, input, std::make_index_sequence<std::variant_size_v<Variant>>{});
}

inline boost::json::array strings(const std::vector<std::string>& items) {
  boost::json::array out;
  for (const auto& i : items) out.emplace_back(i);
  return out;
}

template <class E, std::size_t N>
boost::json::array names(const std::vector<E>& items, const EnumNames<E, N>& table) {
  boost::json::array out;
  for (const auto i : items) out.emplace_back(table.name(i));
  return out;
}

}  // namespace haven::codec::detail
