// What a case's standing puts in the notifications of those on it, at a fixed time: an open crisis
// intervention (II.3.b) at once, any other task only once past its deadline, nothing done or of a
// closed case; each with a key that stays the same while the task stands.
#include <gtest/gtest.h>

#include "app/notifications.hpp"

namespace haven::app {
namespace {

using namespace std::chrono;
using standards::ClauseState;
using standards::Reason;
using standards::StandingItem;

const Timestamp kNow = Timestamp{sys_days{year{2026} / 12 / 7}.time_since_epoch()} + hours{10};

std::uint16_t clause(std::string_view id) { return *standards::clause_index(id); }
StandingItem open_until(std::string_view id, Timestamp due) {
  return {clause(id), ClauseState::pending, Reason::not_yet_due, due, ClauseState::overdue, Reason::overdue, due};
}
StandingItem done(std::string_view id, Timestamp due) {
  StandingItem item{clause(id), ClauseState::met, Reason::none};
  item.due_at = due;
  return item;
}
standards::CaseStanding standing(domain::CaseStage stage, std::vector<StandingItem> items) {
  standards::CaseStanding s;
  s.stage = stage;
  s.staff = {"worker"};
  s.items = std::move(items);
  return s;
}

struct Row {
  const char* what;
  domain::CaseStage stage;
  StandingItem item;
  std::optional<NotificationKind> expected;  // none: nothing to notify
};

TEST(NotificationItems, EachTaskNotifiesWhenItNeedsSomeone) {
  const Row rows[] = {
      {"a crisis seen today, due tonight", domain::CaseStage::in_care, open_until("II.3.b", kNow + hours{6}),
       NotificationKind::crisis},
      {"a crisis left past its deadline", domain::CaseStage::in_care, open_until("II.3.b", kNow - hours{2}),
       NotificationKind::crisis},
      {"a counselling session past its deadline", domain::CaseStage::in_care, open_until("II.3.a", kNow - hours{1}),
       NotificationKind::overdue},
      {"a counselling session due next week", domain::CaseStage::in_care, open_until("II.3.a", kNow + days{7}),
       std::nullopt},
      {"a crisis intervened in on time", domain::CaseStage::in_care, done("II.3.b", kNow - hours{3}), std::nullopt},
      {"an indicator", domain::CaseStage::in_care, {clause("I.1.b"), ClauseState::not_met, Reason::none}, std::nullopt},
      {"a closed case's missed deadline", domain::CaseStage::closed, open_until("II.3.a", kNow - days{30}),
       std::nullopt},
  };
  for (const auto& row : rows) {
    const auto items = standing_notifications("case-1", standing(row.stage, {row.item}), kNow);
    if (!row.expected) {
      EXPECT_TRUE(items.empty()) << row.what;
      continue;
    }
    ASSERT_EQ(items.size(), 1U) << row.what;
    EXPECT_EQ(items[0].kind, *row.expected) << row.what;
    EXPECT_EQ(items[0].case_id, "case-1") << row.what;
    EXPECT_EQ(items[0].at, row.item.due_at) << row.what << ": a task's time is its deadline";
    EXPECT_EQ(items[0].clause, standards::clause_catalog()[row.item.clause_index].id) << row.what;
    EXPECT_FALSE(items[0].read) << row.what;
  }
}

TEST(NotificationItems, AKeyStaysTheSameWhileItsTaskStandsAndDiffersFromAnothers) {
  const auto due = kNow - hours{1};
  const auto before = standing_notifications("case-1", standing(domain::CaseStage::in_care, {open_until("II.3.a", due)}),
                                             kNow);
  const auto later = standing_notifications("case-1", standing(domain::CaseStage::in_care, {open_until("II.3.a", due)}),
                                            kNow + days{2});
  ASSERT_EQ(before.size(), 1U);
  ASSERT_EQ(later.size(), 1U);
  EXPECT_EQ(before[0].key, later[0].key) << "read once, it stays read";
  const auto next = standing_notifications(
      "case-1", standing(domain::CaseStage::in_care, {open_until("II.3.a", due + days{14})}), kNow + days{20});
  ASSERT_EQ(next.size(), 1U);
  EXPECT_NE(next[0].key, before[0].key) << "the next session missed is news again";
  const auto other = standing_notifications("case-2", standing(domain::CaseStage::in_care, {open_until("II.3.a", due)}),
                                            kNow);
  EXPECT_NE(other[0].key, before[0].key);
}

TEST(NotificationItems, ACrisisMissedIsNewsAgainAndTwoTasksAlikeAreOne) {
  const auto due = kNow + hours{2};
  const auto crisis = standing(domain::CaseStage::in_care, {open_until("II.3.b", due)});
  const auto in_time = standing_notifications("case-1", crisis, kNow);
  const auto missed = standing_notifications("case-1", crisis, due + hours{1});
  ASSERT_EQ(in_time.size(), 1U);
  ASSERT_EQ(missed.size(), 1U);
  EXPECT_NE(in_time[0].key, missed[0].key) << "read while there was time, it is unread again once missed";
  const auto twice = standing_notifications(
      "case-1", standing(domain::CaseStage::in_care, {open_until("II.6.e", kNow - hours{1}), open_until("II.6.e", kNow - hours{1})}),
      kNow);
  EXPECT_EQ(twice.size(), 1U) << "two referrals' follow-ups due at once read the same: one notification";
}

TEST(NotificationItems, ThoseDueBeforeWhatTheReaderKeepsAreNotMade) {
  const auto standing_of_two = standing(domain::CaseStage::in_care,
                                        {open_until("II.3.a", kNow - days{3}), open_until("II.6.e", kNow - days{1})});
  const auto all = standing_notifications("case-1", standing_of_two, kNow);
  const auto newer = standing_notifications("case-1", standing_of_two, kNow, kNow - days{1});
  ASSERT_EQ(all.size(), 2U);
  ASSERT_EQ(newer.size(), 1U) << "the one due three days ago is older than any the reader keeps";
  EXPECT_EQ(newer[0].clause, "II.6.e");
  EXPECT_EQ(newer[0].at, kNow - days{1}) << "one due at the very moment given is still made";
}

}  // namespace
}  // namespace haven::app
