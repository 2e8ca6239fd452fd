// `haven audit verify`: checks the audit log's hash chain and names the first entry that does not
// fit (exit 1), with progress on standard error for a long log.
// `haven audit exposure --from T --to T`: who opened which cases in the period, one line each, for a
// breach notice (Law 91/2025/QH15 asks for one within 72 hours).
#include <unistd.h>

#include <iostream>

#include "app/audit_log.hpp"
#include "cli/commands.hpp"
#include "common/iso_time.hpp"

namespace haven::cli {
namespace {

std::string_view explain(app::AuditProblem problem) {
  switch (problem) {
    case app::AuditProblem::none: return "";
    case app::AuditProblem::altered:
      return "its content or hash was changed, or it was added without the key / nội dung hoặc mã băm đã bị sửa";
    case app::AuditProblem::broken_link:
      return "it does not follow the entry before it: an entry was deleted, inserted or moved / "
             "không nối tiếp mục trước: có mục bị xoá, chèn hoặc đổi chỗ";
    case app::AuditProblem::unchained_in_chain:
      return "it has no hash, after the chain began / không có mã băm dù chuỗi đã bắt đầu";
    case app::AuditProblem::last_entries_missing:
      return "the latest entries are missing / các mục cuối đã bị xoá";
  }
  return "";
}

}  // namespace

int run_audit_verify(const CommonFlags& common) {
  int exit_code = 0;
  auto env = open_environment(common, exit_code);
  if (!env) return exit_code;
  const bool terminal = ::isatty(2) != 0;
  auto check = app::verify_audit_log(*env->store, *env->keys, [&](std::int64_t checked) {
    if (checked > 0 && checked % 100000 == 0) {
      std::cerr << (terminal ? "\r" : "") << "checked " << checked << " entries / đã kiểm tra " << checked << " mục"
                << (terminal ? "" : "\n") << std::flush;
    }
  });
  if (terminal) std::cerr << "\n";
  if (!check) return report_failure("cannot read the audit log", check.error());
  std::cout << check->chained << " entries in the chain";
  if (check->unchained > 0) std::cout << ", " << check->unchained << " written before the chain began";
  std::cout << ".\n";
  if (check->problem == app::AuditProblem::none) {
    std::cout << "The audit log is intact. / Nhật ký kiểm tra nguyên vẹn.\n";
    return 0;
  }
  std::cout << "The audit log was tampered with at entry " << *check->first_bad_id << ": " << explain(check->problem)
            << "\nNhật ký kiểm tra đã bị can thiệp tại mục " << *check->first_bad_id << ".\n";
  return 1;
}

int run_audit_exposure(const CommonFlags& common, const std::string& from_text, const std::string& to_text) {
  const auto from = parse_iso_timestamp(from_text);
  const auto to = parse_iso_timestamp(to_text);
  if (!from || !to || *to <= *from) {
    std::cerr << "haven audit exposure: --from and --to are times like 2026-11-01T00:00:00Z, --from first\n";
    return 2;
  }
  int exit_code = 0;
  auto env = open_environment(common, exit_code);
  if (!env) return exit_code;
  auto reads = storage::read_value<std::vector<storage::CaseReadSummary>>(
      *env->store, [&](storage::ReadTransaction& tx) { return tx.audit().list_case_reads(*from, *to); });
  if (!reads) return report_failure("cannot read the audit log", reads.error());
  std::cout << "staff\tcase\tfirst\tlast\ttimes\n";
  for (const auto& r : *reads) {
    std::cout << (r.actor_username.empty() ? r.actor_id : r.actor_username) << "\t"
              << (r.case_code.empty() ? r.case_id : r.case_code) << "\t" << format_iso_timestamp(r.first) << "\t"
              << format_iso_timestamp(r.last) << "\t" << r.reads << "\n";
  }
  std::cerr << reads->size() << " staff-and-case pairs between " << from_text << " and " << to_text << "\n";
  return 0;
}

}  // namespace haven::cli
