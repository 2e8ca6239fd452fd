// The records of a case: what happened, each with its type and a body sealed under the case's key.
#include <boost/json.hpp>

#include "codec/record_json.hpp"
#include "storage/sql/record_rows.hpp"
#include "storage/sql/sql_values.hpp"
#include "storage/sql/sql_views.hpp"

namespace haven::storage {

using namespace sql_values;

namespace {

constexpr RecordColumns kRecord;

// A record with the case it belongs to.
struct RecordRefColumns : RecordColumns {
  SqlColumn case_id = column("r.case_id");
  SqlColumn case_code = column("c.code");
  SqlColumn wrapped_key = column("k.wrapped");
};
constexpr RecordRefColumns kRecordRef;

}  // namespace

Result<std::vector<domain::CaseRecord>> SqlRecords::list(std::string_view centre_id, std::string_view case_id) {
  static const std::string kSql = kRecord.select(
      "FROM case_records r JOIN cases c ON c.id = r.case_id WHERE c.centre_id = $1 AND r.case_id = $2 "
      "AND c.erased_at IS NULL ORDER BY r.occurred_at, r.id");
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(kSql, {text(centre_id), text(case_id)}));
  HAVEN_ASSIGN_OR_RETURN(auto key, scope_.case_key(case_id));
  return records_from<domain::CaseRecord>(
      rows, kRecord, codec::decode_record_body, "case record", [&](const SqlRow& row) -> Result<std::string> {
        HAVEN_ASSIGN_OR_RETURN(auto k, scope_.key_for(case_id, key, row.text(kRecord.body)));
        return scope_.open("case_records", row.text(kRecord.id), "body", row.text(kRecord.body), k);
      });
}

Result<std::vector<CaseRecordRef>> SqlRecords::list_of_type(std::string_view centre_id, std::string_view type_name) {
  static const std::string kSql = kRecordRef.select(
      "FROM case_records r JOIN cases c ON c.id = r.case_id LEFT JOIN case_keys k ON k.case_id = r.case_id "
      "WHERE c.centre_id = $1 AND r.type = $2 AND c.erased_at IS NULL ORDER BY r.recorded_at, r.id");
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(kSql, {text(centre_id), text(type_name)}));
  HAVEN_ASSIGN_OR_RETURN(
      auto records,
      records_from<domain::CaseRecord>(
          rows, kRecordRef, codec::decode_record_body, "case record", [this](const SqlRow& row) -> Result<std::string> {
            const std::string& case_id = row.text(kRecordRef.case_id);
            auto key = scope_.case_key_from(case_id, row.optional_text(kRecordRef.wrapped_key));
            if (key) key = scope_.key_for(case_id, *key, row.text(kRecordRef.body));
            HAVEN_TRY(key);
            return scope_.open("case_records", row.text(kRecordRef.id), "body", row.text(kRecordRef.body), *key);
          }));
  std::vector<CaseRecordRef> out;
  out.reserve(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    out.push_back({rows[i].text(kRecordRef.case_id), rows[i].text(kRecordRef.case_code), std::move(records[i])});
  }
  return out;
}

Result<void> SqlRecords::insert(std::string_view case_id, const domain::CaseRecord& record) {
  HAVEN_ASSIGN_OR_RETURN(auto key, scope_.case_key_for_writing(case_id));
  const std::string body = boost::json::serialize(codec::encode_record_body(record.body));
  HAVEN_TRY(
      db().execute("INSERT INTO case_records (id, case_id, type, occurred_at, recorded_at, recorded_by, version, body) "
                   "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                   {text(record.id), text(case_id), text(record.type_name()), seconds(record.occurred_at),
                    seconds(record.recorded_at), text(record.recorded_by), SqlValue{record.version},
                    text(scope_.seal_case(*key, "case_records", record.id, "body", body))}));
  // A new record changes how the case stands: a standing stored before it no longer holds.
  HAVEN_TRY(db().execute("UPDATE cases SET revision = revision + 1, content_bytes = content_bytes + $2 WHERE id = $1",
                         {text(case_id), SqlValue{static_cast<std::int64_t>(body.size())}}));
  return {};
}

}  // namespace haven::storage
