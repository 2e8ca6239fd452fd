// The OpenAPI 3.1 document of the API, generated once from the routes and the record tables
// (http/openapi.cpp).
//
//   std::cout << haven::http::openapi_document();   // what `haven openapi` prints
#pragma once

#include <string>

namespace haven::http {

const std::string& openapi_document();

}  // namespace haven::http
