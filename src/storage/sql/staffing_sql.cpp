// Who is short of staff, and who carries how many cases: the head's staffing queue (app/staffing.hpp),
// read from case_staff and the accounts' roles, never from a case's sealed content.
#include <string>
#include <string_view>

#include "storage/sql/sql_values.hpp"
#include "storage/sql/sql_views.hpp"

namespace haven::storage {

using namespace sql_values;
namespace {

// An open case's enabled staff of a role (the join to staff leaves a disabled account out: it serves nobody).
constexpr std::string_view kWorkers = "SUM(CASE WHEN a.role = 'case_worker' THEN 1 ELSE 0 END)";
constexpr std::string_view kCounsellors = "SUM(CASE WHEN a.role = 'counsellor' THEN 1 ELSE 0 END)";

struct GapColumns : SqlColumns {
  SqlColumn id = column("c.id");
  SqlColumn code = column("c.code");
  SqlColumn stage = column("c.stage");
  SqlColumn received_at = column("r.received_at");
  SqlColumn on_case = column("COUNT(a.id)");
  SqlColumn workers = column(kWorkers);
  SqlColumn counsellors = column(kCounsellors);
  SqlColumn total = column("COUNT(*) OVER ()");
};
constexpr GapColumns kGap;

struct CaseloadColumns : SqlColumns {
  SqlColumn staff_id = column("s.staff_id");
  SqlColumn open_cases = column("COUNT(*)");
};
constexpr CaseloadColumns kCaseload;

// An open case: neither closed nor erased (a repatriation is open: the centre still serves it).
constexpr std::string_view kOpenCase = "c.centre_id = $1 AND c.erased_at IS NULL AND c.stage <> 'closed'";

}  // namespace

Result<std::pair<std::vector<StaffingGap>, std::int64_t>> SqlCases::staffing_gaps(std::string_view centre_id,
                                                                                  int limit) {
  // One row per open case with its enabled staff counted by role; the short ones kept.
  static const std::string kSql = kGap.select(
      "FROM cases c JOIN receptions r ON r.case_id = c.id LEFT JOIN case_staff s ON s.case_id = c.id "
      "LEFT JOIN staff a ON a.id = s.staff_id AND a.disabled = 0 WHERE " + std::string(kOpenCase) +
      " GROUP BY c.id, c.code, c.stage, r.received_at HAVING " + std::string(kWorkers) + " = 0 OR " +
      std::string(kCounsellors) + " = 0 ORDER BY r.received_at, c.id LIMIT $2");
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(kSql, {text(centre_id), SqlValue{std::int64_t{limit}}}));
  std::pair<std::vector<StaffingGap>, std::int64_t> out;
  out.first.reserve(rows.size());
  for (const auto& row : rows) {
    StaffingGap g;
    g.case_id = row.text(kGap.id);
    g.code = row.text(kGap.code);
    g.stage = parse_stored(domain::kCaseStageNames, row.text(kGap.stage), domain::CaseStage::received);
    g.received_at = timestamp(row.integer(kGap.received_at));
    g.staff_on_case = row.integer(kGap.on_case);
    g.has_case_worker = row.integer(kGap.workers) > 0;
    g.has_counsellor = row.integer(kGap.counsellors) > 0;
    out.second = row.integer(kGap.total);
    out.first.push_back(std::move(g));
  }
  return out;
}

Result<std::vector<Caseload>> SqlCases::caseloads(std::string_view centre_id) {
  static const std::string kSql = kCaseload.select("FROM case_staff s JOIN cases c ON c.id = s.case_id WHERE " +
                                                   std::string(kOpenCase) + " GROUP BY s.staff_id");
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(kSql, {text(centre_id)}));
  std::vector<Caseload> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back({row.text(kCaseload.staff_id), row.integer(kCaseload.open_cases)});
  return out;
}

}  // namespace haven::storage
