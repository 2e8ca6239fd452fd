#include "http/problem.hpp"

#include <boost/json.hpp>

namespace haven::http {

Status status_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::malformed_request: return Status::bad_request;
    case ErrorCode::malformed_json: return Status::bad_request;
    case ErrorCode::invalid_utf8: return Status::bad_request;
    case ErrorCode::wrong_type: return Status::unprocessable_entity;
    case ErrorCode::unknown_field: return Status::unprocessable_entity;
    case ErrorCode::missing_field: return Status::unprocessable_entity;
    case ErrorCode::validation_failed: return Status::unprocessable_entity;
    case ErrorCode::payload_too_large: return Status::payload_too_large;
    case ErrorCode::unsupported_media_type: return Status::unsupported_media_type;
    case ErrorCode::headers_too_large: return Status::request_header_fields_too_large;
    case ErrorCode::unauthenticated: return Status::unauthorized;
    case ErrorCode::invalid_credentials: return Status::unauthorized;
    case ErrorCode::second_factor_required: return Status::unauthorized;
    case ErrorCode::forbidden: return Status::forbidden;
    case ErrorCode::not_found: return Status::not_found;
    case ErrorCode::gone: return Status::gone;
    case ErrorCode::method_not_allowed: return Status::method_not_allowed;
    case ErrorCode::version_conflict: return Status::conflict;
    case ErrorCode::guard_refused: return Status::conflict;
    case ErrorCode::already_exists: return Status::conflict;
    case ErrorCode::unavailable: return Status::service_unavailable;
    case ErrorCode::rate_limited: return Status::too_many_requests;
    case ErrorCode::busy: return Status::service_unavailable;
    case ErrorCode::internal: return Status::internal_server_error;
  }
  return Status::internal_server_error;
}

Response problem_response(const Error& error, i18n::Language language, unsigned http_version) {
  const Status status = status_for(error.code);
  const std::string key = error.message_key.empty() ? i18n::default_message_key(error.code) : error.message_key;
  std::vector<MessageArg> args = i18n::localize_args(language, error.args);
  if (!error.field.empty()) args.push_back({"field", error.field});
  if (error.current_version) args.push_back({"current", std::to_string(*error.current_version)});

  boost::json::object body;
  body["type"] = "urn:haven:problem:" + std::string(to_string(error.code));
  body["title"] = i18n::render_message(language, i18n::default_message_key(error.code), args);
  body["status"] = static_cast<unsigned>(status);
  body["detail"] = i18n::render_message(language, key, args);
  body["code"] = to_string(error.code);
  if (!error.field.empty()) body["field"] = error.field;
  if (!error.clause.empty()) body["clause"] = error.clause;
  if (error.current_version) body["current_version"] = *error.current_version;
  if (!error.refusals.empty()) {
    boost::json::array refusals;
    for (const auto& r : error.refusals) {
      refusals.push_back({{"clause", r.clause},
                          {"message", i18n::render_message(language, r.message_key, i18n::localize_args(language, r.args))}});
    }
    body["refusals"] = std::move(refusals);
  }

  Response response{status, http_version};
  response.set(beast_http::field::content_type, "application/problem+json");
  response.set(beast_http::field::content_language, i18n::language_tag(language));
  response.body() = boost::json::serialize(body);
  response.prepare_payload();
  return response;
}

}  // namespace haven::http
