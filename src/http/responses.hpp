// Small builders for the JSON responses handlers return.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "http/message.hpp"

namespace haven::http {

inline Response json_response(Status status, const boost::json::object& body, unsigned version = 11) {
  Response response{status, version};
  response.set(beast_http::field::content_type, "application/json");
  response.body() = boost::json::serialize(body);
  response.prepare_payload();
  return response;
}

inline Response empty_response(Status status, unsigned version = 11) {
  Response response{status, version};
  response.prepare_payload();
  return response;
}

}  // namespace haven::http
