// What registration refuses (II.1.a, I.2.b), each refusal naming its field, with a fixed clock.
#include <gtest/gtest.h>

#include "domain/new_case_validation.hpp"

namespace haven::domain {
namespace {

const Timestamp kNow = *parse_iso_timestamp("2026-11-27T12:00:00Z");

Person valid_person() {
  Person p;
  p.name = "Đặng Thị Hoa";
  p.sex = Sex::female;
  p.birth_date = parse_iso_date("2009-03-14");
  p.nationality = "VN";
  p.languages = {"vi"};
  return p;
}

Reception valid_reception() {
  Reception r;
  r.received_at = *parse_iso_timestamp("2026-11-27T07:30:00Z");
  r.referral_channel = ReferralChannel::police;
  r.referring_authority = "Công an tỉnh An Giang";
  r.legal_basis = "Quyết định 12/QĐ";
  return r;
}

TEST(NewCaseValidation, AcceptsACompleteRecord) { EXPECT_TRUE(validate_new_case(valid_person(), valid_reception(), kNow)); }

struct Refusal {
  const char* description;
  std::function<void(Person&, Reception&)> change;
  const char* field;
  const char* message_key;
};

class NewCaseRefusalTest : public ::testing::TestWithParam<Refusal> {};

TEST_P(NewCaseRefusalTest, NamesTheField) {
  Person p = valid_person();
  Reception r = valid_reception();
  GetParam().change(p, r);
  const auto result = validate_new_case(p, r, kNow);
  ASSERT_FALSE(result) << GetParam().description;
  EXPECT_EQ(result.error().code, ErrorCode::validation_failed);
  EXPECT_EQ(result.error().field, GetParam().field);
  EXPECT_EQ(result.error().message_key, GetParam().message_key);
}

INSTANTIATE_TEST_SUITE_P(
    Table, NewCaseRefusalTest,
    ::testing::Values(
        Refusal{"birth date tomorrow", [](Person& p, Reception&) { p.birth_date = parse_iso_date("2026-11-28"); },
                "person.birth_date", "validation.birth_date_future"},
        Refusal{"empty name", [](Person& p, Reception&) { p.name = " "; }, "person.name", "validation.required"},
        Refusal{"script in name", [](Person& p, Reception&) { p.name = "<b>x</b>"; }, "person.name",
                "validation.forbidden_characters"},
        Refusal{"age 130", [](Person& p, Reception&) { p.estimated_age = 130; }, "person.estimated_age",
                "validation.age_range"},
        Refusal{"nationality lower case", [](Person& p, Reception&) { p.nationality = "vn"; }, "person.nationality",
                "validation.nationality"},
        Refusal{"no language", [](Person& p, Reception&) { p.languages.clear(); }, "person.languages",
                "validation.languages_required"},
        Refusal{"not a language code", [](Person& p, Reception&) { p.languages = {"Vietnamese"}; }, "person.languages",
                "validation.language_tag"},
        Refusal{"received an hour from now",
                [](Person&, Reception& r) { r.received_at = kNow + std::chrono::hours{1}; }, "reception.received_at",
                "validation.received_at_future"},
        Refusal{"II.1.a without legal basis", [](Person&, Reception& r) { r.legal_basis = ""; },
                "reception.legal_basis", "validation.required"},
        Refusal{"II.1.a without referring authority", [](Person&, Reception& r) { r.referring_authority = ""; },
                "reception.referring_authority", "validation.required"},
        Refusal{"markup in a document", [](Person&, Reception& r) { r.documents = {"ok", "<script>"}; },
                "reception.documents[1]", "validation.forbidden_characters"}));

TEST(NewCaseValidation, ReceptionRefusalsNameClauseII_1_a) {
  Reception r = valid_reception();
  r.legal_basis.clear();
  const auto result = validate_reception(r, kNow);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().clause, "II.1.a");
}

TEST(NewCaseValidation, ToleratesAFewMinutesOfClockDifference) {
  Reception r = valid_reception();
  r.received_at = kNow + std::chrono::minutes{3};
  EXPECT_TRUE(validate_reception(r, kNow));
}

}  // namespace
}  // namespace haven::domain
