// The stored form of a case's standing reads back exactly, and a form that does not (cut short,
// out of range, from another shape) reads back as nothing, so that the case is evaluated again.
#include <gtest/gtest.h>

#include "codec/case_standing_json.hpp"

namespace haven::codec {
namespace {

using standards::ClauseState;
using standards::Reason;

standards::CaseStanding example() {
  standards::CaseStanding s;
  s.stage = domain::CaseStage::assessment;
  s.received_at = Timestamp{std::chrono::seconds{1'780'000'000}};
  s.updated_at = s.received_at + std::chrono::hours{3};
  s.child = true;
  s.staff = {"01J0STAFF00000000000000001", "01J0STAFF00000000000000002"};
  s.items.push_back({*standards::clause_index("I.1.b"), ClauseState::met, Reason::none});
  s.items.push_back({*standards::clause_index("II.4.b"), ClauseState::pending, Reason::not_yet_due,
                     s.received_at + std::chrono::days{7}, ClauseState::overdue, Reason::overdue});
  s.items.push_back({*standards::clause_index("I.4.b"), ClauseState::not_applicable, Reason::not_a_child});
  return s;
}

TEST(CaseStandingCodec, AStandingReadsBackExactly) {
  const auto s = example();
  const auto back = decode_case_standing(encode_case_standing(s));
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, s);
  EXPECT_EQ(*decode_case_standing(encode_case_standing(standards::CaseStanding{})), standards::CaseStanding{});
}

TEST(CaseStandingCodec, AFormThatDoesNotReadBackWholeIsNothing) {
  const std::string good = encode_case_standing(example());
  EXPECT_FALSE(decode_case_standing(""));
  EXPECT_FALSE(decode_case_standing(good.substr(0, good.size() / 2)));
  EXPECT_FALSE(decode_case_standing("[]"));
  const std::string base = R"({"stage":"in_care","received":0,"updated":0,"child":false,"staff":[],"items":)";
  EXPECT_TRUE(decode_case_standing(base + "[[0,0,0]]}"));
  EXPECT_FALSE(decode_case_standing(base + "[[59,0,0]]}")) << "no 60th clause";
  EXPECT_FALSE(decode_case_standing(base + "[[0,5,0]]}")) << "no sixth state";
  EXPECT_FALSE(decode_case_standing(base + "[[0,0,23]]}")) << "no 24th reason";
  EXPECT_FALSE(decode_case_standing(base + "[[0,1,1,5]]}")) << "a deadline without what holds after it";
  EXPECT_FALSE(decode_case_standing(base + R"([["I.1.b","met",""]]})")) << "by name is another form";
  EXPECT_FALSE(decode_case_standing(R"({"stage":"limbo","received":0,"updated":0,"child":false,"staff":[],"items":[]})"));
}

}  // namespace
}  // namespace haven::codec
