#include "http/document_json.hpp"

#include "common/iso_time.hpp"

namespace haven::http {

boost::json::object encode_document(const domain::Document& d) {
  boost::json::object out{{"id", d.id},
                          {"name", d.name},
                          {"category", domain::kInformationCategoryNames.name(d.category)},
                          {"media_type", domain::kDocumentTypeNames.name(d.type)},
                          {"byte_size", d.byte_size},
                          {"recorded_by", d.recorded_by},
                          {"recorded_at", format_iso_timestamp(d.recorded_at)}};
  out["record_id"] = d.record_id.empty() ? boost::json::value(nullptr) : boost::json::value(d.record_id);
  return out;
}

boost::json::array encode_documents(const std::vector<domain::Document>& documents) {
  boost::json::array out;
  for (const auto& d : documents) out.push_back(encode_document(d));
  return out;
}

}  // namespace haven::http
