#include "codec/record_json.hpp"

#include "codec/record_fields_json.hpp"

namespace haven::codec {

std::optional<std::size_t> record_type_index(std::string_view type_name) {
  return domain::RecordTypes<domain::RecordBody>::index_of(type_name);
}

Result<domain::RecordBody> decode_record_body(std::string_view type_name, const boost::json::value& value,
                                              const std::string& prefix) {
  return detail::decode_body<domain::RecordBody>(type_name, value, prefix);
}

boost::json::object encode_record_body(const domain::RecordBody& body) {
  return detail::encode_body(body);
}

void for_each_record_body_schema(
    FunctionRef<void(std::string_view type, domain::Origin origin, boost::json::object schema)> visit) {
  detail::for_each_body_schema<domain::RecordBody>(visit);
}

}  // namespace haven::codec
