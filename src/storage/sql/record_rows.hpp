// The columns every stored record has, a case's (records_sql.cpp) or the centre's
// (centre_records_sql.cpp), and how rows of them read back as records. A SELECT adds its own
// columns by deriving from RecordColumns, after these.
//
//   struct CentreRecordColumns : RecordColumns { SqlColumn subject = column("r.subject"); };
//   auto records = records_from<domain::CentreRecord>(rows, kColumns, codec::decode_centre_record_body,
//                                                     "centre record", open_body);
#pragma once

#include <boost/json.hpp>

#include "storage/sql/sql_values.hpp"

namespace haven::storage {

// Read from a table aliased `r`.
struct RecordColumns : SqlColumns {
  SqlColumn id = column("r.id");
  SqlColumn type = column("r.type");
  SqlColumn occurred_at = column("r.occurred_at");
  SqlColumn recorded_at = column("r.recorded_at");
  SqlColumn recorded_by = column("r.recorded_by");
  SqlColumn version = column("r.version");
  SqlColumn body = column("r.body");  // sealed: `open_body` opens it
};

// The rows as records whose body `decode` reads back from its stored JSON. A row that no longer reads
// is a bug or a damaged row: the error says which row and type, never its content.
template <class Record, class Decode, class OpenBody>
Result<std::vector<Record>> records_from(const std::vector<SqlRow>& rows, const RecordColumns& columns, Decode decode,
                                         std::string_view what, OpenBody open_body) {
  using sql_values::timestamp;
  std::vector<Record> records;
  records.reserve(rows.size());
  for (const auto& row : rows) {
    HAVEN_ASSIGN_OR_RETURN(auto opened, open_body(row));  // the body is sealed
    const std::string& type = row.text(columns.type);
    boost::system::error_code ec;
    const auto json = boost::json::parse(opened, ec);
    auto body = ec ? decltype(decode(type, json, "body"))(fail(ErrorCode::internal)) : decode(type, json, "body");
    if (!body) {
      return fail_internal(ErrorCode::internal, std::string(what) + " " + row.text(columns.id) + " of type " + type +
                                                    " cannot be read back");
    }
    Record& r = records.emplace_back();
    r.id = row.text(columns.id);
    r.occurred_at = timestamp(row.integer(columns.occurred_at));
    r.recorded_at = timestamp(row.integer(columns.recorded_at));
    r.recorded_by = row.text(columns.recorded_by);
    r.version = row.integer(columns.version);
    r.body = std::move(*body);
  }
  return records;
}

}  // namespace haven::storage
