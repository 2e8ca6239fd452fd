// The JSON form of case records, shared by the API (requests and responses) and the stores (the body
// column): one codec, so what is stored is exactly what was validated.
//
//   auto body = decode_record_body("health_check", json, "record");   // fields checked, unknown refused
//   boost::json::object out = encode_record_body(record.body);
#pragma once

#include <optional>
#include <string_view>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "common/error.hpp"
#include "common/function_ref.hpp"
#include "domain/case_record.hpp"

namespace haven::codec {

std::optional<std::size_t> record_type_index(std::string_view type_name);

// not_found for an unknown type; the ObjectReader's problems otherwise, with paths under `prefix`.
Result<domain::RecordBody> decode_record_body(std::string_view type_name, const boost::json::value& json,
                                              const std::string& prefix);
boost::json::object encode_record_body(const domain::RecordBody& body);

// The JSON Schema of each type's body, from its table, with whether staff post it: for the OpenAPI
// document.
void for_each_record_body_schema(
    FunctionRef<void(std::string_view type, domain::Origin origin, boost::json::object schema)> visit);

}  // namespace haven::codec
