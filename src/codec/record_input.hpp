// What the record codecs (record_json.cpp, centre_record_json.cpp) share: one body being read, its
// dispatch from a variant's alternatives, and the small JSON helpers of the encoders. Internal to codec/.
#pragma once

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

  // A narrative field: free text, checked for what must not be in it.
  std::string text(std::string_view key) {
    std::string value = in.optional_string(key);
    if (!problem && domain::check_narrative(value) != domain::TextProblem::none) {
      Error e(ErrorCode::validation_failed);
      e.field = prefix.empty() ? std::string(key) : prefix + "." + std::string(key);
      e.message_key = "validation.forbidden_characters";
      problem = e;
    }
    return value;
  }
  bool flag(std::string_view key) { return in.optional_bool(key); }
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
