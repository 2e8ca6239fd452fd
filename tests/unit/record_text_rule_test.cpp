// One text rule for every free-text field: each string of every record type (case and centre), a
// free text, a list's item, a plan action's, an ID or a code, is refused with markup in it, naming that
// field. Found by walking each type's JSON form, so a new field is covered without a line here.
#include <gtest/gtest.h>

#include <functional>
#include <utility>

#include <boost/json.hpp>

#include "codec/centre_record_json.hpp"
#include "codec/record_json.hpp"

namespace haven::codec {
namespace {

namespace json = boost::json;

template <class Variant, std::size_t... I>
std::vector<Variant> every_alternative(std::index_sequence<I...>) {
  return {Variant{std::in_place_index<I>}...};
}

// An empty list gets one item of its kind, so that its items are walked too; a default date (year 0)
// becomes a real one.
void fill_lists(json::object& body) {
  for (auto& [key, value] : body) {
    if (key == "last_verified") value = "2026-11-30";
    if (!value.is_array() || !value.as_array().empty()) continue;
    if (key == "categories") value = json::array{"health"};
    else if (key == "purposes") value = json::array{"referral"};
    else if (key == "clauses") value = json::array{"II.6.b"};
    else if (key == "languages") value = json::array{"vi"};
    else if (key == "actions") value = json::array{json::object{{"need_id", ""}, {"need", "nhà ở"}, {"action", "thuê nhà"}}};
    else if (key == "changes") value = json::array{json::object{{"field", "birth_date"}, {"before", ""}, {"after", "2001-03-14"}}};
    else value = json::array{"một mục"};
  }
}

// Every string in `value`, by its dotted path ("people_present[0]", "actions[0].need").
void each_string(json::value& value, const std::string& path, const std::function<void(json::value&, const std::string&)>& visit) {
  if (value.is_string()) return visit(value, path);
  if (value.is_array()) {
    auto& items = value.as_array();
    for (std::size_t n = 0; n < items.size(); ++n) each_string(items[n], path + "[" + std::to_string(n) + "]", visit);
  }
  if (value.is_object()) {
    for (auto& [key, item] : value.as_object()) each_string(item, path.empty() ? std::string(key) : path + "." + std::string(key), visit);
  }
}

template <class Decode>
void every_string_refuses_markup(std::string_view type, json::object body, Decode decode) {
  fill_lists(body);
  json::value baseline = body;
  auto plain = decode(type, baseline);
  ASSERT_TRUE(plain) << type << ": the filled body itself is refused at " << plain.error().field;
  int strings = 0;
  each_string(baseline, "", [&](json::value& field, const std::string& path) {
    ++strings;
    const json::value kept = field;
    field = "<script>alert(1)</script>";
    auto refused = decode(type, baseline);
    EXPECT_FALSE(refused) << type << "." << path << " accepted markup";
    if (!refused) {
      EXPECT_EQ(refused.error().field, "body." + path) << type;
    }
    field = kept;
  });
  (void)strings;
}

TEST(RecordTextRule, EveryStringOfEveryCaseRecordRefusesMarkup) {
  for (const auto& body : every_alternative<domain::RecordBody>(std::make_index_sequence<std::variant_size_v<domain::RecordBody>>{})) {
    const std::string_view type = domain::kRecordTypeNames[body.index()];
    every_string_refuses_markup(type, encode_record_body(body), [](std::string_view t, const json::value& j) {
      return decode_record_body(t, j, "body");
    });
  }
}

TEST(RecordTextRule, EveryStringOfEveryCentreRecordRefusesMarkup) {
  for (const auto& body :
       every_alternative<domain::CentreRecordBody>(std::make_index_sequence<std::variant_size_v<domain::CentreRecordBody>>{})) {
    const std::string_view type = domain::kCentreRecordTypeNames[body.index()];
    every_string_refuses_markup(type, encode_centre_record_body(body), [](std::string_view t, const json::value& j) {
      return decode_centre_record_body(t, j, "body");
    });
  }
}

}  // namespace
}  // namespace haven::codec
