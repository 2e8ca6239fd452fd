#include "codec/centre_record_json.hpp"

#include "codec/record_fields_json.hpp"

namespace haven::codec {

std::optional<std::size_t> centre_record_type_index(std::string_view type_name) {
  return domain::RecordTypes<domain::CentreRecordBody>::index_of(type_name);
}

Result<domain::CentreRecordBody> decode_centre_record_body(std::string_view type_name, const boost::json::value& value,
                                                           const std::string& prefix) {
  return detail::decode_body<domain::CentreRecordBody>(type_name, value, prefix);
}

boost::json::object encode_centre_record_body(const domain::CentreRecordBody& body) {
  return detail::encode_body(body);
}

void for_each_centre_record_body_schema(
    FunctionRef<void(std::string_view type, domain::Origin origin, boost::json::object schema)> visit) {
  detail::for_each_body_schema<domain::CentreRecordBody>(visit);
}

}  // namespace haven::codec
