// A document's description as the API answers it (the Document schema): the case file, an upload's
// answer and a disclosure package all say it the same way.
#pragma once

#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "domain/document.hpp"

namespace haven::http {

boost::json::object encode_document(const domain::Document& document);
boost::json::array encode_documents(const std::vector<domain::Document>& documents);

}  // namespace haven::http
