// The JSON form of centre and staff records (domain/centre_record.hpp), shared by the API and the
// stores like the case record codec beside it.
//
//   auto body = decode_centre_record_body("staff_qualification", json, "body");
//   boost::json::object out = encode_centre_record_body(record.body);
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "common/error.hpp"
#include "common/function_ref.hpp"
#include "domain/centre_record.hpp"

namespace haven::codec {

std::optional<std::size_t> centre_record_type_index(std::string_view type_name);

// not_found for an unknown type; the reader's problems otherwise, with paths under `prefix`.
Result<domain::CentreRecordBody> decode_centre_record_body(std::string_view type_name, const boost::json::value& json,
                                                           const std::string& prefix);
boost::json::object encode_centre_record_body(const domain::CentreRecordBody& body);

// The JSON Schema of each type's body, from its table, with whether staff post it: for the OpenAPI
// document.
void for_each_centre_record_body_schema(
    FunctionRef<void(std::string_view type, domain::Origin origin, boost::json::object schema)> visit);

}  // namespace haven::codec
