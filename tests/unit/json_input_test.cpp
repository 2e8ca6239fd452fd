#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "http/case_json.hpp"
#include "codec/json_input.hpp"

namespace haven::http {
namespace {

TEST(JsonInput, RefusesInvalidUtf8BeforeParsing) {
  auto r = codec::parse_json_body("{\"name\":\"\xC3\x28\"}");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::invalid_utf8);
}

TEST(JsonInput, RefusesDuplicateKeysAtAnyDepthWithTheirPath) {
  struct Case {
    std::string_view body;
    std::string_view field;  // empty: accepted
  };
  for (const auto& [body, field] : {
           Case{R"({"a": 1, "a": 2})", "a"},
           Case{R"({"a": {"b": 1, "c": 2, "b": 3}})", "a.b"},
           Case{R"({"list": [{"x": 1}, {"x": 1, "x": 2}]})", "list[].x"},
           Case{R"({"a": {"b": 1}, "c": {"b": 1}})", ""},         // the same key in two objects
           Case{R"({"list": [{"x": 1}, {"x": 2}]})", ""},          // in two elements
           Case{R"({"\u0061": 1, "a": 2})", "a"},                 // spelled differently, the same key
       }) {
    auto parsed = codec::parse_json_body(body);
    if (field.empty()) {
      EXPECT_TRUE(parsed.has_value()) << body;
    } else {
      ASSERT_FALSE(parsed.has_value()) << body;
      EXPECT_EQ(parsed.error().code, ErrorCode::malformed_json) << body;
      EXPECT_EQ(parsed.error().field, field) << body;
      EXPECT_EQ(parsed.error().message_key, "error.duplicate_key") << body;
    }
  }
}

TEST(JsonInput, LimitsNestingDepth) {
  std::string deep(100, '[');
  deep = "{\"a\":" + deep + std::string(100, ']') + "}";
  auto r = codec::parse_json_body(deep);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::malformed_json);
}

TEST(JsonInput, ReaderNamesTheFirstProblemWithItsPath) {
  const auto value = boost::json::parse(R"({"person": {"name": 5}})");
  codec::ObjectReader top(value, "");
  const auto* person = top.required_object("person");
  ASSERT_NE(person, nullptr);
  codec::ObjectReader in(*person, "person");
  (void)in.required_string("name");
  auto problem = in.finish();
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->code, ErrorCode::wrong_type);
  EXPECT_EQ(problem->field, "person.name");
}

TEST(JsonInput, UnknownFieldsAreRefused) {
  const auto value = boost::json::parse(R"({"username": "a", "password": "b", "admin": true})");
  codec::ObjectReader in(value, "");
  (void)in.required_string("username");
  (void)in.required_string("password");
  auto problem = in.finish();
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->code, ErrorCode::unknown_field);
  EXPECT_EQ(problem->field, "admin");
}

TEST(JsonInput, DecodesANewCase) {
  const auto value = boost::json::parse(R"({
    "reception": {"received_at": "2026-11-27T07:30:00Z", "referral_channel": "ngo", "referring_authority": "A",
                  "legal_basis": "B", "documents": []},
    "person": {"name": "Đức", "name_is_alias": true, "sex": "male", "birth_date": null, "estimated_age": 15,
               "suspected_child": true, "nationality": "KH", "languages": ["km"], "preferred_staff_gender": "any"}})");
  auto input = decode_new_case(value);
  ASSERT_TRUE(input) << input.error().field;
  EXPECT_EQ(input->person.estimated_age, 15);
  EXPECT_FALSE(input->person.birth_date);
  EXPECT_EQ(input->reception.referral_channel, domain::ReferralChannel::ngo);
}

TEST(JsonInput, AnEnumOutsideItsValuesNamesTheAllowedOnes) {
  const auto value = boost::json::parse(R"({"reception": {"received_at": "2026-11-27T07:30:00Z",
    "referral_channel": "carrier pigeon", "referring_authority": "A", "legal_basis": "B"}, "person": {}})");
  auto input = decode_new_case(value);
  ASSERT_FALSE(input);
  EXPECT_EQ(input.error().field, "reception.referral_channel");
  EXPECT_EQ(input.error().message_key, "validation.enum");
}

}  // namespace
}  // namespace haven::http
