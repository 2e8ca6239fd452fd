#include "codec/case_standing_json.hpp"

#include <boost/json.hpp>

#include "common/iso_time.hpp"

namespace haven::codec {
namespace {

using standards::ClauseState;
using standards::Reason;

std::int64_t seconds(Timestamp t) { return t.time_since_epoch().count(); }
Timestamp timestamp(std::int64_t s) { return Timestamp{std::chrono::seconds{s}}; }

std::optional<ClauseState> state_at(std::int64_t n) {
  if (n < 0 || n >= static_cast<std::int64_t>(standards::kClauseStateNames.entries.size())) return std::nullopt;
  return static_cast<ClauseState>(n);
}
std::optional<Reason> reason_at(std::int64_t n) {
  if (n < 0 || n >= static_cast<std::int64_t>(standards::kReasonKeys.entries.size())) return std::nullopt;
  return static_cast<Reason>(n);
}

}  // namespace

std::string encode_case_standing(const standards::CaseStanding& standing) {
  boost::json::array staff;
  for (const auto& id : standing.staff) staff.emplace_back(id);
  // Each item a row of numbers: clause, state, reason; for a change to come, its time and what holds
  // then; last, for an obligation, its deadline. So a row has 3, 4, 6 or 7 numbers.
  boost::json::array items;
  for (const auto& item : standing.items) {
    boost::json::array row{item.clause_index, static_cast<int>(item.state), static_cast<int>(item.reason)};
    if (item.changes_at != standards::kNoDeadline) {
      row.emplace_back(seconds(item.changes_at));
      row.emplace_back(static_cast<int>(item.later));
      row.emplace_back(static_cast<int>(item.later_reason));
    }
    if (item.due_at != standards::kNoDeadline) row.emplace_back(seconds(item.due_at));
    items.emplace_back(std::move(row));
  }
  return boost::json::serialize(boost::json::object{
      {"stage", domain::kCaseStageNames.name(standing.stage)},
      {"received", seconds(standing.received_at)},
      {"updated", seconds(standing.updated_at)},
      {"birth", standing.birth_date ? boost::json::value(format_iso_date(*standing.birth_date)) : nullptr},
      {"age", standing.estimated_age ? boost::json::value(*standing.estimated_age) : nullptr},
      {"suspected_child", standing.suspected_child},
      {"staff", std::move(staff)},
      {"items", std::move(items)},
  });
}

std::optional<standards::CaseStanding> decode_case_standing(std::string_view text) {
  boost::system::error_code ec;
  const auto json = boost::json::parse(text, ec);
  if (ec || !json.is_object()) return std::nullopt;
  const auto& o = json.get_object();
  const auto* stage = o.if_contains("stage");
  const auto* received = o.if_contains("received");
  const auto* updated = o.if_contains("updated");
  const auto* birth = o.if_contains("birth");
  const auto* age = o.if_contains("age");
  const auto* suspected = o.if_contains("suspected_child");
  const auto* staff = o.if_contains("staff");
  const auto* items = o.if_contains("items");
  if (!stage || !stage->is_string() || !received || !received->is_int64() || !updated || !updated->is_int64() ||
      !birth || !(birth->is_null() || birth->is_string()) || !age || !(age->is_null() || age->is_int64()) ||
      !suspected || !suspected->is_bool() || !staff || !staff->is_array() || !items || !items->is_array()) {
    return std::nullopt;
  }
  standards::CaseStanding out;
  const auto parsed_stage = domain::kCaseStageNames.parse(stage->get_string());
  if (!parsed_stage) return std::nullopt;
  out.stage = *parsed_stage;
  out.received_at = timestamp(received->get_int64());
  out.updated_at = timestamp(updated->get_int64());
  if (birth->is_string()) {
    out.birth_date = parse_iso_date(birth->get_string());
    if (!out.birth_date) return std::nullopt;
  }
  if (age->is_int64()) out.estimated_age = static_cast<int>(age->get_int64());
  out.suspected_child = suspected->get_bool();
  for (const auto& id : staff->get_array()) {
    if (!id.is_string()) return std::nullopt;
    out.staff.emplace_back(id.get_string());
  }
  out.items.reserve(items->get_array().size());
  for (const auto& value : items->get_array()) {
    const auto* row = value.if_array();
    if (!row || row->size() < 3 || row->size() > 7 || row->size() == 5) return std::nullopt;
    for (const auto& cell : *row) {
      if (!cell.is_int64()) return std::nullopt;
    }
    const auto n = [&](std::size_t i) { return (*row)[i].get_int64(); };
    const auto state = state_at(n(1));
    const auto reason = reason_at(n(2));
    if (n(0) < 0 || n(0) >= static_cast<std::int64_t>(standards::kClauseCount) || !state || !reason) return std::nullopt;
    standards::StandingItem item{static_cast<std::uint16_t>(n(0)), *state, *reason};
    if (row->size() >= 6) {
      const auto later = state_at(n(4));
      const auto later_reason = reason_at(n(5));
      if (!later || !later_reason) return std::nullopt;
      item.changes_at = timestamp(n(3));
      item.later = *later;
      item.later_reason = *later_reason;
    }
    if (row->size() == 4 || row->size() == 7) item.due_at = timestamp(n(row->size() - 1));
    out.items.push_back(item);
  }
  return out;
}

}  // namespace haven::codec
