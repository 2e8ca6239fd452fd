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
  s.birth_date = Date{std::chrono::year{2011}, std::chrono::month{2}, std::chrono::day{28}};
  s.estimated_age = 15;
  s.suspected_child = true;
  s.staff = {"01J0STAFF00000000000000001", "01J0STAFF00000000000000002"};
  s.items.push_back({*standards::clause_index("I.1.b"), ClauseState::met, Reason::none});
  s.items.push_back({*standards::clause_index("II.4.b"), ClauseState::pending, Reason::not_yet_due,
                     s.received_at + std::chrono::days{7}, ClauseState::overdue, Reason::overdue,
                     s.received_at + std::chrono::days{7}});
  // An obligation done on time keeps the deadline it had, for the dashboard's trend.
  s.items.push_back({*standards::clause_index("II.3.a"), ClauseState::met, Reason::none, standards::kNoDeadline,
                     ClauseState::overdue, Reason::overdue, s.received_at + std::chrono::days{3}});
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
  const std::string base = R"({"stage":"in_care","received":0,"updated":0,"birth":null,"age":null,"suspected_child":false,"staff":[],"items":)";
  EXPECT_TRUE(decode_case_standing(base + "[[0,0,0]]}"));
  EXPECT_FALSE(decode_case_standing(base + "[[59,0,0]]}")) << "no 60th clause";
  EXPECT_FALSE(decode_case_standing(base + "[[0,5,0]]}")) << "no sixth state";
  EXPECT_FALSE(decode_case_standing(base + "[[0,0,23]]}")) << "no 24th reason";
  EXPECT_TRUE(decode_case_standing(base + "[[0,1,1,5]]}")) << "a deadline kept";
  EXPECT_FALSE(decode_case_standing(base + "[[0,1,1,5,0]]}")) << "a change without what holds after it";
  EXPECT_FALSE(decode_case_standing(base + "[[0,1,1,5,0,1,6,7]]}")) << "no eighth number";
  EXPECT_FALSE(decode_case_standing(base + R"([["I.1.b","met",""]]})")) << "by name is another form";
  EXPECT_FALSE(decode_case_standing(base.substr(0, base.find("\"birth\":null")) + R"("birth":"2011-02-30",)" +
                                    base.substr(base.find("\"age\"")) + "[]}")) << "no 30 February";
  EXPECT_FALSE(decode_case_standing(R"({"stage":"limbo","received":0,"updated":0,"birth":null,"age":null,"suspected_child":false,"staff":[],"items":[]})"));
}

}  // namespace
}  // namespace haven::codec

namespace haven::standards {
namespace {

// The "children" filter of the case list reads the standing; the list's badge reads the person. They
// must agree on every day, as the presumption (II.2.d) and the passing birthdays have them.
TEST(CaseStanding, AChildIsAChildOnTheSameDaysAsTheListSays) {
  const Timestamp received{std::chrono::sys_days{Date{std::chrono::year{2026}, std::chrono::month{1}, std::chrono::day{15}}}};
  const auto day = [&](int days_after) { return received + std::chrono::days{days_after}; };
  domain::Person born;  // 18 on 2026-03-01
  born.birth_date = Date{std::chrono::year{2008}, std::chrono::month{3}, std::chrono::day{1}};
  domain::Person estimated;  // said to be 17 at reception: 18 a year later
  estimated.estimated_age = 17;
  domain::Person suspected;
  suspected.suspected_child = true;
  domain::Person adult;
  adult.estimated_age = 30;
  for (const auto& person : {born, estimated, suspected, adult}) {
    CaseHistory history;
    history.file.reception.received_at = received;
    history.file.person = person;
    const auto standing = standing_of(history, Parameters::defaults());
    for (const int d : {0, 44, 45, 364, 365, 366, 4000}) {
      EXPECT_EQ(child_at(standing, day(d)), domain::treated_as_child(person, date_of(received), date_of(day(d))))
          << "day " << d;
    }
  }
  CaseHistory born_history;
  born_history.file.reception.received_at = received;
  born_history.file.person = born;
  const auto standing = standing_of(born_history, Parameters::defaults());
  EXPECT_TRUE(child_at(standing, day(44)));   // 28 February 2026
  EXPECT_FALSE(child_at(standing, day(45)));  // 1 March 2026: eighteen
}

// A clause whose worst finding is not met (a crisis follow-up done late) is not met, not overdue,
// even while another of its findings is past its deadline: the filter says what the panel says.
TEST(CaseStanding, OverdueIsWhatTheCompliancePanelShows) {
  const auto clause = *clause_index("II.3.b");
  const Timestamp t0{std::chrono::sys_days{Date{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{1}}}};
  CaseStanding standing;
  standing.items.push_back({clause, ClauseState::pending, Reason::not_yet_due, t0 + std::chrono::hours{24}});
  EXPECT_FALSE(overdue_at(standing, t0));
  EXPECT_TRUE(overdue_at(standing, t0 + std::chrono::hours{25}));
  standing.items.push_back({clause, ClauseState::not_met, Reason::late});
  EXPECT_FALSE(overdue_at(standing, t0 + std::chrono::hours{25}));
  EXPECT_EQ(clause_states_at(standing, t0 + std::chrono::hours{25}),
            (std::vector<std::pair<std::uint16_t, ClauseState>>{{clause, ClauseState::not_met}}));
}

}  // namespace
}  // namespace haven::standards
