// Reading untrusted JSON bodies: UTF-8 is checked first, parsing has a depth limit and reports
// errors as values, and ObjectReader reads an object field by field, remembering the first problem
// (missing, wrong type, unknown field) with the full dotted path of the field.
//
//   auto body = parse_json_body(request.body());
//   ObjectReader in(body->as_object(), "");
//   std::string name = in.required_string("name");
//   std::optional<int> age = in.optional_integer("estimated_age");
//   if (auto problem = in.finish()) return fail(*problem);
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "common/error.hpp"
#include "common/enum_names.hpp"
#include "common/iso_time.hpp"

namespace haven::codec {

inline constexpr std::size_t kMaxJsonDepth = 16;

Result<boost::json::value> parse_json_body(std::string_view body);

// The 422 for a `field` whose value is not one of `allowed` (a record type, for instance), listing them.
Error not_one_of(std::string field, std::span<const std::string_view> allowed);

class ObjectReader {
 public:
  // `prefix` is the path of this object inside the body ("person"); empty for the top level.
  ObjectReader(const boost::json::value& value, std::string prefix);

  std::string required_string(std::string_view key);
  std::string optional_string(std::string_view key);  // "" when absent
  bool optional_bool(std::string_view key);           // false when absent
  bool required_bool(std::string_view key);
  std::int64_t required_integer(std::string_view key);
  std::optional<std::int64_t> optional_integer(std::string_view key);
  std::optional<Date> optional_date(std::string_view key);
  Timestamp required_timestamp(std::string_view key);
  std::optional<Timestamp> optional_timestamp(std::string_view key);  // absent or null: none
  std::vector<std::string> string_array(std::string_view key, bool required);
  const boost::json::value* required_object(std::string_view key);  // nullptr after recording a problem
  const boost::json::array* optional_array(std::string_view key);   // nullptr when absent or wrong

  template <class E, std::size_t N>
  E required_enum(std::string_view key, const EnumNames<E, N>& names) {
    const std::string text = required_string(key);
    if (failed()) return names.entries[0].first;
    if (auto parsed = names.parse(text)) return *parsed;
    record(ErrorCode::validation_failed, key, "validation.enum").with_arg("allowed", names.joined());
    return names.entries[0].first;
  }

  // A list of enum names, e.g. "categories": ["identity", "health"]; at least one when required.
  template <class E, std::size_t N>
  std::vector<E> enum_array(std::string_view key, const EnumNames<E, N>& names, bool required) {
    std::vector<E> out;
    const auto texts = string_array(key, required);
    for (std::size_t i = 0; i < texts.size() && !failed(); ++i) {
      if (auto parsed = names.parse(texts[i])) {
        out.push_back(*parsed);
      } else {
        record(ErrorCode::validation_failed, std::string(key) + "[" + std::to_string(i) + "]", "validation.enum")
            .with_arg("allowed", names.joined());
      }
    }
    if (required && !failed() && out.empty()) record(ErrorCode::validation_failed, key, "validation.required");
    return out;
  }

  bool failed() const { return problem_.has_value(); }
  // Checks for fields the endpoint does not accept, then returns the first problem, if any.
  std::optional<Error> finish();

 private:
  const boost::json::value* field(std::string_view key, bool required);
  Error& record(ErrorCode code, std::string_view key, std::string message_key = {});
  Error& wrong_type(std::string_view key, std::string_view expected);
  std::string path(std::string_view key) const;
  std::string checked_text(std::string_view key, std::string_view text);

  const boost::json::object* object_ = nullptr;
  std::string prefix_;
  std::vector<std::string> seen_;
  std::optional<Error> problem_;
};

}  // namespace haven::codec
