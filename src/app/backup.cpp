#include "app/backup.hpp"

#include <sstream>

#include <boost/json.hpp>

#include "codec/json_input.hpp"
#include "common/iso_time.hpp"

namespace haven::app {

Result<CopyFacts> facts_of(storage::Store& copy) {
  CopyFacts facts;
  HAVEN_ASSIGN_OR_RETURN(facts.schema_version, copy.schema_version());
  HAVEN_TRY(copy.read([&](storage::ReadTransaction& tx) -> Result<void> {
    HAVEN_ASSIGN_OR_RETURN(facts.audit_head, tx.audit().head());
    HAVEN_ASSIGN_OR_RETURN(facts.cases, tx.keys().count_rows(storage::SealedTable::cases));
    HAVEN_ASSIGN_OR_RETURN(facts.records, tx.keys().count_rows(storage::SealedTable::case_records));
    return {};
  }));
  return facts;
}

std::string encode_manifest(const BackupManifest& m) {
  boost::json::object o;
  o["format"] = m.format;
  o["haven_version"] = m.haven_version;
  o["backend"] = m.backend;
  o["created_at"] = format_iso_timestamp(m.created_at);
  o["schema_version"] = m.facts.schema_version;
  o["audit_head"] = m.facts.audit_head;
  o["cases"] = m.facts.cases;
  o["records"] = m.facts.records;
  o["payload"] = m.payload;
  o["payload_bytes"] = m.payload_bytes;
  o["payload_blake2b"] = m.payload_blake2b;
  return boost::json::serialize(o) + "\n";
}

Result<BackupManifest> decode_manifest(std::string_view json) {
  HAVEN_ASSIGN_OR_RETURN(auto value, codec::parse_json_body(json));
  codec::ObjectReader in(value, "");
  BackupManifest m;
  m.format = static_cast<int>(in.required_integer("format"));
  m.haven_version = in.required_string("haven_version");
  m.backend = in.required_string("backend");
  m.created_at = in.required_timestamp("created_at");
  m.facts.schema_version = static_cast<int>(in.required_integer("schema_version"));
  m.facts.audit_head = in.optional_string("audit_head");
  m.facts.cases = in.required_integer("cases");
  m.facts.records = in.required_integer("records");
  m.payload = in.required_string("payload");
  m.payload_bytes = in.required_integer("payload_bytes");
  m.payload_blake2b = in.required_string("payload_blake2b");
  if (auto problem = in.finish()) return tl::unexpected(*problem);
  if (m.format != BackupManifest::kFormat) {
    return fail(ErrorCode::validation_failed, "format", "validation.backup_format");
  }
  if (m.backend != "sqlite" || m.payload != kSqliteMember) {
    return fail(ErrorCode::validation_failed, "backend", "validation.backup_format");
  }
  if (m.payload_bytes < 0 || m.facts.cases < 0 || m.facts.records < 0 || m.payload_blake2b.size() != 64) {
    return fail(ErrorCode::validation_failed, "payload_bytes", "validation.backup_format");
  }
  return m;
}

Result<CopyCheck> check_copy(storage::Store& copy, const security::KeyRing& keys, const BackupManifest& manifest,
                             std::string_view integrity, FunctionRef<void(std::int64_t)> audit_progress) {
  CopyCheck check;
  if (integrity != "ok") {
    check.problems.push_back("SQLite's integrity check of the copy fails / bản sao không qua kiểm tra toàn vẹn: " +
                             std::string(integrity.substr(0, 400)));
    return check;  // a damaged file is not read further
  }
  HAVEN_ASSIGN_OR_RETURN(check.audit, verify_audit_log(copy, keys, audit_progress));
  if (check.audit.problem != AuditProblem::none) {
    check.problems.push_back("the audit log in the copy does not verify with this key file, at entry " +
                             std::to_string(check.audit.first_bad_id.value_or(0)) +
                             " / nhật ký kiểm tra trong bản sao không khớp với tệp khoá này");
  }
  HAVEN_ASSIGN_OR_RETURN(auto facts, facts_of(copy));
  const auto differs = [&](std::string_view what, const auto& in_copy, const auto& in_manifest) {
    std::ostringstream line;
    line << "the copy's " << what << " (" << in_copy << ") is not the manifest's (" << in_manifest
         << ") / bản sao không khớp bản kê khai: " << what;
    check.problems.push_back(line.str());
  };
  if (facts.schema_version != manifest.facts.schema_version) {
    differs("schema version", facts.schema_version, manifest.facts.schema_version);
  }
  if (facts.audit_head != manifest.facts.audit_head) differs("audit chain head", facts.audit_head, manifest.facts.audit_head);
  if (facts.cases != manifest.facts.cases) differs("count of cases", facts.cases, manifest.facts.cases);
  if (facts.records != manifest.facts.records) differs("count of records", facts.records, manifest.facts.records);
  return check;
}

}  // namespace haven::app
