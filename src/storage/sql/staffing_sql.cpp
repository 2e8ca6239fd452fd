// Who is short of staff, and who carries how many cases: the head's staffing queue (app/staffing.hpp),
// read from case_staff and the accounts' roles, never from a case's sealed content.
#include <string>

#include "storage/sql/sql_values.hpp"
#include "storage/sql/sql_views.hpp"

namespace haven::storage {

using namespace sql_values;
namespace {

// Enabled accounts only: a disabled account on a case serves nobody.
std::string staff_on(std::string_view role_condition) {
  return "(SELECT COUNT(*) FROM case_staff s JOIN staff a ON a.id = s.staff_id WHERE s.case_id = c.id AND "
         "a.disabled = 0" +
         std::string(role_condition) + ")";
}

struct GapColumns : SqlColumns {
  SqlColumn id = column("c.id");
  SqlColumn code = column("c.code");
  SqlColumn stage = column("c.stage");
  SqlColumn received_at = column("r.received_at");
  SqlColumn on_case = column("g.on_case");
  SqlColumn workers = column("g.workers");
  SqlColumn counsellors = column("g.counsellors");
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
  // The counts per case are computed once in a derived table; the outer query keeps the short ones.
  static const std::string kSql = kGap.select(
      "FROM (SELECT c.id AS case_id, " + staff_on("") + " AS on_case, " + staff_on(" AND a.role = 'case_worker'") +
      " AS workers, " + staff_on(" AND a.role = 'counsellor'") + " AS counsellors FROM cases c WHERE " +
      std::string(kOpenCase) +
      ") g JOIN cases c ON c.id = g.case_id JOIN receptions r ON r.case_id = c.id "
      "WHERE g.workers = 0 OR g.counsellors = 0 ORDER BY r.received_at, c.id LIMIT $2");
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
