// When a case's file may be erased: only once closed, never under a legal hold in force; a lift must
// name a hold in force. Data-driven: each row is a history and what the rules answer.
#include <gtest/gtest.h>

#include "standards/erasure_rules.hpp"

namespace haven::standards {
namespace {

using domain::CaseStage;

const Timestamp kAt = *parse_iso_timestamp("2026-11-27T12:00:00Z");

domain::CaseRecord record(std::string id, domain::RecordBody body, int hour) {
  domain::CaseRecord r;
  r.id = std::move(id);
  r.occurred_at = r.recorded_at = kAt + std::chrono::hours{hour};
  r.recorded_by = "head";
  r.body = std::move(body);
  return r;
}

struct Row {
  const char* name;
  CaseStage stage;
  std::vector<domain::CaseRecord> records;
  std::vector<std::string> refusals;  // message keys, in order; empty: allowed
};

class ErasureRules : public ::testing::TestWithParam<Row> {};

TEST_P(ErasureRules, AnswerAsTheLawAsks) {
  const Row& row = GetParam();
  CaseHistory history;
  history.file.stage = row.stage;
  history.records = row.records;
  const auto decision = check_erasure(history);
  std::vector<std::string> keys;
  for (const auto& r : decision.refusals) keys.push_back(r.message_key);
  EXPECT_EQ(keys, row.refusals);
}

const domain::LegalHold kHold{"Toà án nhân dân tỉnh An Giang", "vụ án mua bán người 12/2026"};

INSTANTIATE_TEST_SUITE_P(
    Cases, ErasureRules,
    ::testing::Values(
        Row{"closed", CaseStage::closed, {}, {}},
        Row{"in_monitoring", CaseStage::monitoring, {}, {"guard.erasure_case_open"}},
        Row{"repatriating", CaseStage::repatriation, {}, {"guard.erasure_case_open"}},
        Row{"closed_under_hold", CaseStage::closed, {record("h1", kHold, 0)}, {"guard.erasure_legal_hold"}},
        Row{"open_and_held", CaseStage::in_care, {record("h1", kHold, 0)},
            {"guard.erasure_case_open", "guard.erasure_legal_hold"}},
        Row{"hold_lifted", CaseStage::closed,
            {record("h1", kHold, 0), record("l1", domain::LegalHoldLifted{"h1", "bản án có hiệu lực"}, 1)}, {}},
        Row{"one_of_two_holds_lifted", CaseStage::closed,
            {record("h1", kHold, 0), record("h2", kHold, 1), record("l1", domain::LegalHoldLifted{"h1", "xong"}, 2)},
            {"guard.erasure_legal_hold"}},
        Row{"a_lift_of_another_hold_lifts_nothing", CaseStage::closed,
            {record("h1", kHold, 0), record("l1", domain::LegalHoldLifted{"h9", "nhầm"}, 1)},
            {"guard.erasure_legal_hold"}}),
    [](const ::testing::TestParamInfo<Row>& row) { return std::string(row.param.name); });

TEST(LegalHoldLift, NamesAHoldInForceOfThisCase) {
  CaseHistory history;
  history.records = {record("h1", kHold, 0), record("h2", kHold, 1), record("l1", domain::LegalHoldLifted{"h1", "xong"}, 2)};
  EXPECT_FALSE(guard_lift_names_a_hold(history, {"h2", "xong"}));
  EXPECT_EQ(guard_lift_names_a_hold(history, {"h1", "lại"})->message_key, "guard.unknown_legal_hold") << "already lifted";
  EXPECT_EQ(guard_lift_names_a_hold(history, {"h9", "xong"})->message_key, "guard.unknown_legal_hold");
  EXPECT_EQ(guard_lift_names_a_hold(history, {"l1", "xong"})->message_key, "guard.unknown_legal_hold") << "not a hold";
  const auto refusal = guard_no_legal_hold(history);
  ASSERT_TRUE(refusal);
  ASSERT_EQ(refusal->args.size(), 1U);
  EXPECT_EQ(refusal->args.front().value, "Toà án nhân dân tỉnh An Giang") << "the message names who asked";
}

}  // namespace
}  // namespace haven::standards
