// The centre's records about itself and its staff, sealed under the current data key (they never
// leave the centre, so they have no case key).
#include <boost/json.hpp>

#include "codec/centre_record_json.hpp"
#include "storage/sql/record_rows.hpp"
#include "storage/sql/sql_values.hpp"
#include "storage/sql/sql_views.hpp"

namespace haven::storage {

using namespace sql_values;

namespace {

struct CentreRecordColumns : RecordColumns {
  SqlColumn subject = column("r.subject");  // the member of staff it is about; "" for the centre
};
constexpr CentreRecordColumns kCentreRecord;

}  // namespace

Result<std::vector<domain::CentreRecord>> SqlCentreRecords::list(std::string_view centre_id,
                                                                 std::optional<std::string_view> subject) {
  static const std::string kOfCentre = kCentreRecord.select("FROM centre_records r WHERE r.centre_id = $1");
  static const std::string kAll = kOfCentre + " ORDER BY r.occurred_at, r.id";
  static const std::string kAboutSubject = kOfCentre + " AND r.subject = $2 ORDER BY r.occurred_at, r.id";
  SqlParams params{text(centre_id)};
  if (subject) params.push_back(text(*subject));
  HAVEN_ASSIGN_OR_RETURN(auto rows, db().query(subject ? kAboutSubject : kAll, params));
  HAVEN_ASSIGN_OR_RETURN(
      auto records,
      records_from<domain::CentreRecord>(
          rows, kCentreRecord, codec::decode_centre_record_body, "centre record", [this](const SqlRow& row) {
            return scope_.open("centre_records", row.text(kCentreRecord.id), "body", row.text(kCentreRecord.body));
          }));
  for (std::size_t i = 0; i < records.size(); ++i) records[i].subject = rows[i].text(kCentreRecord.subject);
  return records;
}

Result<void> SqlCentreRecords::insert(std::string_view centre_id, const domain::CentreRecord& record) {
  HAVEN_ASSIGN_OR_RETURN(auto sealed,
                         scope_.seal("centre_records", record.id, "body",
                                     boost::json::serialize(codec::encode_centre_record_body(record.body))));
  HAVEN_TRY(db().execute(
      "INSERT INTO centre_records (id, centre_id, subject, type, occurred_at, recorded_at, recorded_by, version, body) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      {text(record.id), text(centre_id), text(record.subject), text(record.type_name()), seconds(record.occurred_at),
       seconds(record.recorded_at), text(record.recorded_by), SqlValue{record.version}, text(sealed)}));
  return {};
}

}  // namespace haven::storage
